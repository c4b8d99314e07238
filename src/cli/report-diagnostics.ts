// Printing diagnostics and the closing count, shared by validate and render.

import { formatDiagnostic, type Diagnostic } from '../diagnostic.js';
import { diskCached, type DiskCacheCodec } from '../load/disk-cache.js';
import { LOAD } from '../messages.js';
import type { CommandIO } from './command.js';

/**
 * Notes about a file itself rather than its data (it is saved as GBK) are worth saying once per
 * file: the first run that reads the file says it, later runs of any command on the same
 * unchanged file do not. "Once" is remembered in the cache folder (disk-cache.ts), keyed by the
 * file's path and content: a file saved again, or a new version of the tool, says it again.
 * Without the cache (FAZHI_CACHE=off, the library) the note is always given.
 */
const ONCE_PER_FILE = new Set([LOAD.gbk.id]);

// The stored value means "already said"; computing it (no entry yet) means "say it now".
const NOTED: DiskCacheCodec<boolean> = { kind: 'noted-1', encode: () => true, decode: () => false };

export function withoutRepeatedNotes(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => !ONCE_PER_FILE.has(d.ruleId) || diskCached(d.file, `${d.ruleId}\n${d.file}`, NOTED, () => true));
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], io: CommandIO): void {
  for (const d of diagnostics) io.out(formatDiagnostic(d));
}

export function summary(files: number, diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (errors === 0 && warnings === 0) return `检查了 ${files} 个文件，没有发现问题。`;
  return `检查了 ${files} 个文件：${errors} 个错误，${warnings} 个警告。`;
}
