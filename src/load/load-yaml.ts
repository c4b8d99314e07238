// YAML text → plain data plus a map from JSON pointers to source positions. Only this stage
// knows positions: later stages report JSON pointers and `PositionIndex` turns them into
// line:column.

import { Composer, isAlias, isMap, isScalar, isSeq, Lexer, LineCounter, Parser, Scalar, YAMLParseError, type Document, type Node } from 'yaml';
import type { Diagnostic, Position } from '../diagnostic.js';
import { codePointName, countUnprintable, firstUnprintable, stripUnprintable } from '../data/characters.js';
import { escapePointerToken } from '../data/pointer.js';
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
 * The limits, counted token by token as the lexer produces them. The parser spends about 15 µs
 * per value, so a 5 MB list of a million one-letter items would take 15 s before the value
 * limit is reached in `convert`; counted here, it stops in milliseconds. Each value is at most
 * two counted tokens (a key's scalar and the value's, or "- " and the item), hence the factor 2.
 * Nesting is measured here too, so that the limit, not the parser's stack, decides: flow
 * nesting by its brackets, block nesting by the columns at which lines (and "- " items) start,
 * one open level per column, as YAML's indentation rules define them.
 */
class LimitCounter {
  private offset = 0;
  private values = 0;
  private flowDepth = 0;
  private lineStart = 0;
  private lineBegins = true;
  private afterDash = false;
  private readonly blockColumns: number[] = [];

  constructor(private readonly text: string) {}

  /** Counts one token; the diagnostic when it passes a limit. */
  count(token: string): Omit<Diagnostic, 'file'> | undefined {
    const first = token[0];
    if (token === '\x1f' || token === '-' || token === '[' || token === '{' || first === '"' || first === "'") this.values += 1;
    if (this.values > 2 * LOAD_LIMITS.maxNodes) return tooManyValues(positionIn(this.text, this.offset));
    // The cheap tests first: a fresh process runs this for every token in the interpreter.
    const length = token.length;
    if (length === 1 && MARKERS.has(token)) return undefined; // the markers are single characters
    const code = token.charCodeAt(0);
    // Starting with visible ASCII, it is content unless a comment; else the full whitespace test.
    const content = code > 0x20 && code < 0x7f ? code !== 0x23 : token.trim() !== '' && first !== '#';
    const blockColumns = this.blockColumns;
    if (content && this.flowDepth === 0 && (this.lineBegins || this.afterDash)) {
      const column = this.offset - this.lineStart;
      while (blockColumns.length > 0 && blockColumns[blockColumns.length - 1]! >= column) blockColumns.pop();
      blockColumns.push(column);
      // The innermost column may hold a plain value rather than a collection: one level spare.
      if (blockColumns.length > LOAD_LIMITS.maxDepth + 1) return tooDeep(positionIn(this.text, this.offset));
    }
    if (token === '[' || token === '{') this.flowDepth += 1;
    else if (token === ']' || token === '}') this.flowDepth = Math.max(0, this.flowDepth - 1);
    if (this.flowDepth + blockColumns.length > LOAD_LIMITS.maxDepth + 1) return tooDeep(positionIn(this.text, this.offset));
    if (content) {
      this.lineBegins = false;
      this.afterDash = token === '-';
    }
    const newline = length === 1 ? (code === 0x0a ? 0 : -1) : token.lastIndexOf('\n');
    if (newline >= 0) {
      this.lineStart = this.offset + newline + 1;
      if (!content) this.lineBegins = true;
    }
    this.offset += length;
    return undefined;
  }
}

// Duplicate keys are found while converting (below): the library's check compares every pair
// of keys, 2.5 s for a map of 20 000.
const PARSE_OPTIONS = { schema: 'failsafe', uniqueKeys: false, keepSourceTokens: false } as const;

type Parsed =
  | { limit: Omit<Diagnostic, 'file'> }
  | { doc: Document.Parsed; failure?: undefined }
  | { failure: unknown; doc?: undefined };

/**
 * What `parseDocument` does, with the limits counted on the way: each token from the lexer is
 * counted, then handed to the parser, whose output goes to the composer — one lexing pass, and
 * a limit still stops the work as soon as it is reached.
 * A limit anywhere in the text wins over whatever the parser finds or throws, as when the
 * limits had a pass of their own before parsing: once parsing has ended (a second document, an
 * exception), the remaining tokens are still counted.
 */
function parseWithLimits(text: string, lineCounter: LineCounter): Parsed {
  const limits = new LimitCounter(text);
  const parser = new Parser(lineCounter.addNewLine);
  const composer = new Composer({ ...PARSE_OPTIONS, lineCounter });
  let doc: Document.Parsed | undefined;
  let parsing = true;
  let failure: unknown;
  /** As in parseDocument: the first document is kept, a second is an error and ends parsing. */
  const take = (next: Document.Parsed): void => {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      parsing = false;
    }
  };

  lineCounter.addNewLine(0); // as Parser.parse() does at the start of input
  for (const token of new Lexer().lex(text)) {
    const limit = limits.count(token);
    if (limit) return { limit };
    if (!parsing) continue;
    try {
      for (const cst of parser.next(token)) {
        for (const next of composer.next(cst)) take(next);
        if (!parsing) break;
      }
    } catch (err) {
      failure = err;
      parsing = false;
    }
  }
  if (parsing) {
    try {
      for (const cst of parser.end()) {
        for (const next of composer.next(cst)) take(next);
        if (!parsing) break;
      }
      if (parsing) for (const next of composer.end(true, text.length)) take(next);
    } catch (err) {
      failure = err;
    }
  }
  if (failure !== undefined || !doc) return { failure };
  return { doc };
}

/** Line and column of an offset, as the yaml library counts them (1-based, UTF-16 units). */
function positionIn(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) line += 1;
  return { line, column: offset - lineStart + 1 };
}

/**
 * `LineCounter.linePos`, giving the `Position` itself: it is called for every value and key, and
 * the library's answer would be one more object to copy.
 */
function positionAt(lineStarts: readonly number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lineStarts[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  if (lineStarts[low] === offset) return { line: low + 1, column: 1 };
  if (low === 0) return { line: 0, column: offset };
  return { line: low, column: offset - lineStarts[low - 1]! + 1 };
}

// One navigator per schema, so that its answers are reused by every file loaded.
const navigators = new WeakMap<JsonSchema, SchemaNavigator>();

function navigatorFor(schema: JsonSchema): SchemaNavigator {
  let nav = navigators.get(schema);
  if (!nav) navigators.set(schema, (nav = new SchemaNavigator(schema)));
  return nav;
}

/** Line `line` (1-based) of the text as `text.split(/\r?\n/)` would give it, or ''. */
function lineOf(text: string, line: number): string {
  if (line < 1) return '';
  let start = 0;
  for (let n = 1; n < line; n++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return '';
    start = nl + 1;
  }
  const nl = text.indexOf('\n', start);
  if (nl < 0) return text.slice(start);
  return text.slice(start, nl > start && text[nl - 1] === '\r' ? nl - 1 : nl);
}

export function loadYaml(text: string, file: string, schema: JsonSchema): LoadedYaml {
  const positions = new PositionIndex();
  const lineCounter = new LineCounter();
  const toPos = (offset: number): Position => positionAt(lineCounter.lineStarts, offset);
  const parsed = parseWithLimits(text, lineCounter);
  if ('limit' in parsed) return { data: undefined, positions, diagnostics: [{ ...parsed.limit, file }] };
  if (!parsed.doc) {
    // Block nesting the token count cannot see can still exhaust the stack.
    if (parsed.failure instanceof RangeError) return { data: undefined, positions, diagnostics: [{ ...tooDeep(undefined), file }] };
    throw parsed.failure;
  }
  const doc = parsed.doc;
  const diagnostics: Diagnostic[] = [];

  // Of syntax errors only the first is reported, since the rest are usually consequences of it.
  const err = doc.errors[0];
  if (err) {
    const position = toPos(err.pos[0]);
    // The library reports a stack overflow while composing deeply nested blocks this way.
    if (err.code === 'RESOURCE_EXHAUSTION') return { data: undefined, positions, diagnostics: [{ ...tooDeep(position), file }] };
    diagnostics.push({
      severity: 'error',
      ruleId: 'yaml/syntax',
      message: yamlErrorMessage(err.code, lineOf(text, position.line)),
      file,
      position,
    });
    return { data: undefined, positions, diagnostics };
  }

  const nav = navigatorFor(schema);
  let nodeCount = 0;
  const duplicates: Diagnostic[] = [];

  // A value is made of the source's characters plus spaces and line breaks, except for the
  // escapes of double-quoted text ("\x07"), which need a backslash: a clean source without one
  // cannot give an unprintable value, and its values need no check one by one.
  const clean = !text.includes('\\') && firstUnprintable(text) < 0;

  /** Text with the characters no report may contain removed, and a warning at the first one. */
  const printable = (value: string, node: Node | null): string => {
    if (clean) return value;
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

  /** `placed`: the caller (a map, for its values) has already recorded where the node starts. */
  const convert = (node: Node | null, pointer: string, depth: number, at: JsonSchema | undefined, placed: boolean): unknown => {
    if (++nodeCount > LOAD_LIMITS.maxNodes) throw new StopLoading(tooManyValues(node?.range ? toPos(node.range[0]) : undefined));
    if (depth > LOAD_LIMITS.maxDepth) throw new StopLoading(tooDeep(node?.range ? toPos(node.range[0]) : undefined));
    if (node === null) return null;
    if (node.range && !placed) {
      const location = positions.locations.get(pointer);
      if (location) location.value = toPos(node.range[0]);
      else positions.locations.set(pointer, { value: toPos(node.range[0]) });
    }

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
        const value = convert(valueNode, childPointer, depth + 1, nav.property(at, key), true);
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
      return node.items.map((item, i) => convert(item as Node | null, `${pointer}/${i}`, depth + 1, element, false));
    }
    if (isScalar(node)) {
      const value = convertScalar(node, nav.scalarTypes(at));
      return typeof value === 'string' ? printable(value, node) : value;
    }
    return null;
  };

  try {
    const data = convert(doc.contents as Node | null, '', 0, schema, false);
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
