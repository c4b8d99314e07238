// Units of the roster that have not reported yet: the totals do not include them.
import type { Rule } from '../rule.js';
import { firstRollupPointer } from './rollup-place.js';

export const rollupMissing: Rule = {
  id: 'rollup/missing',
  severity: 'warning',
  basis: '汇总数据只包含已报告的单位；单位名册中还没有报告的单位须列出',
  needs: ['rollup'],
  check(data, report, { rollup }) {
    if (!rollup?.missing.length) return;
    report({ pointer: firstRollupPointer(data), message: `单位名册中有 ${rollup.missing.length} 个单位没有报告，汇总数据不包含：${rollup.missing.join('、')}。` });
  },
};
