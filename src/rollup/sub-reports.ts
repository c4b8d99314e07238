// The sub-reports of a district's year: departments/*.yaml and towns/*.yaml beside the district's
// report.yaml. Each is checked on its own; only a report without errors contributes figures.
// Results are kept per file (path, size, modification time), so that a batch or a render that
// reads them again does not check them again.

import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { check } from '../check/index.js';
import { loadReportFile } from '../load/index.js';
import type { Level, ReportData } from '../report-data.js';

export const SUB_REPORT_FOLDERS = { departments: 'department', towns: 'town' } as const;

export interface SubReport {
  file: string;
  /** The unit's full name as the file gives it, else the file's name. */
  unitName: string;
  unitShort?: string;
  /** The folder it was found in: departments/ → department, towns/ → town. */
  folderLevel: Exclude<Level, 'district'>;
  /** Present when the report has no errors. */
  report?: ReportData;
  errors: number;
}

const cache = new Map<string, { stamp: string; sub: SubReport }>();

function stampOf(file: string): string | undefined {
  try {
    const s = statSync(file);
    return s.isFile() ? `${s.mtimeMs}:${s.size}` : undefined;
  } catch {
    return undefined;
  }
}

function rawUnit(data: unknown): { name?: string; short?: string } {
  const unit = typeof data === 'object' && data !== null ? (data as { unit?: unknown }).unit : undefined;
  if (typeof unit !== 'object' || unit === null) return {};
  const { name, short } = unit as { name?: unknown; short?: unknown };
  return { ...(typeof name === 'string' ? { name } : {}), ...(typeof short === 'string' ? { short } : {}) };
}

export function readSubReport(file: string, folderLevel: SubReport['folderLevel']): SubReport {
  const stamp = stampOf(file);
  const key = path.resolve(file);
  const hit = cache.get(key);
  if (stamp && hit?.stamp === stamp) return { ...hit.sub, file };
  const source = loadReportFile(file);
  const { diagnostics, report } = check(source);
  const raw = rawUnit(source.data);
  const sub: SubReport = {
    file,
    unitName: (report?.unit.name ?? raw.name ?? path.basename(file).replace(/\.ya?ml$/i, '')).trim(),
    ...((report?.unit.short ?? raw.short) ? { unitShort: (report?.unit.short ?? raw.short)!.trim() } : {}),
    folderLevel,
    ...(report ? { report } : {}),
    errors: diagnostics.filter((d) => d.severity === 'error').length,
  };
  if (stamp) cache.set(key, { stamp, sub });
  return sub;
}

export function subReportFiles(yearDir: string): { file: string; level: SubReport['folderLevel'] }[] {
  return Object.entries(SUB_REPORT_FOLDERS).flatMap(([folder, level]) => {
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
