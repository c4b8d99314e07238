// The content rules, in the order their messages are most useful.
import type { Rule } from '../rule.js';
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
import { rollupDeclarations } from './rollup-declarations.js';
import { titleLines } from './title-lines.js';
import { titlePattern } from './title-pattern.js';
import { uniqueMetricIds } from './unique-metric-ids.js';
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
