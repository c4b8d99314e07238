// Keyboard slips that YAML accepts without complaint but that change what the clerk typed.
// A parser sees valid YAML; the clerk would get a document that silently differs from the file.
// Each slip found here becomes a diagnostic at the exact line, never a quiet change:
//  - a list item indented too far is folded into the plain text of the item above it
//    (“一是……。 - 着力提升……” in the document, “二是” lost);
//  - a `key: value` line indented too far is folded into the text above in the same way;
//  - text after “ #” in a line of free text is a comment and is dropped;
//  - `[中共示例市委，示例市人民政府]`: a full-width comma does not separate the items of a list in
//    brackets, and two recipients become one.

import { isScalar, Scalar, type YAMLSeq } from 'yaml';
import type { Diagnostic } from '../diagnostic.js';
import { LOAD, messageOf } from '../messages.js';
import { positionIn } from './positions.js';
import type { JsonSchema, SchemaNavigator } from './schema-types.js';

/** A keyboard slip YAML accepts silently (messages: LOAD in src/messages.ts). */
export interface Slip extends Pick<Diagnostic, 'severity' | 'ruleId' | 'message'> {
  /** Source offset the message points at. */
  offset: number;
}

/** Text shown in a message: at most `max` characters. */
function excerpt(text: string, max = 20): string {
  const t = text.trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

/**
 * Where the characters of a scalar's text begin. For a block scalar (`>-`, `|`) that is the first
 * character of its first line of content, not the indicator: messages about the text belong on
 * the lines that hold it.
 */
export function textContentStart(text: string, node: Scalar): number {
  const start = node.range?.[0] ?? 0;
  if (node.type !== Scalar.BLOCK_FOLDED && node.type !== Scalar.BLOCK_LITERAL) return start;
  const end = node.range?.[1] ?? text.length;
  const headerEnd = text.indexOf('\n', start);
  if (headerEnd < 0 || headerEnd >= end) return start;
  let i = headerEnd + 1;
  while (i < end && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r')) i++;
  return i < end ? i : start;
}

/** Free text: a string the clerk writes in words, not a code (level), date or other pattern. */
function isFreeText(nav: SchemaNavigator, at: JsonSchema | undefined): boolean {
  const branches = nav.branches(at);
  if (branches.length === 0) return true; // not described by the schema: the schema reports it
  return branches.some((b) => {
    const types = b.type === undefined ? [] : Array.isArray(b.type) ? b.type : [b.type];
    return types.includes('string') && b.enum === undefined && b.pattern === undefined && b.format === undefined && b.const === undefined;
  });
}

// A continuation line that is really a list item (“- 着力…”) or a key (“text: …”).
const ITEM_LINE = /^-(?:[ \t]|$)/;
const KEY_LINE = /^[A-Za-z_][\w-]*:(?:[ \t]|$)/;

/**
 * A deliberate comment after a value is separated as the init skeleton and the README write
 * it: at least two spaces before “#” and one after. “质量 #重点 和效能。” is not: it reads as
 * text that YAML cut off.
 */
const DELIBERATE_COMMENT = /^[ \t]{2,}# /;

export function scalarSlips(text: string, node: Scalar, at: JsonSchema | undefined, nav: SchemaNavigator): Slip[] {
  if (node.type !== Scalar.PLAIN || !node.range) return [];
  const [start, valueEnd, nodeEnd] = node.range;
  const slips: Slip[] = [];

  // Continuation lines of a multi-line plain value.
  for (let nl = text.indexOf('\n', start); nl >= 0 && nl < valueEnd; nl = text.indexOf('\n', nl + 1)) {
    let i = nl + 1;
    while (i < valueEnd && (text[i] === ' ' || text[i] === '\t')) i++;
    const lineEnd = text.indexOf('\n', i);
    const line = text.slice(i, lineEnd < 0 || lineEnd > valueEnd ? valueEnd : lineEnd).replace(/\r$/, '');
    if (ITEM_LINE.test(line)) {
      const above = positionIn(text, start).line;
      slips.push({ ...messageOf(LOAD.swallowedItem, excerpt(line), above), offset: i });
    } else if (KEY_LINE.test(line)) {
      const key = line.slice(0, line.indexOf(':'));
      const above = positionIn(text, start).line;
      slips.push({ ...messageOf(LOAD.swallowedKey, excerpt(line), key, above), offset: i });
    }
  }

  // A comment right after free text on the same line.
  if (nodeEnd > valueEnd) {
    const after = text.slice(valueEnd, nodeEnd);
    const hash = after.indexOf('#');
    const lineBreak = after.indexOf('\n');
    if (hash >= 0 && (lineBreak < 0 || hash < lineBreak) && !DELIBERATE_COMMENT.test(after) && isFreeText(nav, at)) {
      const dropped = after.slice(hash, lineBreak < 0 ? undefined : lineBreak).replace(/\r$/, '');
      slips.push({ ...messageOf(LOAD.commentInText, excerpt(dropped, 30), excerpt(dropped, 8)), offset: valueEnd + hash });
    }
  }
  return slips;
}

/** Items of a `[…]` list that hold a full-width comma: two names typed as one item. */
export function flowListSlips(node: YAMLSeq): Slip[] {
  const slips: Slip[] = [];
  for (const item of node.items) {
    if (!isScalar(item) || item.type !== Scalar.PLAIN || !item.range) continue;
    const value = String(item.value ?? '');
    const comma = value.indexOf('，');
    if (comma < 0) continue;
    slips.push({ ...messageOf(LOAD.fullWidthCommaInList, excerpt(value, 30)), offset: item.range[0] + comma });
  }
  return slips;
}
