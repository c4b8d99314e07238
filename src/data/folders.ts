// The folder layout of data/: one folder per district, one per year below it, the district's
// report.yaml there and the sub-reports in departments/ and towns/ beside it:
//   data/示例区/2024/report.yaml, data/示例区/2024/departments/示例区教育局.yaml, …/towns/….
// Last year's file, next year's and the sub-reports are all found by this layout.

import path from 'node:path';
import type { Level } from './report.js';

export type SubReportLevel = Exclude<Level, 'district'>;

/** The folder of each kind of sub-report, beside the district's report.yaml. */
export const SUB_REPORT_FOLDERS: Record<SubReportLevel, 'departments' | 'towns'> = { department: 'departments', town: 'towns' };

export const DISTRICT_REPORT_FILE = 'report.yaml';

/** departments → department, towns → town; anything else: not a sub-report folder. */
export function levelOfFolder(folder: string): SubReportLevel | undefined {
  return (Object.keys(SUB_REPORT_FOLDERS) as SubReportLevel[]).find((level) => SUB_REPORT_FOLDERS[level] === folder);
}

/**
 * The same path with its last folder named after `year` renamed to year + `by` (…/2024/… →
 * …/2023/… for last year's file, …/2025/… for next year's); undefined when no folder is named so.
 */
export function shiftYearPath(file: string, year: number, by: number): string | undefined {
  const m = new RegExp(`(^|[\\\\/])${year}(?=[\\\\/])(?!.*[\\\\/]${year}[\\\\/])`).exec(file);
  if (!m) return undefined;
  const at = m.index + m[1]!.length;
  return file.slice(0, at) + String(year + by) + file.slice(at + String(year).length);
}

/** Where a new report of a unit goes: data/<区县>/<年度>/report.yaml, or departments/ or towns/ below. */
export function reportPath(level: Level, district: string, year: number, unit: string): string {
  const yearDir = path.join('data', district, String(year));
  return level === 'district' ? path.join(yearDir, DISTRICT_REPORT_FILE) : path.join(yearDir, SUB_REPORT_FOLDERS[level], `${unit}.yaml`);
}

const YEAR_FOLDER = /^\d{4}$/;

/** The year folder a data file lies in (…/2025/report.yaml, …/2025/departments/x.yaml). */
export function yearFolderOf(file: string): { year: number; folder: string } | undefined {
  const dir = path.dirname(path.resolve(file));
  const name = path.basename(dir);
  if (YEAR_FOLDER.test(name)) return { year: Number(name), folder: dir };
  if (name === 'departments' || name === 'towns') {
    const up = path.dirname(dir);
    if (YEAR_FOLDER.test(path.basename(up))) return { year: Number(path.basename(up)), folder: up };
  }
  return undefined;
}
