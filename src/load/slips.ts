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
import type { Severity } from '../diagnostic.js';
import { positionIn } from './positions.js';
import type { JsonSchema, SchemaNavigator } from './schema-types.js';

export interface Slip {
  severity: Severity;
  ruleId: string;
  message: string;
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
      slips.push({
        severity: 'error',
        ruleId: 'load/swallowed-item',
        message: `这一行“${excerpt(line)}”以“- ”开头，像是一个新的列表项，但它比上面第 ${above} 行的“- ”缩进得多，被并入了那一项的文字（文档中会出现“ - ”，序号也会少一个）。请让两行的“- ”对齐；如果它确实是上一项文字的一部分，请给整段文字加上引号。`,
        offset: i,
      });
    } else if (KEY_LINE.test(line)) {
      const key = line.slice(0, line.indexOf(':'));
      const above = positionIn(text, start).line;
      slips.push({
        severity: 'error',
        ruleId: 'load/swallowed-key',
        message: `这一行“${excerpt(line)}”像是键“${key}”，但它比第 ${above} 行的文字缩进得多，被并入了那段文字。请让它与同一层级的其他键对齐；如果它确实是文字的一部分，请给整段文字加上引号。`,
        offset: i,
      });
    }
  }

  // A comment right after free text on the same line.
  if (nodeEnd > valueEnd) {
    const after = text.slice(valueEnd, nodeEnd);
    const hash = after.indexOf('#');
    const lineBreak = after.indexOf('\n');
    if (hash >= 0 && (lineBreak < 0 || hash < lineBreak) && !DELIBERATE_COMMENT.test(after) && isFreeText(nav, at)) {
      const dropped = after.slice(hash, lineBreak < 0 ? undefined : lineBreak).replace(/\r$/, '');
      slips.push({
        severity: 'warning',
        ruleId: 'load/comment-in-text',
        message: `“${excerpt(dropped, 30)}”被当作注释（“#”前有空格时，从“#”起到行末都是注释），没有进入文档。如果它是正文的一部分，请给整段文字加上引号，例如 "…${excerpt(dropped, 8)}"；如果确是说明，请在“#”前空两格、后空一格。`,
        offset: valueEnd + hash,
      });
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
    slips.push({
      severity: 'warning',
      ruleId: 'load/full-width-comma-in-list',
      message: `方括号中的“${excerpt(value, 30)}”是一项：各项之间要用英文逗号“,”分隔，中文逗号“，”不起分隔作用。如果这是几项，请把“，”改为“,”；如果确是一项，请给它加上引号。`,
      offset: item.range[0] + comma,
    });
  }
  return slips;
}
