// `--previous 文件` of validate and render: last year's data file for one report, handed to the
// pipeline through the command's context (see src/previous/context.ts).

import { ExitCode, UserError } from '../diagnostic.js';
import { withPreviousOption } from '../previous/context.js';

export function withPrevious<T>(files: readonly string[], previous: string, run: () => Promise<T>): Promise<T> {
  if (files.length > 1) throw new UserError('--previous 只能和一个数据文件一起使用（每份报告的上年文件不同）。', ExitCode.Usage);
  return withPreviousOption(previous, run);
}
