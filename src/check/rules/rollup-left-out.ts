// Only sub-reports without errors, of the same year, contribute: the others are named, so that a
// total is never silently smaller than the units' figures.
import type { Rule } from '../rule.js';
import { firstRollupPointer } from './rollup-place.js';

export const rollupLeftOut: Rule = {
  id: 'rollup/left-out',
  severity: 'warning',
  basis: '有错误的下级报告、其他年度的下级报告不计入汇总，须列出这些单位，汇总数字才不会在不知情时偏小',
  needs: ['rollup'],
  check(data, report, { rollup }) {
    if (!rollup?.leftOut.length) return;
    const list = rollup.leftOut.map((l) => ('errors' in l ? `${l.unit}（有 ${l.errors} 个错误）` : `${l.unit}（是 ${l.year} 年的报告）`)).join('、');
    report({ pointer: firstRollupPointer(data), message: `以下下级报告没有计入汇总数据：${list}。请先用 fazhi validate 检查并修改这些报告。` });
  },
};
