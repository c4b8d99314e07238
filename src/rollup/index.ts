// Roll-up: a district metric declared `rollup: sum` (avg, max, min, count) takes its value from
// the same metric id in the year's sub-reports (departments/, towns/). Only sub-reports without
// errors contribute; which units contributed, which lacked the figure, which were left out and
// why, all come back with the figures so that `render` can say so and the appendix can list them.

import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { SourceFile } from '../load/index.js';
import type { RollupContext, RollupMetricFacts, UnresolvedRollup } from '../check/context.js';
import { unresolvedReason } from '../check/rules/rollup-unresolved.js';
import { SUB_REPORT_FOLDERS } from '../data/folders.js';
import { formatValue } from '../data/metric-format.js';
import type { Metric, ReportData, RollupMethod } from '../data/report.js';
import { findRosterFile, loadRoster, unitOfReport, type Roster, type RosterUnit } from '../roster/index.js';
import { aggregate, METHOD_NAMES } from './aggregate.js';
import type { SkippedEntry } from '../load/folder-walk.js';
import { loadSubReports, type SubReport } from './sub-reports.js';

export interface Contribution {
  unit: string;
  value: number;
}

export interface RollupOutcome {
  id: string;
  label: string;
  unit: string;
  method: RollupMethod;
  /** Undefined when no sub-report had the figure. */
  value?: number;
  contributed: Contribution[];
  /** Units whose (valid) report does not have this figure. */
  lacking: string[];
  /** Units whose figure was left out: its unit of measure is another. */
  excluded: { unit: string; measure: string }[];
  /** Why there is no value. */
  note?: string;
}

/** A unit as the appendix lists it: its figures by metric id, or why it has none. */
export interface UnitFigures {
  name: string;
  /** Name for narrow table columns (简称). */
  short: string;
  level: 'department' | 'town';
  figures: Record<string, number>;
  status: 'ok' | 'errors' | 'missing';
}

export interface RollupResult {
  outcomes: RollupOutcome[];
  units: UnitFigures[];
  /** What the rollup/* rules report (run by the pipeline, cross-unit.ts). */
  facts: RollupContext;
}

const isRollup = (m: Metric): boolean => m.rollup !== undefined;

/** The largest figure a report may hold (schema: metric value), for rolled-up figures too. */
const MAX_FIGURE = 1_000_000_000_000;

/** Roster order when there is a roster, else departments then townships by file name. */
function ordered(subs: SubReport[], roster: Roster | undefined): { sub?: SubReport; name: string; short: string; level: 'department' | 'town' }[] {
  // Each report matched to its roster entry once (the first report of a unit wins): linear in
  // the roster and the reports, not their product.
  const rest: SubReport[] = [];
  const first = new Map<RosterUnit, SubReport>();
  for (const s of subs) {
    const unit = roster ? unitOfReport(roster, { name: s.unitName, short: s.unitShort ?? '' }) : undefined;
    if (unit && !first.has(unit)) first.set(unit, s);
    else rest.push(s);
  }
  const out: { sub?: SubReport; name: string; short: string; level: 'department' | 'town' }[] = [];
  for (const unit of roster?.units ?? []) {
    const sub = first.get(unit);
    out.push({ ...(sub ? { sub } : {}), name: unit.name, short: unit.short ?? sub?.unitShort ?? unit.name, level: unit.level });
  }
  for (const sub of rest) out.push({ sub, name: sub.unitName, short: sub.unitShort ?? sub.unitName, level: sub.report?.level === 'town' || sub.folderLevel === 'town' ? 'town' : 'department' });
  return out;
}

function realOf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/**
 * The sub-reports that may contribute: never the district's report itself (reached through a
 * link, or a copy of it saved among the sub-reports), and one report per unit — the same unit's
 * report in departments/ and towns/, or copied, counted the figures twice (1571 for 1156). Each
 * refusal goes into the facts (the rollup/* rules make it an error naming the files), so that the
 * document is not made with a doubtful total.
 */
function admittedSubReports(
  found: { subs: SubReport[]; skipped: SkippedEntry[] },
  self: string,
  roster: Roster | undefined,
  facts: RollupContext,
): SubReport[] {
  const selfReal = realOf(self);
  // Paths as the user sees them from the working folder (a batch gives absolute ones).
  const shown = (f: string): string => (path.isAbsolute(f) ? path.relative(process.cwd(), f) || f : f);
  for (const s of found.skipped) {
    if (realOf(s.path) === selfReal) facts.selfLinks.push(shown(s.path));
    else facts.skipped.push({ file: shown(s.path), reason: s.reason });
  }
  const admitted: SubReport[] = [];
  const byUnit = new Map<RosterUnit | string, SubReport>();
  for (const sub of found.subs) {
    if (realOf(sub.file) === selfReal || sub.report?.level === 'district') {
      facts.districtReports.push(shown(sub.file));
      continue;
    }
    const unit = (roster && unitOfReport(roster, { name: sub.unitName, short: sub.unitShort ?? '' })) || sub.unitName.replace(/\s+/g, '');
    const first = byUnit.get(unit);
    if (first) {
      facts.duplicates.push({ first: shown(first.file), second: shown(sub.file), unit: typeof unit === 'string' ? unit : unit.name });
      continue;
    }
    byUnit.set(unit, sub);
    admitted.push(sub);
  }
  return admitted;
}

/**
 * The report with its rolled-up figures filled in (a figure that cannot be rolled up is left out
 * of it), what went into each, and the facts the rollup/* rules report (check/rules/rollup-*.ts):
 * this module finds, the rules say.
 */
export function resolveRollups(source: SourceFile, report: ReportData): { report: ReportData; rollup?: RollupResult } {
  const metrics = report.metrics ?? [];
  if (!metrics.some(isRollup)) return { report };
  const yearDir = path.dirname(source.path);
  const facts: RollupContext = { selfLinks: [], skipped: [], districtReports: [], duplicates: [], leftOut: [], missing: [], metrics: [] };

  const found = loadSubReports(yearDir);
  const rosterFile = findRosterFile(yearDir);
  const rosterResult = rosterFile ? loadRoster(rosterFile) : undefined;
  const roster = rosterResult?.roster;
  if (rosterFile && rosterResult && !roster) facts.unusableRoster = rosterFile;
  const subs = admittedSubReports(found, source.path, roster, facts);
  const units = ordered(subs, roster);

  // Left out whole: reports with errors, and reports of another year.
  const usable = new Map<SubReport, ReportData>();
  for (const sub of subs) {
    if (!sub.report) facts.leftOut.push({ unit: sub.unitName, errors: sub.errors });
    else if (sub.report.year !== report.year) facts.leftOut.push({ unit: sub.unitName, year: sub.report.year });
    else usable.set(sub, sub.report);
  }
  // Before any unit has reported, nothing is missing yet: the figures are simply not available.
  if (subs.length > 0) facts.missing.push(...units.filter((u) => !u.sub).map((u) => u.name));

  // A figure that cannot be rolled up yet (early in the year, before the units report) is left
  // out of the document; the rules say so, as an error only where the text needs its value.
  const outcomes: RollupOutcome[] = [];
  const resolved = metrics.flatMap((m, index): Metric[] => {
    if (!m.rollup) return [m];
    const outcome: RollupOutcome = { id: m.id, label: m.label, unit: m.unit, method: m.rollup, contributed: [], lacking: [], excluded: [] };
    const metricFacts: RollupMetricFacts = { index, excluded: outcome.excluded };
    outcomes.push(outcome);
    facts.metrics.push(metricFacts);
    const unresolved = (why: UnresolvedRollup): Metric[] => {
      metricFacts.unresolved = why;
      outcome.note = unresolvedReason(why, m.id);
      return [];
    };
    if (subs.length === 0) return unresolved({ kind: 'no-sub-reports', folders: Object.values(SUB_REPORT_FOLDERS).map((f) => path.join(yearDir, f) + path.sep) });
    for (const u of units) {
      const sub = u.sub;
      const data = sub ? usable.get(sub) : undefined;
      if (!sub || !data) continue;
      if (m.rollup_from && m.rollup_from !== `${sub.folderLevel}s`) continue;
      const figure = data.metrics?.find((x) => x.id === m.id);
      // A sub-report's own rolled-up figure has no value of its own to give.
      if (!figure || typeof figure.value !== 'number') outcome.lacking.push(sub.unitName);
      else if (figure.unit !== m.unit) outcome.excluded.push({ unit: sub.unitName, measure: figure.unit });
      else outcome.contributed.push({ unit: sub.unitName, value: figure.value });
    }
    if (outcome.contributed.length === 0) return unresolved({ kind: 'no-figure' });
    const value = aggregate(m.rollup, outcome.contributed.map((c) => c.value));
    // Each figure is within the schema's range; their sum need not be (nor be finite).
    if (!Number.isFinite(value) || Math.abs(value) > MAX_FIGURE) return unresolved({ kind: 'out-of-range', max: MAX_FIGURE });
    outcome.value = value;
    return [{ ...m, value }];
  });

  const table: UnitFigures[] = units.map((u) => {
    const data = u.sub ? usable.get(u.sub) : undefined;
    const figures: Record<string, number> = {};
    for (const m of data?.metrics ?? []) figures[m.id] = m.value;
    return { name: u.name, short: u.short, level: u.level, figures, status: !u.sub ? 'missing' : data ? 'ok' : 'errors' };
  });
  return { report: { ...report, metrics: resolved }, rollup: { outcomes, units: table, facts } };
}

/** One line per rolled-up figure, for the command line: the value, who contributed, who lacked it. */
export function describeOutcome(o: RollupOutcome): string {
  const head = `汇总数据“${o.label}”（${o.id}，${METHOD_NAMES[o.method]}）`;
  if (o.value === undefined) return `${head}：无法汇总，${o.note ?? '没有可用的数据'}。`;
  const value = formatValue(o.value, o.unit);
  const from = o.contributed.map((c) => `${c.unit} ${formatValue(c.value, o.unit)}`).join('、');
  const lacking = o.lacking.length ? `；没有这一项的单位：${o.lacking.join('、')}` : '';
  return `${head} = ${value}：来自 ${o.contributed.length} 个单位（${from}）${lacking}。`;
}
