// Sections → the five parts, by what their headings say; paragraphs → intro, items (一是……),
// groups. Everything the original says is kept, in its order: what cannot be placed goes to
// `other` with a warning naming the line it came from.

import { PLACEHOLDER } from '../../data/placeholder.js';
import { paragraphList } from '../../data/text.js';
import { formatChineseDate, type CalendarDate } from '../../dates.js';
import { PART_KEYS, PART_NAMES, type Group, type Paragraphs, type Part, type PartKey, type ReportData } from '../../data/report.js';
import type { ImportDiagnostics } from '../diagnostics.js';
import { IMPORT } from '../../messages.js';
import type { Body, Section } from '../structure/body.js';
import type { EndMatter } from '../structure/end.js';
import type { FrontMatter } from '../structure/front.js';
import { classifyHeading, classifyOpening } from './classify.js';
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
    // So do those that are one sentence of their own (“1、……。”), which keeps their full stop.
    ...((s.heading.rest || isSentence(s)) && level >= 3 ? { run_in: true } : {}),
    ...(paragraphs !== undefined ? { paragraphs } : {}),
    ...(split.items ? { items_style: split.style!, items: split.items } : {}),
    ...(groups ? { groups } : {}),
  };
}

/** A numbered paragraph that is one sentence and nothing more (“1、进一步加强……制度。”, “（1）梳理……；”). */
function isSentence(s: Section): boolean {
  return !s.heading.rest && s.paragraphs.length === 0 && s.children.length === 0 && (s.heading.end !== undefined || /[；;]$/.test(s.heading.text));
}

/** A section too deep for four heading levels, as text with its own number. */
function flatten(s: Section): string[] {
  const mark = s.heading.kind === 4 ? `（${s.heading.num}）` : s.heading.kind === 3 ? `${s.heading.num}.` : '';
  return [`${mark}${s.heading.text}。${s.heading.rest ?? ''}`, ...s.paragraphs.map((p) => p.text), ...s.children.flatMap(flatten)];
}

// A sentence that frames the arrangements rather than adding one: it looks ahead (将, 下一步, 今后).
const FRAMING = /^(?![一二三四五六七八九十]{1,3}是|\d{1,2}[.．、]|[（(])[^。！？]*(?:将|下一步|今后|新的一年|新征程)/u;

/**
 * How many paragraphs at the end of a plans part's last sub-heading close the whole part (“我区将以……
 * 提供坚实法治保障。”): after that sub-heading's numbered arrangements, and framing, not one more.
 */
function plansClosingCount(texts: readonly string[]): number {
  for (let k = 1; k <= 2 && k < texts.length; k++) {
    const tail = texts.slice(-k);
    if (!tail.every((t) => FRAMING.test(t))) return 0;
    if (splitItems(texts.slice(0, -k)).items) return k;
  }
  return 0;
}

/** The plans part's closing paragraphs, taken out of its last sub-heading (at any depth). */
function takePlansClosing(s: Section): { section: Section; closing: Section['paragraphs'] } {
  const last = (x: Section): Section => (x.children.length ? last(x.children.at(-1)!) : x);
  const deepest = last(s);
  const n = plansClosingCount([...(deepest.heading.rest ? [deepest.heading.rest] : []), ...deepest.paragraphs.map((p) => p.text)]);
  if (n === 0 || n > deepest.paragraphs.length) return closingInside(s, deepest);
  const trim = (x: Section): Section => (x.children.length ? { ...x, children: [...x.children.slice(0, -1), trim(x.children.at(-1)!)] } : { ...x, paragraphs: x.paragraphs.slice(0, -n) });
  return { section: trim(s), closing: deepest.paragraphs.slice(-n) };
}

// In a text that lost its line breaks the closing ends the last paragraph itself; it is told from
// the last arrangement's own sentences by its subject looking ahead: “示例区将……”, “我们将……”.
const CLOSING_SENTENCE = /^(?:我们|我区|我县|我市|我局|我镇|本区|本县|[\u4e00-\u9fff]{2,10}(?:区|县|市|旗|镇|乡|街道))将[^。！？]{8,}[。！？]$/u;

function closingInside(s: Section, deepest: Section): { section: Section; closing: Section['paragraphs'] } {
  const final = deepest.paragraphs.at(-1);
  if (!final) return { section: s, closing: [] };
  const sentences = final.text.match(/[^。！？]+[。！？]?/gu) ?? [];
  const closing = sentences.at(-1)?.trim() ?? '';
  if (sentences.length < 2 || !CLOSING_SENTENCE.test(closing)) return { section: s, closing: [] };
  const before = final.text.slice(0, final.text.length - closing.length).trim();
  const texts = [...(deepest.heading.rest ? [deepest.heading.rest] : []), ...deepest.paragraphs.slice(0, -1).map((p) => p.text), before];
  if (!splitItems(texts).items) return { section: s, closing: [] };
  const trim = (x: Section): Section =>
    x.children.length ? { ...x, children: [...x.children.slice(0, -1), trim(x.children.at(-1)!)] } : { ...x, paragraphs: [...x.paragraphs.slice(0, -1), { ...final, text: before }] };
  return { section: trim(s), closing: [{ ...final, text: closing }] };
}

// The causes after the shortcomings: “产生这些问题，既有……的原因”, “究其原因，……”, “主要原因是……”.
const CAUSE_SENTENCE = /^(?:(?:其|究其)?主要原因(?:是|在于|有)|(?:产生|出现|形成|存在)(?:这些|上述|以上)(?:问题|不足)|究其原因|(?:这些|上述|以上)(?:问题|不足)的?(?:产生|存在|形成)?的?原因|分析(?:其)?原因)[^。！？]{4,}[。！？]$/u;

/**
 * Text run together ends the last item with the part's ending sentence (the causes after the
 * shortcomings, the closing after the plans): that sentence is set apart as a paragraph of its
 * own, as the line-broken original has it, when the items before it still split.
 */
function endingApart(texts: readonly string[]): { texts: string[]; ending: string[] } {
  const final = texts.at(-1);
  const unchanged = { texts: [...texts], ending: [] };
  if (!final) return unchanged;
  const sentences = final.match(/[^。！？]+[。！？]?/gu) ?? [];
  const last = sentences.at(-1)?.trim() ?? '';
  if (sentences.length < 2 || !(CAUSE_SENTENCE.test(last) || CLOSING_SENTENCE.test(last))) return unchanged;
  const before = [...texts.slice(0, -1), final.slice(0, final.length - last.length).trim()];
  return splitItems(before).items ? { texts: before, ending: [last] } : unchanged;
}

function toPart(whole: Section, counts: { groups: number; items: number }, key?: PartKey): Part {
  // Plans under sub-headings with a closing sentence after the last one: the sentence closes the
  // part (its ending, printed after the groups as in the original), it is not the last
  // sub-heading's text (which would then lose its numbered items).
  const { section: s, closing: partClosing } = key === 'plans' && whole.children.length ? takePlansClosing(whole) : { section: whole, closing: [] };
  const texts = [...(s.heading.rest ? [s.heading.rest] : []), ...s.paragraphs.map((p) => p.text)];
  // Suggestions after the shortcomings stay suggestions, numbered 一是 again, not more shortcomings.
  const { own: written, suggestions } = s.children.length ? { own: texts, suggestions: undefined } : splitSuggestions(texts);
  const { texts: own, ending: apart } = s.children.length ? { texts: written, ending: [] } : endingApart(written);
  // A part whose numbered items are followed by a paragraph that numbers nothing (the causes after
  // the shortcomings, a closing sentence after the plans): that paragraph is the part's ending,
  // printed after the items as in the original, not one more item (new-year would carry it as one).
  const split = splitItems(own, { closing: !s.children.length });
  counts.items += split.items?.length ?? 0;
  const intro = paragraphsValue(split.paragraphs);
  const ending = paragraphsValue([...(split.closing ?? []), ...apart, ...partClosing.map((p) => p.text)]);
  // Items numbered 1、2、 under a part, each one sentence: items, as 一是、二是 would be (as headings
  // they would lose their full stops and read as titles).
  const numberedItems = !split.items && s.children.length >= 2 && s.children.every(isSentence);
  if (numberedItems) counts.items += s.children.length;
  const advice = suggestions ? splitItems(suggestions) : undefined;
  counts.items += advice?.items?.length ?? 0;
  const adviceIntro = advice ? paragraphsValue(advice.paragraphs) : undefined;
  return {
    heading: s.heading.text,
    ...(intro !== undefined ? { intro } : {}),
    ...(split.items ? { items_style: split.style!, items: split.items } : {}),
    ...(numberedItems ? { items_style: 'paragraphs' as const, items: s.children.map((c) => `${c.heading.text}${c.heading.end ?? ''}`) } : {}),
    ...(s.children.length && !numberedItems ? { groups: s.children.map((c) => toGroup(c, 2, counts)) } : {}),
    ...(ending !== undefined ? { ending } : {}),
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
  const date = front.date ?? end.date ?? front.coverDate ?? input.metaDate;
  const year = guessYear(front, end, body, date);
  // A slogan heading (“二、坚持刀刃向内，清醒查摆自身问题”) says nothing of its part: its opening does.
  const byContent = new Set<number>();
  const kinds = body.sections.map((s, i) => {
    const kind = classifyHeading(s.heading.text);
    if (kind !== undefined) return kind;
    const opening = [s.heading.rest, ...s.paragraphs.map((p) => p.text)].filter(Boolean).join('');
    const guessed = classifyOpening(opening, year);
    if (guessed && guessed !== 'measures') byContent.add(i);
    return guessed === 'measures' ? undefined : guessed;
  });
  // Told by content only among the closing parts: a section so told with an untold one after it
  // is a theme of the results that happens to open on its subject (the themes would otherwise be
  // cut in two, the later ones left unplaced).
  for (let i = kinds.length - 1, untoldAfter = false; i >= 0; i--) {
    if (byContent.has(i) && untoldAfter) {
      byContent.delete(i);
      kinds[i] = undefined;
    }
    if (kinds[i] === undefined) untoldAfter = true;
  }
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
  // A report organised by theme: its themes are the measures' groups, or, when every one is a
  // single paragraph led by its heading (a flat list “1.强化组织领导。局党组……”), its items with
  // that lead, which keeps the lead's full stop (a （一） heading cannot run into its text).
  const themes = themed ? body.sections.filter((s, i) => kinds[i] === undefined && i < boundary) : [];
  const leadItems = themes.length >= 2 && themes.every((s) => s.heading.rest && s.heading.end === '。' && s.paragraphs.length === 0 && s.children.length === 0);
  body.sections.forEach((s, i) => {
    let key = kinds[i];
    if (key === undefined && i < boundary) {
      if (leadItems) {
        const measures = (parts.measures ??= { items_style: 'paragraphs', items: [] });
        measures.items!.push({ lead: s.heading.text, text: s.heading.rest! });
        counts.measures.items++;
        use('measures', s);
        return;
      }
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
    parts[key] = toPart(s, counts[key], key);
    use(key, s);
    if (byContent.has(i)) diag.add(IMPORT.partByContent, s.heading.at, s.heading.text, PART_NAMES[key], key);
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
      // The first responsible person folded into the measures: say under which heading, so the clerk
      // knows the report does speak of it (new-year still drafts the part of its own).
      const folded = key === 'duties' ? parts.measures?.groups?.find((g) => /第一责任人|述法/.test(`${g.heading}${paragraphList(g.paragraphs)[0] ?? ''}`)) : undefined;
      diag.add(IMPORT.missingPart, undefined, names[key], key, folded?.heading);
    }
  }

  const unit = guessUnit(front, end, input.publisher, input.fullText);
  const level = unit ? levelOf(unit.name) : undefined;
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
