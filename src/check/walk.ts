// Visit every piece of text in a report with its JSON pointer, for rules that look at wording.

import { PART_KEYS, type Group, type Item, type Paragraphs, type Part, type ReportData } from '../report-data.js';

export type TextRole = 'part-heading' | 'group-heading' | 'paragraph' | 'item' | 'lead';

export interface TextVisit {
  pointer: string;
  text: string;
  role: TextRole;
  /** Part the text belongs to. */
  part: string;
  /** Heading level: 1 for a part heading, 2 for （一）, 3 for 1., 4 for （1）. */
  level: number;
}

export function paragraphs(value: Paragraphs | undefined, pointer: string, part: string, level: number, out: TextVisit[]): void {
  if (value === undefined) return;
  if (typeof value === 'string') out.push({ pointer, text: value, role: 'paragraph', part, level });
  else value.forEach((t, i) => out.push({ pointer: `${pointer}/${i}`, text: t, role: 'paragraph', part, level }));
}

function items(list: Item[] | undefined, pointer: string, part: string, level: number, out: TextVisit[]): void {
  list?.forEach((item, i) => {
    const p = `${pointer}/${i}`;
    if (typeof item === 'string') out.push({ pointer: p, text: item, role: 'item', part, level });
    else {
      if (item.lead !== undefined) out.push({ pointer: `${p}/lead`, text: item.lead, role: 'lead', part, level });
      out.push({ pointer: `${p}/text`, text: item.text, role: item.lead ? 'paragraph' : 'item', part, level });
    }
  });
}

function groups(list: Group[] | undefined, pointer: string, part: string, level: number, out: TextVisit[]): void {
  list?.forEach((g, i) => {
    const p = `${pointer}/${i}`;
    out.push({ pointer: `${p}/heading`, text: g.heading, role: 'group-heading', part, level });
    paragraphs(g.paragraphs, `${p}/paragraphs`, part, level, out);
    items(g.items, `${p}/items`, part, level, out);
    groups(g.groups, `${p}/groups`, part, level + 1, out);
  });
}

export function partTexts(part: Part, key: string): TextVisit[] {
  const out: TextVisit[] = [];
  const base = `/${key}`;
  if (part.heading !== undefined) out.push({ pointer: `${base}/heading`, text: part.heading, role: 'part-heading', part: key, level: 1 });
  paragraphs(part.intro, `${base}/intro`, key, 1, out);
  items(part.items, `${base}/items`, key, 1, out);
  groups(part.groups, `${base}/groups`, key, 2, out);
  return out;
}

export function allTexts(data: ReportData): TextVisit[] {
  return PART_KEYS.flatMap((key) => {
    const part = data[key];
    return part ? partTexts(part, key) : [];
  });
}

/** Every group with its pointer and heading level (2 = （一）). */
export function allGroups(data: ReportData): { group: Group; pointer: string; level: number }[] {
  const out: { group: Group; pointer: string; level: number }[] = [];
  const visit = (list: Group[] | undefined, pointer: string, level: number): void =>
    list?.forEach((group, i) => {
      out.push({ group, pointer: `${pointer}/${i}`, level });
      visit(group.groups, `${pointer}/${i}/groups`, level + 1);
    });
  for (const key of PART_KEYS) visit(data[key]?.groups, `/${key}/groups`, 2);
  return out;
}
