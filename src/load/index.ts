// Stage 1 — load: file bytes → text (encoding detected) → data with source positions.

import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import type { Diagnostic } from '../diagnostic.js';
import { diagnosticOf, LOAD, messageOf } from '../messages.js';
import { SCHEMA_FILE } from '../paths.js';
import { decodeText } from './decode.js';
import { LOAD_LIMITS } from './limits.js';
import { loadYaml, PositionIndex } from './load-yaml.js';
import type { JsonSchema } from './schema-types.js';

export { PositionIndex } from './load-yaml.js';
export { escapePointerToken } from '../data/pointer.js';
export type { JsonSchema } from './schema-types.js';

export interface SourceFile {
  /** Path as the user gave it; used in every message. */
  path: string;
  text: string;
  /** `undefined` when the file could not be read or parsed (see diagnostics). */
  data: unknown;
  positions: PositionIndex;
  diagnostics: Diagnostic[];
}

let cachedSchema: JsonSchema | undefined;

export function reportSchema(): JsonSchema {
  cachedSchema ??= JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as JsonSchema;
  return cachedSchema;
}

function failed(path: string, diagnostic: Omit<Diagnostic, 'file'>): SourceFile {
  return { path, text: '', data: undefined, positions: new PositionIndex(), diagnostics: [{ ...diagnostic, file: path }] };
}

function tooLarge(path: string, size: number): SourceFile {
  return failed(path, messageOf(LOAD.tooLarge, (size / 1024 / 1024).toFixed(1), LOAD_LIMITS.maxFileBytes / 1024 / 1024));
}

/**
 * Whether every line is blank or a comment. Line by line, stopping at the first with content
 * (usually the first or second), instead of splitting the whole text into lines.
 */
function onlyComments(text: string): boolean {
  for (let start = 0; ; ) {
    const nl = text.indexOf('\n', start);
    // The lines of `text.split(/\r?\n/)`: a "\r" before the "\n" is not part of the line.
    const line = nl < 0 ? text.slice(start) : text.slice(start, nl > start && text[nl - 1] === '\r' ? nl - 1 : nl);
    if (!/^\s*(#.*)?$/.test(line)) return false;
    if (nl < 0) return true;
    start = nl + 1;
  }
}

/**
 * `schema` says which scalars are numbers, booleans or text (the report's by default; the roster
 * and the layout profile are read the same way, against their own).
 */
export function loadReportText(bytes: Uint8Array, path: string, schema: JsonSchema = reportSchema()): SourceFile {
  if (bytes.length > LOAD_LIMITS.maxFileBytes) return tooLarge(path, bytes.length);
  const decoded = decodeText(bytes, path);
  if ('severity' in decoded) return failed(path, decoded);
  if (decoded.text.trim() === '' || onlyComments(decoded.text)) {
    return failed(path, messageOf(LOAD.empty));
  }
  const loaded = loadYaml(decoded.text, path, schema);
  if (loaded.data !== undefined && (loaded.data === null || typeof loaded.data !== 'object' || Array.isArray(loaded.data))) {
    return {
      path,
      text: decoded.text,
      data: undefined,
      positions: loaded.positions,
      diagnostics: [
        ...decoded.diagnostics,
        diagnosticOf(LOAD.notAMap, { file: path, position: { line: 1, column: 1 } }),
      ],
    };
  }
  return {
    path,
    text: decoded.text,
    data: loaded.data,
    positions: loaded.positions,
    diagnostics: [...decoded.diagnostics, ...loaded.diagnostics],
  };
}

/**
 * Reads at most the size limit plus one byte, from the opened file itself: a file that grows
 * after it was checked, or a device such as /dev/zero, cannot make the tool read forever. A file
 * that cannot be read comes back as a loaded file with its one diagnostic.
 */
export function readReportBytes(path: string): Uint8Array | SourceFile {
  let fd: number;
  try {
    // Non-blocking, so that opening a named pipe returns at once (and is then refused) instead
    // of waiting for a writer forever; regular files ignore the flag. Windows has no such flag.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return failed(path, messageOf(LOAD.notFound));
    }
    if (code === 'EISDIR') return failed(path, messageOf(LOAD.isDirectory));
    return failed(path, messageOf(LOAD.unreadable));
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return failed(path, messageOf(LOAD.isDirectory));
    if (!stat.isFile()) return failed(path, messageOf(LOAD.notAFile));
    if (stat.size > LOAD_LIMITS.maxFileBytes) return tooLarge(path, stat.size);
    let buffer = new Uint8Array(stat.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const grown = new Uint8Array(Math.min(buffer.length * 2, LOAD_LIMITS.maxFileBytes + 1));
        grown.set(buffer);
        buffer = grown;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > LOAD_LIMITS.maxFileBytes) return tooLarge(path, length);
    }
    return buffer.subarray(0, length);
  } catch {
    return failed(path, messageOf(LOAD.unreadable));
  } finally {
    closeSync(fd);
  }
}

export function loadReportFile(path: string, schema?: JsonSchema): SourceFile {
  const bytes = readReportBytes(path);
  return bytes instanceof Uint8Array ? loadReportText(bytes, path, schema) : bytes;
}
