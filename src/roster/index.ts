// The roster (单位名册, units.yaml in the district folder): which departments and townships must
// report. Read with the project's loader (positions, encodings, limits), checked against
// schema/units.schema.json with the same Chinese messages as reports, then content checks
// (duplicate names).

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FieldNamer } from '../check/schema-messages.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostic.js';
import { FileMemo, keyAsWritten } from '../load/file-memo.js';
import { array, diagnostic, object, oneOf, optionalString, string } from '../load/cache-shape.js';
import { sourceHoldingCodec } from '../load/source-codec.js';
import { loadReportFile, type JsonSchema, type SourceFile } from '../load/index.js';
import { FILES, isKind, LOAD, messageOf } from '../messages.js';
import { PACKAGE_ROOT } from '../paths.js';
import { miniSchemaDiagnostics } from '../check/mini-schema.js';
import type { Roster, RosterUnit } from './types.js';
import { placeAt } from '../check/place.js';

export { namesOf, type Roster, type RosterLevel, type RosterUnit } from './types.js';

export const ROSTER_FILE_NAME = 'units.yaml';
export const ROSTER_SCHEMA_FILE = path.join(PACKAGE_ROOT, 'schema', 'units.schema.json');

export interface RosterResult {
  roster?: Roster;
  diagnostics: Diagnostic[];
  source: SourceFile;
}

let compiled: { schema: JsonSchema; namer: FieldNamer } | undefined;

function rosterSchema(): { schema: JsonSchema; namer: FieldNamer } {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(ROSTER_SCHEMA_FILE, 'utf8')) as JsonSchema;
    compiled = { schema, namer: new FieldNamer(schema) };
  }
  return compiled;
}

function schemaDiagnostics(source: SourceFile): Diagnostic[] {
  return miniSchemaDiagnostics(source, rosterSchema(), 'roster');
}

function duplicateNames(source: SourceFile, units: RosterUnit[]): Diagnostic[] {
  const owner = new Map<string, number>();
  const out: Diagnostic[] = [];
  units.forEach((unit, i) => {
    const fields: [string, string][] = [['name', unit.name], ...(unit.short ? [['short', unit.short] as [string, string]] : [])];
    unit.aliases?.forEach((a, j) => fields.push([`aliases/${j}`, a]));
    for (const [field, name] of fields) {
      const first = owner.get(name);
      if (first !== undefined && first !== i) {
        const pointer = `${unit.pointer}/${field}`;
        out.push({ ...messageOf(FILES.rosterDuplicate, name, first + 1, units[first]!.name), ...placeAt(source, pointer) });
      } else owner.set(name, i);
    }
  });
  return out;
}

export const ROSTER_CODEC = sourceHoldingCodec<RosterResult>('roster-2', (value) => {
  array(value.diagnostics, 'diagnostics').forEach((d, i) => diagnostic(d, `diagnostics[${i}]`));
  if (value.roster === undefined) return;
  const roster = object(value.roster, 'roster');
  string(roster.path, 'roster.path');
  string(roster.district, 'roster.district');
  array(roster.units, 'roster.units').forEach((u, i) => {
    const unit = object(u, `roster.units[${i}]`);
    string(unit.name, `roster.units[${i}].name`);
    optionalString(unit.short, `roster.units[${i}].short`);
    if (unit.aliases !== undefined) array(unit.aliases, `roster.units[${i}].aliases`).forEach((a, j) => string(a, `roster.units[${i}].aliases[${j}]`));
    oneOf(unit.level, ['department', 'town'], `roster.units[${i}].level`);
    optionalString(unit.contact, `roster.units[${i}].contact`);
    string(unit.pointer, `roster.units[${i}].pointer`);
  });
});
// One roster per district.
const memo = new FileMemo<RosterResult>(16, ROSTER_CODEC);

export function loadRoster(file: string): RosterResult {
  // Keyed by the path as given too: messages name the file the way the user wrote it.
  return memo.get(file, () => readRoster(file), keyAsWritten(file));
}

export function readRoster(file: string): RosterResult {
  return rosterOfSource(loadReportFile(file));
}

/** The roster in a loaded file, or in text being edited (fazhi serve checks it as the user types). */
export function rosterOfSource(source: SourceFile): RosterResult {
  const file = source.path;
  const loadProblems = source.diagnostics.map((d) =>
    isKind(d, LOAD.empty) ? { ...d, ...messageOf(FILES.rosterEmpty) } : d,
  );
  if (source.data === undefined || loadProblems.some((d) => d.severity === 'error')) {
    return { diagnostics: sortDiagnostics(loadProblems), source };
  }
  const schemaProblems = schemaDiagnostics(source);
  if (schemaProblems.length) return { diagnostics: sortDiagnostics([...loadProblems, ...schemaProblems]), source };
  const data = source.data as { district: string; units: Omit<RosterUnit, 'pointer'>[] };
  const units = data.units.map((u, i) => ({ ...u, name: u.name.trim(), pointer: `/units/${i}` }));
  const duplicates = duplicateNames(source, units);
  const diagnostics = sortDiagnostics([...loadProblems, ...duplicates]);
  if (duplicates.length) return { diagnostics, source };
  return { roster: { path: file, district: data.district.trim(), units }, diagnostics, source };
}

/**
 * units.yaml in the folder of `start` or one of the two above it: a year folder
 * (data/示例区/2024), its departments/ or towns/, or the district folder itself. Found from the
 * folder's own location, whatever folder the command runs in (`validate report.yaml` inside
 * data/示例区/2024 finds ../units.yaml); given as a path from the working folder, as the user's
 * own paths are.
 */
export function findRosterFile(start: string): string | undefined {
  let dir = path.resolve(start);
  for (let i = 0; i < 3; i++) {
    const candidate = path.join(dir, ROSTER_FILE_NAME);
    if (existsSync(candidate)) return path.isAbsolute(start) ? candidate : path.relative(process.cwd(), candidate);
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

export { matchUnitName, unitOfReport, type UnitMatch } from './match.js';
