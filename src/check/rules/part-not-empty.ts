import type { Rule } from '../rule.js';
import { PART_KEYS, PART_NAMES, type Group, type Part } from '../../data/report.js';
import { allGroups } from '../../data/visit.js';

const hasContent = (node: Part | Group): boolean =>
  ('intro' in node && node.intro !== undefined) ||
  ('paragraphs' in node && node.paragraphs !== undefined) ||
  ('ending' in node && node.ending !== undefined) ||
  (node.items?.length ?? 0) > 0 ||
  (node.groups?.length ?? 0) > 0;

export const partNotEmpty: Rule = {
  id: 'part-not-empty',
  severity: 'error',
  basis: '《法治政府建设与责任落实督察工作规定》第二十五条：年度报告应当包括的各部分内容',
  check(data, report) {
    for (const key of PART_KEYS) {
      const part = data[key];
      if (part && !hasContent(part)) {
        report({
          pointer: `/${key}`,
          atKey: true,
          message: `“${key}”（${PART_NAMES[key]}）没有内容：请填写 intro（段落）、items（分项）或 groups（标题分组）。`,
        });
      }
    }
    for (const { group, pointer } of allGroups(data)) {
      if (!hasContent(group)) {
        report({ pointer: `${pointer}/heading`, message: `标题“${group.heading}”下没有内容：请填写 paragraphs、items 或 groups。` });
      }
    }
  },
};
