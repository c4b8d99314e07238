// `fazhi import 原文 [-o 数据文件.yaml] [--force]`: a published report → a data file.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { ExitCode, formatDiagnostic, UserError } from '../diagnostic.js';
import { importReport } from '../import/index.js';
import { SCHEMA_FILE } from '../paths.js';
import { validateText } from '../pipeline.js';
import { sameFile, writeFileAtomic } from '../write/output-file.js';
import type { CommandRun } from './command.js';
import { commandLine } from './next-step.js';

export const runImport: CommandRun = async (inputs, values, io) => {
  if (inputs.length !== 1) throw new UserError('请指定一个要导入的报告文件（.txt、.docx、.doc、.wps、.pdf、.html 或 .mhtml），例如：fazhi import 2024年报告.docx', ExitCode.Usage);
  const input = inputs[0]!;
  const source = path.resolve(io.cwd, input);
  const relative = typeof values.output === 'string' ? values.output : path.join(path.dirname(input), `${path.basename(input, path.extname(input))}.yaml`);
  const target = path.resolve(io.cwd, relative);
  if (sameFile(target, source)) throw new UserError('输出文件不能与原文相同，请用 -o 指定另一个 .yaml 文件。', ExitCode.Usage);
  const shown = path.relative(io.cwd, target) || target;
  if (existsSync(target) && !values.force) throw new UserError(`“${shown}”已经存在，未做任何修改。如确需覆盖，请加 --force。`);
  const now = new Date();
  const result = await importReport(source, {
    label: path.basename(input),
    schemaRef: path.relative(path.dirname(target), SCHEMA_FILE).split(path.sep).join('/'),
    today: { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() },
  });
  writeFileAtomic(target, new TextEncoder().encode(result.yaml));
  io.out(`已导入：${input} → ${shown}`);
  for (const line of result.summary) io.out(line);
  for (const n of result.notes) io.out(`${input} 提示 ${n}`);
  for (const d of result.diagnostics) io.out(formatDiagnostic(d));
  const check = validateText(result.yaml, shown);
  const errors = check.diagnostics.filter((d) => d.severity === 'error');
  const warnings = check.diagnostics.length - errors.length;
  if (errors.length > 0) {
    for (const d of errors) io.out(formatDiagnostic(d));
    io.out(`校验：${errors.length} 个错误，请按提示修改 ${shown}。`);
    return ExitCode.DataProblem;
  }
  io.out(`校验：没有错误${warnings ? `（${warnings} 个警告，运行 ${commandLine(io.cwd, 'validate', shown)} 查看）` : ''}。可以运行 ${commandLine(io.cwd, 'render', shown)} 生成 Word 文档。`);
  return ExitCode.Ok;
};
