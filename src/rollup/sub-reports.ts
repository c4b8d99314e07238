// The sub-reports of a district's year: departments/*.yaml and towns/*.yaml beside the district's
// report.yaml. Each is checked on its own; only a report without errors contributes figures.
// Results are kept per file (path, size, modification time), so that a batch or a render that
// reads them again does not check them again.

import path from 'node:path';
import { check } from '../check/index.js';
import { count, object, oneOf, optionalString, reportData, string } from '../load/cache-shape.js';
import type { DiskCacheCodec } from '../load/disk-cache.js';
import { FileMemo } from '../load/file-memo.js';
import { walkDataFolder, type SkippedEntry } from '../load/folder-walk.js';
import { loadReportFile } from '../load/index.js';
import { levelOfFolder, type SubReportLevel } from '../data/folders.js';
import type { ReportData } from '../data/report.js';

export interface SubReport {
  file: string;
  /** The unit's full name as the file gives it, else the file's name. */
  unitName: string;
  unitShort?: string;
  /** The folder it was found in: departments/ → department, towns/ → town. */
  folderLevel: SubReportLevel;
  /** Present when the report has no errors. */
  report?: ReportData;
  errors: number;
}

// Plain data, kept across runs too: a district's validate reads every sub-report of the year.
export const SUB_REPORT_CODEC: DiskCacheCodec<SubReport> = {
  kind: 'sub-report-2',
  encode: (s) => s,
  decode: (json) => {
    const s = object(json, 'sub-report');
    string(s.file, 'file');
    string(s.unitName, 'unitName');
    optionalString(s.unitShort, 'unitShort');
    oneOf(s.folderLevel, ['department', 'town'], 'folderLevel');
    count(s.errors, 'errors');
    if (s.report !== undefined) reportData(s.report, 'report');
    return json as SubReport;
  },
};
// All sub-reports of a district are read for each roll-up (a county has up to a few hundred units);
// a batch over a province goes from one district to the next.
const memo = new FileMemo<SubReport>(512, SUB_REPORT_CODEC);

function rawUnit(data: unknown): { name?: string; short?: string } {
  const unit = typeof data === 'object' && data !== null ? (data as { unit?: unknown }).unit : undefined;
  if (typeof unit !== 'object' || unit === null) return {};
  const { name, short } = unit as { name?: unknown; short?: unknown };
  return { ...(typeof name === 'string' ? { name } : {}), ...(typeof short === 'string' ? { short } : {}) };
}

export function readSubReport(file: string, folderLevel: SubReport['folderLevel']): SubReport {
  return { ...memo.get(file, () => parseSubReport(file, folderLevel)), file };
}

export function parseSubReport(file: string, folderLevel: SubReport['folderLevel']): SubReport {
  const source = loadReportFile(file);
  const { diagnostics, report } = check(source);
  const raw = rawUnit(source.data);
  return {
    file,
    unitName: (report?.unit.name ?? raw.name ?? path.basename(file).replace(/\.ya?ml$/i, '')).trim(),
    ...((report?.unit.short ?? raw.short) ? { unitShort: (report?.unit.short ?? raw.short)!.trim() } : {}),
    folderLevel,
    ...(report ? { report } : {}),
    errors: diagnostics.filter((d) => d.severity === 'error').length,
  };
}

/**
 * The sub-report files of a year, and what was skipped: links out of the year's folder, a second
 * name for one file, and the district's own report reached through a link (it must never roll
 * up itself).
 */
export function subReportFiles(yearDir: string): { file: string; level: SubReport['folderLevel'] }[] {
  return subReportSearch(yearDir).files;
}

export function subReportSearch(yearDir: string): { files: { file: string; level: SubReport['folderLevel'] }[]; skipped: SkippedEntry[] } {
  const { files, skipped } = walkDataFolder(yearDir, {
    accept: (name) => /\.ya?ml$/i.test(name),
    maxDepth: 1,
  });
  const found = files.flatMap((file) => {
    const level = path.dirname(path.dirname(file)) === yearDir ? levelOfFolder(path.basename(path.dirname(file))) : undefined;
    return level ? [{ file, level }] : [];
  });
  // The walk keeps the first name of a file; a sub-report named twice is reported here only when
  // both names are sub-reports (a link to report.yaml is the district's own report).
  return { files: found, skipped: skipped.filter((s) => levelOfFolder(path.basename(path.dirname(s.path))) !== undefined) };
}

export function loadSubReports(yearDir: string): { subs: SubReport[]; skipped: SkippedEntry[] } {
  const { files, skipped } = subReportSearch(yearDir);
  return { subs: files.map(({ file, level }) => readSubReport(file, level)), skipped };
}
