// The appendix table (附表): this year's figures against last year's, one row per metric.

import type { Block } from './model.js';
import { attachmentTitle, type ReportData } from '../data/report.js';
import { changePhrase, formatNumber } from '../data/metric-format.js';
import type { MetricLookup } from '../data/metric-refs.js';

/** 附件 / 附件2 when the table is one of the listed attachments, else 附表. */
export function appendixLabel(data: ReportData, title: string): string {
  const list = data.attachments ?? [];
  const i = list.findIndex((a) => attachmentTitle(a).trim() === title.trim());
  if (i < 0) return '附表';
  return list.length > 1 ? `附件${i + 1}` : '附件';
}

export function metricsTableBlock(data: ReportData, lookup: MetricLookup): Extract<Block, { kind: 'table' }> | undefined {
  const title = data.metrics_table;
  if (title === undefined || !data.metrics?.length) return undefined;
  const rows = data.metrics.map((m, i) => {
    const before = lookup.previous?.get(m.id)?.value;
    const change = lookup.previous ? changePhrase(m.value, before, m.unit).replace(/^同比/, '') : '—';
    return [String(i + 1), m.label, m.unit, formatNumber(m.value), before === undefined ? '—' : formatNumber(before), change];
  });
  return {
    kind: 'table',
    label: appendixLabel(data, title),
    title: title.trim(),
    columns: ['序号', '指标', '单位', `${data.year}年`, `${data.year - 1}年`, '同比'],
    rows,
    // Millimetres of the 156 mm 版心, as the other tables: 序号 and 单位 wide enough for two
    // characters of the table's type on one line (“序号”, “场次”), 指标 (the long labels), two
    // years, 同比 (“提高1.5个百分点”).
    widths: [14, 50, 14, 24, 24, 30],
  };
}
