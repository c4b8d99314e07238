// A district report must never add up its own figures: reached through a link among the
// sub-reports, or a district report (a copy of itself) saved in departments/ or towns/.
import type { Rule } from '../rule.js';
import { firstRollupPointer } from './rollup-place.js';

export const rollupSelf: Rule = {
  id: 'rollup/self',
  severity: 'error',
  basis: '区县报告的汇总数据只来自部门和乡镇街道的报告；汇总自己会使数字翻倍，不能生成',
  needs: ['rollup'],
  check(data, report, { rollup }) {
    if (!rollup) return;
    const pointer = firstRollupPointer(data);
    for (const file of rollup.selfLinks) {
      report({ pointer, message: `下级报告文件夹中的“${file}”是指向本报告的链接：一份报告不能汇总自己，请删除这个链接。` });
    }
    for (const file of rollup.districtReports) {
      report({
        pointer,
        message: `“${file}”是区县的报告（level: district），不是部门或乡镇街道的报告：一份报告不能汇总自己，区县报告也不应放在 departments/ 或 towns/ 中，请把它移出这个文件夹。`,
      });
    }
  },
};
