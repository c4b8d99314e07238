// The one walk over a report's parts, groups and items. Rules, the task breakdown, next year's
// draft, roll-up and the reuse check all see the same nodes in the same order with the same
// JSON pointers and heading levels: they differ only in what they collect.

import { escapePointerToken } from './pointer.js';
import { PART_KEYS, type Group, type Item, type Paragraphs, type Part, type PartKey, type ReportData } from './report.js';

/** Where a node sits. */
export interface Place {
  /** JSON pointer of the node. */
  pointer: string;
  part: PartKey;
  /** Heading level of the node (a group) or of the heading it is under: 1 part, 2 （一）, 3 1., 4 （1）. */
  level: number;
  /** Headings of the groups above, outermost first (a group's own heading not included). */
  headings: readonly string[];
}

export type TextRole = 'part-heading' | 'group-heading' | 'paragraph' | 'item' | 'lead';

export interface TextVisit {
  pointer: string;
  text: string;
  role: TextRole;
  /** Part the text belongs to; `preamble` and `closing` for the texts around the parts. */
  part: string;
  /** Heading level: 1 for a part heading, 2 for （一）, 3 for 1., 4 for （1）. */
  level: number;
}

/** Callbacks, each optional; nodes are visited in document order, a group before what it holds. */
export interface ReportVisitor {
  part?(part: Part, place: Place): void;
  group?(group: Group, place: Place): void;
  item?(item: Item, place: Place): void;
  text?(visit: TextVisit): void;
}

function visitParagraphs(value: Paragraphs | undefined, pointer: string, part: string, level: number, v: ReportVisitor): void {
  if (value === undefined || !v.text) return;
  if (typeof value === 'string') v.text({ pointer, text: value, role: 'paragraph', part, level });
  else value.forEach((text, i) => v.text!({ pointer: `${pointer}/${i}`, text, role: 'paragraph', part, level }));
}

function visitItems(list: Item[] | undefined, at: Place, v: ReportVisitor): void {
  list?.forEach((item, i) => {
    const pointer = `${at.pointer}/${i}`;
    v.item?.(item, { ...at, pointer });
    if (!v.text) return;
    const { part, level } = at;
    if (typeof item === 'string') v.text({ pointer, text: item, role: 'item', part, level });
    else {
      if (item.lead !== undefined) v.text({ pointer: `${pointer}/lead`, text: item.lead, role: 'lead', part, level });
      v.text({ pointer: `${pointer}/text`, text: item.text, role: item.lead ? 'paragraph' : 'item', part, level });
    }
  });
}

/** Groups (and all below them) whose headings are at `at.level`; `at.pointer` is the list's. */
export function visitGroups(list: Group[] | undefined, at: Place, v: ReportVisitor): void {
  list?.forEach((group, i) => {
    const pointer = `${at.pointer}/${i}`;
    const { part, level } = at;
    v.group?.(group, { ...at, pointer });
    v.text?.({ pointer: `${pointer}/heading`, text: group.heading, role: 'group-heading', part, level });
    visitParagraphs(group.paragraphs, `${pointer}/paragraphs`, part, level, v);
    const headings = [...at.headings, group.heading];
    visitItems(group.items, { pointer: `${pointer}/items`, part, level, headings }, v);
    visitGroups(group.groups, { pointer: `${pointer}/groups`, part, level: level + 1, headings }, v);
  });
}

export function visitPart(part: Part | undefined, key: PartKey, v: ReportVisitor): void {
  if (!part) return;
  const base = `/${key}`;
  v.part?.(part, { pointer: base, part: key, level: 1, headings: [] });
  if (part.heading !== undefined) v.text?.({ pointer: `${base}/heading`, text: part.heading, role: 'part-heading', part: key, level: 1 });
  visitParagraphs(part.intro, `${base}/intro`, key, 1, v);
  visitItems(part.items, { pointer: `${base}/items`, part: key, level: 1, headings: [] }, v);
  visitGroups(part.groups, { pointer: `${base}/groups`, part: key, level: 2, headings: [] }, v);
  visitParagraphs(part.ending, `${base}/ending`, key, 1, v);
  visitParagraphs(part.suggestions?.intro, `${base}/suggestions/intro`, key, 1, v);
  visitItems(part.suggestions?.items, { pointer: `${base}/suggestions/items`, part: key, level: 1, headings: [] }, v);
}

/** The five parts in their schema order; with `frame`, the preamble before and the closing after. */
export function visitReport(data: ReportData, v: ReportVisitor, options: { frame?: boolean } = {}): void {
  if (options.frame) visitParagraphs(data.preamble, '/preamble', 'preamble', 1, v);
  for (const key of PART_KEYS) visitPart(data[key], key, v);
  if (options.frame && data.closing !== undefined) v.text?.({ pointer: '/closing', text: data.closing, role: 'paragraph', part: 'closing', level: 1 });
}

// What most callers collect.

export function partTexts(part: Part, key: PartKey): TextVisit[] {
  const out: TextVisit[] = [];
  visitPart(part, key, { text: (t) => out.push(t) });
  return out;
}

/** Every text of the parts. */
export function allTexts(data: ReportData): TextVisit[] {
  const out: TextVisit[] = [];
  visitReport(data, { text: (t) => out.push(t) });
  return out;
}

/** Every text printed as written: the parts, the preamble and the closing. */
export function reportTexts(data: ReportData): TextVisit[] {
  const out: TextVisit[] = [];
  visitReport(data, { text: (t) => out.push(t) }, { frame: true });
  return out;
}

/** Every group with its pointer and heading level (2 = （一）). */
export function allGroups(data: ReportData): { group: Group; pointer: string; level: number }[] {
  const out: { group: Group; pointer: string; level: number }[] = [];
  visitReport(data, { group: (group, { pointer, level }) => out.push({ group, pointer, level }) });
  return out;
}

export interface PlacedItem {
  item: Item;
  pointer: string;
  /** Headings of the groups the item is under, outermost first. */
  headings: readonly string[];
}

/** Every item of a part, in document order. */
export function partItems(part: Part | undefined, key: PartKey): PlacedItem[] {
  const out: PlacedItem[] = [];
  visitPart(part, key, { item: (item, { pointer, headings }) => out.push({ item, pointer, headings }) });
  return out;
}

/**
 * Every string anywhere in a value with its JSON pointer. For data the schema has not accepted
 * yet (the 【待填写】 markers are listed even then), where parts and groups cannot be trusted.
 */
export function eachString(value: unknown, pointer: string, visit: (text: string, pointer: string) => void): void {
  if (typeof value === 'string') visit(value, pointer);
  else if (Array.isArray(value)) value.forEach((v, i) => eachString(v, `${pointer}/${i}`, visit));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) eachString(v, `${pointer}/${escapePointerToken(k)}`, visit);
  }
}
