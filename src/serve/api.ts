// What the workbench's server and its page say to each other (JSON). Types only: the browser
// code (web/) imports them too, so both sides agree on every field.

import type { Severity } from '../diagnostic.js';

export type FileKind = 'district' | 'department' | 'town' | 'roster' | 'other';

export interface FileEntry {
  /** Path inside the served folder, with "/" separators; absent for a roster unit without a report. */
  path?: string;
  /** Shown name: the unit's name when known, else the file name. */
  label: string;
  kind: FileKind;
  /** The year folder the file belongs to, e.g. "示例区/2024". */
  group: string;
  errors: number;
  warnings: number;
  /** A unit on the roster whose report is not there (缺报). */
  missing?: boolean;
}

export interface FileList {
  root: string;
  files: FileEntry[];
}

export interface OpenedFile {
  path: string;
  text: string;
  /** Fingerprint of the bytes on disk, sent back on save to notice changes made meanwhile. */
  version: string;
  /** Line ends the file had: kept on save. */
  crlf: boolean;
  /** Whether the file began with a UTF-8 byte order mark (Notepad's "UTF-8 with BOM"): kept on save. */
  bom: boolean;
  /** Encoding detected; a file that was not UTF-8 is saved as UTF-8 (the UI says so). */
  encoding: string;
}

export interface ClientDiagnostic {
  severity: Severity;
  message: string;
  ruleId: string;
  /** Path as `fazhi validate` prints it (relative to the working folder). */
  file: string;
  /** Whether the diagnostic is about the file being edited (else another file: roster, last year). */
  here: boolean;
  line?: number;
  column?: number;
}

/** One line of the page preview: where it sits on the grid and what it says. */
export interface PreviewLine {
  /** Grid line on the page, 0-based (22 per page). */
  line: number;
  /** Style: body, title, doc-number, h1…h4, addressee, attachment, signature. */
  style: string;
  /** Text pieces; `strong` for bold run-in leads. */
  runs: { text: string; strong?: boolean }[];
  /** Offset from the left edge of the 版心, in characters of the body grid. */
  left?: number;
  /** Offset from the right edge, for right-aligned lines. */
  right?: number;
  center?: boolean;
}

export interface PreviewTable {
  line: number;
  label: string;
  title: string;
  columns: string[];
  rows: string[][];
}

export interface PreviewPage {
  number: number;
  lines: PreviewLine[];
  tables: PreviewTable[];
  /** 版记 lines as printed (compose's final strings: “抄送：…。”, “…印发”). */
  colophon?: { copyTo?: string; printedBy?: string; printedOn?: string };
  /** No page number: a blank page before the 版记 page, and that page (GB/T 9704 §7.5). */
  unnumbered?: boolean;
}

export interface Preview {
  title: string;
  pages: PreviewPage[];
  linesPerPage: number;
  charsPerLine: number;
  /** Page geometry in millimetres (A4 and the 版心) and the page number's form. */
  page: { widthMm: number; heightMm: number; top: number; left: number; right: number; bottom: number; footerMm: number };
  pageNumber: { prefix: string; suffix: string; sideChars: number };
}

export interface CheckResponse {
  diagnostics: ClientDiagnostic[];
  /** Rolled-up figures: value, source reports and those lacking the figure, one sentence each. */
  rollup?: string[];
  /** Milliseconds the server spent checking. */
  timing: { checkMs: number };
}

export interface PagesResponse {
  /** Present when the text has no errors and composes; otherwise the last good pages stay shown. */
  preview?: Preview;
  /** Problems found only while composing (a template's), when there were any. */
  diagnostics?: ClientDiagnostic[];
  timing: { pagesMs: number };
}

export interface SaveResponse {
  version: string;
  files: FileList;
}

export interface ProblemResponse {
  /** One Chinese sentence for the user. */
  message: string;
  /** Save refused because the file changed on disk since it was opened. */
  conflict?: boolean;
}
