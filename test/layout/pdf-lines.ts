// Text lines with positions read back from a PDF by poppler's pdftotext -bbox-layout, in
// millimetres from the top-left corner of the page.
import { execFileSync } from 'node:child_process';

export interface PdfLine {
  page: number;
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface PdfPage {
  number: number;
  widthMm: number;
  heightMm: number;
  lines: PdfLine[];
}

const MM_PER_PT = 25.4 / 72;
const decode = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function readPdfLines(pdfFile: string): PdfPage[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdfFile, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  for (const [i, m] of [...xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].entries()) {
    const lines: PdfLine[] = [];
    for (const l of m[3]!.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const words = [...l[5]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1]!));
      lines.push({
        page: i + 1,
        text: words.join(''),
        left: Number(l[1]) * MM_PER_PT,
        top: Number(l[2]) * MM_PER_PT,
        right: Number(l[3]) * MM_PER_PT,
        bottom: Number(l[4]) * MM_PER_PT,
      });
    }
    lines.sort((a, b) => a.top - b.top || a.left - b.left);
    pages.push({ number: i + 1, widthMm: Number(m[1]) * MM_PER_PT, heightMm: Number(m[2]) * MM_PER_PT, lines });
  }
  return pages;
}
