// Where the roll-up's findings about the sub-reports as a whole are said: at the first metric
// that is rolled up (the district report's rollup rules run only when it has one).
import type { ReportData } from '../../data/report.js';

export function firstRollupPointer(data: ReportData): string {
  return `/metrics/${Math.max(0, (data.metrics ?? []).findIndex((m) => m.rollup !== undefined))}`;
}
