// `fazhi import` invents nothing and keeps what the original says: what it cannot recognise is an
// error in its output and in the written file (which then fails validate), the unit is named as
// the report names it, no 特此报告 or 署名 is added, a lead keeps its 。 after a closing quote,
// suggestions after the shortcomings stay suggestions, and a PDF without text gets a clear answer.
// The reports are written for these tests, for the fictional 示例区.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderFile } from '../src/pipeline.js';
import { fazhi } from './helpers/cli.js';
import { readDocx } from './helpers/docx.js';

const dirs: string[] = [];
function importText(lines: string[], name = 'r.txt'): { dir: string; run: ReturnType<typeof fazhi>; yaml: string; data: Record<string, any> } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fazhi-import-faithful-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, name), lines.join('\n'));
  const run = fazhi(['import', name, '-o', 'out.yaml'], dir);
  const yaml = readFileSync(path.join(dir, 'out.yaml'), 'utf8');
  return { dir, run, yaml, data: parse(yaml) as Record<string, any> };
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function renderedText(file: string): Promise<string[]> {
  const result = await renderFile(file);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return (await readDocx(result.docx!)).paragraphs.map((p) => p.text).filter((t) => t.trim() !== '');
}

const BODY = [
  '一、主要举措和成效',
  '一是健全制度。全年审查规范性文件12件。二是规范执法。全区持证执法人员320名。',
  '二、存在的不足和原因',
  '一是基层法治力量薄弱。二是执法规范化水平有待提高。',
  '三、下一步工作安排',
  '一是加强学习培训。二是强化执法监督。',
];

describe('nothing invented', () => {
  it('a report whose unit and year cannot be recognised: errors at the top of the file and in the output, exit 1, and validate fails', () => {
    const { dir, run, yaml } = importText(['现将有关情况报告如下：', ...BODY]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('r.txt 错误 未能从原文中识别报告单位（标题、署名和网页信息中都没有找到），已写作“【待填写】”');
    expect(run.stdout).toContain('r.txt 错误 未能从原文中识别报告年度');
    expect(yaml.split('\n').slice(0, 6).join('\n')).toContain('# 错误：未能从原文中识别报告单位');
    expect(yaml).not.toContain('未识别的单位');
    const data = parse(yaml);
    expect(data.unit.name).toBe('【待填写】单位全称');
    expect(data.year).toBe('【待填写】报告年度');
    const v = fazhi(['validate', 'out.yaml'], dir);
    expect(v.code).toBe(1);
    expect(v.stdout + v.stderr).toContain('尚未填写');
  });

  it('a title that names no unit (关于2024年度……的报告) gives no unit made of its year: the unit error, at the top of the file and in the output', () => {
    const { run, yaml, data } = importText(['关于2024年度法治政府建设情况的报告', ...BODY]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('r.txt 错误 未能从原文中识别报告单位（标题、署名和网页信息中都没有找到），已写作“【待填写】”');
    expect(yaml.split('\n').slice(0, 6).join('\n')).toContain('# 错误：未能从原文中识别报告单位');
    expect(yaml).not.toContain('2024年度\n');
    expect(data.unit).toEqual({ name: '【待填写】单位全称', short: '【待填写】单位简称' });
    expect(data.year).toBe(2024);
  });

  it('a unit whose name says no level: the level is left to fill in, as an error', () => {
    const { run, data } = importText(['示例区法治观察员2024年法治政府建设年度报告', ...BODY, '示例区法治观察员', '2025年1月10日']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('未能从单位名称“示例区法治观察员”判断报告的层级');
    expect(data.level).toBe('【待填写】district、department 或 town');
  });

  it('names the unit in full as the report writes it (…区人民政府, not …区)', () => {
    const { run, data } = importText(['示例区关于2024年度法治政府建设情况的报告', '2024年，示例区人民政府坚持依法行政。现将有关情况报告如下：', ...BODY, '2025年1月20日']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(data.unit).toEqual({ name: '示例区人民政府', short: '示例区' });
    expect(data.level).toBe('district');
  });

  it('adds no 特此报告 and no 署名 that the original does not have', async () => {
    const { dir, run, data } = importText(['示例区人民政府关于2024年度法治政府建设情况的报告', ...BODY, '2025年1月20日']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(data.closing).toBeUndefined();
    expect(data.signatories).toBeUndefined();
    expect(data.imported.absent).toEqual(['closing', 'signatories']);
    const text = await renderedText(path.join(dir, 'out.yaml'));
    expect(text.join('\n')).not.toContain('特此报告');
    const date = text.indexOf('2025年1月20日');
    expect(date).toBeGreaterThan(0);
    // The paragraph before the date is the report's last sentence, not the unit's name.
    expect(text[date - 1]).toContain('强化执法监督');
  });

  it('keeps the 。 of a lead ending in a closing quote', async () => {
    const { dir, data } = importText([
      '示例区人民政府关于2024年度法治政府建设情况的报告',
      '一、主要举措和成效',
      '一是深化“三项制度”。各行政执法单位全面落实行政执法公示制度。二是规范“双随机”。全年抽查市场主体560户。',
      ...BODY.slice(2),
      '特此报告。',
      '示例区人民政府',
      '2025年1月20日',
    ]);
    expect(data.measures.items[0]).toEqual({ lead: '深化“三项制度”', text: '各行政执法单位全面落实行政执法公示制度。' });
    const text = (await renderedText(path.join(dir, 'out.yaml'))).join('\n');
    expect(text).toContain('一是深化“三项制度”。各行政执法单位');
    expect(text).toContain('二是规范“双随机”。全年抽查');
  });
});

describe('suggestions after the shortcomings', () => {
  it('stay suggestions (numbered 一是 again), the shortcomings are split into items, and validate warns of no hand-typed number', async () => {
    const { dir, run, data } = importText([
      '示例区司法局2024年法治政府建设年度报告',
      '一、主要举措和成效',
      '一是健全制度。全年审查规范性文件12件。二是规范执法。全局持证执法人员86名。',
      '二、存在的不足和原因',
      '工作中还存在一些不足，主要表现在：一是基层法治力量薄弱。二是执法规范化水平有待提高。',
      '针对以上问题，提出如下建议：',
      '一是充实基层法治工作力量。',
      '二是加强执法人员培训考核。',
      '三、主要负责人履行推进法治建设第一责任人职责情况',
      '局党组书记、局长认真履行第一责任人职责。',
      '四、2025年推进法治政府建设的主要安排',
      '一是加强学习培训。二是强化执法监督。',
      '特此报告。',
      '示例区司法局',
      '2025年1月14日',
    ]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(data.shortcomings.intro).toBe('工作中还存在一些不足，主要表现在：');
    expect(data.shortcomings.items).toHaveLength(2);
    expect(data.shortcomings.suggestions).toEqual({
      intro: '针对以上问题，提出如下建议：',
      items_style: 'paragraphs',
      items: ['充实基层法治工作力量。', '加强执法人员培训考核。'],
    });
    const v = fazhi(['validate', 'out.yaml'], dir);
    expect(v.stdout + v.stderr).not.toContain('手写了序号');
    const text = await renderedText(path.join(dir, 'out.yaml'));
    const at = text.indexOf('针对以上问题，提出如下建议：');
    expect(text.slice(at, at + 3)).toEqual(['针对以上问题，提出如下建议：', '一是充实基层法治工作力量。', '二是加强执法人员培训考核。']);
  });
});

describe('plans whose sub-headings carry the year after the report', () => {
  it('import keeps them, and new-year moves them on to the year after its own', () => {
    const { dir, run, data } = importText([
      '示例区人民政府关于2024年度法治政府建设情况的报告',
      ...BODY.slice(0, 4),
      '三、2025年推进法治政府建设的主要安排',
      '2025年，我区将继续推进法治政府建设。',
      '（一）2025年工作思路',
      '坚持以习近平法治思想为指导。',
      '（二）2025年重点任务',
      '一是加强学习培训。二是强化执法监督。',
      '特此报告。',
      '示例区人民政府',
      '2025年1月20日',
    ]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(data.plans.groups.map((g: { heading: string }) => g.heading)).toEqual(['2025年工作思路', '2025年重点任务']);
    const n = fazhi(['new-year', 'out.yaml', '-o', 'next.yaml'], dir);
    expect(n.code, n.stdout + n.stderr).toBe(0);
    const next = parse(readFileSync(path.join(dir, 'next.yaml'), 'utf8'));
    expect(next.year).toBe(2025);
    expect(next.plans.groups.map((g: { heading: string }) => g.heading)).toEqual(['2026年工作思路', '2026年重点任务']);
    expect(next.plans.groups[0].items).toEqual(['【待填写】2026年“2026年工作思路”方面的安排']);
    expect(JSON.stringify(next.plans)).not.toContain('2025年');
  }, 30_000);
});

describe('PDF', () => {
  it('a PDF without a text layer (a scan) gets a clear message', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fazhi-import-faithful-'));
    dirs.push(dir);
    // One empty A4 page: what a scanner's PDF is to a text reader.
    const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
    let pdf = '%PDF-1.4\n';
    const offsets: number[] = [];
    objects.forEach((o, i) => {
      offsets.push(pdf.length);
      pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
    });
    const xref = pdf.length;
    pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    writeFileSync(path.join(dir, '扫描件.pdf'), pdf);
    const r = fazhi(['import', '扫描件.pdf', '-o', 'out.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PDF“扫描件.pdf”没有文字层（共 1 页，像是扫描件或图片），无法读取文字。');
  }, 30_000);

  it('a damaged PDF is named as such', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fazhi-import-faithful-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, '坏.pdf'), '%PDF-1.7\n这不是 PDF 的内容');
    const r = fazhi(['import', '坏.pdf', '-o', 'out.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('无法读取 PDF“坏.pdf”');
    expect(r.stderr).not.toContain('内部错误');
  }, 30_000);
});

describe('the framing of a plans part', () => {
  it('import keeps its introduction and closing sentence as text, the numbered arrangements as items; new-year carries only the arrangements', async () => {
    const intro = '2025年，我区将继续深入学习贯彻习近平法治思想，重点做好以下工作：';
    const closing = '我区将以更加务实的作风推进法治政府建设，为全区高质量发展提供法治保障。';
    const { dir, run, data } = importText([
      '示例区人民政府关于2024年度法治政府建设情况的报告',
      ...BODY.slice(0, 4),
      '三、2025年工作安排',
      intro,
      '一是加强学习培训，组织领导干部年度学法考试。',
      '二是强化执法监督，开展行政执法案卷评查。',
      closing,
      '特此报告。',
      '示例区人民政府',
      '2025年1月20日',
    ]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(data.plans.items).toEqual(['加强学习培训，组织领导干部年度学法考试。', '强化执法监督，开展行政执法案卷评查。']);
    // The closing sentence is the part's ending: printed after the arrangements, as in the original.
    expect(data.plans.intro).toBe(intro);
    expect(data.plans.ending).toBe(closing);
    const text = await renderedText(path.join(dir, 'out.yaml'));
    expect(text.slice(text.indexOf(intro), text.indexOf(intro) + 4)).toEqual([intro, '一是加强学习培训，组织领导干部年度学法考试。', '二是强化执法监督，开展行政执法案卷评查。', closing]);
    const n = fazhi(['new-year', 'out.yaml', '-o', 'next.yaml'], dir);
    expect(n.code, n.stdout + n.stderr).toBe(0);
    const next = parse(readFileSync(path.join(dir, 'next.yaml'), 'utf8'));
    // The written file folds long lines (>-), which a generic YAML reader joins with a space.
    const carried = JSON.stringify(next.measures).replace(/ /g, '');
    expect(carried).toContain('【待填写】2024年报告提出的安排：加强学习培训，组织领导干部年度学法考试。——请填写落实情况');
    expect(carried).toContain('【待填写】2024年报告提出的安排：强化执法监督，开展行政执法案卷评查。——请填写落实情况');
    expect(carried).not.toContain('重点做好以下工作');
    expect(carried).not.toContain('更加务实的作风');
    expect(carried.match(/报告提出的安排/g)).toHaveLength(2);
  }, 30_000);

  it('new-year carries no introduction that announces a list as a promise, when the plans are paragraphs', () => {
    const intro = '2025年，我区将重点做好以下工作：';
    const { dir, run, data } = importText([
      '示例区人民政府关于2024年度法治政府建设情况的报告',
      ...BODY.slice(0, 4),
      '三、2025年工作安排',
      intro,
      '持续深化行政执法体制改革，推进综合行政执法。',
      '特此报告。',
      '示例区人民政府',
      '2025年1月20日',
    ]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(data.plans.intro).toEqual([intro, '持续深化行政执法体制改革，推进综合行政执法。']);
    const n = fazhi(['new-year', 'out.yaml', '-o', 'next.yaml'], dir);
    expect(n.code, n.stdout + n.stderr).toBe(0);
    const carried = JSON.stringify(parse(readFileSync(path.join(dir, 'next.yaml'), 'utf8')).measures).replace(/ /g, '');
    expect(carried).toContain('【待填写】2024年报告提出的安排：持续深化行政执法体制改革，推进综合行政执法。——请填写落实情况');
    expect(carried).not.toContain('重点做好以下工作');
  }, 30_000);
});
