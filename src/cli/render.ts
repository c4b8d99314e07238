import path from 'node:path';
import { UserError, hasErrors, type Diagnostic } from '../diagnostic.js';
import { renderFile } from '../pipeline.js';
import { defaultOutputPath, safeFileName, writeFileAtomic } from '../write/output-file.js';
import type { CommandRun } from './main.js';
import { printDiagnostics, summary } from './report-diagnostics.js';

function outputPath(input: string, title: string, option: string | undefined, single: boolean, cwd: string): string {
  if (!option) return defaultOutputPath(input, title, '.docx', cwd);
  if (single && option.toLowerCase().endsWith('.docx')) return path.resolve(cwd, option);
  return path.resolve(cwd, option, `${safeFileName(title)}.docx`);
}

export const runRender: CommandRun = async (files, values, io) => {
  if (files.length === 0) throw new UserError('请指定要生成的数据文件，例如：fazhi render data/示例区/2024/report.yaml', 2);
  const option = typeof values.output === 'string' ? values.output : undefined;
  if (option && files.length > 1 && option.toLowerCase().endsWith('.docx')) {
    throw new UserError('有多个数据文件时，-o 应指定一个输出文件夹，而不是 .docx 文件。', 2);
  }
  const templatesDir = typeof values.templates === 'string' ? path.resolve(io.cwd, values.templates) : undefined;
  const all: Diagnostic[] = [];
  let failed = false;
  for (const file of files) {
    const result = await renderFile(file, templatesDir ? { templatesDir } : {});
    printDiagnostics(result.diagnostics, io);
    all.push(...result.diagnostics);
    if (!result.docx || !result.document || hasErrors(result.diagnostics)) {
      io.err(`未生成：${file} 有错误，请按上面的提示修改后重试。`);
      failed = true;
      continue;
    }
    const target = outputPath(file, result.document.title, option, files.length === 1, io.cwd);
    try {
      writeFileAtomic(target, result.docx);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      io.err(err.message);
      failed = true;
      continue;
    }
    io.out(`已生成：${path.relative(io.cwd, target) || target}`);
  }
  if (all.length > 0) io.out(summary(files.length, all));
  return failed ? 1 : 0;
};
