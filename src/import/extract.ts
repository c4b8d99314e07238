// A published report as lines of text, whatever it was saved as: plain text (from a web page or a
// Word file), a .docx (read with mammoth, to HTML), or a saved web page. Block elements become
// lines and table cells are joined with " | ", so later stages see one shape.

import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { parse, HTMLElement, TextNode, type Node } from 'node-html-parser';
import { UserError } from '../diagnostic.js';
import { decodeText } from '../load/decode.js';

export type SourceKind = 'text' | 'docx' | 'html';

export interface SourceLine {
  text: string;
  /** 1-based line (text) or paragraph (docx, html) of the original, for messages. */
  at: number;
}

export interface Extracted {
  kind: SourceKind;
  lines: SourceLine[];
  /** Notes about reading the file (encoding), in Chinese. */
  notes: string[];
}

/** Largest file read: a scraped page or a Word report is well under this. */
const MAX_BYTES = 30 * 1024 * 1024;

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody',
  'thead', 'tfoot', 'tr', 'ul', 'caption', 'title', 'option', 'select', 'button', 'label', 'textarea',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'canvas', 'input', 'img']);

/** HTML → text lines: blocks end lines, <br> breaks, cells joined by " | ". */
export function htmlToLines(html: string): string[] {
  const root = parse(html, { comment: false, blockTextElements: { pre: true } });
  let out = '';
  const visit = (node: Node, inPre: boolean): void => {
    if (node instanceof TextNode) {
      out += inPre ? node.text : node.text.replace(/[ \t\r\n\f]+/g, ' ');
      return;
    }
    if (!(node instanceof HTMLElement)) return;
    const tag = node.rawTagName?.toLowerCase() ?? '';
    if (SKIP.has(tag)) return;
    if (tag === 'br') {
      out += '\n';
      return;
    }
    if (tag === 'td' || tag === 'th') {
      out += ' | ';
      for (const child of node.childNodes) visit(child, inPre);
      return;
    }
    const block = BLOCK.has(tag);
    if (block) out += '\n';
    for (const child of node.childNodes) visit(child, inPre || tag === 'pre');
    if (block) out += '\n';
  };
  visit(root, false);
  // Inside a cell, paragraphs stay on the row's line; a row's leading " | " is dropped.
  return out
    .split('\n')
    .map((l) => l.replace(/^\s*\|\s*/, '').replace(/\s*\|\s*$/, ''))
    .filter((l) => l.trim() !== '');
}

export async function extract(file: string): Promise<Extracted> {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new UserError(`“${file}”是一个文件夹，请指定要导入的报告文件。`, 2);
    size = stat.size;
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`找不到“${file}”，请检查路径和文件名。`);
  }
  if (size > MAX_BYTES) throw new UserError(`“${file}”有 ${(size / 1024 / 1024).toFixed(1)} MB，超过上限 30 MB，请检查是否选错了文件。`);
  const bytes = readFileSync(file);
  const ext = path.extname(file).toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (ext === '.docx' || isZip) {
    if (!isZip) throw new UserError(`“${file}”不是有效的 Word 文档（.docx）。如果是旧版 .doc 文件，请在 Word 或 WPS 中另存为 .docx 后再导入。`);
    let html: string;
    try {
      html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    } catch {
      throw new UserError(`无法读取 Word 文档“${file}”：文件可能已损坏，或不是 .docx 格式。`);
    }
    return { kind: 'docx', lines: htmlToLines(html).map((text, i) => ({ text, at: i + 1 })), notes: [] };
  }
  if (ext === '.doc') throw new UserError(`不支持旧版 Word 文件（.doc）。请在 Word 或 WPS 中把“${file}”另存为 .docx 后再导入。`, 2);
  const decoded = decodeText(new Uint8Array(bytes), file);
  if ('severity' in decoded) throw new UserError(`无法读取“${file}”：${decoded.message}`);
  const notes = decoded.encoding === 'gb18030' ? ['原文是 GBK（GB18030）编码，已正确读取。'] : [];
  const looksHtml = ext === '.html' || ext === '.htm' || /^\s*(<!doctype html|<html[\s>])/i.test(decoded.text.slice(0, 500));
  if (looksHtml) return { kind: 'html', lines: htmlToLines(decoded.text).map((text, i) => ({ text, at: i + 1 })), notes };
  const lines = decoded.text
    .split(/\r\n|\r|\n/)
    .map((text, i) => ({ text, at: i + 1 }))
    .filter((l) => l.text.trim() !== '');
  return { kind: 'text', lines, notes };
}
