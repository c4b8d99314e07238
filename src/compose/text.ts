// Last pass over the document model: characters a Word document cannot hold are removed from
// every string, whatever stage or template produced it.

import { stripUnprintable } from '../data/characters.js';
import type { ReportDocument } from './model.js';

/** Every string inside a block (of any kind, present or future) with `stripUnprintable` applied. */
function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return stripUnprintable(value) as T;
  if (Array.isArray(value)) return value.map(cleanStrings) as T;
  // Only plain data is rebuilt; anything else (bytes of an image, say) is passed through.
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanStrings(v)])) as T;
  }
  return value;
}

/**
 * Every text of the document model, cleaned of characters that would make the .docx corrupt.
 * The loader already removes them from the data (with a warning); this last pass also covers
 * text that comes from a user's template and the document properties (title, author).
 */
export function cleanDocument(doc: ReportDocument): ReportDocument {
  return cleanStrings(doc);
}
