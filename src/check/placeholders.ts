// Placeholders left by `fazhi new-year`: every text that still holds the marker 【待填写】 is an
// error naming it, found in the raw data so that it is listed even while other parts of the file
// (an empty figure, say) do not yet pass the schema: one run shows everything left to do.

import type { Diagnostic } from '../diagnostic.js';
import { PLACEHOLDER } from '../data/placeholder.js';
import { normalizeParagraph } from '../data/text.js';
import { eachString } from '../data/visit.js';
import type { SourceFile } from '../load/index.js';
import { CHECK, messageOf } from '../messages.js';
import { placeAt } from './place.js';

function excerpt(text: string): string {
  const plain = normalizeParagraph(text.replace(PLACEHOLDER, ''));
  return plain.length > 36 ? `${plain.slice(0, 36)}…` : plain;
}

export function findPlaceholders(source: SourceFile): Diagnostic[] {
  const found: { pointer: string; text: string }[] = [];
  eachString(source.data, '', (text, pointer) => {
    if (text.includes(PLACEHOLDER)) found.push({ pointer, text });
  });
  return found
    .map(({ pointer, text }) => ({ ...messageOf(CHECK.placeholder, excerpt(text), PLACEHOLDER), ...placeAt(source, pointer, { snippet: PLACEHOLDER }) }));
}
