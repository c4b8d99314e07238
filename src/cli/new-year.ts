// `fazhi new-year FILE|DIR`: next year's data files from last year's, saved with the year in
// the path advanced (data/示例区/2024/… → data/示例区/2025/…). Never overwrites without --force.

import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ExitCode, hasErrors, UserError } from '../diagnostic.js';
import { walkDataFolder } from '../load/folder-walk.js';
import { loadReportFile } from '../load/index.js';
import { nextYearPath, newYearText } from '../new-year/index.js';
import { SCHEMA_FILE } from '../paths.js';
import { ROSTER_FILE_NAME } from '../roster/index.js';
import { assignedTasksFor } from '../tasks/carry.js';
import { validateSource } from '../pipeline.js';
import { overwritesInput, sameFile, writeFileAtomic } from '../write/output-file.js';
import type { CommandIO, CommandRun } from './command.js';
import { commandLine } from './next-step.js';
import { printDiagnostics } from './report-diagnostics.js';

function yamlFilesUnder(dir: string, io: CommandIO): string[] {
  // The roster (units.yaml) is not a report; it carries over from year to year as it is.
  const { files, skipped } = walkDataFolder(dir, { accept: (n) => /\.ya?ml$/i.test(n) && n.toLowerCase() !== ROSTER_FILE_NAME, maxDepth: 4 });
  for (const entry of skipped) io.err(`${entry.path} 警告 ${entry.reason}。`);
  return files.sort();
}

type Outcome = { written: string } | 'exists' | 'failed';

function convert(file: string, output: string | undefined, force: boolean, io: CommandIO): Outcome {
  const shown = (f: string) => path.relative(io.cwd, path.resolve(io.cwd, f)) || f;
  const result = validateSource(loadReportFile(path.resolve(io.cwd, file)));
  if (!result.report || hasErrors(result.diagnostics)) {
    printDiagnostics(
      result.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ ...d, file })),
      io,
    );
    io.err(`未转换：${file} 有错误，请先按上面的提示修改（${commandLine(io.cwd, 'validate', file)}）。`);
    return 'failed';
  }
  const report = result.report;
  // From the file's full path, so that `new-year report.yaml` inside the year folder works too.
  const next = nextYearPath(path.resolve(io.cwd, file), report.year);
  const relative = output ?? (next === undefined ? undefined : path.relative(io.cwd, next));
  if (!relative) {
    io.err(`未转换：无法从“${file}”的路径推断 ${report.year + 1} 年文件的保存位置（路径中没有名为 ${report.year} 的文件夹），请用 -o 指定。`);
    return 'failed';
  }
  const target = path.resolve(io.cwd, relative);
  // Not even --force replaces the file being converted (`new-year r.yaml -o r.yaml --force`).
  if (sameFile(target, path.resolve(io.cwd, file))) {
    io.err(overwritesInput(shown(target), shown(file)).message);
    return 'failed';
  }
  if (existsSync(target) && !force) {
    io.err(`“${shown(target)}”已经存在，未做任何修改。如确需重新生成并覆盖，请加 --force。`);
    return 'exists';
  }
  // Keep pointing at the schema the old file used (the project's own copy, say), from the new place.
  const declared = /^#\s*yaml-language-server:\s*\$schema=(\S+)/m.exec(result.source.text)?.[1];
  const schema = declared && !/^[a-z]+:\/\//i.test(declared) ? path.resolve(path.dirname(path.resolve(io.cwd, file)), declared) : SCHEMA_FILE;
  const schemaRef = path.relative(path.dirname(target), schema).split(path.sep).join('/');
  const assignedTasks = assignedTasksFor(path.resolve(io.cwd, file), report);
  const { text, summary } = newYearText(result.source.text, report, { sourceLabel: file.split(path.sep).join('/'), schemaRef, assignedTasks });
  writeFileAtomic(target, new TextEncoder().encode(text));
  const counts = [
    `沿用 ${summary.headings} 个小标题`,
    summary.plans ? `上年 ${summary.plans} 项工作安排待写落实情况` : '',
    summary.tasks ? `责任分工中的 ${summary.tasks} 项任务待写完成情况` : '',
    summary.shortcomings ? `上年 ${summary.shortcomings} 项不足待写整改情况` : '',
    summary.metrics ? `${summary.metrics} 项数据待填数值` : '',
  ].filter(Boolean);
  io.out(`已生成：${shown(target)}（${counts.join('，')}）`);
  return { written: shown(target) };
}

export const runNewYear: CommandRun = async (inputs, values, io) => {
  if (inputs.length !== 1) throw new UserError('请指定上一年度的一个数据文件或一个年度文件夹，例如：fazhi new-year data/示例区/2024/report.yaml', ExitCode.Usage);
  const input = inputs[0]!;
  const output = typeof values.output === 'string' ? values.output : undefined;
  const absolute = path.resolve(io.cwd, input);
  if (!existsSync(absolute)) throw new UserError(`找不到“${input}”，请检查路径。`);
  const isDir = statSync(absolute).isDirectory();
  if (isDir && output) throw new UserError('转换文件夹时不能用 -o：各文件按原来的相对位置保存到新年度的文件夹。', ExitCode.Usage);
  const files = isDir ? yamlFilesUnder(input, io) : [input];
  if (files.length === 0) throw new UserError(`“${input}”中没有 .yaml 数据文件。`);
  const outcomes = files.map((f) => convert(f, output, values.force === true, io));
  const written = outcomes.flatMap((o) => (typeof o === 'object' ? [o.written] : []));
  if (written.length > 0) {
    io.out(`下一步：逐一改写文件中的“【待填写】”，填写成文日期和数据，然后运行 ${commandLine(io.cwd, 'validate', ...written)}，它会列出还没有填写的地方。`);
  }
  return written.length === files.length ? ExitCode.Ok : ExitCode.DataProblem;
};
