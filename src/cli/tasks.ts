// `fazhi tasks FILE [-o OUT] [--per-unit]`: the next year's plans of a report as a table of
// tasks with 牵头单位, 配合单位 and 完成时限; with --per-unit, one short list per unit as well.

import path from 'node:path';
import { ExitCode, hasErrors, UserError } from '../diagnostic.js';
import { loadProfile } from '../layout/load-profile.js';
import { GBT9704 } from '../layout/profile.js';
import { validateFile } from '../pipeline.js';
import { planTasks, tasksByUnit, tasksByWrittenName, type UnitTask } from '../tasks/index.js';
import { rosterFor } from '../tasks/check.js';
import { districtTasksDocument, districtTasksTitle, unitTasksDocument, unitTasksTitle } from '../tasks/document.js';
import { claimOutputPath, defaultOutputPath, outputKey, safeFileName, writeFileAtomic } from '../write/output-file.js';
import type { CommandRun } from './command.js';
import { printDiagnostics } from './report-diagnostics.js';

/** Folder of the per-unit lists, beside the district table. */
const PER_UNIT_FOLDER = '任务清单';

export const runTasks: CommandRun = async (files, values, io) => {
  if (files.length !== 1) throw new UserError('请指定一份报告数据文件，例如：fazhi tasks data/示例区/2024/report.yaml', ExitCode.Usage);
  const file = files[0]!;
  // The layout of the table and lists, and the width of the report's title lines they quote.
  const profile = typeof values.profile === 'string' ? loadProfile(path.resolve(io.cwd, values.profile)) : GBT9704;
  const result = validateFile(file);
  printDiagnostics(result.diagnostics, io);
  const report = result.report;
  if (!report || hasErrors(result.diagnostics)) {
    io.err(`未生成：${file} 有错误，请按上面的提示修改后重试。`);
    return ExitCode.DataProblem;
  }
  const tasks = planTasks(report);
  if (tasks.length === 0) {
    throw new UserError(`${file} 的“下一年度主要安排”（plans）中没有分项（items），无法分解任务。请把各项安排写成 items，并写明牵头单位（lead_unit）。`);
  }
  const [{ compose }, { writeDocx }] = await Promise.all([import('../compose/index.js'), import('../write/docx/index.js')]);
  const reportTitle = compose(report, { titleLineWidth: profile.title.maxLineChars.value }).title;

  const option = typeof values.output === 'string' ? path.resolve(io.cwd, values.output) : undefined;
  const title = districtTasksTitle(report);
  const target = option
    ? option.toLowerCase().endsWith('.docx')
      ? option
      : path.join(option, `${safeFileName(title)}.docx`)
    : defaultOutputPath(file, title, '.docx', io.cwd);
  const shown = (f: string): string => path.relative(io.cwd, f) || f;
  let failed = false;
  const write = async (to: string, doc: Parameters<typeof writeDocx>[0]): Promise<void> => {
    try {
      writeFileAtomic(to, await writeDocx(doc, profile));
      io.out(`已生成：${shown(to)}`);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      io.err(err.message);
      failed = true;
    }
  };
  await write(target, districtTasksDocument(report, reportTitle, tasks, profile));
  const unassigned = tasks.filter((t) => t.lead.length === 0).length;
  io.out(`共 ${tasks.length} 项任务${unassigned ? `，其中 ${unassigned} 项没有写牵头单位（表中为“—”）` : ''}。`);

  if (values['per-unit']) {
    const folder = path.join(path.dirname(target), PER_UNIT_FOLDER);
    const { roster } = rosterFor(file);
    const lists: { name: string; tasks: UnitTask[] }[] = roster
      ? tasksByUnit(tasks, roster).map(({ unit, tasks: t }) => ({ name: unit.name, tasks: t }))
      : tasksByWrittenName(tasks);
    if (!roster) io.err('没有找到单位名册（units.yaml），按计划中写的单位名称分别生成；“各镇（街道）”等统称不会分到具体单位。');
    // Two units whose names make the same file name (they differ only in characters a file name
    // cannot hold, in letter case, or past the length limit) get one list each all the same.
    const claimed = new Set<string>([outputKey(target)]);
    for (const { name, tasks: list } of lists) {
      const wanted = path.join(folder, `${safeFileName(unitTasksTitle(name, report.year + 1))}.docx`);
      const to = claimOutputPath(wanted, [name], (candidate) => !claimed.has(outputKey(candidate)) && Boolean(claimed.add(outputKey(candidate))));
      await write(to, unitTasksDocument(name, report, reportTitle, list, profile));
    }
    const idle = roster ? roster.units.filter((u) => !lists.some((l) => l.name === u.name)).map((u) => u.name) : [];
    io.out(`已为 ${lists.length} 个单位生成任务清单${idle.length ? `；没有分到任务的单位：${idle.join('、')}` : ''}。`);
  }
  return failed ? ExitCode.DataProblem : ExitCode.Ok;
};
