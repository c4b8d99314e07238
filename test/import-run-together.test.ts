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
import { validateText } from '../src/pipeline.js';
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
    // Candidate figures say where the figure is (not where its paragraph begins): its number there.
    const metrics = (parse(yaml) as Data).metrics as { value: number; unit: string; note: string }[];
    expect(metrics.length).toBeGreaterThan(1);
    for (const m of metrics) {
      const col = Number(/^原文第 1 行第 (\d+) 字$/.exec(m.note)?.[1]);
      expect(text.slice(col - 1), m.note).toMatch(new RegExp(`^${m.value}\\s*(?:余)?${m.unit}`));
    }
    expect(new Set(metrics.map((m) => m.note)).size).toBe(metrics.length);
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

describe('a portal text whose paragraphs a space separates, each sub-heading run into its first sentence', () => {
  // Fictional. The space before （一） says where the heading starts, never where it ends: the text
  // must import the same with a space, a full-width space or nothing between its paragraphs.
  const paragraphs = [
    '示例区人民政府关于2024年度法治政府建设情况的报告',
    '示例市人民政府：',
    '2024年，示例区坚持依法行政，法治政府建设取得新进展，现报告如下。',
    '一、主要举措和成效',
    '（一）加强组织领导区委常委会会议专题研究法治建设工作3次，印发年度工作要点，分解任务42项。各镇街、各部门把法治建设纳入年度考核，考核结果与评先评优挂钩。',
    '（二）推进科学民主依法决策全年对重大行政决策事项开展合法性审核26件，公开征求意见12次。',
    '（三）严格规范公正文明执法开展行政执法案卷评查两次，评查案卷180卷，发现问题已督促整改。',
    '二、存在的不足和原因',
    '一是基层执法力量仍然薄弱，二是行政复议纠错率偏高。主要原因是培训投入不够。',
    '三、党政主要负责人履行推进法治建设第一责任人职责情况',
    '区委书记、区长带头学法，主持召开法治建设专题会议4次。',
    '四、2025年主要安排',
    '（一）深化行政执法改革完善执法协调机制，推动执法力量下沉。',
    '（二）加强法治队伍建设开展执法人员全员轮训，提升执法能力。',
    '示例区人民政府',
    '2025年1月20日',
  ];
  const byJoiner = new Map<string, Data>();
  it.each(JOINERS)('ends each sub-heading where its first sentence starts, paragraphs separated by %s', async (_label, joiner) => {
    const { data, yaml } = await importText(paragraphs.join(joiner));
    byJoiner.set(joiner, placeless(data));
    const measures = data.measures as Part;
    expect(measures.groups!.map((g) => g.heading)).toEqual(['加强组织领导', '推进科学民主依法决策', '严格规范公正文明执法']);
    // (Folded YAML lines read back with a space between them: the loader joins Chinese lines without one.)
    const flat = (v: unknown) => String(v).replace(/\s+/g, '');
    expect(flat(measures.groups![0]!.paragraphs)).toMatch(/^区委常委会会议专题研究法治建设工作3次，印发年度工作要点，分解任务42项。各镇街/);
    const plans = data.plans as Part;
    expect(plans.groups!.map((g) => [g.heading, flat(g.paragraphs)])).toEqual([
      ['深化行政执法改革', '完善执法协调机制，推动执法力量下沉。'],
      ['加强法治队伍建设', '开展执法人员全员轮训，提升执法能力。'],
    ]);
    // The cause after the last shortcoming is the part's ending, not the last item's text.
    expect(data.shortcomings).toMatchObject({ items: ['基层执法力量仍然薄弱，', '行政复议纠错率偏高。'], ending: '主要原因是培训投入不够。' });
    // The import's own output never draws the tool's warning against numbers typed by hand.
    expect(validateText(yaml, path.join(scratchDir(), 'report.yaml')).diagnostics.filter((d) => d.ruleId === 'numbered-text')).toEqual([]);
    if (joiner === '\u3000') {
      expect(byJoiner.get(''), 'no separator').toEqual(byJoiner.get('\u3000'));
      expect(byJoiner.get(' '), 'a space').toEqual(byJoiner.get('\u3000'));
    }
  });
});

describe('a shortcomings part numbered 一是 with no 二是', () => {
  it('keeps the 一是 as the tool numbers it (one item), so validate finds no number typed by hand', async () => {
    const text = [
      '示例区人民政府关于2024年度法治政府建设情况的报告',
      '一、主要举措和成效',
      '全年审查规范性文件12件，开展合法性审核26件。',
      '二、存在的不足',
      '一是基层执法力量不足。部分镇街执法人员不足5人，专业化程度不高。',
      '三、下一步工作安排',
      '持续推进依法行政，加强执法队伍建设。',
      '示例区人民政府',
      '2025年1月20日',
    ].join('\n');
    const { data, yaml } = await importText(text);
    expect(data.shortcomings).toMatchObject({ items: [{ lead: '基层执法力量不足', text: '部分镇街执法人员不足5人，专业化程度不高。' }] });
    expect((data.shortcomings as Part).intro).toBeUndefined();
    const checked = validateText(yaml, path.join(scratchDir(), 'report.yaml')).diagnostics;
    expect(checked.filter((d) => d.ruleId === 'numbered-text')).toEqual([]);
    expect(checked.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('a short report on one line', () => {
  // Fictional: shorter than any line a run-together report is otherwise looked for in, but the
  // only line of the file: it is cut into paragraphs as a long one is, and imports as its lined form.
  const paragraphs = ['示例镇人民政府关于2024年度法治政府建设情况的报告', '一、主要举措和成效', '（一）加强组织领导。专题研究法治工作4次。', '二、存在的不足', '一是力量不足。二是纠错率偏高。', '三、下一步工作安排', '持续推进依法行政。'];
  it.each(JOINERS)('imports as its lined form with paragraphs separated by %s', async (_label, joiner) => {
    const lined = await importText(paragraphs.join('\n'));
    const together = await importText(paragraphs.join(joiner));
    expect(lined.data.unit).toEqual({ name: '示例镇人民政府', short: '示例镇' });
    expect(placeless(together.data)).toEqual(placeless(lined.data));
    expect(together.warnings.map((w) => w.ruleId)).toEqual(lined.warnings.map((w) => w.ruleId));
  });
});
