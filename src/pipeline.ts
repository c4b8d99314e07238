// The library entry: load → check → compose → write, usable without the CLI. Everything a run
// depends on comes in one options record (RenderOptions); nothing is read from the process's
// state, so two runs with different options can interleave (a web front end, a batch worker).

import path from 'node:path';
import { check, runRules } from './check/index.js';
import type { PreviousContext, RosterContext, UnitLookup } from './check/context.js';
import { COMPOSED_RULES, FOLDER_RULES, PREVIOUS_RULES, ROSTER_RULES } from './check/rules/index.js';
import { crossUnitChecks } from './cross-unit.js';
import { hasAssignment } from './data/assignments.js';
import { yearFolderOf } from './data/folders.js';
import { partItems } from './data/visit.js';
import type { ReportDocument } from './compose/index.js';
import { TemplateError } from './compose/template-error.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostic.js';
import { fitLayout } from './layout/fit.js';
import { GBT9704, type LayoutProfile } from './layout/profile.js';
import { loadReportFile, loadReportText, type SourceFile } from './load/index.js';
import { loadPrevious, previousYearPath, type PreviousYear } from './previous/index.js';
import type { ReportData } from './data/report.js';
import type { RollupResult } from './rollup/index.js';
import { rollupTableBlock } from './rollup/table.js';
import { lastYearMatcher } from './reuse/index.js';
import { matchUnitName, ROSTER_FILE_NAME } from './roster/index.js';
import { rosterFor } from './tasks/check.js';

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
  if (!checked.report) return { source, diagnostics: checked.diagnostics };
  // The context rules, each group once the pipeline has found what it reads (check/context.ts).
  const folderYear = yearFolderOf(source.path)?.year;
  const folder = runRules(source, checked.report, FOLDER_RULES, folderYear === undefined ? {} : { folderYear });
  if (folder.length) return { source, diagnostics: sortDiagnostics([...checked.diagnostics, ...folder]) };
  const { diagnostics, report } = checked;
  // Roster names and rolled-up figures: the other files of the district's year.
  const roster = rosterContext(source, report);
  const assignments = [...roster.diagnostics, ...runRules(source, report, ROSTER_RULES, roster.context ? { roster: roster.context } : {})];
  const cross = crossUnitChecks(source, report);
  const extra = [...assignments, ...cross.diagnostics];
  if (extra.length === 0 && !cross.rollup) return { source, diagnostics, report };
  const all = sortDiagnostics([...diagnostics, ...extra]);
  return { source, diagnostics: all, ...(hasErrors(extra) ? {} : { report: cross.report }), ...(cross.rollup ? { rollup: cross.rollup } : {}) };
}

/**
 * The roster for the rules on unit names, with the roster's own problems when it cannot be used.
 * Looked up only when the responsibility breakdown names units: other reports need no roster.
 */
function rosterContext(source: SourceFile, report: ReportData): { context?: RosterContext; diagnostics: Diagnostic[] } {
  if (!partItems(report.plans, 'plans').some(({ item }) => hasAssignment(item))) return { diagnostics: [] };
  const found = rosterFor(source.path);
  if (!found.file) return { context: { found: false, expected: path.join(path.dirname(path.dirname(source.path)), ROSTER_FILE_NAME) }, diagnostics: [] };
  if (!found.roster) return { context: { found: true, file: found.file }, diagnostics: found.diagnostics };
  const roster = found.roster;
  const match = (name: string): UnitLookup => {
    const m = matchUnitName(name, roster);
    return m.units ? { known: true } : { known: false, ...(m.suggestion ? { suggestion: m.suggestion } : {}) };
  };
  return { context: { found: true, file: found.file, match }, diagnostics: [] };
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
  const previous: PreviousContext = lookup.previous
    ? { found: true, closest: lastYearMatcher(lookup.previous.source, lookup.previous.report) }
    : { found: false, unusable: lookup.diagnostics.length > 0, ...(expected !== undefined ? { expected } : {}) };
  const extra = [...lookup.diagnostics, ...runRules(result.source, result.report, PREVIOUS_RULES, { previous })];
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
    const lines = runRules(result.source, result.report, COMPOSED_RULES, { composedTitle: document.title });
    if (lines.length) return { ...result, diagnostics: sortDiagnostics([...result.diagnostics, ...lines]) };
    return { ...result, document, docx: await writeDocx(document, profile) };
  } catch (err) {
    if (err instanceof TemplateError) return { ...result, diagnostics: [...result.diagnostics, err.diagnostic] };
    throw err;
  }
}

export async function renderFile(path: string, options: RenderOptions = {}): Promise<RenderResult> {
  return renderValidated(validateFile(path, options), options);
}
