// YAML text → plain data plus a map from JSON pointers to source positions. Only this stage
// knows positions: later stages report JSON pointers and `PositionIndex` turns them into
// line:column.

import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node } from 'yaml';
import type { Diagnostic, Position } from '../diagnostic.js';
import { LOAD_LIMITS } from './limits.js';
import { SchemaNavigator, type JsonSchema } from './schema-types.js';
import { yamlErrorMessage } from './yaml-messages.js';

export interface NodeLocation {
  value: Position;
  /** Position of the key, for values held in a map. */
  key?: Position;
}

export class PositionIndex {
  readonly locations = new Map<string, NodeLocation>();
  /** Keys written with an empty value (`date:`), so "missing" can point at them. */
  readonly emptyKeys = new Map<string, Position>();

  /** The position of the value at `pointer`, or of its nearest ancestor present in the file. */
  valueAt(pointer: string): Position {
    let p = pointer;
    for (;;) {
      const loc = this.locations.get(p);
      if (loc) return loc.value;
      if (p === '') return { line: 1, column: 1 };
      p = p.slice(0, p.lastIndexOf('/'));
    }
  }

  /** For messages about a key itself (unknown key): the key's position. */
  keyAt(pointer: string): Position {
    return this.locations.get(pointer)?.key ?? this.valueAt(pointer);
  }
}

export interface LoadedYaml {
  data: unknown;
  positions: PositionIndex;
  diagnostics: Diagnostic[];
}

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

const NULL_TEXT = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUE_TEXT = new Set(['true', 'True', 'TRUE']);
const FALSE_TEXT = new Set(['false', 'False', 'FALSE']);

class LimitExceeded extends Error {
  constructor(
    readonly diagnostic: Omit<Diagnostic, 'file'>,
  ) {
    super(diagnostic.message);
  }
}

export function loadYaml(text: string, file: string, schema: JsonSchema): LoadedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', uniqueKeys: true, lineCounter, keepSourceTokens: false });
  const positions = new PositionIndex();
  const diagnostics: Diagnostic[] = [];
  const lines = text.split(/\r?\n/);
  const toPos = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  // Duplicate keys are all reported; of other syntax errors only the first, since the rest
  // are usually consequences of it.
  let syntaxError = false;
  for (const err of doc.errors) {
    const isDuplicate = err.code === 'DUPLICATE_KEY';
    if (!isDuplicate && syntaxError) continue;
    const position = toPos(err.pos[0]);
    if (isDuplicate) {
      const keyText = /^\s*(?:-\s+)?["']?([^"':#]+?)["']?\s*:/.exec(lines[position.line - 1] ?? '')?.[1] ?? '';
      diagnostics.push({
        severity: 'error',
        ruleId: 'yaml/duplicate-key',
        message: `键“${keyText}”在同一层级重复出现，后一个会覆盖前一个；请删除或合并重复的键。`,
        file,
        position,
      });
    } else {
      syntaxError = true;
      diagnostics.push({
        severity: 'error',
        ruleId: 'yaml/syntax',
        message: yamlErrorMessage(err.code, lines[position.line - 1] ?? ''),
        file,
        position,
      });
    }
  }
  if (diagnostics.length > 0) return { data: undefined, positions, diagnostics };

  const nav = new SchemaNavigator(schema);
  let nodeCount = 0;

  const convert = (node: Node | null, pointer: string, depth: number, at: JsonSchema | undefined): unknown => {
    if (++nodeCount > LOAD_LIMITS.maxNodes) {
      throw new LimitExceeded({
        severity: 'error',
        ruleId: 'load/too-many-values',
        message: `文件中的值超过 ${LOAD_LIMITS.maxNodes} 个，超出一份报告的合理规模，已停止读取。`,
        position: node?.range ? toPos(node.range[0]) : undefined,
      });
    }
    if (depth > LOAD_LIMITS.maxDepth) {
      throw new LimitExceeded({
        severity: 'error',
        ruleId: 'load/too-deep',
        message: `嵌套层级超过 ${LOAD_LIMITS.maxDepth} 层，超出一份报告的合理结构，已停止读取。`,
        position: node?.range ? toPos(node.range[0]) : undefined,
      });
    }
    if (node === null) return null;
    const location = positions.locations.get(pointer);
    if (node.range && !location) positions.locations.set(pointer, { value: toPos(node.range[0]) });
    else if (node.range && location) location.value = toPos(node.range[0]);

    if (isAlias(node) || node.anchor) {
      // Anchors and aliases are never needed in a report and are the vector of "billion laughs".
      throw new LimitExceeded({
        severity: 'error',
        ruleId: 'load/alias',
        message: '不支持 YAML 锚点和别名（&、*），请把内容直接写出来。',
        position: node.range ? toPos(node.range[0]) : undefined,
      });
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : '';
        const childPointer = `${pointer}/${escapePointerToken(key)}`;
        const keyPos = keyNode?.range ? toPos(keyNode.range[0]) : undefined;
        const valueNode = pair.value as Node | null;
        const valuePos = valueNode?.range ? toPos(valueNode.range[0]) : keyPos;
        if (valuePos) positions.locations.set(childPointer, { value: valuePos, ...(keyPos ? { key: keyPos } : {}) });
        const value = convert(valueNode, childPointer, depth + 1, nav.property(at, key));
        if (value === null) {
          if (keyPos) positions.emptyKeys.set(childPointer, keyPos);
          continue; // an empty value means "not filled in"
        }
        // defineProperty: a key named __proto__ becomes data, never the object's prototype.
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    if (isSeq(node)) {
      const element = nav.element(at);
      return node.items.map((item, i) => convert(item as Node | null, `${pointer}/${i}`, depth + 1, element));
    }
    if (isScalar(node)) return convertScalar(node, nav.scalarTypes(at));
    return null;
  };

  try {
    const data = convert(doc.contents as Node | null, '', 0, schema);
    return { data, positions, diagnostics };
  } catch (err) {
    if (err instanceof LimitExceeded) {
      return { data: undefined, positions, diagnostics: [{ ...err.diagnostic, file }] };
    }
    throw err;
  }
}

function convertScalar(node: Scalar, expected: readonly string[]): unknown {
  const text = String(node.value ?? '');
  const plain = node.type === Scalar.PLAIN;
  if (plain && NULL_TEXT.has(text)) return null;
  if (expected.includes('string') || expected.length === 0) return text;
  if (expected.includes('integer') && /^[-+]?\d+$/.test(text)) return Number.parseInt(text, 10);
  if (expected.includes('number') && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return Number(text);
  if (expected.includes('boolean')) {
    if (TRUE_TEXT.has(text)) return true;
    if (FALSE_TEXT.has(text)) return false;
  }
  return text;
}
