// The content rules, in the order their messages are most useful: first those that read only
// the file, then those that read what the pipeline found around it (RuleContext), in the order
// the pipeline learns it.
import type { Rule } from '../rule.js';
import { assignmentsNoRoster, assignmentsUnknownUnit } from './assignments-roster.js';
import { attachmentPresent } from './attachment-present.js';
import { dateAfterYear } from './date-after-year.js';
import { datePresent } from './date-present.js';
import { deadlineYear } from './deadline-year.js';
import { docNumberFormat } from './doc-number-format.js';
import { firstResponsible } from './first-responsible.js';
import { headingDepth } from './heading-depth.js';
import { letterheadSigners } from './letterhead-signers.js';
import { levelRecipients } from './level-recipients.js';
import { metricRefs } from './metric-refs.js';
import { numberedText } from './numbered-text.js';
import { partNotEmpty } from './part-not-empty.js';
import { percentRange } from './percent-range.js';
import { planAssignments } from './plan-assignments.js';
import { plansYear } from './plans-year.js';
import { previousRefs, previousTable } from './previous-year.js';
import { reuse } from './reuse.js';
import { rollupDeclarations } from './rollup-declarations.js';
import { rollupDuplicate } from './rollup-duplicate.js';
import { rollupLeftOut } from './rollup-left-out.js';
import { rollupMissing } from './rollup-missing.js';
import { rollupRoster } from './rollup-roster.js';
import { rollupSelf } from './rollup-self.js';
import { rollupSkipped } from './rollup-skipped.js';
import { rollupUnit } from './rollup-unit.js';
import { rollupUnavailable, rollupUnresolved } from './rollup-unresolved.js';
import { titleLines, titleLinesComposed } from './title-lines.js';
import { titlePattern } from './title-pattern.js';
import { uniqueMetricIds } from './unique-metric-ids.js';
import { yearFolder } from './year-folder.js';
import { yearMentions } from './year-mentions.js';

export const RULES: readonly Rule[] = [
  partNotEmpty,
  firstResponsible,
  levelRecipients,
  titlePattern,
  titleLines,
  yearMentions,
  headingDepth,
  plansYear,
  planAssignments,
  deadlineYear,
  dateAfterYear,
  datePresent,
  docNumberFormat,
  letterheadSigners,
  attachmentPresent,
  percentRange,
  uniqueMetricIds,
  rollupDeclarations,
  metricRefs,
  numberedText,
];

/** The year of the folder the file lies in: checked before anything reads the other files. */
export const FOLDER_RULES: readonly Rule[] = [yearFolder];

/** The district's roster: the unit names of the responsibility breakdown. */
export const ROSTER_RULES: readonly Rule[] = [assignmentsNoRoster, assignmentsUnknownUnit];

/**
 * The year's sub-reports, for the rolled-up figures of a district report. In this order, the
 * messages said at the same place (the first rolled-up metric) read from the roster to the units.
 */
export const ROLLUP_RULES: readonly Rule[] = [rollupRoster, rollupSelf, rollupSkipped, rollupDuplicate, rollupLeftOut, rollupMissing, rollupUnit, rollupUnresolved, rollupUnavailable];

/** Last year's report: paragraphs copied from it, comparisons that have nothing to compare with. */
export const PREVIOUS_RULES: readonly Rule[] = [reuse, previousRefs, previousTable];

/** The composed report: what only the template decides (the title when `title` is not written). */
export const COMPOSED_RULES: readonly Rule[] = [titleLinesComposed];

/** Every rule, for the rule list and the test that each says what it enforces. */
export const ALL_RULES: readonly Rule[] = [...RULES, ...FOLDER_RULES, ...ROSTER_RULES, ...ROLLUP_RULES, ...PREVIOUS_RULES, ...COMPOSED_RULES];

const SEVERITY_NAMES = { error: '错误', warning: '警告' } as const;

/** The rules as the README lists them (`npm run rules-doc` writes it; a test keeps it current). */
export function ruleListMarkdown(rules: readonly Rule[] = ALL_RULES): string {
  const rows = rules.map((r) => `| \`${r.id}\` | ${SEVERITY_NAMES[r.severity]} | ${r.basis} |`);
  return ['| 规则 | 级别 | 检查什么、依据 |', '|---|---|---|', ...rows].join('\n');
}
