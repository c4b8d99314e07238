// A published report as lines of text, whatever it was saved as: plain text (from a web page or a
// Word file), .docx (read with mammoth, to HTML, with Word's automatic numbers written in first), .doc and .wps (through LibreOffice), PDF (its
// text layer), a saved web page (.html, .mhtml). Block elements become lines and table cells are
// joined with " | ", so later stages see one shape. The kind is found from the bytes, not trusted
// from the name.

import path from 'node:path';
import mammoth from 'mammoth';
import { UserError } from '../../diagnostic.js';
import { IMPORT_LIMITS } from '../limits.js';
import { writeOutNumbering } from './docx-numbering.js';
import { readRegularFile } from './file.js';
import { htmlToLines } from './html.js';
import { looksLikeMhtml, mhtmlPage } from './mhtml.js';
import { decodeImportText } from './text.js';

export type SourceKind = 'text' | 'docx' | 'html' | 'pdf';

export interface SourceLine {
  text: string;
  /** 1-based line (text) or paragraph (docx, html, pdf) of the original, for messages. */
  at: number;
  /** 1-based character of that line where this text begins, when a run-together line was cut. */
  col?: number;
}

export interface Extracted {
  kind: SourceKind;
  lines: SourceLine[];
  /** Notes about reading the file (encoding, conversion), in Chinese. */
  notes: string[];
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/** The lines of a .docx, with Word's automatic numbers written in (mammoth drops them), and notes on numbers it could not reproduce. */
async function docxLines(bytes: Uint8Array, shown: string): Promise<{ lines: string[]; notes: string[] }> {
  let html: string;
  let notes: string[];
  try {
    const numbered = writeOutNumbering(bytes);
    notes = numbered.notes;
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(numbered.bytes.buffer, numbered.bytes.byteOffset, numbered.bytes.length) })).value;
  } catch {
    throw new UserError(`无法读取 Word 文档“${shown}”：文件可能已损坏，或不是 .docx 格式。`);
  }
  return { lines: htmlToLines(html, shown), notes };
}

function numbered(all: string[], shown: string): SourceLine[] {
  const lines = all.map((text, i) => ({ text, at: i + 1 })).filter((l) => l.text.trim() !== '');
  const chars = lines.reduce((n, l) => n + l.text.length, 0);
  if (chars > IMPORT_LIMITS.maxTextChars || lines.length > IMPORT_LIMITS.maxParagraphs) {
    throw new UserError(
      `“${shown}”的文字有 ${lines.length} 段、${chars} 字，超过导入的上限（${IMPORT_LIMITS.maxParagraphs} 段、${IMPORT_LIMITS.maxTextChars} 字）；一份报告通常不到 3 万字，请检查是否选错了文件。`,
    );
  }
  return lines;
}

export async function extract(file: string, shown: string): Promise<Extracted> {
  const ext = path.extname(file).toLowerCase();
  const bytes = readRegularFile(file, shown, IMPORT_LIMITS.maxContainerBytes);
  const isZip = startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
  const isOle = startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const isPdf = startsWith(bytes.subarray(0, 1024).subarray(Math.max(0, bytes.subarray(0, 1024).indexOf(0x25))), [0x25, 0x50, 0x44, 0x46, 0x2d]);
  if (ext === '.docx' && !isZip) {
    throw new UserError(`“${shown}”不是有效的 Word 文档（.docx）${isOle ? '，而是旧版 Word 文件（.doc）：请把扩展名改为 .doc 后再导入' : ''}。`);
  }
  if (isZip) {
    const docx = await docxLines(bytes, shown);
    return { kind: 'docx', lines: numbered(docx.lines, shown), notes: docx.notes };
  }
  if (isOle || ext === '.doc' || ext === '.wps') {
    if (!isOle && !isZip) throw new UserError(`“${shown}”不是有效的 Word 或 WPS 文件，无法导入。`);
    const { officeToDocx } = await import('./office.js');
    const docx = await officeToDocx(bytes, shown, ext === '.wps' ? '.wps' : '.doc');
    const read = await docxLines(docx, shown);
    return { kind: 'docx', lines: numbered(read.lines, shown), notes: ['原文已由 LibreOffice 转换为 .docx 后读取。', ...read.notes] };
  }
  if (isPdf || ext === '.pdf') {
    if (!isPdf) throw new UserError(`“${shown}”不是有效的 PDF 文件，无法导入。`);
    const { pdfToLines } = await import('./pdf.js');
    return { kind: 'pdf', lines: numbered(await pdfToLines(bytes, shown), shown), notes: ['原文是 PDF：按版面位置恢复了段落，请对照原文核对分段。'] };
  }
  const latin = new TextDecoder('latin1').decode(bytes.subarray(0, 4000));
  if (ext === '.mhtml' || ext === '.mht' || looksLikeMhtml(latin)) {
    const html = mhtmlPage(new TextDecoder('latin1').decode(bytes), shown);
    return { kind: 'html', lines: numbered(htmlToLines(html, shown), shown), notes: [] };
  }
  if (bytes.length > IMPORT_LIMITS.maxTextFileBytes) {
    throw new UserError(`“${shown}”有 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过文字和网页文件的导入上限 ${IMPORT_LIMITS.maxTextFileBytes / 1024 / 1024} MB；一份报告通常不到 1 MB，请检查是否选错了文件。`);
  }
  const decoded = decodeImportText(bytes, shown);
  const notes = decoded.note ? [decoded.note] : [];
  const looksHtml = ext === '.html' || ext === '.htm' || /^\s*(<!doctype html|<html[\s>])/i.test(decoded.text.slice(0, 500));
  if (looksHtml) return { kind: 'html', lines: numbered(htmlToLines(decoded.text, shown), shown), notes };
  return { kind: 'text', lines: numbered(decoded.text.split(/\r\n|\r|\n/), shown), notes };
}
