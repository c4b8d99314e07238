// The content rules, in the order their messages are most useful.
import type { Rule } from '../rule.js';
import { dateAfterYear } from './date-after-year.js';
import { datePresent } from './date-present.js';
import { docNumberFormat } from './doc-number-format.js';
import { headingDepth } from './heading-depth.js';
import { metricRefs } from './metric-refs.js';
import { numberedText } from './numbered-text.js';
import { partNotEmpty } from './part-not-empty.js';
import { percentRange } from './percent-range.js';
import { plansYear } from './plans-year.js';
import { uniqueMetricIds } from './unique-metric-ids.js';

export const RULES: readonly Rule[] = [
  partNotEmpty,
  headingDepth,
  plansYear,
  dateAfterYear,
  datePresent,
  docNumberFormat,
  percentRange,
  uniqueMetricIds,
  metricRefs,
  numberedText,
];
