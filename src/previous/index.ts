// Last year's report, for year-on-year figures and the reuse check. Found automatically as the
// same unit's file for year − 1 (data/示例区/2025/report.yaml → data/示例区/2024/report.yaml,
// departments/ and towns/ alike), or named with --previous.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { check } from '../check/index.js';
import { shiftYearPath } from '../data/folders.js';
import type { Diagnostic } from '../diagnostic.js';
import { FileMemo, keyAsWritten } from '../load/file-memo.js';
import { loadReportFile, type SourceFile } from '../load/index.js';
import { object, reportData } from '../load/cache-shape.js';
import { sourceHoldingCodec } from '../load/source-codec.js';
import type { ReportData } from '../data/report.js';
import { diagnosticOf, FILES } from '../messages.js';
import { resolveRollups } from '../rollup/index.js';

export interface PreviousYear {
  path: string;
  source: SourceFile;
  report: ReportData;
}

/**
 * Last year's file by the folder layout of data/: …/2024/… → …/2023/…. A path given from inside
 * the year folder (`report.yaml`) is looked at as the full path it stands for, so that the result
 * does not depend on the folder the command runs in.
 */
export function previousYearPath(file: string, year: number): string | undefined {
  const direct = shiftYearPath(file, year, -1);
  if (direct !== undefined || path.isAbsolute(file)) return direct;
  const full = shiftYearPath(path.resolve(file), year, -1);
  return full === undefined ? undefined : path.relative(process.cwd(), full);
}

export interface PreviousLookup {
  previous?: PreviousYear;
  diagnostics: Diagnostic[];
}

export interface CheckedSource {
  source: SourceFile;
  checked: { report?: ReportData };
}

export function loadChecked(file: string): CheckedSource {
  const source = loadReportFile(file);
  if (source.data === undefined) return { source, checked: {} };
  const { report } = check(source);
  return { source, checked: report ? { report } : {} };
}

// Last year's file rarely changes while this year's is drafted: kept across runs (disk-cache.ts).
export const PREVIOUS_CODEC = sourceHoldingCodec<CheckedSource>('previous-2', (value) => {
  const checked = object(value.checked, 'checked');
  if (checked.report !== undefined) reportData(checked.report, 'checked.report');
});
// Last year's file of each unit a run meets: watch and serve come back to a few; a batch meets
// one per report and never again.
const memo = new FileMemo<CheckedSource>(16, PREVIOUS_CODEC);

export function loadPrevious(file: string, report: ReportData, override?: string): PreviousLookup {
  const target = override ?? previousYearPath(file, report.year);
  if (target === undefined || (override === undefined && !existsSync(target))) return { diagnostics: [] };
  const { source, checked } = memo.get(target, () => loadChecked(target), keyAsWritten(target));
  if (source.data === undefined) return { diagnostics: source.diagnostics };
  if (!checked.report) {
    return {
      diagnostics: [diagnosticOf(FILES.previousInvalid, { file }, target)],
    };
  }
  const diagnostics: Diagnostic[] = [];
  if (checked.report.year !== report.year - 1) {
    diagnostics.push(diagnosticOf(FILES.previousYear, { file }, target, checked.report.year, report.year - 1));
  }
  // Last year's rolled-up figures, computed from last year's sub-reports, for comparisons.
  const resolved = resolveRollups(source, checked.report).report;
  return { previous: { path: target, source, report: resolved }, diagnostics };
}
