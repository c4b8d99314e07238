// The import stages that tell a report's shape, case by case: items 一是……二是…… split where the
// original numbers them (and not where 二是 is a word of a sentence), which part a section with a
// slogan heading is from its opening, a flat list 1.…8. read as sections, and a PDF's paragraphs
// when most of its lines are first lines.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importReport } from '../src/import/index.js';
import { scratchDir } from './helpers/cli.js';
import { classifyHeading, classifyOpening } from '../src/import/build/classify.js';
import { candidateFigures } from '../src/import/build/figures.js';
import { splitItems } from '../src/import/build/items.js';
import { guessUnit } from '../src/import/build/unit-year.js';
import { pdfParagraphs, type PdfPiece } from '../src/import/read/pdf.js';
import { parseBody } from '../src/import/structure/body.js';

describe('items 一是……二是……', () => {
  it.each([
    ['run together in one paragraph', ['一是健全制度。全年审查文件12件。二是规范执法。全年办案36件。三是强化监督。'], 3, 'inline'],
    ['one per paragraph', ['一是健全制度。', '二是规范执法。', '三是强化监督。'], 3, 'paragraphs'],
    ['after an introduction, separated by semicolons', ['主要表现在：一是力量薄弱；二是能力不足；三是手段单一。'], 3, 'inline'],
    ['说一是一、说二是二 is an idiom', ['一是兑现承诺。对企业说一是一、说二是二，全年兑现资金1亿元。二是优化服务。'], 2, 'inline'],
    ['a 二是 inside a sentence before the one that starts a sentence', ['一是统一标准。做到标准统一、尺度二是一致。二是规范程序。三是强化监督。'], 3, 'inline'],
    ['二是 lost its full stop in copying and no other 二是 follows', ['一是健全制度，全年审查文件12件二是规范执法，全年办案36件。'], 2, 'inline'],
  ] as const)('%s', (_name, texts, count, style) => {
    const split = splitItems(texts);
    expect(split.items).toHaveLength(count);
    expect(split.style).toBe(style);
  });

  it('an idiom 说二是二 does not take the place of the item that follows it', () => {
    const split = splitItems(['一是兑现承诺。对企业说一是一、说二是二，全年兑现资金1亿元。二是优化服务。']);
    expect(split.items).toEqual([{ lead: '兑现承诺', text: '对企业说一是一、说二是二，全年兑现资金1亿元。' }, '优化服务。']);
  });

  it.each([
    ['no enumeration at all', ['对群众作出的承诺说一是一、说二是二。']],
    ['a single 一是 inside a sentence', ['全年审查文件12件。一是健全制度，完善审查流程。']],
    ['第二是 and 统一是', ['第二是规范执法，统一是原则。']],
  ])('%s: no items', (_name, texts) => {
    expect(splitItems(texts).items).toBeUndefined();
  });

  it('a single 一是 starting a paragraph: one item, numbered by the tool as the original numbers it (left as text it reads as a number typed by hand)', () => {
    expect(splitItems(['一是健全制度。全年审查文件12件。'])).toEqual({ paragraphs: [], items: [{ lead: '健全制度', text: '全年审查文件12件。' }], style: 'paragraphs' });
  });

  it('a paragraph after the numbered items is the ending, not part of the last item', () => {
    const split = splitItems(['还存在一些不足：', '一是力量薄弱。', '二是能力不足。', '产生这些问题的原因主要是重视不够。'], { closing: true });
    expect(split.items).toHaveLength(2);
    expect(split.closing).toEqual(['产生这些问题的原因主要是重视不够。']);
  });
});

describe('which part a section is', () => {
  it.each([
    ['2024年推进法治政府建设的主要举措和成效', 'measures'],
    ['存在不足', 'shortcomings'],
    ['下一步安排', 'plans'],
    ['工作情况', 'measures'],
    ['党政主要负责人履行推进法治建设第一责任人职责情况', 'duties'],
    ['坚持刀刃向内，清醒查摆自身问题', undefined],
    ['健全依法行政制度体系', undefined],
    ['依法全面履行政府职能', undefined],
    ['存在的困难和问题', 'shortcomings'],
    ['存在问题及原因分析', 'shortcomings'],
    ['区委区政府主要领导履行法治建设职责情况', 'duties'],
    ['党政主要负责同志履行推进法治建设第一责任人职责情况', 'duties'],
    ['今后工作方向', 'plans'],
    ['下阶段工作计划', 'plans'],
  ])('heading %s → %s', (heading, part) => {
    expect(classifyHeading(heading)).toBe(part);
  });

  it.each([
    ['在肯定成绩的同时，我们也清醒看到，全区法治政府建设还存在一些不足：一是……', 2024, 'shortcomings'],
    ['区委、区政府主要负责同志认真履行推进法治建设第一责任人职责，把法治建设与中心工作一起谋划。', 2024, 'duties'],
    ['2025年，我区将坚持以习近平法治思想为指导，着力抓好以下工作：一是健全述法考核机制。', 2024, 'plans'],
    ['下一步，我们将继续深化行政执法体制改革。', 2024, 'plans'],
    // The report's own year with 将 as an object marker: results, not plans.
    ['2024年，我区将法治政府建设纳入全区综合考核。', 2024, undefined],
    ['区政府党组坚持把学习贯彻习近平法治思想作为首要政治任务。', 2024, undefined],
    // A problem being tackled is a measure, not an admitted shortcoming.
    ['针对基层执法存在的短板问题，区政府组织开展执法能力提升行动。', 2024, undefined],
    ['对照上级要求，我区仍有一定差距，主要表现在：', 2024, 'shortcomings'],
    // 述法 after the colon belongs to the first item, not to the opening.
    ['2025年，我区将重点抓好以下工作：一是健全党政主要负责人述法考核机制。', 2024, 'plans'],
  ] as const)('opening %s (report year %i) → %s', (opening, year, part) => {
    expect(classifyOpening(opening, year)).toBe(part);
  });
});

describe('a flat list 1.…8.', () => {
  const lines = (texts: string[]) => texts.map((text, i) => ({ text, at: i + 1 }));

  it('is read as its sections when the report has no 一、 at all, the year after a number included', () => {
    const body = parseBody(
      lines(['2024年，我局持续推进依法行政。现将有关情况报告如下：', '1.强化组织领导。局党组专题研究法治工作3次。', '2.规范执法行为。全年办结案件312件。', '3.存在的不足。一是力量薄弱；二是能力不足。', '4.2025年工作打算。一是加强队伍建设；二是深化信用监管。']),
    );
    expect(body.preamble.map((l) => l.text)).toEqual(['2024年，我局持续推进依法行政。现将有关情况报告如下：']);
    expect(body.sections.map((s) => [s.heading.text, s.heading.rest])).toEqual([
      ['强化组织领导', '局党组专题研究法治工作3次。'],
      ['规范执法行为', '全年办结案件312件。'],
      ['存在的不足', '一是力量薄弱；二是能力不足。'],
      ['2025年工作打算', '一是加强队伍建设；二是深化信用监管。'],
    ]);
  });

  it('a 1. inside a report that has 一、 parts stays a sub-heading, and 1.5亿元 is no number', () => {
    const body = parseBody(lines(['一、主要举措和成效', '1.5亿元资金全部到位。', '1.健全制度。全年审查文件12件。', '二、存在的不足和原因', '一是力量薄弱。']));
    expect(body.sections.map((s) => s.heading.text)).toEqual(['主要举措和成效', '存在的不足和原因']);
    expect(body.sections[0]!.children.map((c) => c.heading.text)).toEqual(['健全制度']);
    expect(body.sections[0]!.paragraphs.map((p) => p.text)).toEqual(['1.5亿元资金全部到位。']);
  });
});

describe('sections told by their opening', () => {
  const importLines = async (lines: string[]) => {
    const file = path.join(scratchDir(), 'r.txt');
    writeFileSync(file, lines.join('\n'));
    const result = await importReport(file, { label: 'r.txt', schemaRef: 'x', today: { year: 2026, month: 3, day: 1 } });
    return { data: parse(result.yaml) as Record<string, { groups?: { heading: string }[] } | undefined>, result };
  };
  const tail = ['五、存在的不足和原因', '一是力量薄弱。二是能力不足。', '六、2025年工作安排', '一是加强培训。二是强化监督。', '示例区人民政府', '2025年1月20日'];

  it('a theme that opens on the first responsible person, among themes, stays a theme of the results', async () => {
    const { data, result } = await importLines([
      '示例区人民政府关于2024年度法治政府建设情况的报告',
      '一、深入学习贯彻习近平法治思想',
      '区政府党组专题学习4次。',
      '二、坚持以上率下，压实法治责任',
      '区委、区政府主要负责同志认真履行推进法治建设第一责任人职责，全年专题研究法治工作6次。',
      '三、健全政府机构职能体系',
      '一是优化职能。二是优化服务。',
      '四、健全依法行政制度体系',
      '一是审查文件。二是清理文件。',
      ...tail,
    ]);
    expect(data.measures!.groups!.map((g) => g.heading)).toEqual(['深入学习贯彻习近平法治思想', '坚持以上率下，压实法治责任', '健全政府机构职能体系', '健全依法行政制度体系']);
    expect(data.duties).toBeUndefined();
    expect(data.other).toBeUndefined();
    expect(result.diagnostics.map((d) => d.message)).toContain('原文中没有找到“党政主要负责人履行第一责任人职责情况”部分（duties）。原文在“主要举措和成效”的“坚持以上率下，压实法治责任”中写了第一责任人履职的情况，已保留在那里。');
  });

  it('the same section after the themes, before the shortcomings, is the duties part', async () => {
    const { data, result } = await importLines([
      '示例区人民政府关于2024年度法治政府建设情况的报告',
      '一、深入学习贯彻习近平法治思想',
      '区政府党组专题学习4次。',
      '二、健全政府机构职能体系',
      '一是优化职能。二是优化服务。',
      '三、坚持以上率下，压实法治责任',
      '区委、区政府主要负责同志认真履行推进法治建设第一责任人职责，全年专题研究法治工作6次。',
      ...tail,
    ]);
    expect(data.measures!.groups!.map((g) => g.heading)).toEqual(['深入学习贯彻习近平法治思想', '健全政府机构职能体系']);
    expect(data.duties).toBeDefined();
    expect(result.diagnostics.map((d) => d.ruleId)).toContain('import/part-by-content');
  });
});

describe('署名 and 成文日期 side by side on one line', () => {
  const body = ['一、主要举措和成效', '一是健全制度。二是规范执法。', '二、存在的不足和原因', '一是力量薄弱。二是能力不足。', '三、下一步工作打算', '一是加强培训。二是强化监督。'];
  it.each([
    ['a town and its date', ['示例镇2024年法治政府建设工作总结', ...body, '示例镇人民政府　　2025年1月20日'], ['示例镇人民政府'], '示例镇人民政府', undefined],
    ['two organs and the date', ['中共示例区委 示例区人民政府关于2024年法治政府建设情况的报告', ...body, '特此报告。', '中共示例区委员会　示例区人民政府　2025年1月20日'], ['中共示例区委员会', '示例区人民政府'], '示例区人民政府', '中共示例区委员会'],
    ['two organs run together, the date below', ['示例区人民政府关于2024年法治政府建设情况的报告', ...body, '特此报告。', '中共示例区委员会示例区人民政府', '2025年1月20日'], ['中共示例区委员会', '示例区人民政府'], '示例区人民政府', '中共示例区委员会'],
  ])('%s', async (_name, lines, signatories, unit, party) => {
    const file = path.join(scratchDir(), 'r.txt');
    writeFileSync(file, lines.join('\n'));
    const data = parse((await importReport(file, { label: 'r.txt', schemaRef: 'x', today: { year: 2026, month: 3, day: 1 } })).yaml) as {
      signatories: string[];
      date: string;
      unit: { name: string; party?: string };
      plans: { items: unknown[] };
    };
    expect(data.signatories).toEqual(signatories);
    expect(data.date).toBe('2025年1月20日');
    expect(data.unit.name).toBe(unit);
    expect(data.unit.party).toBe(party);
    expect(data.plans.items).toHaveLength(2);
  });
});

describe('a report whose top level is （一）', () => {
  it('is read as its sections when it has no 一、, their 1. as sub-headings', () => {
    const lines = ['现将有关情况报告如下：', '（一）主要做法和成效', '1.健全制度。全年审查文件12件。', '2.规范执法。全年办案36件。', '（二）存在的不足', '一是力量薄弱。二是能力不足。', '（三）2025年工作安排', '一是加强培训。'];
    const body = parseBody(lines.map((text, i) => ({ text, at: i + 1 })));
    expect(body.sections.map((s) => s.heading.text)).toEqual(['主要做法和成效', '存在的不足', '2025年工作安排']);
    expect(body.sections[0]!.children.map((c) => c.heading.text)).toEqual(['健全制度', '规范执法']);
  });
});

describe('the unit named by a title that starts with 关于', () => {
  it('is the name after 关于', () => {
    const front = { title: '关于示例区2023年法治政府建设工作情况的报告', cover: [], coverSignatories: [], skipped: [] };
    const end = { attachments: [], signatories: [], copyTo: [], unrecognised: [] };
    expect(guessUnit(front, end, undefined, '')).toEqual({ name: '示例区' });
  });
});

describe('a PDF of short paragraphs', () => {
  // A4 in points, a 16-point body: first lines indented by two characters (x = 104), continuation
  // lines at the left margin (x = 72), full lines end at x = 520. Most lines are first lines here.
  const line = (y: number, x: number, text: string, end = 520): PdfPiece => ({ s: text, x, y, w: end - x, h: 16 });
  it('breaks paragraphs at every first-line indent even when most lines are indented', () => {
    const page = [
      line(760, 104, '二、存在不足'),
      line(737, 104, '一是法治工作人员多为兼职。二是执法人员对下放事项的法律依据掌握'),
      line(714, 72, '不够全面。三是居民参与的积极性还需进一步调动。', 504),
      line(691, 104, '三、下一步安排', 216),
      line(668, 104, '一是配齐法治工作力量。二是加强执法人员培训，开展下放事项专题学习'),
      line(645, 72, '和案卷评查。', 168),
      line(622, 104, '特此报告。', 184),
      line(599, 104, '示例街道办事处', 216),
      line(576, 104, '2025年1月10日', 224),
    ];
    expect(pdfParagraphs([page])).toEqual([
      '二、存在不足',
      '一是法治工作人员多为兼职。二是执法人员对下放事项的法律依据掌握不够全面。三是居民参与的积极性还需进一步调动。',
      '三、下一步安排',
      '一是配齐法治工作力量。二是加强执法人员培训，开展下放事项专题学习和案卷评查。',
      '特此报告。',
      '示例街道办事处',
      '2025年1月10日',
    ]);
  });
});

describe('candidate figures', () => {
  const labels = (text: string) => candidateFigures([{ text, at: 1 }], () => '').map((f) => `${f.metric.label} ${f.metric.value}${f.metric.unit}`);
  it.each([
    ['组织执法人员培训不少于2次。', []],
    ['行政复议案件办结率不低于95%。', []],
    ['开展普法宣传活动30场以上。', []],
    ['办理行政处罚案件27件，组织执法人员培训6次。', ['办理行政处罚案件 27件', '组织执法人员培训 6次']],
  ])('%s', (text, expected) => {
    expect(labels(text)).toEqual(expected);
  });

  it('note the figure itself in a run-together line, counted in the text as written (spaces and all)', () => {
    // The piece as the original wrote it, and as cleaned (its spaces gone): the note counts in the first.
    const raw = '全年审核规范性文件 12 件，合法性审核率达100%，其中12件已备案。';
    const cleaned = '全年审核规范性文件12件，合法性审核率达100%，其中12件已备案。';
    const where = (_at: number, offset = 0) => `第 ${31 + offset} 字`;
    const notes = candidateFigures([{ text: cleaned, at: 1 }], where, () => raw).map((f) => f.metric.note);
    expect(notes).toEqual([`原文第 ${31 + raw.indexOf('12')} 字`, `原文第 ${31 + raw.indexOf('100')} 字`]);
  });
});
