import type { Rule } from '../rule.js';

export const uniqueMetricIds: Rule = {
  id: 'unique-metric-ids',
  severity: 'error',
  basis: '每个数据项的标识（id）在同一份报告中只能出现一次，才能被引用和同比',
  check(data, report) {
    const seen = new Map<string, number>();
    data.metrics?.forEach((metric, i) => {
      const first = seen.get(metric.id);
      if (first !== undefined) {
        report({ pointer: `/metrics/${i}/id`, message: `数据项标识“${metric.id}”重复（第 ${first + 1} 项已使用），请改用不同的标识。` });
      } else seen.set(metric.id, i);
    });
  },
};
