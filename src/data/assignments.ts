// The responsibility breakdown a plans item may carry (牵头单位, 配合单位, 完成时限): read by the
// plan rules, the task table and next year's carried-over tasks.

import type { Item, UnitNames } from './report.js';

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
