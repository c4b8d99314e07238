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

/**
 * What the roll-up found among the year's sub-reports (departments/, towns/) of a district report
 * with rolled-up figures: src/rollup finds the facts, the rollup/* rules say them. File paths are
 * as the user sees them from the working folder.
 */
export interface RollupContext {
  /** units.yaml found but with errors of its own: who has not reported cannot be told. */
  unusableRoster?: string;
  /** Links among the sub-reports that lead to the district's own report. */
  selfLinks: string[];
  /** Other entries of the sub-report folders that were not read, with why (“是指向…的链接”). */
  skipped: { file: string; reason: string }[];
  /** District reports (level: district) saved among the sub-reports: never rolled up. */
  districtReports: string[];
  /** A second report of a unit that has one already: only the first is counted. */
  duplicates: { first: string; second: string; unit: string }[];
  /** Sub-reports left out whole: with errors, or of another year. */
  leftOut: ({ unit: string; errors: number } | { unit: string; year: number })[];
  /** Roster units without a report (said only once some unit has reported). */
  missing: string[];
  /** One entry per rolled-up metric, by its index in `metrics`. */
  metrics: RollupMetricFacts[];
}

export interface RollupMetricFacts {
  /** Index of the metric in `metrics`. */
  index: number;
  /** Units whose figure has another unit of measure, with the unit of measure it has. */
  excluded: { unit: string; measure: string }[];
  /** Why there is no rolled-up value, when there is none. */
  unresolved?: UnresolvedRollup;
}

export type UnresolvedRollup =
  /** No sub-report yet: early in the year, normal; `folders` are where they belong. */
  | { kind: 'no-sub-reports'; folders: string[] }
  /** Sub-reports, but none with this figure (often a different id). */
  | { kind: 'no-figure' }
  /** The figures add up beyond what a report may hold. */
  | { kind: 'out-of-range'; max: number };

export interface RuleContext {
  /** The year of the folder the file lies in (…/2025/report.yaml), when it lies in one. */
  folderYear?: number;
  roster?: RosterContext;
  previous?: PreviousContext;
  /** Present for district reports with rolled-up figures. */
  rollup?: RollupContext;
  /** The title as the template composed it (known only after compose). */
  composedTitle?: string;
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
