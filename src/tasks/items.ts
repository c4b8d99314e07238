// Every item of a part with its JSON pointer and the headings above it, for the responsibility
// breakdown (plans items may name 牵头单位, 配合单位 and 完成时限).

import type { Group, Item, Part, PartKey, UnitNames } from '../report-data.js';

export interface PlacedItem {
  item: Item;
  pointer: string;
  /** Headings of the groups the item is under, outermost first. */
  headings: string[];
}

export function partItems(part: Part | undefined, key: PartKey): PlacedItem[] {
  if (!part) return [];
  const out: PlacedItem[] = [];
  const items = (list: Item[] | undefined, pointer: string, headings: string[]): void =>
    list?.forEach((item, i) => out.push({ item, pointer: `${pointer}/${i}`, headings }));
  const groups = (list: Group[] | undefined, pointer: string, headings: string[]): void =>
    list?.forEach((g, i) => {
      const p = `${pointer}/${i}`;
      const under = [...headings, g.heading];
      items(g.items, `${p}/items`, under);
      groups(g.groups, `${p}/groups`, under);
    });
  items(part.items, `/${key}/items`, []);
  groups(part.groups, `/${key}/groups`, []);
  return out;
}

export const ASSIGNMENT_KEYS = ['lead_unit', 'support_units', 'deadline'] as const;

export function hasAssignment(item: Item): item is Exclude<Item, string> {
  return typeof item !== 'string' && ASSIGNMENT_KEYS.some((k) => item[k] !== undefined);
}

/** 区司法局、区财政局 or a list of them → the names, each once. */
export function splitUnitNames(value: UnitNames | undefined): string[] {
  if (value === undefined) return [];
  const list = (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(/[、，,；;]/));
  return [...new Set(list.map((n) => n.replace(/\s+/g, '')).filter((n) => n !== ''))];
}
