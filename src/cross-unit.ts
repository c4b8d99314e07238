// Checks and figures that need the district's other files: unit names of the responsibility
// breakdown against the roster (units.yaml), and figures rolled up from the year's
// department and township reports. Run after the file's own check, before anything uses values.

import { hasErrors, type Diagnostic } from './diagnostic.js';
import type { SourceFile } from './load/index.js';
import type { ReportData } from './data/report.js';
import { resolveRollups, type RollupResult } from './rollup/index.js';
import { checkAssignments } from './tasks/check.js';

export interface CrossUnitResult {
  diagnostics: Diagnostic[];
  /** The report with rolled-up values filled in; absent when there are errors. */
  report?: ReportData;
  rollup?: RollupResult;
}

export function crossUnitChecks(source: SourceFile, report: ReportData): CrossUnitResult {
  const assignments = checkAssignments(source, report);
  const { report: resolved, rollup } = resolveRollups(source, report);
  const diagnostics = [...assignments.diagnostics, ...(rollup?.diagnostics ?? [])];
  return { diagnostics, ...(hasErrors(diagnostics) ? {} : { report: resolved }), ...(rollup ? { rollup } : {}) };
}
