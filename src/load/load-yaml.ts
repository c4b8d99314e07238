// YAML text → plain data plus a map from JSON pointers to source positions. Only this stage
// knows positions: later stages report JSON pointers and `PositionIndex` turns them into
// line:column.

import { isAlias, isMap, isScalar, isSeq, LineCounter, Scalar, type Node } from 'yaml';
import type { Diagnostic, Position } from '../diagnostic.js';
import { codePointName, countUnprintable, firstUnprintable, stripUnprintable } from '../data/characters.js';
import { escapePointerToken } from '../data/pointer.js';
import { diagnosticOf, LOAD, messageOf, YAML } from '../messages.js';
import { LOAD_LIMITS } from './limits.js';
import { parseWithLimits, tooDeep, tooManyValues } from './parse-limits.js';
import { PositionIndex, positionAt } from './positions.js';
import { SchemaNavigator, type JsonSchema } from './schema-types.js';
import { flowListSlips, scalarSlips, textContentStart } from './slips.js';
import { explainSyntaxError, yamlErrorMessage } from './yaml-messages.js';

export { PositionIndex, type NodeLocation } from './positions.js';

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

// One navigator per schema, so that its answers are reused by every file loaded.
const navigators = new WeakMap<JsonSchema, SchemaNavigator>();

function navigatorFor(schema: JsonSchema): SchemaNavigator {
  let nav = navigators.get(schema);
  if (!nav) navigators.set(schema, (nav = new SchemaNavigator(schema)));
  return nav;
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
    // The library reports a stack overflow while composing deeply nested blocks this way.
    if (err.code === 'RESOURCE_EXHAUSTION') return { data: undefined, positions, diagnostics: [{ ...tooDeep(toPos(err.pos[0])), file }] };
    const { message, offset } = explainSyntaxError(err, text);
    diagnostics.push(diagnosticOf(YAML.syntax, { file, position: toPos(offset) }, message));
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
    diagnostics.push(diagnosticOf(LOAD.controlCharacter, { file, position: toPos(at) }, count, codePointName(value, bad)));
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
      throw new StopLoading({ ...messageOf(LOAD.alias), position: node.range ? toPos(node.range[0]) : undefined });
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      const seen = new Set<string>();
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const keyPos = keyNode?.range ? toPos(keyNode.range[0]) : undefined;
        if (keyNode !== null && !isScalar(keyNode)) {
          throw new StopLoading({ ...messageOf(YAML.syntax, yamlErrorMessage('NON_STRING_KEY', '')), position: keyPos });
        }
        const key = isScalar(keyNode) ? printable(String(keyNode.value ?? ''), keyNode) : '';
        if (seen.has(key)) {
          duplicates.push(diagnosticOf(YAML.duplicateKey, { file, ...(keyPos ? { position: keyPos } : {}) }, key));
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
      if (node.flow) for (const slip of flowListSlips(node)) diagnostics.push({ ...slip, file, position: toPos(slip.offset) });
      return node.items.map((item, i) => convert(item as Node | null, `${pointer}/${i}`, depth + 1, element, false));
    }
    if (isScalar(node)) {
      const value = convertScalar(node, nav.scalarTypes(at));
      if (typeof value !== 'string') return value;
      if (node.range) {
        const location = positions.locations.get(pointer);
        const start = textContentStart(text, node);
        if (location) {
          location.range = [start, node.range[1]];
          if (start !== node.range[0]) location.value = toPos(start);
        }
      }
      for (const slip of scalarSlips(text, node, at, nav)) {
        const { offset, ...rest } = slip;
        diagnostics.push({ ...rest, file, position: toPos(offset) });
      }
      return printable(value, node);
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
