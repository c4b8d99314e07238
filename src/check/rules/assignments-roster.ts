// Unit names in the responsibility breakdown (牵头单位, 配合单位) are checked against the
// district's roster (units.yaml); without a roster they cannot be, and the user is told so once.
import { hasAssignment, splitUnitNames } from '../../data/assignments.js';
import { partItems } from '../../data/visit.js';
import type { Rule } from '../rule.js';

const assignedItems = (data: Parameters<Rule['check']>[0]) => partItems(data.plans, 'plans').filter(({ item }) => hasAssignment(item));

export const assignmentsNoRoster: Rule = {
  id: 'assignments/no-roster',
  severity: 'warning',
  basis: '任务分工中的单位名称须与单位名册一致，才能按单位生成分工表；没有名册就无法核对',
  needs: ['roster'],
  check(data, report, { roster }) {
    if (!roster || roster.found) return;
    const first = assignedItems(data)[0];
    if (!first) return;
    report({
      pointer: `${first.pointer}/lead_unit`,
      message: `没有找到单位名册（${roster.expected}），无法核对牵头单位和配合单位的名称；请建立单位名册，写明各部门和乡镇街道的名称。`,
    });
  },
};

export const assignmentsUnknownUnit: Rule = {
  id: 'assignments/unknown-unit',
  severity: 'error',
  basis: '任务分工中的牵头单位、配合单位须是单位名册中的单位（全称、简称或其他名称），否则分工表会漏掉这个单位',
  needs: ['roster'],
  check(data, report, { roster }) {
    if (!roster?.found || !roster.match) return;
    for (const { item, pointer } of assignedItems(data)) {
      if (typeof item === 'string') continue;
      for (const field of ['lead_unit', 'support_units'] as const) {
        const value = item[field];
        if (value === undefined) continue;
        const entries = Array.isArray(value) ? value.map((v, i) => ({ v, at: `${pointer}/${field}/${i}` })) : [{ v: value, at: `${pointer}/${field}` }];
        for (const { v, at } of entries) {
          for (const name of splitUnitNames(v)) {
            const match = roster.match(name);
            if (match.known) continue;
            const hint = match.suggestion ? `是否应为“${match.suggestion}”？` : `请使用名册中的名称或简称，或把这个单位加入名册。`;
            report({ pointer: at, message: `${field === 'lead_unit' ? '牵头单位' : '配合单位'}“${name}”不在单位名册（${roster.file}）中，${hint}` });
          }
        }
      }
    }
  },
};
