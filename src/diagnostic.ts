// One diagnostic type for YAML syntax errors, schema errors, content rules and template errors
// (after vfile's VFileMessage): the stage that finds a problem reports a data path; only the
// loader knows positions and fills them in.

export type Severity = 'error' | 'warning';

export interface Position {
  line: number; // 1-based
  column: number; // 1-based
}

export interface Diagnostic {
  severity: Severity;
  /** Rule or source id, e.g. `schema/required`, `yaml/duplicate-key`, `plans-year`. */
  ruleId: string;
  /** One sentence in Chinese, for the user. */
  message: string;
  /** File the diagnostic is about (data file or template). */
  file: string;
  position?: Position;
  /** JSON pointer into the data, when the problem is about a value. */
  pointer?: string;
}

/** `path:line:column 错误 message`, the format editors and CI logs can jump to. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.position ? `${d.file}:${d.position.line}:${d.position.column}` : d.file;
  return `${where} ${d.severity === 'error' ? '错误' : '警告'} ${d.message}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.position?.line ?? 0) - (b.position?.line ?? 0) ||
      (a.position?.column ?? 0) - (b.position?.column ?? 0),
  );
}

/** Expected failure with a Chinese message and an exit code (1 invalid data, 2 usage). */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
