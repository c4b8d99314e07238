// The year a report states must be the year of the folder it is kept in (data/某某区/2025/…):
// a file copied from last year's folder and not updated would otherwise be rendered as last
// year's report, and the year-on-year comparison would read the wrong file.

import path from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import type { SourceFile } from '../load/index.js';
import type { ReportData } from '../data/report.js';
import { placeAt } from './place.js';

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

export function yearFolderDiagnostics(source: SourceFile, report: ReportData): Diagnostic[] {
  const found = yearFolderOf(source.path);
  if (!found || found.year === report.year) return [];
  return [
    {
      severity: 'error',
      ruleId: 'year-folder',
      message: `报告年度（year）写的是 ${report.year}，但这个文件在 ${found.year} 年的文件夹中。请核对：如果是 ${found.year} 年的报告，把 year 改为 ${found.year}；如果是 ${report.year} 年的报告，请把文件移到 ${report.year} 年的文件夹。`,
      ...placeAt(source, '/year'),
    },
  ];
}
