// Rendering one data file to its outputs (.docx, and .html/.pdf when asked), shared by
// `render` (each file once) and `watch` (the same file on every save).

import { statSync } from 'node:fs';
import path from 'node:path';
import { ExitCode, UserError, hasErrors, type Diagnostic } from '../diagnostic.js';
import { loadProfile } from '../layout/load-profile.js';
import { GBT9704, type LayoutProfile } from '../layout/profile.js';
import { loadReferenceDoc } from '../layout/reference-doc.js';
import { renderFile, type RenderOptions } from '../pipeline.js';
import { describeOutcome } from '../rollup/index.js';
import { writeHtml } from '../write/html/index.js';
import { claimOutputPath, defaultOutputPath, outputKey, overwritesInput, safeFileName, sameFile, writeFileAtomic } from '../write/output-file.js';
import type { CommandIO, Values } from './command.js';
import { previousOf } from './previous-option.js';
import { printDiagnostics, withoutRepeatedNotes } from './report-diagnostics.js';

export interface RenderSession {
  /** The pipeline's options record for every file of the run (--profile, --templates, --previous). */
  options: RenderOptions & { profile: LayoutProfile };
  /** `-o`: a .docx file (single input) or a folder. */
  output?: string;
  html: boolean;
  /** --verbose: explain the rolled-up figures. */
  verbose: boolean;
  pdf?: typeof import('../write/pdf/index.js');
  fontsReported: boolean;
  /** Output written in this run, by path, with the data file it came from. */
  written: Map<string, string>;
  /** Every data file of the run: no output may replace one of them. */
  inputs: string[];
}

/** A folder named by --templates must exist: a usage error (2), as for --profile. */
function templatesFolder(option: string, cwd: string): string {
  const dir = path.resolve(cwd, option);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new UserError(`找不到模板文件夹“${option}”：请检查 --templates 后面的路径。`, ExitCode.Usage);
  }
  if (!isDir) throw new UserError(`“${option}”不是文件夹：--templates 后面应写模板文件夹（其中有 district/、department/、town/ 的 report.hbs）。`, ExitCode.Usage);
  return dir;
}

/**
 * The layout of the run: GB/T 9704, or a --profile variant, with the fonts and page setup of a
 * --reference-doc template on top; the template's departures from the standard are printed as
 * warnings, once.
 */
export function sessionProfile(values: Values, io: CommandIO): LayoutProfile {
  const profile = typeof values.profile === 'string' ? loadProfile(path.resolve(io.cwd, values.profile), values.profile) : GBT9704;
  if (typeof values['reference-doc'] !== 'string') return profile;
  const template = loadReferenceDoc(path.resolve(io.cwd, values['reference-doc']), profile, GBT9704, io.cwd);
  printDiagnostics(template.warnings, io);
  return template.profile;
}

export async function openSession(values: Values, io: CommandIO, inputs: readonly string[] = []): Promise<RenderSession> {
  return {
    options: {
      profile: sessionProfile(values, io),
      ...(typeof values.templates === 'string' ? { templatesDir: templatesFolder(values.templates, io.cwd) } : {}),
      ...previousOf(inputs, values),
    },
    ...(typeof values.output === 'string' ? { output: values.output } : {}),
    html: values.html === true,
    verbose: values.verbose === true,
    // Loaded only when asked for: LibreOffice support is not part of every run's start-up.
    ...(values.pdf ? { pdf: await import('../write/pdf/index.js') } : {}),
    fontsReported: false,
    written: new Map(),
    inputs: inputs.map((f) => path.resolve(io.cwd, f)),
  };
}

function outputPath(input: string, title: string, session: RenderSession, single: boolean, cwd: string): string {
  const option = session.output;
  if (!option) return defaultOutputPath(input, title, '.docx', cwd);
  if (single && option.toLowerCase().endsWith('.docx')) return path.resolve(cwd, option);
  return path.resolve(cwd, option, `${safeFileName(title)}.docx`);
}

export interface RenderOutcome {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Files written, for the user. */
  written: string[];
}

/** Validates and renders `file`; on errors writes nothing, so the last good output stays. */
export async function renderOne(file: string, session: RenderSession, io: CommandIO, single: boolean): Promise<RenderOutcome> {
  const result = await renderFile(file, session.options);
  const diagnostics = withoutRepeatedNotes(result.diagnostics);
  printDiagnostics(diagnostics, io);
  // Rolled-up figures: the value, which sub-reports contributed and which lacked the figure. A
  // normal run prints what was written and nothing else; these explain the figures when asked.
  if (session.verbose) for (const o of result.rollup?.outcomes ?? []) io.out(describeOutcome(o));
  if (!result.docx || !result.document || hasErrors(result.diagnostics)) {
    io.err(`未生成：${file} 有错误，请按上面的提示修改后重试。`);
    return { ok: false, diagnostics, written: [] };
  }
  const wanted = outputPath(file, result.document.title, session, single, io.cwd);
  // Two reports with the same title in one run must not overwrite each other: the later one is
  // named after its data file as well (a rerun of the same file replaces its own output).
  const earlier = session.written.get(outputKey(wanted));
  const target = claimOutputPath(wanted, [path.basename(file)], (candidate) => {
    const owner = session.written.get(outputKey(candidate));
    if (owner !== undefined && owner !== file) return false;
    session.written.set(outputKey(candidate), file);
    return true;
  });
  if (target !== wanted) io.err(`“${file}”与“${earlier}”的标题相同，为免覆盖，输出改名为“${path.basename(target)}”。`);
  const shown = (f: string) => path.relative(io.cwd, f) || f;
  const written: string[] = [];
  try {
    // A data file saved with a .docx name (`render r.docx -o r.docx`) must not be replaced by
    // its own document; nor may the .html or .pdf beside it replace an input.
    const targets = [target, ...(session.html ? [target.replace(/\.docx$/i, '.html')] : []), ...(session.pdf ? [target.replace(/\.docx$/i, '.pdf')] : [])];
    for (const t of targets) {
      const input = [path.resolve(io.cwd, file), ...session.inputs].find((i) => sameFile(t, i));
      if (input) throw overwritesInput(shown(t), shown(input));
    }
    writeFileAtomic(target, result.docx);
    written.push(shown(target));
    if (session.html) {
      const htmlFile = target.replace(/\.docx$/i, '.html');
      writeFileAtomic(htmlFile, new TextEncoder().encode(writeHtml(result.document, session.options.profile)));
      written.push(shown(htmlFile));
    }
    if (session.pdf) {
      const { pdfFile, fonts } = await session.pdf.convertToPdf(target, target.replace(/\.docx$/i, '.pdf'));
      written.push(shown(pdfFile));
      if (!session.fontsReported) {
        if (fonts.substituted.length) io.out(`PDF 中的字体替换（Word 文档不受影响）：${fonts.substituted.join('；')}`);
        if (fonts.missing.length) io.err(`以下公文字体及其替代字体都没有安装，PDF 中将使用系统默认字体：${fonts.missing.join('；')}`);
        session.fontsReported = true;
      }
    }
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    for (const f of written) io.out(`已生成：${f}`);
    io.err(err.message);
    return { ok: false, diagnostics, written };
  }
  for (const f of written) io.out(`已生成：${f}`);
  return { ok: true, diagnostics, written };
}
