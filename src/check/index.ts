// Stage 2 — check: schema first; content rules only on data the schema accepts (they rely on
// its types). Every finding becomes a positioned Diagnostic.

import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostic.js';
import type { SourceFile } from '../load/index.js';
import type { ReportData } from '../data/report.js';
import { relaxForImported } from './imported.js';
import { placeAt } from './place.js';
import { findPlaceholders } from './placeholders.js';
import type { RuleContext } from './context.js';
import type { Rule } from './rule.js';
import { RULES } from './rules/index.js';
import { checkSchema } from './schema.js';

export interface CheckResult {
  diagnostics: Diagnostic[];
  /** The data, typed, when there are no errors. */
  report?: ReportData;
}

export function runRules(source: SourceFile, data: ReportData, rules: readonly Rule[] = RULES, context: RuleContext = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    // A rule whose context is not known in this run has nothing to compare with: it stays silent.
    if (rule.needs?.some((need) => context[need] === undefined)) continue;
    rule.check(data, ({ pointer, message, atKey, snippet, occurrence }) => {
      out.push({
        severity: rule.severity,
        ruleId: rule.id,
        message,
        ...placeAt(source, pointer, { atKey, snippet, occurrence }),
      });
    }, context);
  }
  return out;
}

export function check(source: SourceFile): CheckResult {
  const diagnostics = [...source.diagnostics];
  if (source.data === undefined || hasErrors(diagnostics)) return { diagnostics: sortDiagnostics(diagnostics) };
  // Unfilled placeholders are listed even when the schema fails, so one run shows all that is left.
  diagnostics.push(...findPlaceholders(source));
  const schemaDiagnostics = relaxForImported(source.data, checkSchema(source));
  diagnostics.push(...schemaDiagnostics);
  if (hasErrors(schemaDiagnostics)) return { diagnostics: sortDiagnostics(diagnostics) };
  // The schema has accepted the data: from here on it has the ReportData shape.
  const data = source.data as ReportData;
  diagnostics.push(...relaxForImported(data, runRules(source, data)));
  sortDiagnostics(diagnostics);
  return hasErrors(diagnostics) ? { diagnostics } : { diagnostics, report: data };
}
