// Figures referenced from text, so that the number in a sentence and the number in `metrics`
// can never disagree. The syntax is a lookup, never code:
//
//   〔review_cases〕       → 186件            (value and unit)
//   〔review_cases 同比〕  → 同比增长17.7%    (rates: 同比提高1.5个百分点)
//   〔review_cases 增减〕  → 同比增长28件
//   〔review_cases 上年〕  → 158件            (last year's value)
//
// 〔〕 with a lowercase Latin identifier inside never occurs in report text (〔〕 only holds years,
// as in 示发〔2025〕3号), so nothing a user types by accident is taken for a reference.

import { PART_KEYS, type Metric, type ReportData } from './report.js';
import { changeInUnits, changePhrase, formatValue } from './metric-format.js';

export const REF_MODIFIERS = ['同比', '增减', '上年'] as const;
export type RefModifier = (typeof REF_MODIFIERS)[number];

export interface MetricRef {
  /** The reference as written, e.g. 〔review_cases 同比〕. */
  raw: string;
  id: string;
  /** '' for the plain value; otherwise what follows the id. */
  modifier: string;
}

const REF = /〔([a-z][a-z0-9_]*)[ \u3000]*([^〔〕\s]*)〕/g;
// Anything in 〔〕 that starts like an identifier: caught so a typo is reported, not printed.
const REF_LIKE = /〔[ \u3000]*[A-Za-z_][^〔〕\n]{0,40}〕/g;

export function findRefs(text: string): MetricRef[] {
  return [...text.matchAll(REF)].map((m) => ({ raw: m[0], id: m[1]!, modifier: m[2] ?? '' }));
}

/** 〔…〕 that look like a reference but are not written correctly (e.g. 〔Review_Cases〕). */
export function malformedRefs(text: string): string[] {
  return [...text.matchAll(REF_LIKE)].map((m) => m[0]).filter((raw) => findRefs(raw).length === 0);
}

export function isKnownModifier(modifier: string): modifier is RefModifier | '' {
  return modifier === '' || (REF_MODIFIERS as readonly string[]).includes(modifier);
}

export function needsPrevious(ref: MetricRef): boolean {
  return ref.modifier !== '';
}

export interface MetricLookup {
  current: ReadonlyMap<string, Metric>;
  /** Last year's metrics; undefined when there is no previous year's file. */
  previous?: ReadonlyMap<string, Metric>;
}

export function metricLookup(current: readonly Metric[] | undefined, previous?: readonly Metric[]): MetricLookup {
  const byId = (list: readonly Metric[]) => new Map(list.map((m) => [m.id, m]));
  return { current: byId(current ?? []), ...(previous ? { previous: byId(previous) } : {}) };
}

/** The text a reference stands for, or undefined when it cannot be resolved (checked earlier). */
export function resolveRef(ref: MetricRef, lookup: MetricLookup): string | undefined {
  const metric = lookup.current.get(ref.id);
  if (!metric) return undefined;
  const before = lookup.previous?.get(ref.id)?.value;
  switch (ref.modifier) {
    case '':
      return formatValue(metric.value, metric.unit);
    case '同比':
      return lookup.previous ? changePhrase(metric.value, before, metric.unit) : undefined;
    case '增减':
      return lookup.previous ? changeInUnits(metric.value, before, metric.unit) : undefined;
    case '上年':
      return before === undefined ? undefined : formatValue(before, metric.unit);
    default:
      return undefined;
  }
}

export function substituteRefs(text: string, lookup: MetricLookup): string {
  return text.replace(REF, (raw, id: string, modifier: string) => resolveRef({ raw, id, modifier }, lookup) ?? raw);
}

function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => mapStrings(v, f)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)])) as T;
  }
  return value;
}

/** The report with every reference in its text replaced by the figure it names. */
export function substituteReport(data: ReportData, lookup: MetricLookup): ReportData {
  const out: ReportData = { ...data };
  if (data.preamble !== undefined) out.preamble = mapStrings(data.preamble, (s) => substituteRefs(s, lookup));
  if (data.closing !== undefined) out.closing = substituteRefs(data.closing, lookup);
  for (const key of PART_KEYS) {
    const part = data[key];
    if (part) out[key] = mapStrings(part, (s) => substituteRefs(s, lookup));
  }
  // Attachments given as content may cite figures too.
  if (data.attachments) out.attachments = data.attachments.map((a) => (typeof a === 'string' ? a : mapStrings(a, (s) => substituteRefs(s, lookup))));
  return out;
}
