import type { Rule } from '../rule.js';

// A 报告 is a 上行文: printed with a 版头 it carries the 签发人 beside the 发文字号; without a 版头
// there is nowhere to print the 签发人, so names given then would silently vanish.
export const letterheadSigners: Rule = {
  id: 'letterhead-signers',
  severity: 'error',
  basis: 'GB/T 9704—2012 §7.2.6：上行文应当标注签发人姓名，编排在发文机关标志下空二行位置，与发文字号同行',
  check(data, report) {
    const signers = data.signers ?? [];
    if (data.letterhead && signers.length === 0) {
      report({
        pointer: '/letterhead',
        atKey: true,
        message: '报告是上行文，印制版头时应填写签发人，例如：\nsigners:\n  - 张某某\n（签发人与发文字号同行，编排在发文机关标志之下）。',
      });
    }
    if (!data.letterhead && signers.length > 0) {
      report({
        pointer: '/signers',
        atKey: true,
        message: '签发人只在版头中编排；没有填写 letterhead（版头）时不会印出。需要签发人时请同时填写 letterhead 的 organ（发文机关标志）。',
      });
    }
  },
};
