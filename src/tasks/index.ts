// The responsibility breakdown (工作要点与责任分工): the plans items of a report as tasks with
// their 牵头单位, 配合单位 and 完成时限, as one table for the district, or one short list per
// unit. Collective names (各镇（街道）, 区直各部门) reach every unit of that kind in the roster.

import { itemText, normalizeParagraph } from '../data/text.js';
import type { ReportData } from '../data/report.js';
import { matchUnitName, unitOfReport, type Roster, type RosterUnit } from '../roster/index.js';
import { splitUnitNames } from '../data/assignments.js';
import { partItems } from '../data/visit.js';

export interface Task {
  /** 1-based, in the order of the plans. */
  number: number;
  text: string;
  /** Headings above the item, outermost first. */
  headings: readonly string[];
  lead: string[];
  support: string[];
  deadline?: string;
  pointer: string;
}

export function planTasks(report: ReportData): Task[] {
  return partItems(report.plans, 'plans').map(({ item, pointer, headings }, i) => {
    const text = itemText(item);
    if (typeof item === 'string') return { number: i + 1, text, headings, lead: [], support: [], pointer };
    return {
      number: i + 1,
      text,
      headings,
      lead: splitUnitNames(item.lead_unit),
      support: splitUnitNames(item.support_units),
      ...(item.deadline ? { deadline: normalizeParagraph(item.deadline) } : {}),
      pointer,
    };
  });
}

export type Role = '牵头' | '配合';

export interface UnitTask {
  task: Task;
  role: Role;
}

/** Does this name (as written in a plan) include the unit? Without a roster, only its own names do. */
function names(written: string, unit: { name: string; short?: string }, roster: Roster | undefined, entry: RosterUnit | undefined): boolean {
  if (roster && entry) return matchUnitName(written, roster).units?.includes(entry) ?? false;
  return written === unit.name || written === unit.short;
}

/** The tasks a unit leads or supports; a unit named both ways leads. */
export function tasksOfUnit(tasks: readonly Task[], unit: { name: string; short?: string }, roster?: Roster): UnitTask[] {
  const entry = roster ? unitOfReport(roster, { name: unit.name, short: unit.short ?? '' }) : undefined;
  return tasks.flatMap((task): UnitTask[] => {
    if (task.lead.some((n) => names(n, unit, roster, entry))) return [{ task, role: '牵头' }];
    if (task.support.some((n) => names(n, unit, roster, entry))) return [{ task, role: '配合' }];
    return [];
  });
}

/** Every roster unit with its tasks, in roster order; units without a task are left out. */
export function tasksByUnit(tasks: readonly Task[], roster: Roster): { unit: RosterUnit; tasks: UnitTask[] }[] {
  return roster.units.map((unit) => ({ unit, tasks: tasksOfUnit(tasks, { name: unit.name, ...(unit.short ? { short: unit.short } : {}) }, roster) })).filter((u) => u.tasks.length > 0);
}

/** Without a roster: every name written in the plans is a unit of its own. */
export function tasksByWrittenName(tasks: readonly Task[]): { name: string; tasks: UnitTask[] }[] {
  const order: string[] = [];
  for (const t of tasks) for (const n of [...t.lead, ...t.support]) if (!order.includes(n)) order.push(n);
  return order.map((name) => ({ name, tasks: tasksOfUnit(tasks, { name }) }));
}

