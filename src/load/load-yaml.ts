// YAML text → plain data plus a map from JSON pointers to source positions. Only this stage
// knows positions: later stages report JSON pointers and `PositionIndex` turns them into
// line:column.

import { isAlias, isMap, isScalar, isSeq, Lexer, LineCounter, parseDocument, Scalar, type Node } from 'yaml';
import type { Diagnostic, Position } from '../diagnostic.js';
import { codePointName, countUnprintable, firstUnprintable, stripUnprintable } from './characters.js';
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

/** A problem that ends loading: a limit reached, an alias, a key that is not text. */
class StopLoading extends Error {
  constructor(
    readonly diagnostic: Omit<Diagnostic, 'file'>,
  ) {
    super(diagnostic.message);
  }
}

const tooManyValues = (position: Position | undefined): Omit<Diagnostic, 'file'> => ({
  severity: 'error',
  ruleId: 'load/too-many-values',
  message: `文件中的值超过 ${LOAD_LIMITS.maxNodes} 个，超出一份报告的合理规模，已停止读取。`,
  ...(position ? { position } : {}),
});

const tooDeep = (position: Position | undefined): Omit<Diagnostic, 'file'> => ({
  severity: 'error',
  ruleId: 'load/too-deep',
  message: `嵌套层级超过 ${LOAD_LIMITS.maxDepth} 层，超出一份报告的合理结构，已停止读取。`,
  ...(position ? { position } : {}),
});

// The lexer's own marker tokens, which are not source text.
const MARKERS = new Set(['\x02', '\x18', '\x1f', '\ufeff']);

/**
 * A pass over the lexer's tokens before parsing. The parser spends about 15 µs per value, so a
 * 5 MB list of a million one-letter items would take 15 s before the value limit is reached;
 * the lexer stops at the limit in milliseconds. Each value is at most two counted tokens (a
 * key's scalar and the value's, or "- " and the item), hence the factor 2.
 * Nesting is measured here too, so that the limit, not the parser's stack, decides: flow
 * nesting by its brackets, block nesting by the columns at which lines (and "- " items) start,
 * one open level per column, as YAML's indentation rules define them.
 */
function preScan(text: string, toPos: (offset: number) => Position): Omit<Diagnostic, 'file'> | undefined {
  let offset = 0;
  let values = 0;
  let flowDepth = 0;
  let lineStart = 0;
  let lineBegins = true;
  let afterDash = false;
  const blockColumns: number[] = [];
  for (const token of new Lexer().lex(text)) {
    const first = token[0];
    if (token === '\x1f' || token === '-' || token === '[' || token === '{' || first === '"' || first === "'") values += 1;
    if (values > 2 * LOAD_LIMITS.maxNodes) return tooManyValues(toPos(offset));
    if (MARKERS.has(token)) continue;
    const content = token.trim() !== '' && first !== '#';
    if (content && flowDepth === 0 && (lineBegins || afterDash)) {
      const column = offset - lineStart;
      while (blockColumns.length > 0 && blockColumns[blockColumns.length - 1]! >= column) blockColumns.pop();
      blockColumns.push(column);
      // The innermost column may hold a plain value rather than a collection: one level spare.
      if (blockColumns.length > LOAD_LIMITS.maxDepth + 1) return tooDeep(toPos(offset));
    }
    if (token === '[' || token === '{') flowDepth += 1;
    else if (token === ']' || token === '}') flowDepth = Math.max(0, flowDepth - 1);
    if (flowDepth + blockColumns.length > LOAD_LIMITS.maxDepth + 1) return tooDeep(toPos(offset));
    if (content) {
      lineBegins = false;
      afterDash = token === '-';
    }
    const newline = token.lastIndexOf('\n');
    if (newline >= 0) {
      lineStart = offset + newline + 1;
      if (!content) lineBegins = true;
    }
    offset += token.length;
  }
  return undefined;
}

/** Line and column of an offset, as the yaml library counts them (1-based, UTF-16 units). */
function positionIn(text: string): (offset: number) => Position {
  return (offset) => {
    const before = text.slice(0, offset);
    const lineStart = before.lastIndexOf('\n') + 1;
    let line = 1;
    for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) line += 1;
    return { line, column: offset - lineStart + 1 };
  };
}

export function loadYaml(text: string, file: string, schema: JsonSchema): LoadedYaml {
  const positions = new PositionIndex();
  const limit = preScan(text, positionIn(text));
  if (limit) return { data: undefined, positions, diagnostics: [{ ...limit, file }] };

  const lineCounter = new LineCounter();
  const toPos = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  let doc: ReturnType<typeof parseDocument>;
  try {
    // Duplicate keys are found while converting (below): the library's check compares every
    // pair of keys, 2.5 s for a map of 20 000.
    doc = parseDocument(text, { schema: 'failsafe', uniqueKeys: false, lineCounter, keepSourceTokens: false });
  } catch (err) {
    // Block nesting the pre-scan cannot see can still exhaust the stack.
    if (err instanceof RangeError) return { data: undefined, positions, diagnostics: [{ ...tooDeep(undefined), file }] };
    throw err;
  }
  const diagnostics: Diagnostic[] = [];
  const lines = text.split(/\r?\n/);

  // Of syntax errors only the first is reported, since the rest are usually consequences of it.
  const err = doc.errors[0];
  if (err) {
    const position = toPos(err.pos[0]);
    // The library reports a stack overflow while composing deeply nested blocks this way.
    if (err.code === 'RESOURCE_EXHAUSTION') return { data: undefined, positions, diagnostics: [{ ...tooDeep(position), file }] };
    diagnostics.push({
      severity: 'error',
      ruleId: 'yaml/syntax',
      message: yamlErrorMessage(err.code, lines[position.line - 1] ?? ''),
      file,
      position,
    });
    return { data: undefined, positions, diagnostics };
  }

  const nav = new SchemaNavigator(schema);
  let nodeCount = 0;
  const duplicates: Diagnostic[] = [];

  /** Text with the characters no report may contain removed, and a warning at the first one. */
  const printable = (value: string, node: Node | null): string => {
    const bad = firstUnprintable(value);
    if (bad < 0) return value;
    const [start, end] = node?.range ?? [0, 0];
    // Typed directly, the character is in the source and its exact place is known; written as
    // an escape ("\x07"), the value's start is the best place to point at.
    const inSource = firstUnprintable(text.slice(start, end));
    const at = inSource >= 0 ? start + inSource : start;
    const count = countUnprintable(value);
    diagnostics.push({
      severity: 'warning',
      ruleId: 'load/control-character',
      message: `这里有 ${count} 个无法写入 Word 文档的不可见字符（${codePointName(value, bad)}），已删除；这类字符通常是从其他程序粘贴时带入的。`,
      file,
      position: toPos(at),
    });
    return stripUnprintable(value);
  };

  const convert = (node: Node | null, pointer: string, depth: number, at: JsonSchema | undefined): unknown => {
    if (++nodeCount > LOAD_LIMITS.maxNodes) throw new StopLoading(tooManyValues(node?.range ? toPos(node.range[0]) : undefined));
    if (depth > LOAD_LIMITS.maxDepth) throw new StopLoading(tooDeep(node?.range ? toPos(node.range[0]) : undefined));
    if (node === null) return null;
    const location = positions.locations.get(pointer);
    if (node.range && !location) positions.locations.set(pointer, { value: toPos(node.range[0]) });
    else if (node.range && location) location.value = toPos(node.range[0]);

    if (isAlias(node) || node.anchor) {
      // Anchors and aliases are never needed in a report and are the vector of "billion laughs".
      throw new StopLoading({
        severity: 'error',
        ruleId: 'load/alias',
        message: '不支持 YAML 锚点和别名（&、*），请把内容直接写出来。',
        position: node.range ? toPos(node.range[0]) : undefined,
      });
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      const seen = new Set<string>();
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const keyPos = keyNode?.range ? toPos(keyNode.range[0]) : undefined;
        if (keyNode !== null && !isScalar(keyNode)) {
          throw new StopLoading({ severity: 'error', ruleId: 'yaml/syntax', message: yamlErrorMessage('NON_STRING_KEY', ''), position: keyPos });
        }
        const key = isScalar(keyNode) ? printable(String(keyNode.value ?? ''), keyNode) : '';
        if (seen.has(key)) {
          duplicates.push({
            severity: 'error',
            ruleId: 'yaml/duplicate-key',
            message: `键“${key}”在同一层级重复出现，后一个会覆盖前一个；请删除或合并重复的键。`,
            file,
            ...(keyPos ? { position: keyPos } : {}),
          });
          continue;
        }
        seen.add(key);
        const childPointer = `${pointer}/${escapePointerToken(key)}`;
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
    if (isScalar(node)) {
      const value = convertScalar(node, nav.scalarTypes(at));
      return typeof value === 'string' ? printable(value, node) : value;
    }
    return null;
  };

  try {
    const data = convert(doc.contents as Node | null, '', 0, schema);
    if (duplicates.length > 0) return { data: undefined, positions, diagnostics: [...diagnostics, ...duplicates] };
    return { data, positions, diagnostics };
  } catch (err) {
    if (err instanceof StopLoading) {
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
  // Digits too many for a number (1e400 is Infinity) stay text, so the message shows them.
  if (expected.includes('integer') && /^[-+]?\d+$/.test(text) && Number.isFinite(Number(text))) return Number.parseInt(text, 10);
  if (expected.includes('number') && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) && Number.isFinite(Number(text))) return Number(text);
  if (expected.includes('boolean')) {
    if (TRUE_TEXT.has(text)) return true;
    if (FALSE_TEXT.has(text)) return false;
  }
  return text;
}
