// Sections → the five parts, by what their headings say; paragraphs → intro, items (一是……),
// groups. Everything the original says is kept, in its order: what cannot be placed goes to
// `other` with a warning naming the line it came from.

import { formatChineseDate, type CalendarDate } from '../dates.js';
import { PART_KEYS, type Group, type Item, type ItemsStyle, type Level, type Metric, type Paragraphs, type Part, type PartKey, type ReportData } from '../data/report.js';
import type { SourceLine } from './extract.js';
import { cnValue, firstSentence, type Body, type EndMatter, type FrontMatter, type Section } from './structure.js';

export interface ImportWarning {
  at?: number;
  message: string;
}

/** Where each part came from, for comments in the written file. */
export interface PartOrigin {
  key: PartKey;
  heading: string;
  from: number;
  to: number;
}

export interface Built {
  data: ReportData;
  origins: PartOrigin[];
  themed: boolean;
  warnings: ImportWarning[];
  counts: Record<PartKey, { groups: number; items: number }>;
}

/** What a heading says the section is. Order matters: 第一责任人 sections also speak of 情况. */
export function classifyHeading(heading: string): PartKey | undefined {
  const h = heading.replace(/\d{4}年度?/g, '');
  if (/第一责任人|主要负责人.{0,12}(职责|履职|述法)|述法/.test(h)) return 'duties';
  if (/(存在|主要|突出)的?(问题|不足)|不足|差距|短板|薄弱/.test(h)) return 'shortcomings';
  if (/安排|计划|打算|下一步|下阶段|下一阶段|工作思路|展望|努力方向|重点工作|工作重点|工作要点/.test(h)) return 'plans';
  if (/^其他|其它/.test(h)) return 'other';
  if (/举措|成效|做法|工作情况|基本情况|主要工作|进展|成绩|开展情况|推进情况|落实情况|完成情况|总体情况|建设情况/.test(h)) return 'measures';
  return undefined;
}

const ITEM_MARK = /(^|[。；;！？：:])\s*([一二三四五六七八九十]{1,3})是/gu;

interface SplitItems {
  paragraphs: string[];
  items?: Item[];
  style?: ItemsStyle;
}

/** A short phrase ending in 。 before the item's text is its lead: 一是严格把关重大行政决策。…… */
function toItem(raw: string): Item {
  const text = raw.trim();
  const { sentence, rest } = firstSentence(text);
  const lead = sentence.replace(/[。！？]$/, '');
  if (rest && [...lead].length <= 25 && !/[，,；;：:]/.test(lead) && /。$/.test(sentence)) return { lead, text: rest };
  return text;
}

/**
 * Split 一是……二是…… into items when that keeps the text in order: items may follow intro
 * paragraphs, but nothing may follow the items. Otherwise the paragraphs stay as they are.
 */
export function splitItems(texts: readonly string[]): SplitItems {
  const marks: { p: number; index: number; start: number; n: number }[] = [];
  let expected = 1;
  texts.forEach((t, p) => {
    for (const m of t.matchAll(ITEM_MARK)) {
      const n = cnValue(m[2]!);
      if (n !== expected) continue;
      const end = m.index + m[0].length;
      marks.push({ p, index: end - m[2]!.length - 1, start: end, n });
      expected++;
    }
  });
  if (marks.length < 2) return { paragraphs: [...texts] };
  const first = marks[0]!;
  // Every paragraph after the first item must start with the next item.
  for (let p = first.p + 1; p < texts.length; p++) {
    const own = marks.filter((m) => m.p === p);
    if (own.length === 0 || texts[p]!.slice(0, own[0]!.index).trim() !== '') return { paragraphs: [...texts] };
  }
  const paragraphs = texts.slice(0, first.p);
  const intro = texts[first.p]!.slice(0, first.index).trim();
  if (intro) paragraphs.push(intro);
  const items = marks.map((m, i) => {
    const next = marks[i + 1];
    const end = next && next.p === m.p ? next.index : texts[m.p]!.length;
    return toItem(texts[m.p]!.slice(m.start, end));
  });
  const inline = marks.some((m, i) => i > 0 && marks[i - 1]!.p === m.p);
  return { paragraphs, items, style: inline ? 'inline' : 'paragraphs' };
}

const paragraphsValue = (list: string[]): Paragraphs | undefined => (list.length === 0 ? undefined : list.length === 1 ? list[0]! : list);

function lastLine(s: Section): number {
  const own = [s.heading.at, ...s.paragraphs.map((p) => p.at)];
  return Math.max(...own, ...s.children.map(lastLine));
}

/** A section as a group at `level` (2 = （一）); deeper than 4 is kept as numbered text. */
function toGroup(s: Section, level: number, counts: { groups: number; items: number }): Group {
  counts.groups++;
  const texts = [...(s.heading.rest ? [s.heading.rest] : []), ...s.paragraphs.map((p) => p.text)];
  const children = s.children;
  if (level >= 4) texts.push(...children.flatMap((c) => flatten(c)));
  const split = splitItems(texts);
  counts.items += split.items?.length ?? 0;
  const groups = level < 4 && children.length ? children.map((c) => toGroup(c, level + 1, counts)) : undefined;
  const paragraphs = paragraphsValue(split.paragraphs);
  return {
    heading: s.heading.text,
    // 1. and （1） headings written with their text on the same line stay that way.
    ...(s.heading.rest && level >= 3 ? { run_in: true } : {}),
    ...(paragraphs !== undefined ? { paragraphs } : {}),
    ...(split.items ? { items_style: split.style!, items: split.items } : {}),
    ...(groups ? { groups } : {}),
  };
}

/** A section too deep for four heading levels, as text with its own number. */
function flatten(s: Section): string[] {
  const mark = s.heading.kind === 4 ? `（${s.heading.num}）` : s.heading.kind === 3 ? `${s.heading.num}.` : '';
  return [`${mark}${s.heading.text}。${s.heading.rest ?? ''}`, ...s.paragraphs.map((p) => p.text), ...s.children.flatMap(flatten)];
}

function toPart(s: Section, counts: { groups: number; items: number }): Part {
  const texts = [...(s.heading.rest ? [s.heading.rest] : []), ...s.paragraphs.map((p) => p.text)];
  const split = splitItems(texts);
  counts.items += split.items?.length ?? 0;
  const intro = paragraphsValue(split.paragraphs);
  return {
    heading: s.heading.text,
    ...(intro !== undefined ? { intro } : {}),
    ...(split.items ? { items_style: split.style!, items: split.items } : {}),
    ...(s.children.length ? { groups: s.children.map((c) => toGroup(c, 2, counts)) } : {}),
  };
}

const dateText = (d: CalendarDate | undefined): string | undefined => (d ? formatChineseDate(d) : undefined);

function levelOf(name: string): Level {
  if (/(街道办事处|街道|镇人民政府|乡人民政府|镇政府|乡政府|镇委|镇|乡)$/.test(name)) return 'town';
  if (/(区|县|市|旗)人民政府$|(区|县|旗)政府$|^[\u4e00-\u9fff]{2,10}(区|县|旗)$/.test(name)) return 'district';
  return 'department';
}

function shortName(name: string): string {
  let s = name.replace(/人民政府$|政府$/, '').replace(/办事处$/, '');
  // 上海市静安区 → 静安区: the district is what the report calls itself.
  const inner = /^(?:[\u4e00-\u9fff]{2,4}[省市])+([\u4e00-\u9fff]{2,8}[区县旗])$/.exec(s);
  if (inner) s = inner[1]!;
  return s || name;
}

interface UnitGuess {
  name: string;
  party?: string;
}

function guessUnit(front: FrontMatter, end: EndMatter, publisher: string | undefined): UnitGuess | undefined {
  const organs = [...end.signatories, ...front.coverSignatories];
  const government = organs.find((o) => !/^中共|^中国共产党/.test(o));
  const party = organs.find((o) => /^中共|^中国共产党/.test(o));
  if (government) return { name: government, ...(party ? { party } : {}) };
  const title = front.title?.replace(/^\d{4}年度?/, '');
  const fromTitle = title ? /^(.+?)(?:关于|\d{4}年|法治政府|依法行政|法治建设)/.exec(title)?.[1] : undefined;
  if (fromTitle) {
    const parts = fromTitle.trim().split(/\s+/);
    const gov = parts.find((p) => !/^中共/.test(p)) ?? parts[0]!;
    const partyShort = parts.find((p) => /^中共/.test(p));
    return { name: gov, ...(party ? { party } : partyShort ? { party: partyShort } : {}) };
  }
  if (publisher) return { name: publisher };
  return undefined;
}

function guessYear(front: FrontMatter, end: EndMatter, body: Body, date: CalendarDate | undefined): number | undefined {
  // Not a year inside a range (《纲要（2015-2020年）》).
  const fromTitle = /(?<![\d\-—–~～至])(\d{4})年(?![\-—–~～至])/.exec(front.title ?? '')?.[1];
  if (fromTitle) return Number(fromTitle);
  if (date) return date.year - 1;
  const first = body.preamble[0]?.text ?? '';
  const y = /^(\d{4})年/.exec(first)?.[1];
  if (y) return Number(y);
  const printed = end.printedDate;
  return printed ? printed.year - 1 : undefined;
}

// Numbers with the units reports count in; a percentage above 100 is a growth rate, not a figure.
const FIGURE =
  /(?<![\d.第])(\d+(?:\.\d+)?)\s*(万|亿)?(件次|人次|场次|批次|户次|家次|余件|余人次|余场次|余人|余家|余名|余项|余次|余个|件|项|次|场|个|家|名|人|份|条|篇|期|户|张|所|起|元|%|％)/gu;
const LABEL_TRIM_START = /^(\d{4}年(?:以来|度)?|全年|今年以来|截至目前|截至\d+月底|共计|共|累计|其中|合计|全区|全县|全市|我区|我县|我局|本年度|年内)+/;
const LABEL_TRIM_END = /(达到了|达到|达|为|约|超过|逾|近|共计|共|累计|合计|计|有)+$/;

export function candidateMetrics(texts: readonly SourceLine[], where: (at: number) => string): Metric[] {
  const out: Metric[] = [];
  const seen = new Set<string>();
  for (const { text, at } of texts) {
    for (const m of text.matchAll(FIGURE)) {
      const value = Number(m[1]);
      const unit = `${m[2] ?? ''}${m[3]!.replace(/^余/, '')}`.replace('％', '%');
      if ((unit === '%' && value > 100) || !Number.isFinite(value)) continue;
      const before = text.slice(0, m.index);
      const clause = before.split(/[，。；、：（）“”《》,;:()]/).at(-1) ?? '';
      const label = clause.replace(LABEL_TRIM_START, '').replace(LABEL_TRIM_END, '').trim();
      if ([...label].length < 2 || [...label].length > 24 || /\d{4}年/.test(label)) continue;
      const key = `${label}|${value}|${unit}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ id: `figure_${out.length + 1}`, label, value, unit, note: `原文${where(at)}` });
    }
  }
  return out;
}

export interface BuildInput {
  file: string;
  today: CalendarDate;
  front: FrontMatter;
  body: Body;
  end: EndMatter;
  publisher?: string;
  docNumber?: string;
  metaDate?: CalendarDate;
  /** Lines of the original shown as “第N段” rather than “第N行”. */
  where: (at: number) => string;
}

export function buildReport(input: BuildInput): Built {
  const { front, body, end } = input;
  const warnings: ImportWarning[] = [];
  const counts = Object.fromEntries(PART_KEYS.map((k) => [k, { groups: 0, items: 0 }])) as Record<PartKey, { groups: number; items: number }>;

  // Which part each section is. Unclassified sections before the problems are results: one is
  // the measures part under a slogan heading; several are themes, each a group of measures.
  const kinds = body.sections.map((s) => classifyHeading(s.heading.text));
  const firstLater = kinds.findIndex((k) => k === 'shortcomings' || k === 'duties' || k === 'plans');
  const boundary = firstLater < 0 ? kinds.length : firstLater;
  const unclassifiedBefore = kinds.slice(0, boundary).filter((k) => k === undefined).length;
  const hasMeasures = kinds.includes('measures');
  const themed = !hasMeasures && unclassifiedBefore > 1;
  const parts: Partial<Record<PartKey, Part>> = {};
  const origins: PartOrigin[] = [];
  const order: PartKey[] = [];
  const otherSections: Section[] = [];
  const use = (key: PartKey, s: Section) => {
    if (!order.includes(key)) order.push(key);
    const origin = origins.find((o) => o.key === key);
    if (origin) origin.to = lastLine(s);
    else origins.push({ key, heading: s.heading.text, from: s.heading.at, to: lastLine(s) });
  };
  body.sections.forEach((s, i) => {
    let key = kinds[i];
    if (key === undefined && i < boundary) {
      if (themed || (hasMeasures && parts.measures)) {
        const measures = (parts.measures ??= {});
        measures.groups = [...(measures.groups ?? []), toGroup(s, 2, counts.measures)];
        use('measures', s);
        return;
      }
      if (!hasMeasures) key = 'measures';
    }
    if (key === undefined || key === 'other' || parts[key]) {
      if (key !== undefined && key !== 'other') warnings.push({ at: s.heading.at, message: `原文有两个“${s.heading.text}”这样的部分，后一个放在“其他需要报告的情况”（other）中，请核对。` });
      else if (key === undefined) warnings.push({ at: s.heading.at, message: `未能判断“${s.heading.text}”属于报告的哪一部分，已放在“其他需要报告的情况”（other）中，保留原标题。` });
      otherSections.push(s);
      use('other', s);
      return;
    }
    parts[key] = toPart(s, counts[key]);
    use(key, s);
  });

  const leftovers = end.unrecognised;
  if (otherSections.length === 1 && leftovers.length === 0) {
    parts.other = toPart(otherSections[0]!, counts.other);
  } else if (otherSections.length > 0 || leftovers.length > 0) {
    const other: Part = {};
    if (otherSections.length === 1) Object.assign(other, toPart(otherSections[0]!, counts.other));
    else if (otherSections.length > 1) other.groups = otherSections.map((s) => toGroup(s, 2, counts.other));
    if (leftovers.length) {
      for (const l of leftovers) warnings.push({ at: l.at, message: `“${l.text.length > 30 ? `${l.text.slice(0, 30)}…` : l.text}”在报告末尾，未能识别，已放在“其他需要报告的情况”（other）中。` });
      const texts = leftovers.map((l) => l.text);
      if (other.groups) other.groups.push({ heading: '导入时未能识别的内容', paragraphs: paragraphsValue(texts)! });
      else other.intro = [...(other.intro === undefined ? [] : typeof other.intro === 'string' ? [other.intro] : other.intro), ...texts];
      if (!order.includes('other')) order.push('other');
    }
    parts.other = other;
  }

  for (const key of ['measures', 'shortcomings', 'duties', 'plans'] as const) {
    if (!parts[key]) {
      const names = { measures: '主要举措和成效', shortcomings: '存在的不足和原因', duties: '党政主要负责人履行第一责任人职责情况', plans: '下一年度主要安排' };
      warnings.push({ message: `原文中没有找到“${names[key]}”部分（${key}）。` });
    }
  }

  const date = front.date ?? end.date ?? front.coverDate ?? input.metaDate;
  const unit = guessUnit(front, end, input.publisher);
  if (!unit) warnings.push({ message: '未能识别报告单位，请在 unit 中填写单位全称和简称。' });
  const unitName = unit?.name ?? '（未识别的单位）';
  const year = guessYear(front, end, body, date);
  if (year === undefined) warnings.push({ message: `未能识别报告年度，暂按 ${input.today.year - 1} 年，请核对 year。` });
  const signatories = end.signatories.length ? end.signatories : front.coverSignatories;

  const preamble = [...front.cover.map((l) => l.text), ...body.preamble.map((l) => l.text)];
  if (front.cover.length) {
    warnings.push({
      at: front.cover[0]!.at,
      message: `原文在报告之前有一封呈报函（${input.where(front.cover[0]!.at)}起），其文字已放在导语（preamble）的开头${front.coverSignatories.length || front.coverDate ? '，其署名和日期用作本报告的署名和成文日期' : ''}。`,
    });
  }
  const defaultOrder = PART_KEYS.filter((k) => order.includes(k));
  const partOrder = order.join() === defaultOrder.join() ? undefined : order;
  const imported = { from: input.file, date: `${input.today.year}-${String(input.today.month).padStart(2, '0')}-${String(input.today.day).padStart(2, '0')}`, ...(partOrder ? { part_order: partOrder } : {}) };
  const docNumber = front.docNumber ?? input.docNumber;

  const data: ReportData = {
    level: levelOf(unitName),
    year: year ?? input.today.year - 1,
    unit: { name: unitName, short: shortName(unitName), ...(unit?.party ? { party: unit.party } : {}) },
    ...(front.title ? { title: front.title } : {}),
    ...(front.titleLines && front.titleLines.length > 1 ? { title_lines: front.titleLines } : {}),
    ...(docNumber ? { doc_number: docNumber } : {}),
    ...(front.recipients?.length ? { recipients: front.recipients } : {}),
    ...(preamble.length ? { preamble: paragraphsValue(preamble)! } : {}),
    ...(end.closing ? { closing: end.closing.replace(/\.$/, '。') } : {}),
    ...(signatories.length ? { signatories } : {}),
    ...(date ? { date: dateText(date)! } : {}),
    ...(end.attachments.length ? { attachments: end.attachments } : {}),
    ...(end.copyTo.length ? { copy_to: end.copyTo } : {}),
    ...(end.printedBy ? { printed_by: end.printedBy } : {}),
    ...(end.printedDate ? { printed_date: dateText(end.printedDate)! } : {}),
    ...Object.fromEntries(PART_KEYS.filter((k) => parts[k]).map((k) => [k, parts[k]])),
    imported,
  };
  return { data, origins, themed, warnings, counts };
}
