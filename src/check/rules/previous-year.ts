// Comparisons with last year (“同比”, “上年”) need last year's report: without it, a reference in
// the text cannot be filled in (an error), and the two columns of the figures table stay empty.
import { findRefs, needsPrevious } from '../../data/metric-refs.js';
import { reportTexts } from '../../data/visit.js';
import type { PreviousContext } from '../context.js';
import type { Rule } from '../rule.js';

/** “没有…上年数据（应为 …）”: why there is nothing to compare with. */
function missing(previous: Extract<PreviousContext, { found: false }>): { none: string; where: string } {
  if (previous.unusable) return { none: '没有可用的上年数据', where: '' };
  return { none: '没有找到上年的数据文件', where: previous.expected ? `（应为 ${previous.expected}）` : '' };
}

export const previousRefs: Rule = {
  id: 'metric-refs/previous',
  severity: 'error',
  basis: '同比、上年数字只能由上年报告算出，不能凭空生成',
  needs: ['previous'],
  check(data, report, { previous }) {
    if (!previous || previous.found) return;
    const { none, where } = missing(previous);
    for (const { pointer, text } of reportTexts(data)) {
      for (const ref of findRefs(text).filter(needsPrevious)) {
        report({ pointer, message: `“${ref.raw}”要与上年比较，但${none}${where}；请用 --previous 指定上年的数据文件，或直接写明。` });
      }
    }
  },
};

export const previousTable: Rule = {
  id: 'metrics-table/previous',
  severity: 'warning',
  basis: '附表的“上年”“同比”两栏取自上年报告；没有上年报告时两栏为空，应提醒用户',
  needs: ['previous'],
  check(data, report, { previous }) {
    if (!previous || previous.found || data.metrics_table === undefined) return;
    const { none, where } = missing(previous);
    report({ pointer: '/metrics_table', message: `${none}${where}，附表中“上年”和“同比”两栏将为空；可以用 --previous 指定。` });
  },
};
