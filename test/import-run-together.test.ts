// `fazhi import` on text that lost its line breaks, in the shapes where nothing marks a paragraph's
// end: sub-headings without punctuation run straight into their first sentence, a whole portal page
// (information table, covering letter, 印发 line, footer and 纠错 form) on one line, and a plans part
// closed by a sentence after its last sub-heading (its `ending`). Each fictional report (fixtures/import/run-together)
// is imported with its line breaks and joined by nothing, a space and a full-width space: the data
// must be the same, and what the lined import gives is checked against what its author knows.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importReport } from '../src/import/index.js';
import { headingEnd, sentenceEnd, siblingModel } from '../src/import/structure/heading-end.js';
import { fazhi, ROOT, scratchDir } from './helpers/cli.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'import', 'run-together');
const JOINERS = [
  ['nothing', ''],
  ['a space', ' '],
  ['a full-width space', '\u3000'],
] as const;

type Group = { heading: string; paragraphs?: string | string[]; items?: unknown[]; groups?: Group[] };
type Part = { heading?: string; intro?: string | string[]; items?: unknown[]; groups?: Group[] };
type Data = Record<string, unknown> & { metrics?: { note?: string }[]; imported: Record<string, unknown> };

const lines = (name: string): string[] => readFileSync(path.join(FIXTURES, `${name}.txt`), 'utf8').split('\n').filter((l) => l !== '');

async function importText(text: string): Promise<{ data: Data; yaml: string; warnings: { ruleId: string; line?: number; column?: number; message: string }[] }> {
  const dir = scratchDir();
  const file = path.join(dir, 'r.txt');
  writeFileSync(file, text);
  const result = await importReport(file, { label: 'r.txt', schemaRef: '../schema/report.schema.json', today: { year: 2026, month: 3, day: 1 } });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const warnings = result.diagnostics.map((d) => ({ ruleId: d.ruleId ?? '', message: d.message, ...(d.position ? { line: d.position.line, column: d.position.column } : {}) }));
  return { data: parse(result.yaml) as Data, yaml: result.yaml, warnings };
}

/** The data without where things were found (line 17 against line 1, character 380). */
function placeless(data: Data): Data {
  const copy = structuredClone(data);
  delete copy.imported.from;
  for (const m of copy.metrics ?? []) delete m.note;
  return copy;
}

describe.each(['slogan-headings', 'portal-page', 'plans-closing'])('%s without its line breaks', (name) => {
  it.each(JOINERS)('imports to the same data with paragraphs separated by %s', async (_label, joiner) => {
    const lined = await importText(lines(name).join('\n'));
    const together = await importText(lines(name).join(joiner));
    expect(placeless(together.data)).toEqual(placeless(lined.data));
    // The same findings, each at its own place in the one line.
    expect(together.warnings.map((w) => w.ruleId)).toEqual(lined.warnings.map((w) => w.ruleId));
  });
});

describe('sub-headings with no punctuation run into their first sentence', () => {
  // “（二）完善述法机制，压实法治建设责任制定《……》，……”: ended where the next sentence starts
  // (制定, 继续, 2026年, 区政府党组) after a heading's last word, in parallel clauses like its siblings.
  it('ends each heading where the line-broken original does', async () => {
    for (const joiner of ['\n', '']) {
      const { data } = await importText(lines('slogan-headings').join(joiner));
      const duties = data.duties as Part;
      expect(duties.groups!.map((g) => g.heading)).toEqual(['抓牢学习教育，提升“关键少数”法治素养', '完善述法机制，压实法治建设责任', '强化督察问效，推动法治任务落实']);
      expect(duties.groups![1]!.paragraphs).toEqual(expect.stringMatching(/^制定《示例区党政主要负责人年终述法工作办法》/));
      const plans = data.plans as Part;
      expect(plans.groups!.map((g) => g.heading)).toEqual(['持续深化示范创建，巩固法治政府建设成果', '坚持依法履职', '规范执法行为，提高执法质效']);
      expect(plans.groups![0]!.paragraphs).toEqual(expect.stringMatching(/^2026年，示例区将/));
      expect(plans.groups![1]!.paragraphs).toEqual(expect.stringMatching(/^区政府党组把依法履职/));
    }
  });
});

describe('a portal page run together', () => {
  it('keeps the page frame: table, covering letter, 署名, dates, 印发 line; drops footer and 纠错 form', async () => {
    const { data, warnings } = await importText(lines('portal-page').join(''));
    expect(data).toMatchObject({
      level: 'district',
      year: 2025,
      unit: { name: '示例市示例区人民政府', short: '示例区' },
      title: '示例区关于2025年度法治政府建设工作情况的报告',
      doc_number: '示政〔2026〕3号',
      recipients: ['区委'],
      signatories: ['示例市示例区人民政府'],
      date: '2026年1月15日',
      printed_by: '示例区人民政府办公室',
      printed_date: '2026年1月16日',
    });
    // (A long paragraph is folded in the YAML; the space a fold leaves between Chinese characters is not printed.)
    expect((data.preamble as string[]).map((p) => p.replace(/\s+/g, ''))).toEqual(['现将我区2025年度法治政府建设工作情况随文报送，请审阅。', '按照区委全面依法治区委员会的部署，现将我区2025年度法治政府建设工作情况报告如下：']);
    expect((data.shortcomings as Part).heading).toBe('存在的主要问题');
    expect((data.plans as Part).heading).toBe('下一步工作打算');
    // “2推行……”: a number whose 、 was lost in copying is the next heading all the same.
    expect((data.measures as Part).groups![0]!.groups!.map((g) => g.heading)).toEqual([
      '梳理区级行政许可事项清单，保留许可事项196项，并向社会公布办事指南和流程图',
      '推行“一窗受理、集成服务”，区政务服务中心综合窗口受理事项占比达到85%以上',
    ]);
    expect(data.other).toBeUndefined();
    expect(JSON.stringify(data)).not.toMatch(/纠错|错误类|Copyright|主办单位|公网安备|使用说明/);
    expect(warnings.filter((w) => w.ruleId === 'import/leftover')).toEqual([]);
  });
});

describe('a plans part closed by a sentence after its last sub-heading', () => {
  it.each([
    ['with its line breaks', '\n'],
    ['run together', ''],
  ])('%s: the sub-heading keeps its items, the sentence is the part’s ending, printed after them', async (_label, joiner) => {
    const { data, warnings } = await importText(lines('plans-closing').join(joiner));
    const plans = data.plans as Part & { ending?: string };
    expect(plans.groups!.map((g) => g.items)).toEqual([
      ['完善重大决策程序。', '加强规范性文件管理。'],
      ['加强执法人员培训。', '推进执法监督数字化。'],
    ]);
    expect(plans.intro).toBeUndefined();
    expect(plans.ending).toBe('示例区将以更加务实的作风推进法治政府建设，为全区高质量发展提供坚实法治保障。');
    expect(warnings.filter((w) => w.ruleId === 'import/leftover' || w.ruleId === 'import/plans-closing')).toEqual([]);
    // The 纠错 form after 以上报告 is page furniture, as on the line-broken page.
    expect(data.other).toBeUndefined();
    expect(data.closing).toBe('以上报告。');
  });
});

describe('where things are in a run-together file', () => {
  it('names the line and the character, in the data file’s comments and in the command’s output', () => {
    const dir = scratchDir();
    const text = lines('portal-page').join('');
    writeFileSync(path.join(dir, 'page.txt'), text);
    const r = fazhi(['import', 'page.txt'], dir);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const yaml = readFileSync(path.join(dir, 'page.yaml'), 'utf8');
    // Each part's comment points at its heading: 原文第 1 行第 N 字至第 M 字：heading.
    const comments = [...yaml.matchAll(/^# 原文第 1 行第 (\d+) 字至第 \d+ 字：(.+)$/gm)];
    expect(comments.map((m) => m[2])).toEqual(['主要工作情况', '存在的主要问题', '下一步工作打算']);
    for (const m of comments) expect(text.slice(Number(m[1]) - 1)).toMatch(new RegExp(`^[一二三]、${m[2]}`));
    // Candidate figures say where their sentence begins.
    const notes = [...yaml.matchAll(/note: 原文第 1 行第 (\d+) 字/g)];
    expect(notes.length).toBeGreaterThan(0);
    for (const m of notes) expect(Number(m[1])).toBeGreaterThan(1);
    expect(yaml).not.toMatch(/原文第 1 行[：:]/);
  });
});

describe('where a heading with no punctuation ends (heading-end.ts)', () => {
  // Heading words | first sentence, as a run-together text has them (fictional): the cut must fall
  // at the bar, or nowhere when the line is one sentence (a run-in heading, a long first clause).
  const cases: [string, string | undefined][] = [
    ['完善述法机制，压实法治建设责任|制定《示例区述法工作办法》，推动述法全覆盖。', '完善述法机制，压实法治建设责任'],
    ['持续深化示范创建，巩固法治政府建设成果|2026年，示例区将对照指标体系查漏补缺，逐项完善台账。', '持续深化示范创建，巩固法治政府建设成果'],
    ['坚持依法履职|区政府党组把依法履职作为检验工作成效的重要标准，完善权责清单。', '坚持依法履职'],
    ['强化督察问效，推动法治任务落实|继续将法治政府建设纳入区委年度督查计划，对12个部门开展督察。', '强化督察问效，推动法治任务落实'],
    ['规范物业服务管理|物业服务合同全部经法律顾问审核，指导成立业主委员会5个。', '规范物业服务管理'],
    ['加强执法人员培训，全年组织专题培训6期，参训人员达到420人次。', undefined],
    ['示例区委、区政府高度重视法治建设，主要领导切实履行第一责任人职责，定期听取工作汇报。', undefined],
    ['推进政府职能依法全面履行全面梳理区级部门权力事项，完成权责清单年度调整。', undefined],
  ];
  it.each(cases)('%s', (written, heading) => {
    const text = written.replace('|', '');
    const end = sentenceEnd(text, 0, text.length);
    const at = headingEnd(text, 0, end, siblingModel([]));
    expect(at === undefined ? undefined : text.slice(0, at)).toBe(heading);
  });
});
