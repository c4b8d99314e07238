// A content rule is a small module (after ESLint): an id, a severity, the regulation or practice
// it enforces, and a function that only reports. The runner stamps file and position on.

import type { Severity } from '../diagnostic.js';
import type { ReportData } from '../data/report.js';

export interface RuleReport {
  /** JSON pointer of the value concerned. */
  pointer: string;
  message: string;
  /** Point at the key instead of the value (for "this part is empty"). */
  atKey?: boolean;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** What the rule enforces and where that comes from. */
  basis: string;
  check(data: ReportData, report: (r: RuleReport) => void): void;
}
