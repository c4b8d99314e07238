// The template's context: what a template may print, each value single-line literal text, so
// data can never add a directive line to the template's output.

import type { PartKey, ReportData } from '../data/report.js';
import { PART_KEYS } from '../data/report.js';
import { cleanLine } from '../data/text.js';
import type { MetricLookup } from '../data/metric-refs.js';
import { metricsContext } from './metrics-context.js';

/** Single-line text only: a value can never add a directive line to the template output. */
function oneLine(text: string | undefined): string | undefined {
  return text === undefined ? undefined : cleanLine(text.replace(/[\r\n\u2028\u2029]+/g, ' '));
}

export function templateContext(data: ReportData, lookup: MetricLookup): object {
  const heading = (key: PartKey) => ({ heading: oneLine(data[key]?.heading), present: data[key] !== undefined });
  return {
    level: data.level,
    year: data.year,
    next_year: data.year + 1,
    unit: { name: oneLine(data.unit.name), short: oneLine(data.unit.short), party: oneLine(data.unit.party) },
    title: oneLine(data.title),
    doc_number: oneLine(data.doc_number),
    recipients: data.recipients?.map((r) => oneLine(r)),
    closing: oneLine(data.closing),
    has_preamble: data.preamble !== undefined,
    has_attachments: (data.attachments?.length ?? 0) > 0,
    has_colophon: data.copy_to !== undefined || data.printed_by !== undefined || data.printed_date !== undefined,
    ...Object.fromEntries(PART_KEYS.map((k) => [k, heading(k)])),
    ...metricsContext(lookup),
  };
}
