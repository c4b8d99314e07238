// The library entry: load → check → compose → write, usable without the CLI. Everything a run
// depends on comes in one options record (RenderOptions); nothing is read from the process's
// state, so two runs with different options can interleave (a web front end, a batch worker).

import path from 'node:path';
import { check, runRules, type CheckResult } from './check/index.js';
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
import { array, diagnostic, object, reportData, ShapeError } from './load/cache-shape.js';
import { diskCachedBytes } from './load/disk-cache.js';
import { keyAsWritten } from './load/file-memo.js';
import { loadReportText, readReportBytes, type SourceFile } from './load/index.js';
import { sourceHoldingCodec } from './load/source-codec.js';
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
  /**
   * Take the named file's load and check results from the disk cache when its bytes are exactly
   * those of a previous run (see loadChecked below). Only the CLI's `validate` and `render` ask
   * for it: `batch` renders each file once, and `watch`/`serve` see a new content on every save,
   * so for them an entry would only cost writing it. Without enableDiskCache it does nothing.
   */
  reuseChecked?: boolean;
}

export function validateSource(source: SourceFile): ValidateResult {
  return validateChecked(source, check(source));
}

/** The rest of validation once the file itself is loaded and checked (`checked` is check(source)). */
function validateChecked(source: SourceFile, checked: CheckResult): ValidateResult {
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

/** A loaded file and the results of its own checks, as the disk cache keeps them. */
interface CheckedFile {
  source: SourceFile;
  /** check(source), with `report` stored as a flag: when present it is `source.data` itself. */
  checked: CheckResult;
}

// Why the named file is cached at all (issue #12): in a cold `validate` of the district report,
// parsing its 32 KB of YAML in a process whose code V8 has not yet optimised, then the schema
// and content rules, are about 60 % of the run (node --cpu-prof: loadYaml 153 of 250 ms of
// validateFile under the profiler); reading the entry back is the cost the district's other files
// already pay (one JSON.parse). The entry is keyed by the exact bytes, the path as written and
// the build (disk-cache.ts), so one changed character, a moved file or a new version computes
// afresh; the codec checks the shape and the checksum the value, as for the other files.
const CHECKED_FILE_CODEC = (() => {
  const inner = sourceHoldingCodec<{ source: SourceFile; checked: { diagnostics: Diagnostic[]; report: boolean } }>('checked-file-1', (value) => {
    const c = object(value.checked, 'checked');
    array(c.diagnostics, 'checked.diagnostics').forEach((d, i) => diagnostic(d, `checked.diagnostics[${i}]`));
    // A report is the loaded data, which the schema accepted: it must at least be a mapping.
    if (c.report !== true && c.report !== false) throw new ShapeError('checked.report: not a flag');
  });
  return {
    kind: inner.kind,
    encode: ({ source, checked }: CheckedFile): unknown => inner.encode({ source, checked: { diagnostics: checked.diagnostics, report: checked.report !== undefined } }),
    decode: (json: unknown): CheckedFile => {
      const { source, checked } = inner.decode(json);
      if (checked.report) reportData(source.data, 'source.data');
      return { source, checked: { diagnostics: checked.diagnostics, ...(checked.report ? { report: source.data as ReportData } : {}) } };
    },
  };
})();

/** Loads and checks the named file, from the disk cache when `reuse` and its bytes are known. */
function loadChecked(path: string, reuse: boolean): CheckedFile {
  const bytes = readReportBytes(path);
  if (!(bytes instanceof Uint8Array)) return { source: bytes, checked: check(bytes) };
  const compute = (): CheckedFile => {
    const source = loadReportText(bytes, path);
    return { source, checked: check(source) };
  };
  // Computed from the very bytes that key the entry: a file saved meanwhile cannot mix the two.
  return reuse ? diskCachedBytes(bytes, keyAsWritten(path), CHECKED_FILE_CODEC, compute) : compute();
}

export function validateFile(path: string, options: ValidateOptions = {}): ValidateResult {
  const { source, checked } = loadChecked(path, options.reuseChecked === true);
  return withPreviousYear(validateChecked(source, checked), path, options.previous);
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
