// Sections → the five parts, by what their headings say; paragraphs → intro, items (一是……),
// groups. Everything the original says is kept, in its order: what cannot be placed goes to
// `other` with a warning naming the line it came from.

import { PLACEHOLDER } from '../../data/placeholder.js';
import { formatChineseDate, type CalendarDate } from '../../dates.js';
import { PART_KEYS, type Group, type Paragraphs, type Part, type PartKey, type ReportData } from '../../data/report.js';
import type { ImportDiagnostics } from '../diagnostics.js';
import { IMPORT } from '../../messages.js';
import type { Body, Section } from '../structure/body.js';
import type { EndMatter } from '../structure/end.js';
import type { FrontMatter } from '../structure/front.js';
import { classifyHeading } from './classify.js';
import { splitItems, splitSuggestions } from './items.js';
import { guessUnit, guessYear, levelOf, shortName } from './unit-year.js';

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
  /** What could not be recognised and is written as 【待填写】 (an error in the imported file). */
  unknown: { unit: boolean; level: boolean; year: boolean };
  counts: Record<PartKey, { groups: number; items: number }>;
}

/** The placeholder validate reports as an error. */
const UNKNOWN = PLACEHOLDER;

const paragraphsValue = (list: string[]): Paragraphs | undefined => (list.length === 0 ? undefined : list.length === 1 ? list[0]! : list);

function lastLine(s: Section): number {
  // A loop, not Math.max(...): a section may hold tens of thousands of paragraphs.
  let last = s.heading.at;
  for (const p of s.paragraphs) if (p.at > last) last = p.at;
  for (const c of s.children) last = Math.max(last, lastLine(c));
  return last;
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

function toPart(s: Section, counts: { groups: number; items: number }, key?: PartKey, diag?: ImportDiagnostics): Part {
  const texts = [...(s.heading.rest ? [s.heading.rest] : []), ...s.paragraphs.map((p) => p.text)];
  // Suggestions after the shortcomings stay suggestions, numbered 一是 again, not more shortcomings.
  const { own, suggestions } = s.children.length ? { own: texts, suggestions: undefined } : splitSuggestions(texts);
  // A plans part framed by a closing sentence after its numbered arrangements: the sentence is
  // framing, not one more promise (new-year would carry it as one).
  const split = splitItems(own, { closing: key === 'plans' && !s.children.length });
  counts.items += split.items?.length ?? 0;
  if (split.closing) {
    // The data has no text after a part's items: the sentence joins the introduction, flagged at its line.
    const at = s.paragraphs[s.paragraphs.length - split.closing.length]?.at ?? s.heading.at;
    diag?.add(IMPORT.plansClosing, at, s.heading.text);
  }
  const intro = paragraphsValue([...split.paragraphs, ...(split.closing ?? [])]);
  const advice = suggestions ? splitItems(suggestions) : undefined;
  counts.items += advice?.items?.length ?? 0;
  const adviceIntro = advice ? paragraphsValue(advice.paragraphs) : undefined;
  return {
    heading: s.heading.text,
    ...(intro !== undefined ? { intro } : {}),
    ...(split.items ? { items_style: split.style!, items: split.items } : {}),
    ...(s.children.length ? { groups: s.children.map((c) => toGroup(c, 2, counts)) } : {}),
    ...(advice
      ? {
          suggestions: {
            ...(adviceIntro !== undefined ? { intro: adviceIntro } : {}),
            ...(advice.items ? { items_style: advice.style!, items: advice.items } : {}),
          },
        }
      : {}),
  };
}

const dateText = (d: CalendarDate | undefined): string | undefined => (d ? formatChineseDate(d) : undefined);

export interface BuildInput {
  file: string;
  today: CalendarDate;
  front: FrontMatter;
  body: Body;
  end: EndMatter;
  publisher?: string;
  docNumber?: string;
  metaDate?: CalendarDate;
  /** Every finding goes here; it also says where a line of the original is. */
  diagnostics: ImportDiagnostics;
  /** The whole text, where the unit's full name is looked for. */
  fullText: string;
}

export function buildReport(input: BuildInput): Built {
  const { front, body, end } = input;
  const diag = input.diagnostics;
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
      if (key !== undefined && key !== 'other') diag.add(IMPORT.duplicatePart, s.heading.at, s.heading.text);
      else if (key === undefined) diag.add(IMPORT.unclassified, s.heading.at, s.heading.text);
      otherSections.push(s);
      use('other', s);
      return;
    }
    parts[key] = toPart(s, counts[key], key, diag);
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
      for (const l of leftovers) diag.add(IMPORT.leftover, l.at, l.text);
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
      diag.add(IMPORT.missingPart, undefined, names[key], key);
    }
  }

  const date = front.date ?? end.date ?? front.coverDate ?? input.metaDate;
  const unit = guessUnit(front, end, input.publisher, input.fullText);
  const level = unit ? levelOf(unit.name) : undefined;
  const year = guessYear(front, end, body, date);
  // Nothing invented: what is not recognised is written as 【待填写】, which validate reports as an error.
  if (!unit) diag.add(IMPORT.unit, undefined);
  else if (!level) diag.add(IMPORT.level, undefined, unit.name);
  if (year === undefined) diag.add(IMPORT.year, undefined);
  const signatories = end.signatories.length ? end.signatories : front.coverSignatories;

  const preamble = [...front.cover.map((l) => l.text), ...body.preamble.map((l) => l.text)];
  if (front.cover.length) {
    diag.add(IMPORT.coverLetter, front.cover[0]!.at, diag.where(front.cover[0]!.at), Boolean(front.coverSignatories.length || front.coverDate));
  }
  const defaultOrder = PART_KEYS.filter((k) => order.includes(k));
  const partOrder = order.join() === defaultOrder.join() ? undefined : order;
  const absent = [...(end.closing ? [] : ['closing' as const]), ...(signatories.length ? [] : ['signatories' as const])];
  const imported = {
    from: input.file,
    date: `${input.today.year}-${String(input.today.month).padStart(2, '0')}-${String(input.today.day).padStart(2, '0')}`,
    ...(partOrder ? { part_order: partOrder } : {}),
    ...(absent.length ? { absent } : {}),
  };
  const docNumber = front.docNumber ?? input.docNumber;

  const data: ReportData = {
    // Placeholders where nothing was recognised: the written file puts 【待填写】 in their place.
    level: level ?? 'district',
    year: year ?? input.today.year - 1,
    unit: unit ? { name: unit.name, short: shortName(unit.name), ...(unit.party ? { party: unit.party } : {}) } : { name: UNKNOWN, short: UNKNOWN },
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
  return { data, origins, themed, unknown: { unit: !unit, level: !level, year: year === undefined }, counts };
}
