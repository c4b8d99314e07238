import type { Rule } from '../rule.js';

export const percentRange: Rule = {
  id: 'percent-range',
  severity: 'error',
  basis: '百分比（出庭应诉率、纠错率、按时办结率等）只能在 0 到 100 之间',
  check(data, report) {
    data.metrics?.forEach((metric, i) => {
      if ((metric.unit === '%' || metric.unit === '％') && (metric.value < 0 || metric.value > 100)) {
        report({ pointer: `/metrics/${i}/value`, message: `“${metric.label}”是百分比，数值 ${metric.value} 应在 0 到 100 之间。` });
      }
    });
  },
};
