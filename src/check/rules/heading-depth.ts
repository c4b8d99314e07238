import type { Rule } from '../rule.js';
import { allGroups } from '../../data/visit.js';

export const headingDepth: Rule = {
  id: 'heading-depth',
  severity: 'error',
  basis: 'GB/T 9704—2012 §7.3.3：结构层次序数依次为“一、”“（一）”“1.”“（1）”，最多四层',
  check(data, report) {
    for (const { group, pointer, level } of allGroups(data)) {
      if (level === 4 && group.groups) {
        report({ pointer: `${pointer}/groups`, atKey: true, message: '标题最多四层（一、（一）1.（1）），“（1）”级标题下不能再分组，请改写为段落或分项。' });
      }
    }
  },
};
