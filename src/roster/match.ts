// A unit name as written in a plan (区司法局, 各镇（街道）) → the roster's units, or a
// "did you mean" for a name the roster does not know.

import { editDistance } from '../data/distance.js';
import { namesOf, type Roster, type RosterUnit } from './types.js';

// Collective names used in task breakdowns for every township, or every department.
const ALL_TOWNS = new Set(['各镇（街道）', '各镇(街道)', '各乡镇（街道）', '各乡镇(街道)', '各镇街', '各镇街道', '各乡镇街道', '各乡镇', '各镇', '各街道']);
const ALL_DEPARTMENTS = new Set(['区直各部门', '区直各单位', '县直各部门', '县直各单位', '区政府各部门', '县政府各部门', '各部门', '各有关部门', '区直有关部门', '县直有关部门']);

export type UnitMatch = { units: RosterUnit[] } | { units?: undefined; suggestion?: string };

/** The roster name closest to a name it does not know: a small edit, or a part of a longer name. */
function suggest(name: string, roster: Roster): string | undefined {
  const candidates = roster.units.flatMap((u) => namesOf(u).map((n) => ({ n, unit: u })));
  const scored = candidates
    .map(({ n }) => ({ n, d: editDistance(name, n) }))
    .filter(({ n, d }) => d <= Math.max(1, Math.floor(Math.min(n.length, name.length) / 3)) || (name.length >= 2 && (n.includes(name) || name.includes(n))))
    .sort((a, b) => a.d - b.d || a.n.length - b.n.length);
  return scored[0]?.n;
}

export function matchUnitName(name: string, roster: Roster): UnitMatch {
  const key = name.replace(/\s+/g, '');
  if (ALL_TOWNS.has(key)) return { units: roster.units.filter((u) => u.level === 'town') };
  if (ALL_DEPARTMENTS.has(key)) return { units: roster.units.filter((u) => u.level === 'department') };
  const found = roster.units.filter((u) => namesOf(u).includes(key));
  if (found.length) return { units: found };
  const suggestion = suggest(key, roster);
  return suggestion ? { suggestion } : {};
}

/** The roster entry a report belongs to, by its unit's full name or short name. */
export function unitOfReport(roster: Roster, unit: { name: string; short: string }): RosterUnit | undefined {
  const full = unit.name.replace(/\s+/g, '');
  return roster.units.find((u) => namesOf(u).includes(full)) ?? roster.units.find((u) => namesOf(u).includes(unit.short.replace(/\s+/g, '')));
}
