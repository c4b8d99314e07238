import path from 'node:path';
import { UserError, hasErrors, type Diagnostic } from '../diagnostic.js';
import { loadProfile } from '../layout/load-profile.js';
import { GBT9704 } from '../layout/profile.js';
import { renderFile } from '../pipeline.js';
import { writeHtml } from '../write/html/index.js';
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
  const profile = typeof values.profile === 'string' ? loadProfile(path.resolve(io.cwd, values.profile)) : GBT9704;
  // Loaded only when asked for: LibreOffice support is not part of every run's start-up.
  const pdf = values.pdf ? await import('../write/pdf/index.js') : undefined;
  const all: Diagnostic[] = [];
  let failed = false;
  let fontsReported = false;
  for (const file of files) {
    const result = await renderFile(file, { profile, ...(templatesDir ? { templatesDir } : {}) });
    printDiagnostics(result.diagnostics, io);
    all.push(...result.diagnostics);
    if (!result.docx || !result.document || hasErrors(result.diagnostics)) {
      io.err(`未生成：${file} 有错误，请按上面的提示修改后重试。`);
      failed = true;
      continue;
    }
    const target = outputPath(file, result.document.title, option, files.length === 1, io.cwd);
    const shown = (f: string) => path.relative(io.cwd, f) || f;
    try {
      writeFileAtomic(target, result.docx);
      io.out(`已生成：${shown(target)}`);
      if (values.html) {
        const htmlFile = target.replace(/\.docx$/i, '.html');
        writeFileAtomic(htmlFile, new TextEncoder().encode(writeHtml(result.document, profile)));
        io.out(`已生成：${shown(htmlFile)}`);
      }
      if (pdf) {
        const { pdfFile, fonts } = await pdf.convertToPdf(target, target.replace(/\.docx$/i, '.pdf'));
        io.out(`已生成：${shown(pdfFile)}`);
        if (!fontsReported) {
          if (fonts.substituted.length) io.out(`PDF 中的字体替换（Word 文档不受影响）：${fonts.substituted.join('；')}`);
          if (fonts.missing.length) io.err(`以下公文字体及其替代字体都没有安装，PDF 中将使用系统默认字体：${fonts.missing.join('；')}`);
          fontsReported = true;
        }
      }
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      io.err(err.message);
      failed = true;
      continue;
    }
  }
  if (all.length > 0) io.out(summary(files.length, all));
  return failed ? 1 : 0;
};
