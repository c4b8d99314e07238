import { PART_KEYS } from '../../data/report.js';
import { ASSIGNMENT_KEYS, splitUnitNames } from '../../data/assignments.js';
import { partItems } from '../../data/visit.js';
import type { Rule } from '../rule.js';

const FIELD_NAMES = { lead_unit: '牵头单位', support_units: '配合单位', deadline: '完成时限' } as const;

export const planAssignments: Rule = {
  id: 'plan-assignments',
  severity: 'error',
  basis: '责任分工（牵头单位、配合单位、完成时限）是对下一年度工作安排的分解，只属于第四部分',
  check(data, report) {
    for (const key of PART_KEYS) {
      for (const { item, pointer } of partItems(data[key], key)) {
        if (typeof item === 'string') continue;
        if (key !== 'plans') {
          for (const field of ASSIGNMENT_KEYS) {
            if (item[field] !== undefined) {
              report({
                pointer: `${pointer}/${field}`,
                atKey: true,
                message: `“${field}”（${FIELD_NAMES[field]}）只能写在“plans”（下一年度主要安排）的分项中，这里是“${key}”。`,
              });
            }
          }
          continue;
        }
        const lead = splitUnitNames(item.lead_unit);
        const support = splitUnitNames(item.support_units);
        if (item.lead_unit === undefined && (item.support_units !== undefined || item.deadline !== undefined)) {
          report({ pointer, message: '这项任务写了配合单位或完成时限，但没有写牵头单位（lead_unit）。' });
        }
        for (const name of support.filter((n) => lead.includes(n))) {
          report({ pointer: `${pointer}/support_units`, message: `“${name}”已是牵头单位，不要再列为配合单位。` });
        }
      }
    }
  },
};
