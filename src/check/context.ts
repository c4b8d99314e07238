// What a cross-file rule may need besides the report itself. The pipeline (features layer) looks
// these up once per run and passes them in; the rules only read them, so the check layer never
// imports the features that find a roster, last year's report or the sub-reports.

/** The district's roster (units.yaml), as far as it could be found and read. */
export type RosterContext =
  /** No units.yaml in the report's folder or up to two folders above; `expected` is where it belongs. */
  | { found: false; expected: string }
  /** Found but with errors (its own diagnostics say which): nothing to compare names with. */
  | { found: true; file: string; match?: undefined }
  /** `match` looks a name up as the roster knows it (全称, 简称, 其他名称, 各镇（街道）…). */
  | { found: true; file: string; match: (name: string) => UnitLookup };

/** A unit name looked up in the roster: known, or unknown with the closest name the roster has. */
export interface UnitLookup {
  known: boolean;
  suggestion?: string;
}

/** Last year's report, for the comparisons that need it. */
export type PreviousContext =
  /** `closest` finds the paragraph of last year's report most like a text, if nearly identical. */
  | { found: true; closest: (text: string) => LastYearParagraph | undefined }
  /**
   * None to compare with: `unusable` when a file was found but could not be used (its problem is
   * reported already), else `expected` is where it was looked for (when there is such a place).
   */
  | { found: false; unusable: boolean; expected?: string };

export interface RuleContext {
  /** The year of the folder the file lies in (…/2025/report.yaml), when it lies in one. */
  folderYear?: number;
  roster?: RosterContext;
  previous?: PreviousContext;
}

/** Which part of the context a rule reads. */
export type ContextNeed = keyof RuleContext;

/** A paragraph of last year's report that a text of this year's repeats. */
export interface LastYearParagraph {
  /** file:line:column of last year's paragraph. */
  where: string;
  /** The same words and figures (punctuation and spacing aside). */
  identical: boolean;
  /** Dice similarity with figures masked: 1 when only the figures differ. */
  score: number;
}
