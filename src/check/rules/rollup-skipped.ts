// Entries of departments/ and towns/ that were not read (a link out of the year's folder, a second
// name for one file): their figures are not in the totals, and the user should know why.
import type { Rule } from '../rule.js';
import { firstRollupPointer } from './rollup-place.js';

export const rollupSkipped: Rule = {
  id: 'rollup/skipped',
  severity: 'warning',
  basis: '下级报告文件夹中没有读取的文件（指向别处的链接、同一文件的第二个名字）不计入汇总，应说明原因',
  needs: ['rollup'],
  check(data, report, { rollup }) {
    if (!rollup) return;
    const pointer = firstRollupPointer(data);
    for (const { file, reason } of rollup.skipped) report({ pointer, message: `下级报告“${file}”${reason}。` });
  },
};
