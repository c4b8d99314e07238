import type { Rule } from '../rule.js';
import { normalizeDocNumber } from '../../data/doc-number.js';

export const docNumberFormat: Rule = {
  id: 'doc-number-format',
  severity: 'warning',
  basis: 'GB/T 9704—2012 §7.2.4：年份用六角括号“〔〕”括入，序号不加“第”字，不编虚位',
  check(data, report) {
    if (data.doc_number === undefined) return;
    const normal = normalizeDocNumber(data.doc_number);
    if (normal !== data.doc_number.trim()) {
      report({
        pointer: '/doc_number',
        message: `发文字号“${data.doc_number}”应写作“${normal}”（年份用六角括号〔〕，不加“第”，序号不编虚位）；生成的文档中已按此改正。`,
      });
    }
  },
};
