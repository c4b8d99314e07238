// The roster (units.yaml) tells which units should have reported; when it has errors of its own,
// the roll-up still adds up what it has, but cannot say who is missing.
import type { Rule } from '../rule.js';
import { firstRollupPointer } from './rollup-place.js';

export const rollupRoster: Rule = {
  id: 'rollup/roster',
  severity: 'warning',
  basis: '汇总时按单位名册核对哪些单位还没有报告；名册有错误时无法核对，应告知用户',
  needs: ['rollup'],
  check(data, report, { rollup }) {
    if (rollup?.unusableRoster === undefined) return;
    report({ pointer: firstRollupPointer(data), message: `单位名册“${rollup.unusableRoster}”有错误（可用 fazhi validate 查看），本次无法核对哪些单位没有报告。` });
  },
};
