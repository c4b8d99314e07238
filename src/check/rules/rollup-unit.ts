// Figures in another unit of measure (万元 beside 元, 个 beside 件) cannot be added up: they are
// left out of the total, and the units that gave them are named.
import type { Rule } from '../rule.js';

export const rollupUnit: Rule = {
  id: 'rollup/unit',
  severity: 'warning',
  basis: '计量单位不同的数字不能相加；下级报告中计量单位与区县报告不同的数据不计入汇总，须列出',
  needs: ['rollup'],
  check(data, report, { rollup }) {
    for (const { index, excluded } of rollup?.metrics ?? []) {
      const m = data.metrics?.[index];
      if (!m || excluded.length === 0) continue;
      report({
        pointer: `/metrics/${index}/unit`,
        message: `汇总“${m.label}”时未计入计量单位不同的数据：${excluded.map((e) => `${e.unit}（单位是“${e.measure}”，不是“${m.unit}”）`).join('、')}。`,
      });
    }
  },
};
