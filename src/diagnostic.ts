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

/**
 * The process exit codes, the one table of them (the README and every command's help list them).
 * Only the CLI entry (cli/main.ts, returning to bin/fazhi.js) sets the process's exit code.
 */
export const ExitCode = {
  /** Done; there may be warnings. */
  Ok: 0,
  /** Problems in the data (errors), or an output file that could not be written. */
  DataProblem: 1,
  /** The command was used wrongly: unknown option, missing value, a named file that does not exist. */
  Usage: 2,
  /** A bug of the tool's, not the user's. */
  Internal: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The exit codes in words, for the help texts. */
export const EXIT_CODES_HELP = '退出码：0 成功（可以有警告）；1 数据有错误或文件无法写入；2 命令用法有误；3 工具内部错误（请报告给维护者）。';

/** Expected failure with a Chinese message and an exit code (data problem or usage). */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: typeof ExitCode.DataProblem | typeof ExitCode.Usage = ExitCode.DataProblem,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * A failure of the tool itself found by the tool (a state that should be impossible, a worker
 * that died): the CLI reports it as such, with exit code 3, never as a problem in the data.
 */
export class InternalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InternalError';
  }
}
