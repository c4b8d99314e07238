// Next year's data file from last year's: what carries over stays (unit, recipients, signatories,
// 版记, headings), what belongs to a year is cleared (dates, document number, figures), and
// every promise of last year's plans and every shortcoming becomes a marked placeholder in the
// place where this year's report must account for it. The source file is edited through the
// yaml Document API, so its comments (and the yaml-language-server line) survive.

import { isMap, isScalar, isSeq, Scalar, type Document, type Node, type YAMLMap } from 'yaml';
import { PLACEHOLDER } from '../data/placeholder.js';
import { endSentence, itemText, normalizeParagraph, paragraphList } from '../data/text.js';
import { shiftYearPath } from '../data/folders.js';
import { visitGroups, visitPart } from '../data/visit.js';
import { formatValue } from '../data/metric-format.js';
import type { Group, Item, Part, PartKey, ReportData } from '../data/report.js';
import { fingerprint } from '../reuse/similar.js';
import { commentAbove, pairOf, parseForEditing, setIn, textScalar, toNode, yamlText } from '../yaml-out/index.js';

export interface NewYearSummary {
  headings: number;
  plans: number;
  /** Tasks of the district's breakdown carried in (see AssignedTask). */
  tasks: number;
  shortcomings: number;
  metrics: number;
}

export interface NewYearResult {
  text: string;
  summary: NewYearSummary;
}

/** 2024年 → 2025年, not inside a range such as 2021—2025年. */
export function advanceYear(text: string, from: number, to: number): string {
  return text.replace(new RegExp(`(?<![\\d—–\\-~～至])${from}(?=年)`, 'g'), String(to));
}

/** Each promise of a plans part: an item, or a group's heading with its text. */
function promisesOf(part: Part | undefined, key: PartKey): string[] {
  if (!part) return [];
  const listed: string[] = [];
  visitPart(part, key, {
    item: (item) => listed.push(itemText(item)),
    // A group without items is one promise: its heading with its text (a group holding only
    // groups is their heading, not a promise).
    group: (g) => {
      if (!g.items?.length && (g.paragraphs !== undefined || !g.groups)) listed.push(endSentence(normalizeParagraph(g.heading)) + paragraphList(g.paragraphs).join(''));
    },
  });
  return listed.length > 0 ? listed : paragraphList(part.intro);
}

/** All text under a group, for matching promises to the heading they belong under. */
function groupText(group: Group): string {
  const out: string[] = [];
  visitGroups([group], { pointer: '', part: 'measures', level: 2, headings: [] }, {
    group: (g) => out.push(g.heading, ...paragraphList(g.paragraphs)),
    item: (item) => out.push(itemText(item)),
  });
  return out.join('');
}

/**
 * The measures group each promise most likely reports under: overlap of character pairs,
 * weighted by how rare a pair is among the groups (法治、行政 are everywhere and say nothing).
 * Index −1: no group is a clear match.
 */
export function matchPromises(promises: readonly string[], groups: readonly Group[]): number[] {
  const grams = groups.map((g) => new Set(fingerprint(groupText(g)).grams.keys()));
  const df = new Map<number, number>();
  for (const set of grams) for (const g of set) df.set(g, (df.get(g) ?? 0) + 1);
  const weight = (g: number): number => Math.log((groups.length + 1) / ((df.get(g) ?? 0) + 0.5));
  return promises.map((p) => {
    const own = [...new Set(fingerprint(p).grams.keys())].filter((g) => df.has(g));
    const total = own.reduce((s, g) => s + weight(g), 0);
    if (total <= 0) return -1;
    let best = -1;
    let bestScore = 0;
    grams.forEach((set, i) => {
      const score = own.filter((g) => set.has(g)).reduce((s, g) => s + weight(g), 0) / total;
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    return bestScore >= 0.3 ? best : -1;
  });
}

interface Context {
  year: number;
  next: number;
  headings: number;
}

/** Headings carried over, each leaf with `fill` (or a generic placeholder) as its content. */
function carryGroups(
  groups: readonly Group[] | undefined,
  ctx: Context,
  fill: (i: number) => Item[] = () => [],
  // Plans speak of the year after the report's: their headings (“2025年工作思路”) move on from that year.
  [from, to]: [number, number] = [ctx.year, ctx.next],
  what = '情况',
): Group[] | undefined {
  if (!groups?.length) return undefined;
  return groups.map((g, i) => {
    ctx.headings += 1;
    const heading = advanceYear(normalizeParagraph(g.heading), from, to);
    const children = carryGroups(g.groups, ctx, () => [], [from, to], what);
    const own = fill(i);
    const items = own.length > 0 ? own : children ? [] : [`${PLACEHOLDER}${to}年“${heading}”方面的${what}`];
    return {
      heading,
      ...(g.items_style ? { items_style: g.items_style } : {}),
      ...(g.run_in ? { run_in: g.run_in } : {}),
      ...(items.length ? { items } : {}),
      ...(children ? { groups: children } : {}),
    };
  });
}

function carriedHeading(part: Part | undefined, from: number, to: number): { heading?: string } {
  return part?.heading ? { heading: advanceYear(normalizeParagraph(part.heading), from, to) } : {};
}

function measuresPart(last: ReportData, ctx: Context, assigned: readonly AssignedTask[] = []): { part: Part; promises: number } {
  // The unit's own promises, then the tasks the district's breakdown gave it: both to report on.
  const raw = [...promisesOf(last.plans, 'plans'), ...assigned.map((t) => t.text)];
  const promises = [
    ...promisesOf(last.plans, 'plans').map((p) => `${PLACEHOLDER}${last.year}年报告提出的安排：${p}——请填写落实情况`),
    ...assigned.map((t) => `${PLACEHOLDER}${t.source}分配给本单位的任务（${t.role}）：${t.text}——请填写完成情况`),
  ];
  const groups = last.measures?.groups ?? [];
  const heading = carriedHeading(last.measures, ctx.year, ctx.next);
  if (groups.length === 0) {
    const intro = `${PLACEHOLDER}${ctx.next}年推进法治政府建设的主要举措和成效`;
    return { part: { ...heading, intro, ...(promises.length ? { items: promises } : {}) }, promises: promises.length - assigned.length };
  }
  const match = matchPromises(raw, groups);
  const carried = carryGroups(groups, ctx, (i) => promises.filter((_, j) => match[j] === i))!;
  const unmatched = promises.filter((_, j) => match[j] === -1);
  if (unmatched.length) {
    carried.push({ heading: `${PLACEHOLDER}（请改写本标题，或把下列各项移到相应的标题下）`, items_style: 'paragraphs', items: unmatched });
  }
  return { part: { ...heading, groups: carried }, promises: promises.length - assigned.length };
}

function carriedPart(last: Part | undefined, ctx: Context, what: string, headingYears: [number, number] = [ctx.year, ctx.next]): Part {
  const groups = carryGroups(last?.groups, ctx, () => [], headingYears, headingYears[0] !== ctx.year ? '安排' : '情况');
  const heading = carriedHeading(last, ...headingYears);
  if (groups) return { ...heading, ...(last?.items_style ? { items_style: last.items_style } : {}), groups };
  return { ...heading, intro: `${PLACEHOLDER}${what}` };
}

/** Last year's shortcomings, each to be reported on: 整改情况. */
function rectification(last: ReportData): Item[] {
  const part = last.shortcomings;
  if (!part) return [];
  const listed = promisesOf({ ...part, intro: undefined }, 'shortcomings');
  const texts = listed.length > 0 ? listed : paragraphList(part.intro);
  return texts.map((t) => `${PLACEHOLDER}${last.year}年报告所列不足：${t}——请填写整改情况`);
}

function otherPart(last: ReportData, ctx: Context): Part | undefined {
  const carried = carryGroups(last.other?.groups, ctx) ?? [];
  const checklist = rectification(last);
  if (checklist.length) {
    carried.push({ heading: `${last.year}年报告所列不足的整改情况`, items_style: 'paragraphs', items: checklist });
  }
  if (!carried.length) return undefined;
  return { ...carriedHeading(last.other, ctx.year, ctx.next), groups: carried };
}

const HEADER_NOTE = /^ ?(由 fazhi new-year|每一处“【待填写】”|成文日期、发文字号|由 fazhi import|导入时)/;

function header(doc: Document, schemaRef: string, note: string): void {
  // A comment right above the first key belongs to that key: the schema line may be there.
  const first = isMap(doc.contents) ? doc.contents.items[0]?.key : undefined;
  if (isScalar(first) && first.commentBefore) {
    first.commentBefore = first.commentBefore
      .split('\n')
      .filter((l) => !/yaml-language-server/.test(l))
      .join('\n');
  }
  const kept = (doc.commentBefore ?? '')
    .split('\n')
    .filter((l) => !/yaml-language-server/.test(l) && !HEADER_NOTE.test(l));
  doc.commentBefore = [` yaml-language-server: $schema=${schemaRef}`, ...note.split('\n').map((l) => ` ${l}`), ...kept.filter((l) => l.trim() !== '')].join('\n');
}

function emptyWithComment(map: YAMLMap, key: string, comment: string, after: readonly string[]): void {
  const value = new Scalar(null);
  value.comment = ` ${comment}`;
  setIn(map, key, value, after);
}

/** A task of the district's responsibility breakdown (fazhi tasks) given to this unit. */
export interface AssignedTask {
  text: string;
  role: '牵头' | '配合';
  /** Where it comes from, e.g. 示例区2025年法治政府建设重点任务分工. */
  source: string;
}

export interface NewYearOptions {
  /** The source file as the user named it, for the header comment. */
  sourceLabel: string;
  /** $schema path relative to the new file. */
  schemaRef: string;
  /** Tasks the district assigned to this unit for the new year, each to be reported on. */
  assignedTasks?: readonly AssignedTask[];
}

export function newYearText(sourceText: string, last: ReportData, options: NewYearOptions): NewYearResult {
  // failsafe: every scalar stays text, so 1.10 or a phone number is written back as it was.
  const doc = parseForEditing(sourceText);
  const root = doc.contents;
  if (!isMap(root)) throw new Error('report file is not a map');
  const year = last.year;
  const next = year + 1;
  const ctx: Context = { year, next, headings: 0 };

  header(
    doc,
    options.schemaRef,
    `由 fazhi new-year 根据 ${year} 年的报告（${options.sourceLabel}）生成。\n每一处“${PLACEHOLDER}”都要改写成 ${next} 年的实际内容并删除该标记；运行 fazhi validate 会逐条列出。\n成文日期、发文字号、印发日期和主要数据的数值已清空，上年的内容写在各自的注释中。`,
  );

  setIn(root, 'year', new Scalar(String(next)));
  const title = pairOf(root, 'title');
  if (title && isScalar(title.value)) title.value = new Scalar(advanceYear(String(title.value.value), year, next));
  const titleLines = pairOf(root, 'title_lines');
  if (titleLines && isSeq(titleLines.value)) {
    titleLines.value.items = titleLines.value.items.map((n) => (isScalar(n) ? new Scalar(advanceYear(String(n.value), year, next)) : n));
  }
  if (last.doc_number) emptyWithComment(root, 'doc_number', `发文字号；上年为“${last.doc_number}”`, ['title_lines', 'title', 'unit']);
  const preamble = setIn(root, 'preamble', textScalar(`${PLACEHOLDER}${next}年，${last.unit.short}……现将有关情况报告如下：`), ['recipients', 'doc_number', 'title', 'unit']);
  if (!preamble.key.commentBefore) commentAbove(preamble, '导语：概述全年工作，以“现将有关情况报告如下：”结尾', false);
  emptyWithComment(root, 'date', `成文日期，例如 ${next + 1}-01-20`, ['signatories', 'closing', 'preamble']);
  if (last.printed_date) emptyWithComment(root, 'printed_date', `印发日期，例如 ${next + 1}-01-21`, ['printed_by', 'copy_to']);
  const attachments = pairOf(root, 'attachments');
  if (attachments && isSeq(attachments.value)) {
    attachments.value.items = attachments.value.items.map((n) => (isScalar(n) ? new Scalar(advanceYear(String(n.value), year, next)) : n));
  }
  if (last.metrics_table) setIn(root, 'metrics_table', new Scalar(advanceYear(last.metrics_table, year, next)));
  if (pairOf(root, 'imported')) root.items = root.items.filter((p) => !(isScalar(p.key) && p.key.value === 'imported'));

  const measures = measuresPart(last, ctx, options.assignedTasks);
  const checklist = rectification(last);
  const parts: [PartKey, Part | undefined, string][] = [
    [
      'measures',
      measures.part,
      `第一部分：主要举措和成效。小标题沿用 ${year} 年的报告；${year} 年报告提出的每一项安排都列在最接近的小标题下，\n请写明落实情况，再删除“${PLACEHOLDER}”。不需要的标题可以删除，也可以增加新的标题。`,
    ],
    ['shortcomings', carriedPart(last.shortcomings, ctx, `${next}年推进法治政府建设存在的不足和原因`), `第二部分：${next} 年推进法治政府建设存在的不足和原因`],
    [
      'duties',
      // A township written in three parts keeps that form (the first responsible person is in measures).
      last.level === 'town' && !last.duties ? undefined : carriedPart(last.duties, ctx, `${next}年党政主要负责人履行推进法治建设第一责任人职责的情况`),
      '第三部分：党政主要负责人履行推进法治建设第一责任人职责情况',
    ],
    ['plans', carriedPart(last.plans, ctx, `${next + 1}年推进法治政府建设的主要安排`, [next, next + 1]), `第四部分：${next + 1} 年推进法治政府建设的主要安排，只写 ${next + 1} 年的打算`],
    ['other', otherPart(last, ctx), `第五部分：其他需要报告的情况（可选）${checklist.length ? `；${year} 年报告所列的每一项不足都要写明整改情况` : ''}`],
  ];
  let previousKey = 'printed_date';
  for (const [key, part, note] of parts) {
    if (!part) {
      if (pairOf(root, key)) root.items = root.items.filter((p) => !(isScalar(p.key) && p.key.value === key));
      continue;
    }
    const existed = pairOf(root, key) !== undefined;
    const pair = setIn(root, key, toNode(part), [previousKey, 'items_style', 'printed_by', 'copy_to', 'attachments', 'date', 'signatories']);
    if (!existed || !pair.key.commentBefore) commentAbove(pair, note);
    else pair.key.spaceBefore = true;
    previousKey = key;
  }

  let metricCount = 0;
  const metrics = pairOf(root, 'metrics');
  if (metrics && isSeq(metrics.value)) {
    for (const node of metrics.value.items as Node[]) {
      if (!isMap(node)) continue;
      const value = pairOf(node, 'value');
      const id = pairOf(node, 'id');
      const old = last.metrics?.find((m) => isScalar(id?.value) && m.id === String(id.value.value));
      if (!value) continue;
      const empty = new Scalar(null);
      empty.comment = old ? ` ${year}年：${formatValue(old.value, old.unit)}；请填写 ${next} 年的数值` : ' 请填写本年数值';
      value.value = empty;
      metricCount += 1;
    }
  }

  return {
    text: yamlText(doc),
    summary: { headings: ctx.headings, plans: measures.promises, tasks: options.assignedTasks?.length ?? 0, shortcomings: checklist.length, metrics: metricCount },
  };
}

/** Next year's file by the folder layout of data/: …/2024/… → …/2025/…. */
export function nextYearPath(file: string, year: number): string | undefined {
  return shiftYearPath(file, year, 1);
}
