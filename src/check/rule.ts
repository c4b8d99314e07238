// A content rule is a small module (after ESLint): an id, a severity, the regulation or practice
// it enforces, and a function that only reports. The runner stamps file and position on.

import type { Severity } from '../diagnostic.js';
import type { ReportData } from '../data/report.js';
import type { ContextNeed, RuleContext } from './context.js';
import type { PlaceHow } from './place.js';

/** What a rule reports: a JSON pointer and a message; the runner fills in file and position (place.ts). */
export interface RuleReport extends PlaceHow {
  /** JSON pointer of the value concerned. */
  pointer: string;
  message: string;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** What the rule enforces and where that comes from. */
  basis: string;
  /**
   * The cross-file context the rule reads (roster, last year, the folder's year). A rule that
   * needs some is run only by the pipeline, once that part is known, and only when it is present.
   */
  needs?: readonly ContextNeed[];
  check(data: ReportData, report: (r: RuleReport) => void, context: RuleContext): void;
}
