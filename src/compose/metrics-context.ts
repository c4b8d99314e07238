// Figures as templates see them, and the Handlebars helpers that word comparisons:
//   {{metric "review_cases"}}    186件
//   {{yoy "review_cases"}}       同比增长17.7%（百分比：同比提高1.5个百分点）；与上年持平；首次开展
//   {{yoy_count "review_cases"}} 同比增长28件
//   {{previous "review_cases"}}  158件
// Helpers only look values up; a template cannot compute anything else with them.

import { changeInUnits, changePhrase, formatValue } from '../data/metric-format.js';
import type { MetricLookup } from '../data/metric-refs.js';

export interface MetricContext {
  label: string;
  value: number;
  unit: string;
  previous?: number;
}

export interface MetricsContext {
  /** By id. */
  metrics: Record<string, MetricContext>;
  /** Whether last year's report was found (otherwise comparisons cannot be made). */
  has_previous: boolean;
}

export function metricsContext(lookup: MetricLookup): MetricsContext {
  const metrics: Record<string, MetricContext> = {};
  for (const m of lookup.current.values()) {
    const before = lookup.previous?.get(m.id);
    metrics[m.id] = { label: m.label, value: m.value, unit: m.unit, ...(before ? { previous: before.value } : {}) };
  }
  return { metrics, has_previous: lookup.previous !== undefined };
}

/** A template asked for a figure the report does not have. */
export class MetricHelperError extends Error {}

type HelperOptions = { data?: { root?: Partial<MetricsContext> } };

function find(id: unknown, options: HelperOptions): MetricContext {
  const metric = typeof id === 'string' ? options.data?.root?.metrics?.[id] : undefined;
  if (!metric) throw new MetricHelperError(`模板引用了数据中没有的数据项“${String(id)}”（metrics 中没有这个标识）。`);
  return metric;
}

export const METRIC_HELPERS: Record<string, (id: unknown, options: HelperOptions) => string> = {
  metric: (id, options) => {
    const m = find(id, options);
    return formatValue(m.value, m.unit);
  },
  yoy: (id, options) => {
    const m = find(id, options);
    return changePhrase(m.value, m.previous, m.unit);
  },
  yoy_count: (id, options) => {
    const m = find(id, options);
    return changeInUnits(m.value, m.previous, m.unit);
  },
  previous: (id, options) => {
    const m = find(id, options);
    return m.previous === undefined ? '' : formatValue(m.previous, m.unit);
  },
};

