// `fazhi import`: published reports (web-page text, a saved page, a Word file) become data files
// that validate and render, keeping the original's text in order and its parts' items.
// Fixtures are written for these tests in the shapes real reports take; each has its 正文 (the text
// from the preamble to the closing, .body.txt) and what its author knows about it (.expect.json):
// title, 署名, dates and the like, and which part each 一、 section is.
import { copyFileSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderFile } from '../src/pipeline.js';
import type { Metric, PartKey } from '../src/data/report.js';
import { metricLookup, substituteRefs } from '../src/data/metric-refs.js';
import { fazhi, ROOT, scratchDir } from './helpers/cli.js';
import { readDocx } from './helpers/docx.js';
import { countUnits, sectionsOf, type UnitCounts } from './helpers/structure.js';
import { keptInOrder } from './helpers/text-compare.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'import');
const DEFAULT_ORDER: PartKey[] = ['measures', 'shortcomings', 'duties', 'plans', 'other'];

interface Expect {
  title: string;
  unit: string;
  level: string;
  year: number;
  doc_number?: string;
  recipients?: string[];
  signatories: string[];
  date: string;
  copy_to?: string[];
  printed_by?: string;
  printed_date?: string;
  closing: string;
  sections: { part: PartKey; asGroup?: boolean }[];
  noise: string[];
}

type Data = Record<string, unknown> & { imported?: { part_order?: PartKey[] } };

/** Units (sub-headings, 一是 items) per part of the original, by the author's section → part map. */
function originalCounts(body: string[], expected: Expect): Map<PartKey, UnitCounts> {
  const { sections } = sectionsOf(body);
  expect(sections.map((s) => s.heading.slice(0, 2))).toHaveLength(expected.sections.length);
  const out = new Map<PartKey, UnitCounts>();
  sections.forEach((s, i) => {
    const { part, asGroup } = expected.sections[i]!;
    const c = countUnits(s.paragraphs);
    const sum = out.get(part) ?? { headings: 0, items: 0 };
    // A themed section becomes a heading （一） of its own under measures.
    out.set(part, { headings: sum.headings + c.headings + (asGroup ? 1 : 0), items: sum.items + c.items });
  });
  return out;
}

/** Units per part of the rendered document: its 一、 sections are the data's parts, in order. */
function renderedCounts(paragraphs: string[], data: Data): Map<PartKey, UnitCounts> {
  const order = data.imported?.part_order ?? DEFAULT_ORDER.filter((k) => data[k] !== undefined);
  const { sections } = sectionsOf(paragraphs);
  expect(sections).toHaveLength(order.length);
  return new Map(sections.map((s, i) => [order[i]!, countUnits(s.paragraphs)]));
}

async function renderedParagraphs(file: string): Promise<string[]> {
  const result = await renderFile(file);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return (await readDocx(result.docx!)).paragraphs.map((p) => p.text);
}

describe.each([
  ['web-district.txt', 'web-district'],
  ['themed-department.txt', 'themed-department'],
  ['town.html', 'town'],
])('fazhi import %s', (input, name) => {
  const expected = JSON.parse(readFileSync(path.join(FIXTURES, `${name}.expect.json`), 'utf8')) as Expect;
  const body = readFileSync(path.join(FIXTURES, `${name}.body.txt`), 'utf8').split('\n').filter((l) => l.trim() !== '');
  let dir: string;
  let out: string;
  let run: ReturnType<typeof fazhi>;
  let data: Data;

  beforeAll(() => {
    dir = scratchDir();
    copyFileSync(path.join(FIXTURES, input), path.join(dir, input));
    out = path.join(dir, `${name}.yaml`);
    run = fazhi(['import', input, '-o', `${name}.yaml`], dir);
    data = parse(readFileSync(out, 'utf8')) as Data;
  });

  it('is a fixture whose clean text really is inside the noisy one', () => {
    const noisy = readFileSync(path.join(FIXTURES, input), 'utf8').replace(/&nbsp;/g, ' ');
    expect(keptInOrder(body.join('\n'), noisy)).toBe(1);
  });

  it('writes a data file, prints what it recognised and checks it', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`已导入：${input} → ${name}.yaml`);
    expect(run.stdout).toContain('识别结果：');
    expect(run.stdout).toContain(`单位：${expected.unit}`);
    expect(run.stdout).toMatch(/校验：没有错误/);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*report\.schema\.json$/);
  });

  it('recognises title, unit, year, 主送, 署名, 成文日期 and the 版记', () => {
    expect(data.title).toBe(expected.title);
    expect((data.unit as { name: string }).name).toBe(expected.unit);
    expect(data.level).toBe(expected.level);
    expect(data.year).toBe(expected.year);
    expect(data.recipients).toEqual(expected.recipients);
    expect(data.signatories).toEqual(expected.signatories);
    expect(data.date).toBe(expected.date);
    expect(data.closing).toBe(expected.closing);
    expect(data.doc_number).toBe(expected.doc_number);
    expect(data.copy_to).toEqual(expected.copy_to);
    expect(data.printed_by).toBe(expected.printed_by);
    expect(data.printed_date).toBe(expected.printed_date);
    expect(data.imported).toMatchObject({ from: input });
  });

  it('leaves out the web page around the report', () => {
    const text = readFileSync(out, 'utf8');
    for (const word of expected.noise) expect(text, word).not.toContain(word);
  });

  it('validates with no errors, and renders keeping ≥ 99% of the text in order and every part’s items', async () => {
    const v = fazhi(['validate', out], dir);
    expect(v.code).toBe(0);
    expect(v.stdout).not.toContain(' 错误 ');
    const paragraphs = await renderedParagraphs(out);
    expect(keptInOrder(body.join('\n'), paragraphs.join('\n'))).toBeGreaterThanOrEqual(0.99);
    const original = originalCounts(body, expected);
    const rendered = renderedCounts(paragraphs, data);
    expect(Object.fromEntries(rendered)).toEqual(Object.fromEntries(original));
  });
});

describe('fazhi import: what each shape needs', () => {
  it('splits run-together 一是……二是…… into items with their lead phrases, and keeps the intro before them', () => {
    const dir = scratchDir();
    copyFileSync(path.join(FIXTURES, 'web-district.txt'), path.join(dir, 'r.txt'));
    expect(fazhi(['import', 'r.txt'], dir).code).toBe(0);
    const data = parse(readFileSync(path.join(dir, 'r.yaml'), 'utf8')) as {
      measures: { groups: { heading: string; items?: unknown[]; items_style?: string }[] };
      shortcomings: { intro: string; items: unknown[] };
      plans: { items_style: string; items: unknown[] };
      duties: { groups: { heading: string }[] };
    };
    const g1 = data.measures.groups[0]!;
    expect(g1.heading).toBe('健全工作机制，压实法治建设责任');
    expect(g1.items_style).toBe('inline');
    // Long texts are written folded over lines; read back, a fold is a space the document never prints.
    const first = g1.items?.[0] as { lead: string; text: string };
    expect(first.lead).toBe('完善统筹推进机制');
    expect(first.text.replace(/\s+/g, '')).toBe('区政府常务会议专题研究法治政府建设工作5次，制定年度工作要点，分解任务41项，明确责任单位和完成时限。');
    // A heading run into its paragraph: （二）优化营商环境，……。一是……
    expect(data.measures.groups[1]!.heading).toBe('优化营商环境，依法全面履行政府职能');
    expect(data.measures.groups[1]!.items).toHaveLength(3);
    expect(data.shortcomings.intro.replace(/\s+/g, '')).toBe('一年来，我区法治政府建设虽然取得一定成效，但对照上级要求和群众期盼，仍存在一些不足：');
    expect(data.shortcomings.items).toHaveLength(3);
    // One 一是 per paragraph in the original: one per paragraph in the data.
    expect(data.plans.items_style).toBe('paragraphs');
    expect(data.plans.items).toHaveLength(4);
    // 1、2、3、 numbered paragraphs directly under a part become its headings.
    expect(data.duties.groups.map((g) => g.heading)).toEqual(['带头学法用法', '带头出庭应诉', '带头述法考法']);
  });

  it('keeps a report organised by theme as groups of measures, in the original order of parts', () => {
    const dir = scratchDir();
    copyFileSync(path.join(FIXTURES, 'themed-department.txt'), path.join(dir, 'r.txt'));
    const r = fazhi(['import', 'r.txt'], dir);
    expect(r.stdout).toContain('原文按主题分节');
    expect(r.stdout).toContain('原文没有的部分：第一责任人职责情况');
    expect(r.stdout).toMatch(/r\.txt:\d+:1 警告 原文在报告之前有一封呈报函/);
    expect(r.stdout).toMatch(/r\.txt:\d+:1 警告 这一行原是表格的一行，已按文字保留/);
    const data = parse(readFileSync(path.join(dir, 'r.yaml'), 'utf8')) as {
      measures: { heading?: string; groups: { heading: string; groups?: { heading: string; run_in?: boolean; groups?: { heading: string }[] }[] }[] };
      duties?: unknown;
    };
    expect(data.measures.heading).toBeUndefined();
    expect(data.measures.groups.map((g) => g.heading)).toEqual(['坚持党的领导，压实法治建设责任', '依法全面履行市场监管职能', '加强执法监督，提升执法规范化水平']);
    // “2组织开展……” lost its 、 in copying; it is still the second numbered paragraph.
    const learning = data.measures.groups[0]!.groups![1]!;
    expect(learning.groups!.map((g) => g.heading)).toEqual(['落实党组理论学习中心组学法制度', '组织开展执法人员轮训']);
    expect(data.duties).toBeUndefined();
    const v = fazhi(['validate', 'r.yaml'], dir);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('警告 原文没有“第一责任人职责情况”这一部分（duties）；这是导入的往年报告，只作提示。');
  });

  it('puts a section it cannot place, and text after the date, in “other”, saying where they came from', () => {
    const dir = scratchDir();
    copyFileSync(path.join(FIXTURES, 'town.html'), path.join(dir, 'p.html'));
    const r = fazhi(['import', 'p.html'], dir);
    expect(r.stdout).toContain('未能判断“创建“民主法治示范村”情况”属于报告的哪一部分，已放在“其他需要报告的情况”（other）中，保留原标题。');
    expect(r.stdout).toMatch(/p\.html 警告 （第\d+段）“（此件公开发布）”在报告末尾，未能识别，已放在“其他需要报告的情况”（other）中。/);
    const data = parse(readFileSync(path.join(dir, 'p.yaml'), 'utf8')) as { other: { heading: string; intro: string[] }; imported: { part_order: string[] } };
    expect(data.other.heading).toBe('创建“民主法治示范村”情况');
    expect(data.other.intro).toContain('（此件公开发布）');
    // This report put duties before shortcomings: the order is kept, and the document follows it.
    expect(data.imported.part_order).toEqual(['measures', 'duties', 'shortcomings', 'plans', 'other']);
  });

  it('collects numbers with units as candidate metrics, noting where each was found', () => {
    const dir = scratchDir();
    copyFileSync(path.join(FIXTURES, 'web-district.txt'), path.join(dir, 'r.txt'));
    fazhi(['import', 'r.txt'], dir);
    const data = parse(readFileSync(path.join(dir, 'r.yaml'), 'utf8')) as { metrics: { id: string; label: string; value: number; unit: string; note: string }[] };
    expect(data.metrics).toContainEqual(expect.objectContaining({ label: '收到行政复议申请', value: 132, unit: '件' }));
    expect(data.metrics).toContainEqual(expect.objectContaining({ label: '纠错率', value: 9.3, unit: '%' }));
    expect(data.metrics.every((m) => /^figure_\d+$/.test(m.id) && /^原文第 \d+ 行$/.test(m.note))).toBe(true);
    expect(data.metrics.length).toBeLessThanOrEqual(15);
    const text = readFileSync(path.join(dir, 'r.yaml'), 'utf8');
    expect(text).toContain('# 以下是从原文中找出的带名称和单位的数字（候选数据），每项上方是它所在的原句。');
    // Each figure has the sentence it came from just above it.
    const lines = text.split('\n');
    const at = lines.findIndex((l) => /^ {2}- id: figure_\d+$/.test(l) && lines[lines.indexOf(l) + 1]?.includes('label: 纠错率'));
    expect(lines[at - 1]).toMatch(/^ {2}# .*纠错率.*9\.3%/);
  });

  it('never overwrites an existing file without --force', () => {
    const dir = scratchDir();
    copyFileSync(path.join(FIXTURES, 'town.html'), path.join(dir, 'p.html'));
    writeFileSync(path.join(dir, 'p.yaml'), '原有内容\n');
    const r = fazhi(['import', 'p.html'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('“p.yaml”已经存在，未做任何修改。如确需覆盖，请加 --force。');
    expect(readFileSync(path.join(dir, 'p.yaml'), 'utf8')).toBe('原有内容\n');
    expect(fazhi(['import', 'p.html', '--force'], dir).code).toBe(0);
    expect(readFileSync(path.join(dir, 'p.yaml'), 'utf8')).toContain('imported:');
  });

  it('says what is wrong with a missing file or an old .doc, with exit codes 1 and 2', () => {
    const dir = scratchDir();
    const missing = fazhi(['import', '没有.txt'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('找不到“');
    writeFileSync(path.join(dir, 'old.doc'), 'x');
    const notDoc = fazhi(['import', 'old.doc'], dir);
    expect(notDoc.code).toBe(1);
    expect(notDoc.stderr).toContain('“old.doc”不是有效的 Word 或 WPS 文件，无法导入。');
    // A real old Word file (OLE header) without LibreOffice: how to get one, and usage exit code 2.
    writeFileSync(path.join(dir, 'old.doc'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    const doc = fazhi(['import', 'old.doc'], dir, { FAZHI_SOFFICE: path.join(dir, '没有的soffice') });
    expect(doc.code).toBe(2);
    expect(doc.stderr).toContain('需要 LibreOffice，但没有找到');
    expect(doc.stderr).toContain('另存为 .docx');
    expect(existsSync(path.join(dir, 'old.yaml'))).toBe(false);
    expect(fazhi(['import'], dir).code).toBe(2);
  });
});

describe('a report that lost its line breaks, typed with half-width punctuation', () => {
  // As real portals publish: ASCII , and : in Chinese text, (一) for （一）, no title line (it starts
  // with the preamble), a part heading run straight into (一) or 一是, and two organs and the date
  // run together at the end. Cut apart, it must give the data its line-broken original gives.
  // It also holds a paragraph listing “。(一)…。(二)…” inline, out of sequence with the headings:
  // that stays text.
  const lines = readFileSync(path.join(FIXTURES, 'half-width-lines.txt'), 'utf8').split('\n').filter((l) => l !== '');
  const importAs = (joiner: string): Data => {
    const dir = scratchDir();
    writeFileSync(path.join(dir, 'r.txt'), lines.join(joiner));
    const r = fazhi(['import', 'r.txt'], dir);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const data = parse(readFileSync(path.join(dir, 'r.yaml'), 'utf8')) as Data & { metrics?: { note?: string }[] };
    // Where things were found differs (line 3 against line 1): the data itself must not.
    delete (data.imported as Record<string, unknown>).from;
    for (const m of data.metrics ?? []) delete m.note;
    return data;
  };
  let original: Data;
  beforeAll(() => {
    original = importAs('\n');
  });

  it('is read with its line breaks: four parts, their groups and items, both organs and the date', () => {
    type Part = { groups?: { heading: string; items?: unknown[]; paragraphs?: unknown }[]; items?: unknown[] };
    expect(original.title).toBeUndefined();
    expect((original.unit as { name: string }).name).toBe('示例市示例区人民政府');
    expect(original.signatories).toEqual(['中共示例市示例区委员会', '示例市示例区人民政府']);
    expect(original.date).toBe('2025年1月8日');
    const measures = original.measures as Part;
    expect(measures.groups!.map((g) => g.heading)).toEqual(['聚焦依法决策，筑牢制度防线', '聚焦营商环境，提升服务效能', '聚焦执法监督，规范执法行为']);
    expect(measures.groups!.map((g) => g.items!.length)).toEqual([3, 3, 3]);
    const inline = JSON.stringify(measures.groups![1]!.items![1]).replace(/\s+/g, '');
    expect(inline).toContain('审查时重点看三个方面。（一）是否设置市场准入障碍。（二）是否影响商品要素自由流动。');
    expect((original.duties as Part).groups!.map((g) => g.heading)).toEqual(['强化组织领导', '带头尊法学法']);
    expect((original.shortcomings as Part).items).toHaveLength(2);
    expect((original.plans as Part).items).toHaveLength(3);
  });

  it.each([
    ['nothing', ''],
    ['a space', ' '],
    ['a full-width space', '\u3000'],
  ])('gives the same data with paragraphs separated by %s', (_name, joiner) => {
    expect(importAs(joiner)).toEqual(original);
  });
});

describe('round trip through the tool’s own outputs', () => {
  // The example with its figures written out: it cites them as 〔id〕, which a published text gives
  // back as numbers, and without the generated attachment of figures, which import does not read.
  let EXAMPLE = '';
  let original: string[];
  beforeAll(async () => {
    const copy = scratchDir();
    cpSync(path.join(ROOT, 'data'), path.join(copy, 'data'), { recursive: true });
    EXAMPLE = path.join(copy, 'data', '示例区', '2024', 'report.yaml');
    const text = readFileSync(EXAMPLE, 'utf8');
    const previous = parse(readFileSync(path.join(copy, 'data', '示例区', '2023', 'report.yaml'), 'utf8')) as { metrics: Metric[] };
    const lookup = metricLookup((parse(text) as { metrics: Metric[] }).metrics, previous.metrics);
    writeFileSync(EXAMPLE, substituteRefs(text, lookup).replace(/^metrics_table:.*\n/m, ''));
    original = await renderedParagraphs(EXAMPLE);
  });

  const roundTrip = async (file: string): Promise<{ data: Data; paragraphs: string[] }> => {
    const dir = path.dirname(file);
    const r = fazhi(['import', path.basename(file), '-o', 'back.yaml'], dir);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const data = parse(readFileSync(path.join(dir, 'back.yaml'), 'utf8')) as Data;
    return { data, paragraphs: await renderedParagraphs(path.join(dir, 'back.yaml')) };
  };

  type Node = { intro?: unknown; paragraphs?: unknown; items?: unknown[]; items_style?: string; groups?: Node[]; heading?: string };
  const squash = (t: unknown): string => String(t).replace(/\s+/g, '');
  const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(squash) : [squash(v)]);
  const item = (i: unknown): string => {
    if (typeof i === 'string') return squash(i);
    const { lead, text } = i as { lead?: string; text: string };
    return lead ? `${squash(lead)}|${squash(text)}` : squash(text);
  };
  /** A part's content as printed: equal spellings (a lone text item, a one-element list, an inherited style) compare equal. */
  const canonical = (n: Node | undefined, inherited = 'inline'): unknown => {
    if (!n) return undefined;
    const style = n.items_style ?? inherited;
    return {
      paragraphs: [...list(n.intro), ...list(n.paragraphs)],
      items: (n.items ?? []).map(item),
      style: n.items?.length ? style : undefined,
      groups: (n.groups ?? []).map((g) => ({ heading: squash(g.heading), ...(canonical(g, style) as object) })),
    };
  };

  const sameReport = (data: Data, paragraphs: string[]): void => {
    expect(keptInOrder(original.join('\n'), paragraphs.join('\n'))).toBeGreaterThanOrEqual(0.99);
    const before = sectionsOf(original).sections.map((s) => countUnits(s.paragraphs));
    const after = sectionsOf(paragraphs).sections.map((s) => countUnits(s.paragraphs));
    expect(after).toEqual(before);
    const example = parse(readFileSync(EXAMPLE, 'utf8')) as Data;
    expect(data.title).toBe(example.title);
    expect(data.doc_number).toBe(example.doc_number);
    expect(data.recipients).toEqual(example.recipients);
    expect(data.signatories).toEqual(example.signatories);
    expect(data.copy_to).toEqual(example.copy_to);
    expect(data.printed_by).toBe(example.printed_by);
    // Every part comes back with the same headings, paragraphs, items (and their lead phrases) and layout.
    for (const key of DEFAULT_ORDER) expect(canonical(data[key] as Node), key).toEqual(canonical(example[key] as Node));
    expect(list(data.preamble)).toEqual(list(example.preamble));
  };

  it('imports the .docx rendered from data/示例区/2024/report.yaml back to the same report', async () => {
    const dir = scratchDir();
    const docx = path.join(dir, '示例区2024.docx');
    expect(fazhi(['render', EXAMPLE, '-o', docx]).code).toBe(0);
    const { data, paragraphs } = await roundTrip(docx);
    sameReport(data, paragraphs);
    expect(data.date).toBe('2025年1月20日');
  });

  it('imports the web page written by render --html back to the same report', async () => {
    const dir = scratchDir();
    const docx = path.join(dir, '示例区2024.docx');
    const r = fazhi(['render', EXAMPLE, '-o', docx, '--html']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const { data, paragraphs } = await roundTrip(path.join(dir, '示例区2024.html'));
    sameReport(data, paragraphs);
  });
});
