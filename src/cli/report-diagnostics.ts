// Printing diagnostics and the closing count, shared by validate and render.

import { formatDiagnostic, type Diagnostic } from '../diagnostic.js';
import type { CommandIO } from './command.js';

export function printDiagnostics(diagnostics: readonly Diagnostic[], io: CommandIO): void {
  for (const d of diagnostics) io.out(formatDiagnostic(d));
}

export function summary(files: number, diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (errors === 0 && warnings === 0) return `检查了 ${files} 个文件，没有发现问题。`;
  return `检查了 ${files} 个文件：${errors} 个错误，${warnings} 个警告。`;
}
