// The appendix of figures per unit (rollup_table): one row per department and township in
// roster order, one column per rolled-up figure, and the district's value in the last row.

import type { TableBlock } from '../compose/model.js';
import { formatNumber } from '../data/metric-format.js';
import { appendixLabel } from '../compose/metrics-table.js';
import type { ReportData } from '../data/report.js';
import { ROLLUP_TABLE_MAX_METRICS } from '../check/rules/rollup-declarations.js';
import { METHOD_NAMES } from './aggregate.js';
import type { RollupResult } from './index.js';

export function rollupTableBlock(report: ReportData, rollup: RollupResult): TableBlock | undefined {
  const spec = report.rollup_table;
  if (!spec) return undefined;
  const ids = spec.metrics ?? rollup.outcomes.map((o) => o.id).slice(0, ROLLUP_TABLE_MAX_METRICS);
  const outcomes = ids.flatMap((id) => rollup.outcomes.filter((o) => o.id === id));
  if (outcomes.length === 0) return undefined;
  const rows = rollup.units.map((u, i) => [
    String(i + 1),
    u.status === 'missing' ? `${u.short}（未报送）` : u.status === 'errors' ? `${u.short}（报告有错误）` : u.short,
    ...outcomes.map((o) => (u.figures[o.id] === undefined || u.status !== 'ok' ? '—' : formatNumber(u.figures[o.id]!))),
  ]);
  const allSums = outcomes.every((o) => o.method === 'sum');
  rows.push(['', allSums ? '合计' : '全区汇总', ...outcomes.map((o) => (o.value === undefined ? '—' : formatNumber(o.value)))]);
  return {
    kind: 'table',
    label: appendixLabel(report, spec.title),
    title: spec.title.trim(),
    columns: ['序号', '单位', ...outcomes.map((o) => `${o.label}（${o.unit}${o.method === 'sum' ? '' : `，${METHOD_NAMES[o.method]}`}）`)],
    rows,
    widths: [14, 44, ...outcomes.map(() => 98 / outcomes.length)],
    leftColumns: [1],
  };
}
