// The batch's summary: one row per report and per roster unit that has none (缺报), in roster
// order after the district's own report; reports of units the roster does not list come last.

import path from 'node:path';
import type { Level } from '../data/report.js';
import type { Roster, RosterUnit } from '../roster/index.js';
import { unitOfReport } from '../roster/index.js';
import type { JobResult } from './job.js';

const stem = (file: string): string => path.basename(file).replace(/\.ya?ml$/i, '');

export type RowStatus = '已生成' | '有错误' | '缺报' | '未能写入';

export interface SummaryRow {
  unit: string;
  level?: Level;
  status: RowStatus;
  errors: number;
  warnings: number;
  /** The .docx, relative to the working folder. */
  output?: string;
  /** The data file, relative to the working folder. */
  file?: string;
  contact?: string;
  /** First problem, or why the row stands out (not in the roster, a second report). */
  note?: string;
  /** A second report of a unit already listed: not counted as a unit of its own. */
  duplicate?: boolean;
}

export const LEVEL_NAMES: Record<Level, string> = { district: '区县政府', department: '政府部门', town: '乡镇街道' };

const STATUS: Record<JobResult['status'], RowStatus> = { ok: '已生成', errors: '有错误', 'write-failed': '未能写入' };

function firstError(r: JobResult): string | undefined {
  if (r.writeError) return r.writeError;
  const line = r.errorLines[0];
  if (!line) return undefined;
  // `file:line:column 错误 message` → `第12行：message`
  const m = /^.*?:(\d+):\d+ 错误 (.*)$/.exec(line);
  return m ? `第${m[1]}行：${m[2]}` : line.replace(/^.*? 错误 /, '');
}

function withoutOutput(row: SummaryRow): SummaryRow {
  const { output: _written, ...rest } = row;
  return rest;
}

export function summaryRows(results: readonly JobResult[], roster: Roster | undefined, cwd: string): SummaryRow[] {
  const shown = (f: string): string => path.relative(cwd, path.resolve(cwd, f)) || f;
  const rowOf = (r: JobResult, entry?: RosterUnit, note?: string): SummaryRow => {
    const problem = firstError(r);
    const notes = [note, problem].filter(Boolean).join('；');
    return {
      // The roster's name when the report is matched to it: one spelling per unit in the table.
      unit: entry?.name ?? r.unitName ?? stem(r.file),
      ...(r.level ? { level: r.level } : entry ? { level: entry.level } : {}),
      status: STATUS[r.status],
      errors: r.errors,
      warnings: r.warnings,
      ...(r.output && r.status === 'ok' ? { output: shown(r.output) } : {}),
      file: shown(r.file),
      ...(entry?.contact ? { contact: entry.contact } : {}),
      ...(notes ? { note: notes } : {}),
    };
  };
  // One unit, one report: a second report of the same unit (in departments/ and in towns/, or a
  // copy) is an error naming the first, and the unit is counted once.
  const duplicateRow = (r: JobResult, first: JobResult, entry?: RosterUnit): SummaryRow => ({
    ...withoutOutput(rowOf(r, entry)),
    status: '有错误',
    errors: Math.max(1, r.errors),
    duplicate: true,
    note: `与“${shown(first.file)}”是同一个单位的报告（重复），只应保留一份`,
  });
  const district = results.filter((r) => r.level === 'district');
  const rest = results.filter((r) => r.level !== 'district');
  const rows: SummaryRow[] = district.map((r, i) => (i === 0 ? rowOf(r) : duplicateRow(r, district[0]!)));
  if (!roster) {
    const firstOf = new Map<string, JobResult>();
    for (const r of rest) {
      const key = (r.unitName ?? stem(r.file)).replace(/\s+/g, '');
      const first = firstOf.get(key);
      if (first) rows.push(duplicateRow(r, first));
      else {
        firstOf.set(key, r);
        rows.push(rowOf(r));
      }
    }
    return rows;
  }
  const byUnit = new Map<RosterUnit, JobResult[]>();
  const unlisted: JobResult[] = [];
  for (const r of rest) {
    // A file that could not be read is known by its name (towns/西城镇.yaml → 西城镇).
    const entry = unitOfReport(roster, { name: r.unitName ?? stem(r.file), short: r.unitShort ?? stem(r.file) });
    if (entry) byUnit.set(entry, [...(byUnit.get(entry) ?? []), r]);
    else unlisted.push(r);
  }
  for (const entry of roster.units) {
    const reports = byUnit.get(entry) ?? [];
    if (reports.length === 0) {
      rows.push({ unit: entry.name, level: entry.level, status: '缺报', errors: 0, warnings: 0, ...(entry.contact ? { contact: entry.contact } : {}), note: '没有找到这个单位的报告' });
      continue;
    }
    reports.forEach((r, i) => {
      if (i > 0) return rows.push(duplicateRow(r, reports[0]!, entry));
      const levelNote = r.level && r.level !== entry.level ? `名册中是${LEVEL_NAMES[entry.level]}，报告写的是${LEVEL_NAMES[r.level]}` : undefined;
      const duplicate = reports.length > 1 ? `这个单位有 ${reports.length} 份报告` : undefined;
      return rows.push(rowOf(r, entry, [duplicate, levelNote].filter(Boolean).join('；') || undefined));
    });
  }
  for (const r of unlisted) rows.push(rowOf(r, undefined, `单位名册（${roster.path}）中没有这个单位`));
  return rows;
}

export interface SummaryCounts {
  total: number;
  ok: number;
  errors: number;
  missing: number;
  writeFailed: number;
}

export function countRows(rows: readonly SummaryRow[]): SummaryCounts {
  return {
    total: rows.filter((r) => !r.duplicate).length,
    ok: rows.filter((r) => r.status === '已生成').length,
    errors: rows.filter((r) => r.status === '有错误').length,
    missing: rows.filter((r) => r.status === '缺报').length,
    writeFailed: rows.filter((r) => r.status === '未能写入').length,
  };
}
