// The library entry: load → check → compose → write, usable without the CLI.

import { check } from './check/index.js';
import { compose, TemplateError, type ReportDocument } from './compose/index.js';
import { hasErrors, type Diagnostic } from './diagnostic.js';
import { GBT9704, type LayoutProfile } from './layout/profile.js';
import { loadReportFile, loadReportText, type SourceFile } from './load/index.js';
import type { ReportData } from './report-data.js';
import { writeDocx } from './write/docx/index.js';

export interface ValidateResult {
  source: SourceFile;
  diagnostics: Diagnostic[];
  report?: ReportData;
}

export function validateSource(source: SourceFile): ValidateResult {
  const { diagnostics, report } = check(source);
  return { source, diagnostics, ...(report ? { report } : {}) };
}

export function validateFile(path: string): ValidateResult {
  return validateSource(loadReportFile(path));
}

export function validateText(text: string, path = '<输入>'): ValidateResult {
  return validateSource(loadReportText(new TextEncoder().encode(text), path));
}

export interface RenderOptions {
  templatesDir?: string;
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
  try {
    const document = compose(result.report, {
      titleLineWidth: profile.title.maxLineChars.value,
      ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}),
    });
    return { ...result, document, docx: await writeDocx(document, profile) };
  } catch (err) {
    if (err instanceof TemplateError) return { ...result, diagnostics: [...result.diagnostics, err.diagnostic] };
    throw err;
  }
}

export async function renderFile(path: string, options: RenderOptions = {}): Promise<RenderResult> {
  return renderValidated(validateFile(path), options);
}
