import { partItems } from '../../data/visit.js';
import type { Rule } from '../rule.js';

export const deadlineYear: Rule = {
  id: 'deadline-year',
  severity: 'warning',
  basis: '第四部分是下一年度的安排，任务的完成时限应在下一年度内（长期任务可写“长期坚持”）',
  check(data, report) {
    const next = data.year + 1;
    for (const { item, pointer } of partItems(data.plans, 'plans')) {
      if (typeof item === 'string' || item.deadline === undefined) continue;
      const years = [...item.deadline.matchAll(/(?<!\d)(19\d\d|20\d\d)(?!\d)/g)].map((m) => Number(m[1]));
      const other = years.filter((y) => y !== next);
      if (other.length > 0) {
        report({ pointer: `${pointer}/deadline`, message: `完成时限“${item.deadline}”不在 ${next} 年内：下一年度主要安排的任务应在 ${next} 年完成，请核对年份。` });
      }
    }
  },
};
