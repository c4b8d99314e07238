// Figures that need the district's other files: rolled up from the year's department and
// township reports. src/rollup finds the facts, the rollup/* rules report them. Run after the
// file's own check, before anything uses values. (The roster's check of unit names is a rule
// with a context: check/rules/assignments-roster.ts.)

import type { Diagnostic } from './diagnostic.js';
import type { SourceFile } from './load/index.js';
import type { ReportData } from './data/report.js';
import { runRules } from './check/index.js';
import { ROLLUP_RULES } from './check/rules/index.js';
import { resolveRollups, type RollupResult } from './rollup/index.js';

export interface CrossUnitResult {
  diagnostics: Diagnostic[];
  /** The report with rolled-up values filled in. */
  report: ReportData;
  rollup?: RollupResult;
}

export function crossUnitChecks(source: SourceFile, report: ReportData): CrossUnitResult {
  const { report: resolved, rollup } = resolveRollups(source, report);
  if (!rollup) return { diagnostics: [], report: resolved };
  // The rules read the report as written: their pointers are into its metrics, all of them.
  return { diagnostics: runRules(source, report, ROLLUP_RULES, { rollup: rollup.facts }), report: resolved, rollup };
}
