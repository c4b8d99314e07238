// Roll-up: a district metric declared `rollup: sum` (avg, max, min, count) takes its value from
// the same metric id in the year's sub-reports (departments/, towns/). Only sub-reports without
// errors contribute; which units contributed, which lacked the figure, which were left out and
// why, all come back with the figures so that `render` can say so and the appendix can list them.

import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import type { SourceFile } from '../load/index.js';
import { placeAt } from '../check/place.js';
import { SUB_REPORT_FOLDERS } from '../data/folders.js';
import { reportTexts } from '../data/visit.js';
import { formatValue } from '../data/metric-format.js';
import { findRefs } from '../data/metric-refs.js';
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
  /** Units whose figure was left out, with the reason (a different unit of measure). */
  excluded: { unit: string; reason: string }[];
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
  diagnostics: Diagnostic[];
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
 * refusal is an error naming the files, so that the document is not made with a doubtful total.
 */
function admittedSubReports(
  found: { subs: SubReport[]; skipped: SkippedEntry[] },
  self: string,
  roster: Roster | undefined,
  report: (severity: Diagnostic['severity'], message: string, ruleId: string) => void,
): SubReport[] {
  const selfReal = realOf(self);
  // Paths as the user sees them from the working folder (a batch gives absolute ones).
  const shown = (f: string): string => (path.isAbsolute(f) ? path.relative(process.cwd(), f) || f : f);
  for (const s of found.skipped) {
    if (realOf(s.path) === selfReal) report('error', `下级报告文件夹中的“${shown(s.path)}”是指向本报告的链接：一份报告不能汇总自己，请删除这个链接。`, 'rollup/self');
    else report('warning', `下级报告“${shown(s.path)}”${s.reason}。`, 'rollup/skipped');
  }
  const admitted: SubReport[] = [];
  const byUnit = new Map<RosterUnit | string, SubReport>();
  for (const sub of found.subs) {
    if (realOf(sub.file) === selfReal || sub.report?.level === 'district') {
      report(
        'error',
        `“${shown(sub.file)}”是区县的报告（level: district），不是部门或乡镇街道的报告：一份报告不能汇总自己，区县报告也不应放在 departments/ 或 towns/ 中，请把它移出这个文件夹。`,
        'rollup/self',
      );
      continue;
    }
    const unit = (roster && unitOfReport(roster, { name: sub.unitName, short: sub.unitShort ?? '' })) || sub.unitName.replace(/\s+/g, '');
    const first = byUnit.get(unit);
    if (first) {
      report('error', `“${shown(first.file)}”和“${shown(sub.file)}”是同一个单位（${typeof unit === 'string' ? unit : unit.name}）的报告，汇总时只计入前一份；请删除多余的一份。`, 'rollup/duplicate');
      continue;
    }
    byUnit.set(unit, sub);
    admitted.push(sub);
  }
  return admitted;
}

export function resolveRollups(source: SourceFile, report: ReportData): { report: ReportData; rollup?: RollupResult } {
  const metrics = report.metrics ?? [];
  if (!metrics.some(isRollup)) return { report };
  const yearDir = path.dirname(source.path);
  const diagnostics: Diagnostic[] = [];
  const at = (pointer: string, severity: Diagnostic['severity'], message: string, ruleId = 'rollup'): void => {
    diagnostics.push({ severity, ruleId, message, ...placeAt(source, pointer) });
  };
  const firstRollup = `/metrics/${metrics.findIndex(isRollup)}`;

  const found = loadSubReports(yearDir);
  const rosterFile = findRosterFile(yearDir);
  const rosterResult = rosterFile ? loadRoster(rosterFile) : undefined;
  const roster = rosterResult?.roster;
  if (rosterResult && !roster) {
    at(firstRollup, 'warning', `单位名册“${rosterFile}”有错误（可用 fazhi validate 查看），本次无法核对哪些单位没有报告。`, 'rollup/roster');
  }
  const subs = admittedSubReports(found, source.path, roster, (severity, message, ruleId) => at(firstRollup, severity, message, ruleId));
  const units = ordered(subs, roster);

  // Left out whole: reports with errors, and reports of another year.
  const usable = new Map<SubReport, ReportData>();
  const leftOut: string[] = [];
  for (const sub of subs) {
    if (!sub.report) leftOut.push(`${sub.unitName}（有 ${sub.errors} 个错误）`);
    else if (sub.report.year !== report.year) leftOut.push(`${sub.unitName}（是 ${sub.report.year} 年的报告）`);
    else usable.set(sub, sub.report);
  }
  if (leftOut.length) {
    at(firstRollup, 'warning', `以下下级报告没有计入汇总数据：${leftOut.join('、')}。请先用 fazhi validate 检查并修改这些报告。`, 'rollup/left-out');
  }
  const missing = units.filter((u) => !u.sub).map((u) => u.name);
  // Before any unit has reported, nothing is missing yet: the figures are simply not available.
  if (missing.length && subs.length > 0) {
    at(firstRollup, 'warning', `单位名册中有 ${missing.length} 个单位没有报告，汇总数据不包含：${missing.join('、')}。`, 'rollup/missing');
  }

  // A figure that cannot be rolled up yet (early in the year, before the units report) is left
  // out of the document with a warning; it is an error only where the text needs its value.
  const referenced = new Set(reportTexts(report).flatMap(({ text }) => findRefs(text).map((r) => r.id)));
  const unresolved = (m: Metric, outcome: RollupOutcome, pointer: string, why: string, quiet: boolean): void => {
    outcome.note = why;
    const needed = referenced.has(m.id);
    if (needed || !quiet) {
      at(pointer, needed ? 'error' : 'warning', `无法汇总“${m.label}”：${why}；${needed ? '正文引用了这一项，无法生成。' : '生成的文档中没有这一项。'}`, 'rollup/unresolved');
    }
  };
  const outcomes: RollupOutcome[] = [];
  const resolved = metrics.flatMap((m, i): Metric[] => {
    if (!m.rollup) return [m];
    const pointer = `/metrics/${i}`;
    const outcome: RollupOutcome = { id: m.id, label: m.label, unit: m.unit, method: m.rollup, contributed: [], lacking: [], excluded: [] };
    outcomes.push(outcome);
    if (subs.length === 0) {
      const where = Object.values(SUB_REPORT_FOLDERS).map((f) => path.join(yearDir, f) + path.sep).join('、');
      unresolved(m, outcome, `${pointer}/rollup`, `还没有下级报告（应在 ${where} 下）`, true);
      return [];
    }
    for (const u of units) {
      const sub = u.sub;
      const data = sub ? usable.get(sub) : undefined;
      if (!sub || !data) continue;
      if (m.rollup_from && m.rollup_from !== `${sub.folderLevel}s`) continue;
      const figure = data.metrics?.find((x) => x.id === m.id);
      // A sub-report's own rolled-up figure has no value of its own to give.
      if (!figure || typeof figure.value !== 'number') outcome.lacking.push(sub.unitName);
      else if (figure.unit !== m.unit) outcome.excluded.push({ unit: sub.unitName, reason: `单位是“${figure.unit}”，不是“${m.unit}”` });
      else outcome.contributed.push({ unit: sub.unitName, value: figure.value });
    }
    if (outcome.excluded.length) {
      at(
        `${pointer}/unit`,
        'warning',
        `汇总“${m.label}”时未计入计量单位不同的数据：${outcome.excluded.map((e) => `${e.unit}（${e.reason}）`).join('、')}。`,
        'rollup/unit',
      );
    }
    if (outcome.contributed.length === 0) {
      unresolved(m, outcome, `${pointer}/rollup`, `下级报告中没有标识为“${m.id}”的数据项（请检查标识是否与部门、乡镇街道报告中的一致）`, false);
      return [];
    }
    const value = aggregate(m.rollup, outcome.contributed.map((c) => c.value));
    // Each figure is within the schema's range; their sum need not be (nor be finite).
    if (!Number.isFinite(value) || Math.abs(value) > MAX_FIGURE) {
      unresolved(m, outcome, `${pointer}/rollup`, `汇总结果超出数值范围（绝对值不超过 ${MAX_FIGURE}），请检查下级报告中这一项的数值`, false);
      return [];
    }
    outcome.value = value;
    return [{ ...m, value }];
  });

  const table: UnitFigures[] = units.map((u) => {
    const data = u.sub ? usable.get(u.sub) : undefined;
    const figures: Record<string, number> = {};
    for (const m of data?.metrics ?? []) figures[m.id] = m.value;
    return { name: u.name, short: u.short, level: u.level, figures, status: !u.sub ? 'missing' : data ? 'ok' : 'errors' };
  });
  return { report: { ...report, metrics: resolved }, rollup: { outcomes, units: table, diagnostics } };
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
