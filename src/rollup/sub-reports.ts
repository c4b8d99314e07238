// The sub-reports of a district's year: departments/*.yaml and towns/*.yaml beside the district's
// report.yaml. Each is checked on its own; only a report without errors contributes figures.
// Results are kept per file (path, size, modification time), so that a batch or a render that
// reads them again does not check them again.

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { check } from '../check/index.js';
import type { DiskCacheCodec } from '../load/disk-cache.js';
import { FileMemo } from '../load/file-memo.js';
import { loadReportFile } from '../load/index.js';
import { SUB_REPORT_FOLDERS, type SubReportLevel } from '../data/folders.js';
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
export const SUB_REPORT_CODEC: DiskCacheCodec<SubReport> = { kind: 'sub-report-1', encode: (s) => s, decode: (json) => json as SubReport };
const memo = new FileMemo<SubReport>(SUB_REPORT_CODEC);

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

export function subReportFiles(yearDir: string): { file: string; level: SubReport['folderLevel'] }[] {
  return (Object.entries(SUB_REPORT_FOLDERS) as [SubReportLevel, string][]).flatMap(([level, folder]) => {
    let names: string[];
    try {
      names = readdirSync(path.join(yearDir, folder));
    } catch {
      return [];
    }
    return names
      .filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith('.'))
      .sort()
      .map((n) => ({ file: path.join(yearDir, folder, n), level }));
  });
}

export function loadSubReports(yearDir: string): SubReport[] {
  return subReportFiles(yearDir).map(({ file, level }) => readSubReport(file, level));
}
