// The one way a finding gets its place: the file, and the line and column of the value at a JSON
// pointer (or of its key, or of the words the message is about inside a long text). Rules,
// cross-file checks and the placeholder check report pointers; only this looks positions up.

import type { Position } from '../diagnostic.js';
import type { SourceFile } from '../load/index.js';

export interface PlaceHow {
  /** Point at the key instead of the value (for "this part is empty"). */
  atKey?: boolean;
  /** The words the message is about, as they appear in the text: the line holding them. */
  snippet?: string;
  /** Which appearance of `snippet` in the text (0 = the first). */
  occurrence?: number;
}

export function positionOf(source: SourceFile, pointer: string, how: PlaceHow = {}): Position {
  if (how.atKey) return source.positions.keyAt(pointer);
  if (how.snippet !== undefined) return source.positions.textAt(source.text, pointer, how.snippet, how.occurrence);
  return source.positions.valueAt(pointer);
}

/** `file`, `position` and `pointer` of a Diagnostic about the value at `pointer`. */
export function placeAt(source: SourceFile, pointer: string, how: PlaceHow = {}): { file: string; position: Position; pointer: string } {
  return { file: source.path, position: positionOf(source, pointer, how), pointer };
}
