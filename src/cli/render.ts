import { ExitCode, UserError, type Diagnostic } from '../diagnostic.js';
import type { CommandRun } from './command.js';
import { openSession, renderOne } from './render-session.js';
import { summary } from './report-diagnostics.js';

export const runRender: CommandRun = async (files, values, io) => {
  if (files.length === 0) throw new UserError('请指定要生成的数据文件，例如：fazhi render data/示例区/2024/report.yaml', ExitCode.Usage);
  if (typeof values.output === 'string' && files.length > 1 && values.output.toLowerCase().endsWith('.docx')) {
    throw new UserError('有多个数据文件时，-o 应指定一个输出文件夹，而不是 .docx 文件。', ExitCode.Usage);
  }
  const session = await openSession(values, io, files);
  // A clerk renders the same file again and again while drafting: its own load and check come
  // from the disk cache when its bytes have not changed (pipeline.ts, validateFile). Not for
  // watch, which sees new bytes on every save.
  session.options.reuseChecked = true;
  const all: Diagnostic[] = [];
  let failed = false;
  for (const file of files) {
    const outcome = await renderOne(file, session, io, files.length === 1);
    all.push(...outcome.diagnostics);
    failed ||= !outcome.ok;
  }
  if (all.length > 0) io.out(summary(files.length, all));
  return failed ? ExitCode.DataProblem : ExitCode.Ok;
};
