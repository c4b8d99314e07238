// Parsing with the limits counted on the way: the lexer's tokens are counted (values, nesting)
// before the parser sees them, so a hostile file stops in milliseconds instead of exhausting
// time or the stack. The converter (load-yaml.ts) counts the same limits again on the tree.

import { Composer, Lexer, LineCounter, Parser, YAMLParseError, type Document } from 'yaml';
import type { Diagnostic, Position } from '../diagnostic.js';
import { LOAD, messageOf } from '../messages.js';
import { LOAD_LIMITS } from './limits.js';
import { positionIn } from './positions.js';

export const tooManyValues = (position: Position | undefined): Omit<Diagnostic, 'file'> => ({
  ...messageOf(LOAD.tooManyValues, LOAD_LIMITS.maxNodes),
  ...(position ? { position } : {}),
});

export const tooDeep = (position: Position | undefined): Omit<Diagnostic, 'file'> => ({
  ...messageOf(LOAD.tooDeep, LOAD_LIMITS.maxDepth),
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

export type Parsed =
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
export function parseWithLimits(text: string, lineCounter: LineCounter): Parsed {
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
