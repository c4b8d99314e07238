// Bounds on what `fazhi import` reads and builds, so that no file can make it hang or exhaust
// memory: the text limits are the YAML loader's (the imported file must load again), the
// container limit leaves room for the pictures a .docx, PDF or saved page carries.

import { LOAD_LIMITS } from '../load/limits.js';

export const IMPORT_LIMITS = {
  /** Plain text and web pages: the data loader's own file limit (a report's text is ~30 KB). */
  maxTextFileBytes: LOAD_LIMITS.maxFileBytes,
  /** .docx, .pdf, .doc, .wps, .mhtml: they hold pictures and fonts besides the text. */
  maxContainerBytes: 30 * 1024 * 1024,
  /**
   * Text extracted from any of them, in characters: a Chinese character takes 3 bytes in the
   * written data file, which must stay under the loader's limit (a report has about 30 000).
   */
  maxTextChars: Math.floor(LOAD_LIMITS.maxFileBytes / 4),
  /** The data file written: the loader's limit, so that it loads again. */
  maxOutputBytes: LOAD_LIMITS.maxFileBytes,
  /** Paragraphs (lines) of the text; each becomes at least one value of the data file. */
  maxParagraphs: LOAD_LIMITS.maxNodes,
  /**
   * Deepest nesting of a web page's elements once inline formatting is dropped. Real pages stay
   * under 100; the HTML parser's cost grows with the square of the depth (30 000 ≈ 1 s).
   */
  maxHtmlDepth: 30_000,
  /** PDF pages read; a report has 5 to 30. */
  maxPdfPages: 500,
  /** Time given to LibreOffice (.doc, .wps) and to the PDF reader, in milliseconds. */
  convertMs: 120_000,
} as const;
