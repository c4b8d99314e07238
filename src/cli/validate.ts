import path from 'node:path';
import { ExitCode, UserError, hasErrors } from '../diagnostic.js';
import { validateFile } from '../pipeline.js';
import { loadRoster, ROSTER_FILE_NAME } from '../roster/index.js';
import type { CommandRun } from './command.js';
import { previousOf } from './previous-option.js';
import { printDiagnostics, summary, withoutRepeatedNotes } from './report-diagnostics.js';

export const runValidate: CommandRun = async (files, values, io) => {
  if (files.length === 0) throw new UserError('请指定要检查的数据文件，例如：fazhi validate data/示例区/2024/report.yaml', ExitCode.Usage);
  // The file's own load and check from the disk cache when its bytes are unchanged (pipeline.ts).
  const options = { ...previousOf(files, values), reuseChecked: true };
  // units.yaml is the district's roster, not a report: it is checked as a roster.
  const all = withoutRepeatedNotes(files.flatMap((file) => (path.basename(file).toLowerCase() === ROSTER_FILE_NAME ? loadRoster(file).diagnostics : validateFile(file, options).diagnostics)));
  printDiagnostics(all, io);
  io.out(summary(files.length, all));
  return hasErrors(all) ? ExitCode.DataProblem : ExitCode.Ok;
};
