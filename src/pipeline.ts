// The library entry: load → check → compose → write, usable without the CLI. Everything a run
// depends on comes in one options record (RenderOptions); nothing is read from the process's
// state, so two runs with different options can interleave (a web front end, a batch worker).

import { check } from './check/index.js';
import { yearFolderDiagnostics } from './check/year-folder.js';
import { crossUnitChecks } from './cross-unit.js';
import type { ReportDocument } from './compose/index.js';
import { TemplateError } from './compose/template-error.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostic.js';
import { fitLayout } from './layout/fit.js';
import { GBT9704, type LayoutProfile } from './layout/profile.js';
import { loadReportFile, loadReportText, type SourceFile } from './load/index.js';
import { crossYearDiagnostics, loadPrevious, previousYearPath, type PreviousYear } from './previous/index.js';
import type { ReportData } from './data/report.js';
import type { RollupResult } from './rollup/index.js';
import { rollupTableBlock } from './rollup/table.js';
import { placeAt } from './check/place.js';

export interface ValidateResult {
  source: SourceFile;
  diagnostics: Diagnostic[];
  report?: ReportData;
  /** Last year's report, when found (same unit, year − 1) or given with --previous. */
  previous?: PreviousYear;
  /** Figures rolled up from the sub-reports (district reports with `rollup` metrics). */
  rollup?: RollupResult;
}

export interface ValidateOptions {
  /** Last year's data file (`--previous`). Default: found by the folder layout of data/ (…/2023/… for …/2024/…). */
  previous?: string;
}

export function validateSource(source: SourceFile): ValidateResult {
  const checked = check(source);
  const folder = checked.report ? yearFolderDiagnostics(source, checked.report) : [];
  const diagnostics = folder.length ? sortDiagnostics([...checked.diagnostics, ...folder]) : checked.diagnostics;
  const report = folder.length ? undefined : checked.report;
  if (!report) return { source, diagnostics };
  // Roster names and rolled-up figures: the other files of the district's year.
  const cross = crossUnitChecks(source, report);
  if (cross.diagnostics.length === 0 && !cross.rollup) return { source, diagnostics, report };
  const all = sortDiagnostics([...diagnostics, ...cross.diagnostics]);
  return { source, diagnostics: all, ...(cross.report ? { report: cross.report } : {}), ...(cross.rollup ? { rollup: cross.rollup } : {}) };
}

export function validateFile(path: string, options: ValidateOptions = {}): ValidateResult {
  return withPreviousYear(validateSource(loadReportFile(path)), path, options.previous);
}

/** Text has no place beside last year's file: it is compared only with one given explicitly. */
export function validateText(text: string, path = '<输入>', options: ValidateOptions = {}): ValidateResult {
  const result = validateSource(loadReportText(new TextEncoder().encode(text), path));
  return options.previous === undefined ? result : withPreviousYear(result, path, options.previous);
}

/** Adds last year's report and the checks that need it (reuse, year-on-year references). */
export function withPreviousYear(result: ValidateResult, path: string, override?: string): ValidateResult {
  if (!result.report) return result;
  const lookup = loadPrevious(path, result.report, override);
  const expected = override ?? previousYearPath(path, result.report.year);
  const extra = crossYearDiagnostics(result.source, result.report, lookup, expected);
  const diagnostics = sortDiagnostics([...result.diagnostics, ...extra]);
  const { report, ...rest } = result;
  if (hasErrors(diagnostics)) return { ...rest, diagnostics };
  return { ...rest, diagnostics, report, ...(lookup.previous ? { previous: lookup.previous } : {}) };
}

/** The options record of one run: what the CLI's options say, passed explicitly to every stage. */
export interface RenderOptions extends ValidateOptions {
  /** A user's template folder (`--templates`), with district/, department/, town/report.hbs. */
  templatesDir?: string;
  /** The layout (`--profile`, loaded with loadProfile); default: GB/T 9704-2012. */
  profile?: LayoutProfile;
}

export interface RenderResult extends ValidateResult {
  document?: ReportDocument;
  docx?: Uint8Array;
}

/** Validate, then compose and write the .docx; template problems come back as diagnostics. */
export async function renderValidated(result: ValidateResult, options: RenderOptions = {}): Promise<RenderResult> {
  if (!result.report || hasErrors(result.diagnostics)) return result;
  const profile = options.profile ?? GBT9704;
  // Loaded on first render only: validation needs neither Handlebars nor the docx library.
  const [{ compose }, { writeDocx }] = await Promise.all([import('./compose/index.js'), import('./write/docx/index.js')]);
  const rollupTable = result.rollup ? rollupTableBlock(result.report, result.rollup) : undefined;
  try {
    const document = fitLayout(compose(result.report, {
      titleLineWidth: profile.title.maxLineChars.value,
      ...(result.previous ? { previousMetrics: result.previous.report.metrics ?? [] } : {}),
      ...(rollupTable ? { appendices: [rollupTable] } : {}),
      ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}),
    }), profile);
    const lines = titleLinesMismatch(result, document.title);
    if (lines) return { ...result, diagnostics: sortDiagnostics([...result.diagnostics, lines]) };
    return { ...result, document, docx: await writeDocx(document, profile) };
  } catch (err) {
    if (err instanceof TemplateError) return { ...result, diagnostics: [...result.diagnostics, err.diagnostic] };
    throw err;
  }
}

/**
 * Without `title`, the title comes from the template and is known only now: title_lines must
 * spell it (with `title`, the title-lines rule has compared them already).
 */
function titleLinesMismatch(result: ValidateResult, title: string): Diagnostic | undefined {
  const lines = result.report?.title_lines;
  if (!lines || result.report?.title !== undefined) return undefined;
  const compact = (t: string) => t.replace(/\s+/g, '');
  if (compact(lines.join('')) === compact(title)) return undefined;
  return {
    severity: 'error',
    ruleId: 'title-lines',
    message: `标题分行（title_lines）合起来是“${compact(lines.join(''))}”，与按模板生成的标题“${compact(title)}”不一致，文档中会印出分行的文字。请把标题写在 title 中并与分行一致，或删去 title_lines，由工具自动分行。`,
    ...placeAt(result.source, '/title_lines'),
  };
}

export async function renderFile(path: string, options: RenderOptions = {}): Promise<RenderResult> {
  return renderValidated(validateFile(path, options), options);
}
