// Dark shapes read from a page picture (pdftoppm, greyscale PGM): where a mark such as the 一字线
// of the page number actually is, which the text boxes of pdftotext do not say.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const DPI = 600;
const MM_PER_PX = 25.4 / DPI;

/**
 * Vertical centre (mm from the page top) of the horizontal strokes at least `minWidthMm` long
 * within the band `fromMm`..`toMm`: for the page number, the 一字线 (digits are narrower).
 */
export function horizontalStrokeCentreMm(pdf: string, page: number, fromMm: number, toMm: number, minWidthMm = 2.5): number | undefined {
  const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-page-'));
  try {
    const base = path.join(dir, 'p');
    const y = Math.floor(fromMm / MM_PER_PX);
    const h = Math.ceil((toMm - fromMm) / MM_PER_PX);
    execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(DPI), '-gray', '-y', String(y), '-H', String(h), '-W', '100000', '-singlefile', pdf, base]);
    const data = readFileSync(`${base}.pgm`);
    // P5 header: magic, width height, maxval, each followed by one whitespace byte.
    const header = data.subarray(0, 64).toString('latin1').match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
    if (!header) throw new Error('not a PGM picture');
    const [width, height] = [Number(header[1]), Number(header[2])];
    const pixels = data.subarray(header[0].length);
    const rows: number[] = [];
    for (let r = 0; r < height; r++) {
      let run = 0;
      let best = 0;
      for (let x = 0; x < width; x++) {
        run = pixels[r * width + x]! < 128 ? run + 1 : 0;
        if (run > best) best = run;
      }
      if (best * MM_PER_PX >= minWidthMm) rows.push(r);
    }
    if (rows.length === 0) return undefined;
    return (y + (rows[0]! + rows.at(-1)! + 1) / 2) * MM_PER_PX;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface InkBand {
  /** Millimetres from the page top. */
  top: number;
  bottom: number;
  /** Widest stretch of ink in one pixel row of the band, in millimetres. */
  widestMm: number;
  /** Leftmost and rightmost ink of the band, in millimetres from the page's left edge. */
  left: number;
  right: number;
}

/**
 * Bands of ink (rows holding ink, separated by blank rows) within `fromMm`..`toMm` of a page, in
 * any dark colour or only in red (the 版头's 发文机关标志 and 分隔线).
 */
export function inkBands(pdf: string, page: number, fromMm: number, toMm: number, colour: 'dark' | 'red' = 'dark'): InkBand[] {
  const dpi = 300;
  const perPx = 25.4 / dpi;
  const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-page-'));
  try {
    const base = path.join(dir, 'p');
    const y = Math.floor(fromMm / perPx);
    const h = Math.ceil((toMm - fromMm) / perPx);
    execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), '-y', String(y), '-H', String(h), '-W', '100000', '-singlefile', pdf, base]);
    const data = readFileSync(`${base}.ppm`);
    const header = data.subarray(0, 64).toString('latin1').match(/^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/);
    if (!header) throw new Error('not a PPM picture');
    const [width, height] = [Number(header[1]), Number(header[2])];
    const px = data.subarray(header[0].length);
    const inked = (i: number): boolean => {
      const [r, g, b] = [px[3 * i]!, px[3 * i + 1]!, px[3 * i + 2]!];
      return colour === 'red' ? r > 150 && g < 90 && b < 90 : r + g + b < 3 * 128;
    };
    const bands: InkBand[] = [];
    let open: InkBand | undefined;
    for (let r = 0; r < height; r++) {
      let run = 0;
      let widest = 0;
      let left = -1;
      let right = -1;
      for (let x = 0; x < width; x++) {
        if (inked(r * width + x)) {
          run += 1;
          if (left < 0) left = x;
          right = x;
        } else run = 0;
        widest = Math.max(widest, run);
      }
      const rowTop = (y + r) * perPx;
      if (left >= 0) {
        if (!open) open = { top: rowTop, bottom: rowTop + perPx, widestMm: 0, left: Infinity, right: 0 };
        open.bottom = rowTop + perPx;
        open.widestMm = Math.max(open.widestMm, widest * perPx);
        open.left = Math.min(open.left, left * perPx);
        open.right = Math.max(open.right, (right + 1) * perPx);
      } else if (open) {
        bands.push(open);
        open = undefined;
      }
    }
    if (open) bands.push(open);
    return bands;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
