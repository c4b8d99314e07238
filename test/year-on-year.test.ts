// Year-on-year figures: the wording and rounding of comparisons, figures referenced from text,
// last year's file found automatically or given with --previous, template helpers, the 附表,
// and the reuse check against last year's paragraphs.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BigramIndex, fingerprint, similarity } from '../src/reuse/similar.js';
import { formatDiagnostic } from '../src/diagnostic.js';
import { changeInUnits, changePhrase, formatNumber } from '../src/data/metric-format.js';
import { renderValidated, validateText } from '../src/pipeline.js';
import { fazhi, ROOT, scratchDir, workspace } from './helpers/cli.js';
import { readDocx } from './helpers/docx.js';
import { MINIMAL } from './helpers/minimal.js';

const PREVIOUS = path.join(ROOT, 'data', '示例区', '2023', 'report.yaml');

describe('comparison wording', () => {
  it.each([
    [186, 158, '件', '同比增长17.7%'],
    [143, 126, '件', '同比增长13.5%'],
    [120, 150, '件', '同比下降20%'],
    [401, 400, '件', '同比增长0.3%'], // 0.25% rounds half away from zero
    [399, 400, '件', '同比下降0.3%'], // and so does −0.25%
    [1000.2, 1000, '万元', '与上年基本持平'],
    [5, 5, '项', '与上年持平'],
    [5, 0, '项', '同比增长5项'], // no percentage of nothing
    [12.1, 10.6, '%', '同比提高1.5个百分点'],
    [3.5, 4.0, '%', '同比下降0.5个百分点'],
    [98.65, 98.6, '%', '同比提高0.1个百分点'],
    [100, 100, '%', '与上年持平'],
  ])('%d against %d %s → %s', (current, previous, unit, phrase) => {
    expect(changePhrase(current, previous, unit)).toBe(phrase);
  });

  it('writes the change in units, and 首次开展 when there was nothing last year', () => {
    expect(changeInUnits(5840, 5312, '件')).toBe('同比增长528件');
    expect(changeInUnits(5, 8, '件')).toBe('同比下降3件');
    expect(changeInUnits(1.2, 0.9, '万人次')).toBe('同比增长0.3万人次');
    expect(changeInUnits(12.1, 10.6, '%')).toBe('同比提高1.5个百分点');
    expect(changePhrase(3, undefined, '件')).toBe('首次开展');
    expect(changeInUnits(3, undefined, '件')).toBe('首次开展');
  });

  it('prints numbers as written, without float noise', () => {
    expect([formatNumber(0.1 + 0.2), formatNumber(1126), formatNumber(12.1), formatNumber(2.5e-7)]).toEqual(['0.3', '1126', '12.1', '0']);
  });
});

const WITH_FIGURES = MINIMAL.replace(
  '        - 开展合法性审核120件。',
  '        - 全年收到行政复议申请〔review_applications〕，〔review_applications 同比〕，上年为〔review_applications 上年〕；纠错率〔review_correction_rate〕，〔review_correction_rate 同比〕；新开通线上调解〔online_mediation〕，〔online_mediation 同比〕，〔review_applications 增减〕。',
) + `metrics:
  - { id: review_applications, label: 行政复议申请, value: 186, unit: 件 }
  - { id: review_correction_rate, label: 行政复议纠错率, value: 12.1, unit: "%" }
  - { id: online_mediation, label: 线上调解, value: 35, unit: 件 }
`;

async function texts(yaml: string, previous?: string): Promise<string[]> {
  const result = await renderValidated(validateText(yaml, 'r.yaml', previous ? { previous } : {}));
  expect(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  return (await readDocx(result.docx!)).paragraphs.map((p) => p.text);
}

describe('figures referenced from text', () => {
  it('prints the figures and the comparisons with last year’s report', async () => {
    const t = await texts(WITH_FIGURES, PREVIOUS);
    expect(t).toContain(
      '一是规范决策程序。全年审议重大行政决策事项5项。二是全年收到行政复议申请186件，同比增长17.7%，上年为158件；纠错率12.1%，同比提高1.5个百分点；新开通线上调解35件，首次开展，同比增长28件。',
    );
  });

  it('reports a reference to an undefined figure at its line, with the likely id', () => {
    const broken = WITH_FIGURES.replace('申请〔review_applications〕', '申请〔review_aplications〕').replace('〔online_mediation 同比〕', '〔online_mediation 环比〕');
    const messages = validateText(broken, 'r.yaml', { previous: PREVIOUS }).diagnostics.map(formatDiagnostic);
    expect(messages).toEqual([
      'r.yaml:14:21 错误 引用了未定义的数据项“〔review_aplications〕”：metrics 中没有标识为“review_aplications”的数据项，是否应为“review_applications”？',
      'r.yaml:14:177 错误 “〔online_mediation 环比〕”中的“环比”无法识别，可用的写法：〔online_mediation〕、〔online_mediation 同比〕、〔online_mediation 增减〕、〔online_mediation 上年〕。',
    ]);
  });

  it('catches a reference written wrongly instead of printing it', () => {
    const messages = validateText(MINIMAL.replace('  intro: 基层执法力量仍然不足。', '  intro: 基层执法力量仍然不足〔Review_Cases〕。'), 'r.yaml').diagnostics.map(formatDiagnostic);
    expect(messages).toEqual(['r.yaml:16:20 错误 “〔Review_Cases〕”像是引用数据项，但写法不对：应写成〔标识〕，标识用小写英文字母、数字和下划线，例如〔review_cases〕。']);
  });

  it('leaves 〔〕 around years alone: 示发〔2025〕3号 in text is not a reference', async () => {
    const t = await texts(MINIMAL.replace('  intro: 基层执法力量仍然不足。', '  intro: 按照示发〔2025〕3号文件要求，基层执法力量仍然不足。'));
    expect(t).toContain('按照示发〔2025〕3号文件要求，基层执法力量仍然不足。');
  });
});

describe('last year’s file', () => {
  it('is found as the same unit’s file for the year before', async () => {
    const dir = workspace();
    const file = path.join(dir, 'data', '示例区', '2024', 'report.yaml');
    const text = readFileSync(file, 'utf8').replace('全年收到行政复议申请186件，', '全年收到行政复议申请〔review_applications〕，〔review_applications 同比〕，');
    writeFileSync(file, text);
    const out = path.join(dir, 'r.docx');
    const r = fazhi(['render', 'data/示例区/2024/report.yaml', '-o', out], dir);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const t = (await readDocx(readFileSync(out))).paragraphs.map((p) => p.text).join('');
    expect(t).toContain('全年收到行政复议申请186件，同比增长17.7%，依法受理171件');
  });

  it('is an error to compare when there is no previous year’s file, naming where it was looked for', () => {
    const dir = scratchDir();
    mkdirSync(path.join(dir, 'data', '测试区', '2025'), { recursive: true });
    const file = path.join(dir, 'data', '测试区', '2025', 'report.yaml');
    writeFileSync(file, WITH_FIGURES.replace('year: 2024', 'year: 2025').replace('date: 2025-01-15', 'date: 2026-01-15'));
    const r = fazhi(['validate', 'data/测试区/2025/report.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `data/测试区/2025/report.yaml:14:11 错误 “〔review_applications 同比〕”要与上年比较，但没有找到上年的数据文件（应为 ${path.join('data', '测试区', '2024', 'report.yaml')}）；请用 --previous 指定上年的数据文件，或直接写明。`,
    );
  });

  it('can be given with --previous, for one file only', async () => {
    const dir = scratchDir();
    const file = path.join(dir, '本年.yaml');
    writeFileSync(file, WITH_FIGURES);
    cpSync(PREVIOUS, path.join(dir, '去年.yaml'));
    const out = path.join(dir, 'r.docx');
    const r = fazhi(['render', '本年.yaml', '--previous', '去年.yaml', '-o', out], dir);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect((await readDocx(readFileSync(out))).paragraphs.map((p) => p.text).join('')).toContain('同比增长17.7%');
    expect(fazhi(['validate', '本年.yaml', '--previous', '去年.yaml'], dir).code).toBe(0);
    const two = fazhi(['validate', '本年.yaml', '去年.yaml', '--previous', '去年.yaml'], dir);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('--previous 只能和一个数据文件一起使用');
    const missing = fazhi(['validate', '本年.yaml', '--previous', '没有.yaml'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('没有.yaml 错误 找不到这个文件，请检查路径和文件名。');
  });
});

describe('template helpers', () => {
  it('word figures and comparisons in a template, and name a figure the data lacks', async () => {
    const dir = scratchDir();
    const template = (extra: string) =>
      `@title 测试报告\n@paragraph 行政复议申请{{metric "review_applications"}}，{{yoy "review_applications"}}，{{yoy_count "review_applications"}}，上年{{previous "review_applications"}}；纠错率{{yoy "review_correction_rate"}}。${extra}\n@part measures 一\n@part shortcomings 二\n@part duties 三\n@part plans 四\n@signature\n`;
    writeFileSync(path.join(dir, 'report.hbs'), template(''));
    const result = await renderValidated(validateText(WITH_FIGURES, 'r.yaml', { previous: PREVIOUS }), { templatesDir: dir });
    const t = (await readDocx(result.docx!)).paragraphs.map((p) => p.text);
    expect(t).toContain('行政复议申请186件，同比增长17.7%，同比增长28件，上年158件；纠错率同比提高1.5个百分点。');
    const other = scratchDir(); // templates are cached by file: a new one in a new place
    writeFileSync(path.join(other, 'report.hbs'), template('{{yoy "nope"}}'));
    const failed = await renderValidated(validateText(WITH_FIGURES, 'r.yaml', { previous: PREVIOUS }), { templatesDir: other });
    expect(failed.diagnostics.map(formatDiagnostic)).toContain(`${path.join(other, 'report.hbs')} 错误 模板引用了数据中没有的数据项“nope”（metrics 中没有这个标识）。`);
  });
});

describe('附表 of figures against last year’s', () => {
  it('is a table on its own page after the signature, as the listed attachment', async () => {
    const yaml = `${WITH_FIGURES}attachments:\n  - 测试区2024年法治政府建设主要指标\nmetrics_table: 测试区2024年法治政府建设主要指标\ncopy_to:\n  - 测试市司法局\n`;
    const result = await renderValidated(validateText(yaml, 'r.yaml', { previous: PREVIOUS }));
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    const docx = await readDocx(result.docx!);
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(docx.document.slice(docx.document.indexOf('测试区2024年法治政府建设主要指标</w:t>')))?.[0];
    expect(table).toBeDefined();
    const rows = [...table!.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => [...c[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
    );
    expect(rows).toEqual([
      ['序号', '指标', '单位', '2024年', '2023年', '同比'],
      ['1', '行政复议申请', '件', '186', '158', '增长17.7%'],
      ['2', '行政复议纠错率', '%', '12.1', '10.6', '提高1.5个百分点'],
      ['3', '线上调解', '件', '35', '—', '首次开展'],
    ]);
    const texts = docx.paragraphs.map((p) => p.text);
    const label = docx.paragraphs.find((p) => p.text === '附件')!;
    expect(label.xml).toContain('<w:pageBreakBefore/>');
    expect(texts.indexOf('附件')).toBeGreaterThan(texts.indexOf('2025年1月15日'));
    expect(texts.indexOf('抄送：测试市司法局。')).toBeGreaterThan(texts.indexOf('附件'));
  });
});

describe('run-in headings', () => {
  it('print “1.标题。正文” as one paragraph, the heading bold', async () => {
    const yaml = MINIMAL.replace(
      '      items:\n        - lead: 规范决策程序',
      '      groups:\n        - heading: 强化内部管理制度\n          run_in: true\n          paragraphs: 继续实施区政府合同管理办法。\n      items:\n        - lead: 规范决策程序',
    );
    const result = await renderValidated(validateText(yaml, 'r.yaml'));
    expect(result.diagnostics).toEqual([]);
    const p = (await readDocx(result.docx!)).paragraphs.find((x) => x.text.startsWith('1.'))!;
    expect(p.text).toBe('1.强化内部管理制度。继续实施区政府合同管理办法。');
    expect(/<w:r>(?:(?!<\/w:r>)[\s\S])*<w:b\/>(?:(?!<\/w:r>)[\s\S])*1\.强化内部管理制度。/.test(p.xml)).toBe(true);
    expect(/<w:b\/>(?:(?!<\/w:r>)[\s\S])*继续实施/.test(p.xml)).toBe(false);
  });
});

describe('reuse check', () => {
  function withParagraph(text: string): string {
    const dir = scratchDir();
    cpSync(path.join(ROOT, 'data'), path.join(dir, 'data'), { recursive: true });
    const file = path.join(dir, 'data', '示例区', '2024', 'report.yaml');
    const source = readFileSync(file, 'utf8');
    const from = '  intro: >-\n    除上述情况外，现将需要说明的其他事项一并报告如下：';
    expect(source).toContain(from);
    writeFileSync(file, source.replace(from, `  intro: >-\n    ${text}`));
    return dir;
  }
  const line2023 = (start: string): number =>
    readFileSync(PREVIOUS, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(start));

  it('warns at a paragraph copied from last year’s report, showing both places', () => {
    const copied = '根据市委依法治市办工作安排，本报告经区委、区政府审定后，通过区政府门户网站向社会公开。';
    const dir = withParagraph(copied);
    const r = fazhi(['validate', 'data/示例区/2024/report.yaml'], dir);
    expect(r.code).toBe(0);
    const at2023 = line2023('根据市委依法治市办工作安排');
    // The 2023 text is a folded block under “intro: >-”: its position is the line holding the text.
    expect(readFileSync(PREVIOUS, 'utf8').split('\n')[at2023 - 1]).toBe('  intro: >-');
    expect(r.stdout).toMatch(
      new RegExp(
        `^data/示例区/2024/report\\.yaml:\\d+:\\d+ 警告 这段文字与上年报告中的一段完全相同，上年见 data/示例区/2023/report\\.yaml:${at2023 + 1}:5。照搬上年内容是审阅时最常被指出的问题，请按本年度实际情况改写。$`,
        'm',
      ),
    );
  });

  it('also when only the numbers changed, and not for rewritten text', () => {
    const numbers = fazhi(
      ['validate', 'data/示例区/2024/report.yaml'],
      withParagraph('区委书记主持召开区委全面依法治区委员会会议，审议年度工作要点和重点任务分工；区长主持区政府常务会议研究法治政府建设议题5次。'),
    );
    expect(numbers.stdout).toContain('警告 这段文字与上年报告中的一段只有数字不同，上年见 data/示例区/2023/report.yaml:');
    const rewritten = fazhi(['validate', 'data/示例区/2024/report.yaml'], withParagraph('本年度，区政府首次委托第三方机构对法治政府建设情况开展全面评估，评估报告已向社会公开。'));
    expect(rewritten.stdout).toContain('没有发现问题');
  });

  it('in one process (watch, the workbench), follows every edit of this year’s text and of last year’s file', () => {
    // The answers for unchanged texts are kept between runs (reuse/index.ts): an edit must still
    // count at once, on either side.
    const dir = scratchDir();
    const previous = path.join(dir, '2023.yaml');
    const lastYear = readFileSync(PREVIOUS, 'utf8');
    writeFileSync(previous, lastYear);
    const copied = '根据市委依法治市办工作安排，本报告经区委、区政府审定后，通过区政府门户网站向社会公开。';
    const fresh = '本年度，区政府首次委托第三方机构对法治政府建设情况开展全面评估，评估报告已向社会公开。';
    const source = readFileSync(path.join(ROOT, 'data', '示例区', '2024', 'report.yaml'), 'utf8');
    const from = '  intro: >-\n    除上述情况外，现将需要说明的其他事项一并报告如下：';
    const reused = (text: string): string[] =>
      validateText(source.replace(from, `  intro: >-\n    ${text}`), 'r.yaml', { previous })
        .diagnostics.filter((d) => d.message.includes('照搬上年内容'))
        .map((d) => d.message.replace(/上年见 .*:(\d+):(\d+)。.*/, '上年第$1行'));
    const at2023 = line2023('根据市委依法治市办工作安排') + 1;
    expect(reused(copied)).toEqual([`这段文字与上年报告中的一段完全相同，上年第${at2023}行`]);
    expect(reused(fresh)).toEqual([]);
    expect(reused(copied)).toEqual([`这段文字与上年报告中的一段完全相同，上年第${at2023}行`]);
    // Last year's file edited on disk: two lines added above the paragraph, then the paragraph rewritten.
    writeFileSync(previous, lastYear.replace('  intro: >-\n    根据市委依法治市办工作安排', '  # 补充说明\n  # 第二行\n  intro: >-\n    根据市委依法治市办工作安排'));
    expect(reused(copied)).toEqual([`这段文字与上年报告中的一段完全相同，上年第${at2023 + 2}行`]);
    writeFileSync(previous, lastYear.replace('根据市委依法治市办工作安排，本报告', '经区委、区政府研究同意，本年度报告全文'));
    expect(reused(copied)).toEqual([]);
  });
});

describe('reuse check: comparing through the bigram index', () => {
  // Texts over a small alphabet, so that paragraphs share many bigrams and numbers vary.
  const text = fc.array(fc.constantFrom('法', '治', '政', '府', '建', '设', '1', '2', '，', '。', ' '), { minLength: 0, maxLength: 60 }).map((cs) => cs.join(''));

  it('gives exactly the pairwise Dice similarity for every pair', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), text, (previous, current) => {
        const before = previous.map(fingerprint);
        const fp = fingerprint(current);
        expect([...new BigramIndex(before).similarities(fp)]).toEqual(before.map((q) => similarity(fp, q)));
      }),
      { numRuns: 300 },
    );
  });
});

