// `--previous 文件` of validate and render: last year's data file for one report, passed to the
// pipeline in its options record.

import { ExitCode, UserError } from '../diagnostic.js';
import type { Values } from './command.js';

/** The option's value, or undefined; refused with several data files (each has its own last year). */
export function previousOf(files: readonly string[], values: Values): { previous?: string } {
  if (typeof values.previous !== 'string') return {};
  if (files.length > 1) throw new UserError('--previous 只能和一个数据文件一起使用（每份报告的上年文件不同）。', ExitCode.Usage);
  return { previous: values.previous };
}
