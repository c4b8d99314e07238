// A unit name as written in a plan (区司法局, 各镇（街道）) → the roster's units, or a
// "did you mean" for a name the roster does not know.

import { editDistance, MAX_SUGGESTION_LENGTH } from '../data/distance.js';
import { namesOf, type Roster, type RosterUnit } from './types.js';

// Collective names used in task breakdowns for every township, or every department.
const ALL_TOWNS = new Set(['各镇（街道）', '各镇(街道)', '各乡镇（街道）', '各乡镇(街道)', '各镇街', '各镇街道', '各乡镇街道', '各乡镇', '各镇', '各街道']);
const ALL_DEPARTMENTS = new Set(['区直各部门', '区直各单位', '县直各部门', '县直各单位', '区政府各部门', '县政府各部门', '各部门', '各有关部门', '区直有关部门', '县直有关部门']);

export type UnitMatch = { units: RosterUnit[] } | { units?: undefined; suggestion?: string };

/** The roster name closest to a name it does not know: a small edit, or a part of a longer name. */
function suggest(name: string, roster: Roster): string | undefined {
  // A unit name is a few dozen characters; the distance costs the product of the lengths.
  if (name.length > MAX_SUGGESTION_LENGTH) return undefined;
  const allowed = (n: string): number => Math.max(1, Math.floor(Math.min(n.length, name.length) / 3));
  const candidates = roster.units.flatMap((u) => namesOf(u));
  const scored = candidates
    .map((n) => ({
      n,
      // Lengths further apart than the allowed distance: only containment can match.
      d: n.length <= MAX_SUGGESTION_LENGTH && Math.abs(n.length - name.length) <= allowed(n) ? editDistance(name, n) : Number.MAX_SAFE_INTEGER,
    }))
    .filter(({ n, d }) => d <= allowed(n) || (name.length >= 2 && (n.includes(name) || name.includes(n))))
    .sort((a, b) => a.d - b.d || a.n.length - b.n.length);
  return scored[0]?.n;
}

/**
 * The roster's units by every name they go by, built once per roster: looking a name up by
 * scanning the roster made a batch or a roll-up over a province's roster quadratic (4,900 units:
 * 150 s).
 */
const indexes = new WeakMap<Roster, Map<string, RosterUnit[]>>();

function byName(roster: Roster): Map<string, RosterUnit[]> {
  let index = indexes.get(roster);
  if (!index) {
    index = new Map();
    for (const unit of roster.units) {
      for (const n of new Set(namesOf(unit))) {
        const list = index.get(n);
        if (list) list.push(unit);
        else index.set(n, [unit]);
      }
    }
    indexes.set(roster, index);
  }
  return index;
}

export function matchUnitName(name: string, roster: Roster): UnitMatch {
  const key = name.replace(/\s+/g, '');
  if (ALL_TOWNS.has(key)) return { units: roster.units.filter((u) => u.level === 'town') };
  if (ALL_DEPARTMENTS.has(key)) return { units: roster.units.filter((u) => u.level === 'department') };
  const found = byName(roster).get(key);
  if (found?.length) return { units: found };
  const suggestion = suggest(key, roster);
  return suggestion ? { suggestion } : {};
}

/** The roster entry a report belongs to, by its unit's full name or short name. */
export function unitOfReport(roster: Roster, unit: { name: string; short: string }): RosterUnit | undefined {
  const index = byName(roster);
  // Roster order decides between units sharing a name (the roster check reports such a clash).
  return index.get(unit.name.replace(/\s+/g, ''))?.[0] ?? index.get(unit.short.replace(/\s+/g, ''))?.[0];
}
