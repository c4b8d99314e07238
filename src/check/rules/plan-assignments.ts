import { PART_KEYS } from '../../data/report.js';
import { splitUnitNames } from '../../data/assignments.js';
import { partItems } from '../../data/visit.js';
import type { Rule } from '../rule.js';

export const planAssignments: Rule = {
  id: 'plan-assignments',
  severity: 'error',
  basis: '责任分工（牵头单位、配合单位、完成时限）是对下一年度工作安排的分解，只属于第四部分',
  check(data, report) {
    for (const key of PART_KEYS) {
      for (const { item, pointer } of partItems(data[key], key)) {
        // Outside plans the schema refuses the assignment keys (schema-messages.ts says where
        // they belong), so that the editor and the CLI give the same verdict.
        if (typeof item === 'string' || key !== 'plans') continue;
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
