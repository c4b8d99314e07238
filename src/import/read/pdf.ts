// A PDF's text layer, read with Mozilla's PDF.js (pdfjs-dist, legacy build for Node) in a worker
// thread: the library is an ES module (the bundled CLI is a script and cannot import it), and a
// hostile PDF then costs a bounded heap and a bounded time, not the command. The positioned text
// pieces come back to this thread, which puts them in reading order and joins lines into
// paragraphs by their indents and ends.

import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserError } from '../../diagnostic.js';
import { PACKAGE_ROOT } from '../../paths.js';
import { IMPORT_LIMITS } from '../limits.js';

/** A piece of text placed on the page (PDF units, origin at the bottom left). */
export interface PdfPiece {
  s: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

type WorkerAnswer = { pages: PdfPiece[][]; numPages: number } | { error: string; password?: boolean };

// Runs inside the worker (CommonJS script): loads the library by URL and sends every page's pieces.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const pdfjs = await import(workerData.library);
  const task = pdfjs.getDocument({ data: workerData.bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false });
  const doc = await task.promise;
  const pages = [];
  const count = Math.min(doc.numPages, workerData.maxPages);
  for (let p = 1; p <= count; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    pages.push(content.items.filter((i) => typeof i.str === 'string' && i.str !== '').map((i) => ({ s: i.str, x: i.transform[4], y: i.transform[5], w: i.width, h: i.height || Math.abs(i.transform[3]) })));
    page.cleanup();
  }
  parentPort.postMessage({ pages, numPages: doc.numPages });
  await doc.destroy();
})().catch((e) => parentPort.postMessage({ error: String(e && e.message || e), password: !!(e && e.name === 'PasswordException') }));
`;

function libraryUrl(): string {
  const require = createRequire(path.join(PACKAGE_ROOT, 'package.json'));
  return pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
}

export async function readPdfPieces(bytes: Uint8Array, shown: string): Promise<{ pages: PdfPiece[][]; numPages: number }> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { library: libraryUrl(), bytes, maxPages: IMPORT_LIMITS.maxPdfPages },
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
    stdout: true,
    stderr: true,
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const answer = await new Promise<WorkerAnswer>((resolve, reject) => {
      timer = setTimeout(() => reject(new UserError(`读取 PDF“${shown}”超过 ${IMPORT_LIMITS.convertMs / 1000} 秒未完成，已停止；文件可能已损坏。`)), IMPORT_LIMITS.convertMs);
      worker.once('message', resolve);
      worker.once('error', (err) => reject(new UserError(`无法读取 PDF“${shown}”：${err.message.includes('memory') ? '文件过于复杂，超出了内存上限' : '文件可能已损坏'}。`)));
      worker.once('exit', () => reject(new UserError(`无法读取 PDF“${shown}”：文件可能已损坏。`)));
    });
    if ('error' in answer) {
      if (answer.password) throw new UserError(`PDF“${shown}”设有打开密码，无法读取。请用不带密码的版本，或从网页复制报告文字。`);
      throw new UserError(`无法读取 PDF“${shown}”：文件可能已损坏或不是 PDF（${answer.error.slice(0, 80)}）。`);
    }
    return answer;
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}

interface VisualLine {
  text: string;
  x0: number;
  x1: number;
  size: number;
}

/** Page furniture printed on every page: 页码 such as “— 1 —”, “- 2 -”, “第 3 页”, “3/12”. */
const PAGE_NUMBER = /^(?:[—\-－–]\s*\d{1,4}\s*[—\-－–]|\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;

function pageLines(pieces: readonly PdfPiece[]): VisualLine[] {
  const sorted = [...pieces].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; pieces: PdfPiece[] }[] = [];
  for (const p of sorted) {
    const tolerance = Math.max(2, (p.h || 10) * 0.4);
    const line = lines.find((l) => Math.abs(l.y - p.y) <= tolerance);
    if (line) line.pieces.push(p);
    else lines.push({ y: p.y, pieces: [p] });
  }
  lines.sort((a, b) => b.y - a.y);
  const out: VisualLine[] = [];
  for (const l of lines) {
    l.pieces.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    let size = 0;
    for (const p of l.pieces) {
      size = Math.max(size, p.h);
      // A wide gap between pieces on one line (a table, 署名 and date side by side) is a space.
      if (text && p.x - end > Math.max(p.h, 8) * 1.5) text += '  ';
      text += p.s;
      end = Math.max(end, p.x + p.w);
    }
    const visible = l.pieces.filter((p) => p.s.trim() !== '');
    if (visible.length === 0) continue;
    out.push({ text, x0: visible[0]!.x, x1: Math.max(...visible.map((p) => p.x + p.w)), size });
  }
  return out.filter((l) => !PAGE_NUMBER.test(l.text.trim()));
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

/**
 * Visual lines → paragraphs. The body's left edge is the most common line start and its right
 * edge the most common line end: a line that starts to the right of the edge (a first-line
 * indent, a centred title, a right-aligned 署名) begins a paragraph, and so does the line after one
 * that stops short of the right edge or is printed in another size.
 */
export function pdfParagraphs(pages: readonly (readonly PdfPiece[])[]): string[] {
  const lines = pages.flatMap(pageLines);
  if (lines.length === 0) return [];
  // The left edge is where continuation lines start: the leftmost start shared by several lines.
  // Not the most common start: in a report of short paragraphs most lines are first lines,
  // indented, and taking their start for the edge would join every paragraph to the next.
  const lineStarts = new Map<number, number>();
  for (const l of lines) lineStarts.set(Math.round(l.x0), (lineStarts.get(Math.round(l.x0)) ?? 0) + 1);
  const shared = [...lineStarts.entries()].filter(([, n]) => n >= Math.max(2, lines.length * 0.05)).map(([x]) => x);
  const left = shared.length ? Math.min(...shared) : mode(lines.map((l) => l.x0));
  const right = mode(lines.filter((l) => l.x1 > left + 100).map((l) => l.x1));
  const out: string[] = [];
  let previous: VisualLine | undefined;
  for (const line of lines) {
    const em = line.size || 12;
    const starts =
      !previous ||
      line.x0 > left + em * 0.8 ||
      previous.x1 < right - em * 1.5 ||
      Math.abs(previous.size - line.size) > 1.5 ||
      previous.x0 > left + em * 4;
    if (starts) out.push(line.text);
    else out[out.length - 1] += line.text;
    previous = line;
  }
  return out;
}

export async function pdfToLines(bytes: Uint8Array, shown: string): Promise<string[]> {
  const { pages, numPages } = await readPdfPieces(bytes, shown);
  const paragraphs = pdfParagraphs(pages);
  const characters = paragraphs.reduce((n, p) => n + p.replace(/\s/g, '').length, 0);
  if (numPages > 0 && characters < 20 * Math.min(numPages, 3)) {
    throw new UserError(`PDF“${shown}”没有文字层（共 ${numPages} 页，像是扫描件或图片），无法读取文字。请找到报告的网页版或 Word 版，或先用 OCR 软件识别为文字后再导入。`);
  }
  if (numPages > IMPORT_LIMITS.maxPdfPages) {
    throw new UserError(`PDF“${shown}”有 ${numPages} 页，超过导入的上限 ${IMPORT_LIMITS.maxPdfPages} 页，请检查是否选错了文件。`);
  }
  return paragraphs;
}
