// The library entry (`import { renderFile } from 'fazhi-report'`): the pipeline load → check →
// compose → write for another front end (a web workbench, a script), with one options record
// per run, and the types it returns. The CLI is one such front end.

export { renderFile, renderValidated, validateFile, validateSource, validateText } from './pipeline.js';
export type { RenderOptions, RenderResult, ValidateOptions, ValidateResult } from './pipeline.js';
export { formatDiagnostic, hasErrors } from './diagnostic.js';
export type { Diagnostic, Position, Severity } from './diagnostic.js';
export { loadProfile } from './layout/load-profile.js';
export { GBT9704 } from './layout/profile.js';
export type { LayoutProfile } from './layout/profile.js';
export { writeHtml } from './write/html/index.js';
export type { ReportDocument } from './compose/model.js';
export type { ReportData, Level, PartKey } from './data/report.js';
