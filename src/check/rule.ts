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
  /**
   * The words the message is about, as they appear in the text: the message then points at the
   * line holding them (inside a long `>-` paragraph), not at the paragraph's first line.
   */
  snippet?: string;
  /** Which appearance of `snippet` in the text (0 = the first). */
  occurrence?: number;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** What the rule enforces and where that comes from. */
  basis: string;
  check(data: ReportData, report: (r: RuleReport) => void): void;
}
