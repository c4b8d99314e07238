// One report per unit: the same unit's report in departments/ and towns/, or a copy, counted its
// figures twice (1571 for 1156). Only the first counts, and the document is not made.
import type { Rule } from '../rule.js';
import { firstRollupPointer } from './rollup-place.js';

export const rollupDuplicate: Rule = {
  id: 'rollup/duplicate',
  severity: 'error',
  basis: '每个单位只能有一份下级报告参与汇总，否则同一单位的数字被计入两次',
  needs: ['rollup'],
  check(data, report, { rollup }) {
    if (!rollup) return;
    const pointer = firstRollupPointer(data);
    for (const { first, second, unit } of rollup.duplicates) {
      report({ pointer, message: `“${first}”和“${second}”是同一个单位（${unit}）的报告，汇总时只计入前一份；请删除多余的一份。` });
    }
  },
};
