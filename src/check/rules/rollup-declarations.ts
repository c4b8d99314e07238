import { isRate } from '../../data/metric-format.js';
import { closestKey } from '../schema-messages.js';
import type { Rule } from '../rule.js';

/** Columns a per-unit table can hold beside 序号 and 单位 on a portrait A4 page. */
export const ROLLUP_TABLE_MAX_METRICS = 6;

export const rollupDeclarations: Rule = {
  id: 'rollup-declarations',
  severity: 'error',
  basis: '汇总数据来自同一年度的部门和乡镇街道报告，只有区县报告能汇总；汇总方式要与数据的含义相符',
  check(data, report) {
    const metrics = data.metrics ?? [];
    metrics.forEach((m, i) => {
      const at = `/metrics/${i}`;
      if (m.rollup === undefined) {
        if (m.rollup_from !== undefined) report({ pointer: `${at}/rollup_from`, atKey: true, message: `“${m.label}”写了汇总范围（rollup_from），但没有写汇总方式（rollup）。` });
        return;
      }
      if (data.level !== 'district') {
        report({ pointer: `${at}/rollup`, message: `只有区县报告可以从下级报告汇总数据；这是${data.level === 'department' ? '政府部门' : '乡镇街道'}的报告，请填写 value（数值）并删除 rollup。` });
      }
      if ((m as { value?: number }).value !== undefined) {
        report({ pointer: `${at}/value`, atKey: true, message: `“${m.label}”由下级报告汇总（rollup: ${m.rollup}），不要再填写 value；如要直接填写数值，请删除 rollup。` });
      }
      if (m.rollup === 'sum' && isRate(m.unit)) {
        report({ pointer: `${at}/rollup`, message: `“${m.label}”是百分比，各单位的百分比相加没有意义；请改用 avg（平均）、max（最大值）或 min（最小值），或汇总件数后再计算比率。` });
      }
    });
    const table = data.rollup_table;
    if (!table) return;
    const rolled = metrics.filter((m) => m.rollup !== undefined).map((m) => m.id);
    if (rolled.length === 0) {
      report({ pointer: '/rollup_table', atKey: true, message: '各单位数据对照附表（rollup_table）只列出从下级报告汇总的数据项，但 metrics 中没有写了 rollup 的数据项。' });
      return;
    }
    table.metrics?.forEach((id, i) => {
      if (rolled.includes(id)) return;
      const close = closestKey(id, rolled);
      const known = metrics.some((m) => m.id === id);
      report({
        pointer: `/rollup_table/metrics/${i}`,
        message: known
          ? `“${id}”不是汇总数据项（没有写 rollup），不能列入各单位数据对照附表。`
          : `metrics 中没有标识为“${id}”的汇总数据项，${close ? `是否应为“${close}”？` : `可用的有：${rolled.join('、')}。`}`,
      });
    });
    if (!table.metrics && rolled.length > ROLLUP_TABLE_MAX_METRICS) {
      report({
        pointer: '/rollup_table',
        atKey: true,
        message: `汇总数据项有 ${rolled.length} 项，附表一页最多排 ${ROLLUP_TABLE_MAX_METRICS} 项：请在 rollup_table 下用 metrics 选出要列出的数据项。`,
      });
    }
  },
};
