// Source positions: where each value of the data stands in the file. Only the load stage knows
// positions; later stages report JSON pointers, and this index turns them into line:column.

import type { Position } from '../diagnostic.js';

export interface NodeLocation {
  value: Position;
  /** Position of the key, for values held in a map. */
  key?: Position;
  /**
   * For text values: the source offsets [start, end) of the characters that make up the text,
   * so that a message about a word inside a long paragraph can point at that word's line.
   */
  range?: [number, number];
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

  /**
   * The position of `snippet` inside the text value at `pointer`: its `occurrence`-th appearance
   * (0-based) in the source of that value. A long `>-` paragraph spans many lines; a message
   * about one reference in it belongs on the line that holds the reference. Falls back to the
   * value's own position when the snippet is not found as written (it may be broken across
   * two lines in the source).
   */
  textAt(sourceText: string, pointer: string, snippet: string, occurrence = 0): Position {
    const range = this.locations.get(pointer)?.range;
    if (range && snippet !== '') {
      let at = sourceText.indexOf(snippet, range[0]);
      for (let n = 0; n < occurrence && at >= 0; n++) at = sourceText.indexOf(snippet, at + snippet.length);
      if (at >= 0 && at + snippet.length <= range[1]) return positionIn(sourceText, at);
    }
    return this.valueAt(pointer);
  }
}

/** Line and column of an offset, as the yaml library counts them (1-based, UTF-16 units). */
export function positionIn(text: string, offset: number): Position {
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
export function positionAt(lineStarts: readonly number[], offset: number): Position {
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

/** Line `line` (1-based) of the text as `text.split(/\r?\n/)` would give it, or ''. */
export function lineOf(text: string, line: number): string {
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
