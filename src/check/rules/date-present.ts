import type { Rule } from '../rule.js';

export const datePresent: Rule = {
  id: 'date-present',
  severity: 'warning',
  basis: 'GB/T 9704—2012 §7.3.5：公文应有成文日期',
  check(data, report) {
    if (data.date === undefined) {
      report({ pointer: '/date', atKey: true, message: '还没有填写成文日期（date），生成的文档中署名下方将没有日期。' });
    }
  },
};
