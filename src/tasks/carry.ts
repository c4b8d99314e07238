// Next year (fazhi new-year), a department's or township's report must account for the tasks the
// district's breakdown gave it: they are found here, in the district's report of the same year
// (…/2024/report.yaml beside …/2024/departments/), and become placeholders in the new report.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { check } from '../check/index.js';
import { loadReportFile } from '../load/index.js';
import type { AssignedTask } from '../new-year/index.js';
import { DISTRICT_REPORT_FILE, levelOfFolder } from '../data/folders.js';
import type { ReportData } from '../data/report.js';
import { rosterFor } from './check.js';
import { districtTasksTitle } from './document.js';
import { planTasks, tasksOfUnit } from './index.js';

const districts = new Map<string, ReportData | undefined>();

function districtReport(file: string): ReportData | undefined {
  if (!districts.has(file)) districts.set(file, existsSync(file) ? check(loadReportFile(file)).report : undefined);
  return districts.get(file);
}

export function assignedTasksFor(file: string, report: ReportData): AssignedTask[] {
  if (report.level === 'district') return [];
  const folder = path.basename(path.dirname(file));
  if (!levelOfFolder(folder)) return [];
  const districtFile = path.join(path.dirname(path.dirname(file)), DISTRICT_REPORT_FILE);
  const district = districtReport(districtFile);
  if (!district || district.level !== 'district' || district.year !== report.year) return [];
  const source = districtTasksTitle(district);
  return tasksOfUnit(planTasks(district), report.unit, rosterFor(districtFile).roster).map(({ task, role }) => ({ text: task.text, role, source }));
}
