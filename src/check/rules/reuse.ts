// A paragraph identical or nearly identical to one in last year's report is the first thing a
// reviewer objects to. Each is a warning at this year's paragraph that names the place in last
// year's file, so both can be opened side by side.
import { reportTexts } from '../../data/visit.js';
import type { Rule } from '../rule.js';

export const reuse: Rule = {
  id: 'reuse',
  severity: 'warning',
  basis: '年度报告应反映本年度实际工作，照搬上年报告的段落是审阅中最常被指出的问题',
  needs: ['previous'],
  check(data, report, { previous }) {
    if (!previous?.found) return;
    for (const { pointer, text, role } of reportTexts(data)) {
      if (role !== 'paragraph' && role !== 'item') continue;
      const match = previous.closest(text);
      if (!match) continue;
      const how = match.identical ? '完全相同' : match.score === 1 ? '只有数字不同' : `几乎相同（相似度 ${Math.floor(match.score * 100)}%）`;
      report({ pointer, message: `这段文字与上年报告中的一段${how}，上年见 ${match.where}。照搬上年内容是审阅时最常被指出的问题，请按本年度实际情况改写。` });
    }
  },
};
