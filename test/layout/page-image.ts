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
