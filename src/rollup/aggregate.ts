// Aggregations of one figure over sub-reports. Sums are taken on integers scaled to the inputs'
// decimals, so 98.6 + 1.2 is 99.8 and not 99.79999…; averages keep one decimal more than the
// inputs (at least one), rounded half away from zero.

import type { RollupMethod } from '../data/report.js';

function decimals(n: number): number {
  const text = String(n);
  if (text.includes('e')) return Math.min(6, Number(text.split('e-')[1] ?? 0));
  return Math.min(6, text.split('.')[1]?.length ?? 0);
}

function roundTo(x: number, places: number): number {
  const f = 10 ** places;
  return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
}

export const METHOD_NAMES: Record<RollupMethod, string> = { sum: '合计', avg: '平均', max: '最大值', min: '最小值', count: '填报单位数' };

/** The aggregate of `values` (at least one). */
export function aggregate(method: RollupMethod, values: readonly number[]): number {
  const places = Math.max(0, ...values.map(decimals));
  const scale = 10 ** places;
  const sum = (): number => values.reduce((s, v) => s + Math.round(v * scale), 0) / scale;
  switch (method) {
    case 'sum':
      return sum();
    case 'avg':
      return roundTo(sum() / values.length, Math.max(1, places + 1));
    case 'max':
      return Math.max(...values);
    case 'min':
      return Math.min(...values);
    case 'count':
      return values.length;
  }
}
