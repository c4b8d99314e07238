// Text as typed in YAML → text as printed. Folded YAML (>-) joins lines with a space, which
// is wrong between Chinese characters; a blank line inside a text starts a new paragraph.

import { stripUnprintable } from '../load/characters.js';
import type { Paragraphs } from '../report-data.js';
import type { ReportDocument } from './model.js';

// CJK ideographs, CJK punctuation and full-width forms: no space is ever printed between them.
const WIDE = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f\\u2018-\\u201d\\u2026\\u2014';
const SPACE_BETWEEN_WIDE = new RegExp(`(?<=[${WIDE}])[ \\t]+(?=[${WIDE}])`, 'gu');

/** Remove characters that are not allowed in a Word document (XML 1.0) and stray spaces. */
export function cleanLine(text: string): string {
  return stripUnprintable(text).trim();
}

export function normalizeParagraph(text: string): string {
  const joined = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .reduce((acc, line) => {
      if (acc === '') return line;
      // Keep a space between two Latin words split across lines, none elsewhere.
      return /[A-Za-z0-9]$/.test(acc) && /^[A-Za-z0-9]/.test(line) ? `${acc} ${line}` : acc + line;
    }, '');
  return cleanLine(joined.replace(SPACE_BETWEEN_WIDE, ''));
}

/** A paragraphs value → the paragraphs to print. */
export function paragraphList(value: Paragraphs | undefined): string[] {
  if (value === undefined) return [];
  const list = typeof value === 'string' ? value.split(/\r?\n[ \t]*\r?\n/) : value.flatMap((v) => v.split(/\r?\n[ \t]*\r?\n/));
  return list.map(normalizeParagraph).filter((p) => p !== '');
}

// A closing quote or bracket ends a sentence only after a sentence mark (“……。”); after a word
// (“三项制度”) the sentence still needs its 。.
const SENTENCE_END = /(?:[。！？；：….!?;:]|[。！？…!?][”’）)」』】])$/u;

/** Make sure a sentence ends with punctuation before the next item is run on after it. */
export function endSentence(text: string): string {
  return SENTENCE_END.test(text) ? text : `${text}。`;
}

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
