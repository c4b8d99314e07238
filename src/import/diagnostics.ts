// Import's findings as the project's one Diagnostic type. A text file has lines, so a finding
// there has a position (`文件:行:1`); a Word document, PDF or web page has paragraphs, which
// editors cannot jump to: the paragraph is named in the message instead.

import type { Diagnostic } from '../diagnostic.js';
import { messageOf, type MessageKind } from '../messages.js';
import type { SourceKind, SourceLine } from './read/index.js';

export interface ImportDiagnostics {
  readonly list: Diagnostic[];
  /** A finding of this kind (IMPORT in src/messages.ts), at a line of the original when `at` is given. */
  add<A extends readonly unknown[]>(kind: MessageKind<A>, at: number | undefined, ...args: A): void;
  /**
   * “第 3 行” or “第 3 段” (“第 1 行第 523 字” in a run-together line): where a line of the original
   * is, in words; with `offset`, where that character of the piece is (a figure, not its paragraph).
   */
  where(at: number, offset?: number): string;
  /** “第 3 行至第 9 行”, or “第 1 行第 197 字至第 2963 字” within one line. */
  span(from: number, to: number): string;
}

/**
 * `places` says where each numbered piece of text (its `at` after `numberPieces`) is in the
 * original: a line, or for a run-together line cut into paragraphs, a line and a character.
 */
export function importDiagnostics(file: string, kind: SourceKind, places: ReadonlyMap<number, Place> = new Map()): ImportDiagnostics {
  const list: Diagnostic[] = [];
  const byLine = kind === 'text';
  const place = (at: number): Place => places.get(at) ?? { at };
  const words = (at: number, offset = 0): string => {
    const p = place(at);
    const unit = byLine ? '行' : '段';
    return p.col === undefined ? `第 ${p.at} ${unit}` : `第 ${p.at} ${unit}第 ${p.col + offset} 字`;
  };
  return {
    list,
    add(kind, at, ...args) {
      const { severity, ruleId, message } = messageOf(kind, ...args);
      if (at === undefined) list.push({ severity, ruleId, message, file });
      else if (byLine) list.push({ severity, ruleId, message, file, position: { line: place(at).at, column: place(at).col ?? 1 } });
      else list.push({ severity, ruleId, message: `（${words(at).replace(/ /g, '')}）${message}`, file });
    },
    where: (at, offset) => words(at, offset),
    span(from, to) {
      if (to <= from) return words(from);
      const a = place(from);
      const b = place(to);
      if (a.at === b.at && b.col !== undefined) return `${words(from)}至第 ${b.col} 字`;
      return `${words(from)}至${words(to)}`;
    },
  };
}

/** Where a piece of text is in the original: its line or paragraph, and its character when cut from a longer one. */
export interface Place {
  at: number;
  col?: number;
}

/**
 * The pieces numbered 1, 2, 3… in order (what later stages call `at`), with a table back to
 * their place in the original, so that pieces cut from one long line stay apart in messages.
 */
export function numberPieces(lines: readonly SourceLine[]): { lines: SourceLine[]; places: Map<number, Place> } {
  const places = new Map<number, Place>();
  const numbered = lines.map((l, i) => {
    places.set(i + 1, { at: l.at, ...(l.col !== undefined ? { col: l.col } : {}) });
    return { text: l.text, at: i + 1 };
  });
  return { lines: numbered, places };
}
