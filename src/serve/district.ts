// The district office's view of one year folder: every unit's state (the batch's summary rows,
// with 缺报 from the roster), the rolled-up figures with their sources, and the responsibility
// table drawn from the district report's plans (the `tasks` command's table).

import { existsSync } from 'node:fs';
import path from 'node:path';
import { LEVEL_NAMES } from '../batch/summary.js';
import { hasErrors } from '../diagnostic.js';
import { describeOutcome } from '../rollup/index.js';
import { planTasks } from '../tasks/index.js';
import type { Workspace } from './workspace.js';
import { resolveInside } from './guard.js';

export interface DistrictView {
  group: string;
  rows: { unit: string; level: string; state: string; errors: number; warnings: number; path?: string }[];
  rollup: string[];
  tasks: { number: number; text: string; lead: string; support: string; deadline: string }[];
  /** Why the figures or the tasks are missing, when they are. */
  notes: string[];
}

export async function districtView(ws: Workspace, group: string): Promise<DistrictView> {
  const dir = group ? resolveInside(ws.root, group) : ws.root;
  const entries = ws.list().files.filter((f) => f.group === (ws.relative(dir) || path.basename(dir)) && f.kind !== 'roster');
  const rows = entries.map((f) => ({
    unit: f.label,
    level: f.kind === 'district' || f.kind === 'department' || f.kind === 'town' ? LEVEL_NAMES[f.kind] : '—',
    state: f.missing ? '缺报' : f.errors ? `${f.errors} 个错误` : f.warnings ? `${f.warnings} 个警告` : '无问题',
    errors: f.errors,
    warnings: f.warnings,
    ...(f.path ? { path: f.path } : {}),
  }));
  const notes: string[] = [];
  const report = path.join(dir, 'report.yaml');
  let rollup: string[] = [];
  let tasks: DistrictView['tasks'] = [];
  if (!existsSync(report)) notes.push('这个年度文件夹中没有区县政府的报告（report.yaml），没有汇总数据和责任分工。');
  else {
    const result = ws.validateFile(report);
    rollup = (result.rollup?.outcomes ?? []).map(describeOutcome);
    if (!result.report || hasErrors(result.diagnostics)) notes.push('区县政府的报告有错误，改正后才能列出责任分工。');
    else {
      tasks = planTasks(result.report).map((t) => ({
        number: t.number,
        text: t.text,
        lead: t.lead.join('、') || '—',
        support: t.support.join('、') || '—',
        deadline: t.deadline ?? '—',
      }));
    }
    if (rollup.length === 0) notes.push('区县政府的报告没有汇总数据（metrics 中的 rollup）。');
  }
  return { group, rows, rollup, tasks, notes };
}
