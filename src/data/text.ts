// Text as typed in YAML → text as printed. Folded YAML (>-) joins lines with a space, which
// is wrong between Chinese characters; a blank line inside a text starts a new paragraph.

import { stripUnprintable } from './characters.js';
import type { Item, Paragraphs } from './report.js';

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

/**
 * An item as the report prints it, without its number: the lead phrase and the text each end
 * with a sentence mark (“加强执法。严格……。”), so items run on one after another read as
 * sentences. The one rule for compose, the task table and next year's carried-over promises.
 */
export function itemText(item: Item): string {
  if (typeof item === 'string') return endSentence(normalizeParagraph(item));
  const text = endSentence(normalizeParagraph(item.text));
  return item.lead ? endSentence(normalizeParagraph(item.lead)) + text : text;
}
