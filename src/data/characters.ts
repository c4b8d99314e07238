// Characters that can never be part of a report's text. XML 1.0 forbids C0 controls (except
// tab and line breaks), U+FFFE/U+FFFF and unpaired surrogates: one of them makes a .docx that
// Word refuses to open. YAML's "printable" set also excludes DEL and the C1 controls, which in a
// clerk's file only come from a mis-decoded paste; they are removed with the same warning.

const UNPRINTABLE_SOURCE =
  '[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\ufffe\\uffff]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';

const UNPRINTABLE = new RegExp(UNPRINTABLE_SOURCE);
const UNPRINTABLE_ALL = new RegExp(UNPRINTABLE_SOURCE, 'g');

/** Index of the first character that cannot appear in a report, or -1. */
export function firstUnprintable(text: string): number {
  return text.search(UNPRINTABLE);
}

export function stripUnprintable(text: string): string {
  return UNPRINTABLE.test(text) ? text.replace(UNPRINTABLE_ALL, '') : text;
}

export function countUnprintable(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(UNPRINTABLE_ALL)) n += 1;
  return n;
}

/** "U+0007", as editors show such a character. */
export function codePointName(text: string, index: number): string {
  return `U+${text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0')}`;
}
