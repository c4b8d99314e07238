// Stage 1 — load: file bytes → text (encoding detected) → data with source positions.

import { readFileSync, statSync } from 'node:fs';
import type { Diagnostic } from '../diagnostic.js';
import { SCHEMA_FILE } from '../paths.js';
import { decodeText } from './decode.js';
import { LOAD_LIMITS } from './limits.js';
import { loadYaml, PositionIndex } from './load-yaml.js';
import type { JsonSchema } from './schema-types.js';

export { PositionIndex, escapePointerToken } from './load-yaml.js';
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

export function loadReportText(bytes: Uint8Array, path: string): SourceFile {
  const decoded = decodeText(bytes, path);
  if ('severity' in decoded) return failed(path, decoded);
  if (decoded.text.trim() === '' || decoded.text.split(/\r?\n/).every((l) => /^\s*(#.*)?$/.test(l))) {
    return failed(path, {
      severity: 'error',
      ruleId: 'load/empty',
      message: '文件是空的（或只有注释），没有报告内容。可以用 fazhi init 生成一份带说明的模板。',
    });
  }
  const loaded = loadYaml(decoded.text, path, reportSchema());
  if (loaded.data !== undefined && (loaded.data === null || typeof loaded.data !== 'object' || Array.isArray(loaded.data))) {
    return {
      path,
      text: decoded.text,
      data: undefined,
      positions: loaded.positions,
      diagnostics: [
        ...decoded.diagnostics,
        {
          severity: 'error',
          ruleId: 'load/not-a-map',
          message: '文件内容应是“键: 值”形式的报告数据（例如 level: district），而不是一段文字或一个列表。',
          file: path,
          position: { line: 1, column: 1 },
        },
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

export function loadReportFile(path: string): SourceFile {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      return failed(path, { severity: 'error', ruleId: 'load/is-directory', message: '这是一个文件夹，不是数据文件。' });
    }
    size = stat.size;
  } catch {
    return failed(path, { severity: 'error', ruleId: 'load/not-found', message: '找不到这个文件，请检查路径和文件名。' });
  }
  if (size > LOAD_LIMITS.maxFileBytes) {
    return failed(path, {
      severity: 'error',
      ruleId: 'load/too-large',
      message: `文件大小 ${(size / 1024 / 1024).toFixed(1)} MB，超过上限 ${LOAD_LIMITS.maxFileBytes / 1024 / 1024} MB；一份报告的数据通常不到 100 KB，请检查是否选错了文件。`,
    });
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return failed(path, { severity: 'error', ruleId: 'load/unreadable', message: '无法读取这个文件（可能没有访问权限或正被其他程序占用）。' });
  }
  return loadReportText(bytes, path);
}
