// GB/T 9704 layout, measured in a real office suite: every example report is rendered, converted
// to PDF by LibreOffice and read back with poppler (pdftotext -bbox-layout). Run: npm run test:layout
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fazhi, ROOT } from '../helpers/cli.js';
import { readDocx } from '../helpers/docx.js';
import { horizontalStrokeCentreMm, inkBands } from './page-image.js';
import { readPdfLines, type PdfLine, type PdfPage } from './pdf-lines.js';

const OUT = path.join(ROOT, 'output', 'layout');
const DATA = path.join(ROOT, 'data');
const reports = readdirSync(DATA, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.yaml') && path.basename(f) !== 'units.yaml') // the roster is not a report
  .sort();

// The 版心 (GB/T 9704 §5.2.1) and its grid (§5.2.3), in millimetres.
const TOP = 37;
const LEFT = 28;
const RIGHT = 210 - 26;
const BOTTOM = 297 - 35;
const PITCH = 225 / 22;
const CHAR = 156 / 28;
const CHAR_4HAO = (14 / 72) * 25.4;

const width = (text: string): number => [...text].reduce((w, ch) => w + (/[\u0020-\u007e]/.test(ch) ? 0.5 : 1), 0);
const isPageNumber = (l: PdfLine): boolean => /^—\d+—$/.test(l.text.replace(/\s/g, ''));
const isOrganLine = (l: PdfLine): boolean => l.left > (LEFT + RIGHT) / 2 - 20 && !/[。：；，]$/.test(l.text);
const isDate = (l: PdfLine): boolean => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(l.text);
const isAttachmentLabel = (l: PdfLine): boolean => /^附(件\d*|表)$/.test(l.text);
const isHeading = (l: PdfLine): boolean => /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)/.test(l.text);
const pdfOf = (report: string): string => path.join(OUT, report.replace(/\.yaml$/, ''), 'report.pdf');
/** Grid slot of a body line: 0 for the first line of the 版心 … 21 for the last. */
const slot = (l: PdfLine): number => (l.bottom - (TOP + PITCH)) / PITCH;

const rendered = new Map<string, PdfPage[]>();
/** Reports whose 版记 page follows a blank page (at least one example must have one). */
const blankBeforeColophon: string[] = [];

/**
 * The pages that must carry no page number (§7.5): a blank page before the 版记 page, and that
 * page. A page is blank when pdftotext finds no text on it but a page number.
 */
function unnumberedPages(all: PdfPage[]): number[] {
  const last = all.at(-1);
  const before = all.at(-2);
  if (!last || !before || !last.lines.some((l) => l.text.endsWith('印发'))) return [];
  return before.lines.every(isPageNumber) ? [before.number, last.number] : [];
}

beforeAll(() => {
  for (const tool of ['pdftotext', 'pdftoppm']) {
    try {
      execFileSync(tool, ['-v'], { stdio: 'ignore' });
    } catch {
      throw new Error(`${tool} (poppler-utils) is needed for the layout tests`);
    }
  }
  rmSync(OUT, { recursive: true, force: true });
  for (const report of reports) {
    const dir = path.join(OUT, report.replace(/\.yaml$/, ''));
    mkdirSync(dir, { recursive: true });
    const r = fazhi(['render', path.join(DATA, report), '--pdf', '-o', path.join(dir, 'report.docx')]);
    if (r.code !== 0) throw new Error(`render ${report} failed: ${r.stdout}${r.stderr}`);
    const pdf = path.join(dir, 'report.pdf');
    // A picture of every page, for a person to look at.
    execFileSync('pdftoppm', ['-r', '60', '-png', pdf, path.join(dir, 'page')]);
    rendered.set(report, readPdfLines(pdf));
  }
}, 600_000);

describe.each(reports)('%s', (report) => {
  const pages = (): PdfPage[] => rendered.get(report)!;
  const bodyLines = (p: PdfPage): PdfLine[] => p.lines.filter((l) => !isPageNumber(l) && l.top < BOTTOM);
  /** The page holding the 成文日期: the text runs from page 1 to it; attachments follow. */
  const datePage = (): number => pages().findLast((p) => bodyLines(p).some(isDate))!.number;
  const textPages = (): PdfPage[] => pages().filter((p) => p.number <= datePage());

  it('is A4', () => {
    for (const p of pages()) {
      expect(p.widthMm).toBeCloseTo(210, 0);
      expect(p.heightMm).toBeCloseTo(297, 0);
    }
  });

  it('starts the text at 28 mm from the left and the first line band at 37 mm from the top', () => {
    for (const p of textPages()) {
      const lines = bodyLines(p);
      if (lines.length === 0) continue;
      expect(Math.min(...lines.map((l) => l.left))).toBeGreaterThan(LEFT - 1);
      const first = lines[0]!;
      if (first.top > TOP + PITCH) continue; // the 版记-only page starts lower
      expect(first.bottom - PITCH).toBeGreaterThan(TOP - 1);
      expect(first.bottom - PITCH).toBeLessThan(TOP + 1);
    }
    const flushLeft = textPages().flatMap(bodyLines).filter((l) => l.left < LEFT + 1);
    expect(flushLeft.length).toBeGreaterThan(10);
    for (const l of flushLeft) expect(l.left).toBeCloseTo(LEFT, 0);
  });

  it('sets every line on the grid of 22 lines', () => {
    for (const p of textPages()) {
      for (const s of bodyLines(p).map(slot)) {
        expect(Math.abs(s - Math.round(s)), `page ${p.number}: line off the grid (slot ${s.toFixed(2)})`).toBeLessThan(0.15);
        expect(Math.round(s)).toBeGreaterThanOrEqual(0);
        expect(Math.round(s)).toBeLessThanOrEqual(21);
      }
    }
  });

  it('runs every page followed by more text to grid line 22, unless the next page opens with a heading', () => {
    // Read as a reader would: the text runs from page 1 to the 成文日期, then each attachment. A
    // page is full when its last line sits in the last grid slot, blank lines counted.
    const all = textPages();
    let checked = 0;
    for (let i = 0; i + 1 < all.length; i++) {
      const here = bodyLines(all[i]!);
      const next = bodyLines(all[i + 1]!);
      const last = here.at(-1);
      if (!last || next.length === 0) continue;
      // Where the text ends by rule: the 署名 block, the end of an attachment, the 版记 page.
      if (isDate(last) || isAttachmentLabel(next[0]!) || next.some((l) => l.text.endsWith('印发'))) continue;
      checked += 1;
      if (isHeading(next[0]!)) continue;
      // §7.3.5.4: when 紧排 cannot bring the 署名 back, its last paragraph (a short closing line)
      // moves to the 署名's page with it.
      if (all[i + 1]!.number === datePage() && next.filter((l) => !isOrganLine(l) && !isDate(l) && l.text !== '').length <= 3 && next.length <= 8) continue;
      expect(Math.round(slot(last)), `page ${all[i]!.number} ends on line ${Math.round(slot(last)) + 1}: “${last.text}”`).toBe(21);
    }
    if (all.length > 3) expect(checked).toBeGreaterThan(0);
  });

  it('fits exactly 28 characters on every full body line (30 in a paragraph set 紧排)', async () => {
    const docx = await readDocx(readFileSync(pdfOf(report).replace(/\.pdf$/, '.docx')));
    const condensed = docx.paragraphs.filter((p) => /<w:spacing w:val="-30"\/>/.test(p.xml)).map((p) => p.text.replace(/\s/g, ''));
    const lines = textPages().flatMap(bodyLines);
    let checked = 0;
    lines.forEach((l, i) => {
      if (!(l.left < LEFT + 1 && l.right > RIGHT - 1)) return;
      checked += 1;
      // A closing mark may hang past the edge (as Word and WPS allow); it is not counted.
      const text = l.right > RIGHT + 0.5 ? l.text.replace(/[，。、；：？！]$/, '') : l.text;
      // The line always fills the 版心 (justified).
      expect(l.right - l.left).toBeGreaterThan(RIGHT - LEFT - 1);
      const tight = condensed.some((c) => c.includes(l.text.replace(/\s/g, '')));
      const perLine = tight ? 30 : 28;
      expect(width(text), text).toBeLessThanOrEqual(perLine);
      const next = lines[i + 1]?.text ?? '';
      // 禁则: a mark that may not start a line takes the character before it to the next line.
      const pulled = /^.?[）》”’」』】…—]/u.test(next) ? 1 : 0;
      // Numbers do not break; the PDF's stand-in font sets digits wider than 仿宋_GB2312's half
      // width, so a number may move down where Word would keep it: only pure lines are counted.
      if (/^[^\u0020-\u007e]+$/.test(text) && !/^[\u0020-\u007e]/.test(next)) expect(width(text) + pulled, `${text}|${next.slice(0, 3)}`).toBe(perLine);
    });
    expect(checked).toBeGreaterThan(10);
  });

  it('prints — N — with its 一字线 7 mm below the text block, right on odd pages and left on even pages', () => {
    const unnumbered = unnumberedPages(pages());
    for (const p of pages()) {
      if (unnumbered.includes(p.number)) continue;
      const numbers = p.lines.filter(isPageNumber);
      expect(numbers, `page ${p.number}`).toHaveLength(1);
      const n = numbers[0]!;
      expect(n.text.replace(/\D/g, '')).toBe(String(p.number));
      if (p.number % 2 === 1) expect(RIGHT - n.right).toBeCloseTo(CHAR_4HAO, 0);
      else expect(n.left - LEFT).toBeCloseTo(CHAR_4HAO, 0);
    }
    // §7.5 measures the dash itself (at mid-height of the digits), not the line box: 262 + 7 mm.
    for (const page of [1, 2]) {
      const dash = horizontalStrokeCentreMm(pdfOf(report), page, BOTTOM + 2, BOTTOM + 14);
      expect(dash, `page ${page}: no 一字线 found`).toBeDefined();
      expect(Math.abs(dash! - (BOTTOM + 7)), `page ${page}: 一字线 at ${dash!.toFixed(2)} mm`).toBeLessThanOrEqual(0.5);
    }
  });

  it('numbers neither a blank page before the 版记 nor that 版记 page (GB/T 9704 §7.5)', () => {
    const all = pages();
    const unnumbered = unnumberedPages(all);
    if (unnumbered.length === 0) return;
    blankBeforeColophon.push(report);
    const [blank, colophon] = unnumbered.map((n) => all[n - 1]!);
    expect(colophon!.number).toBe(all.length);
    expect(blank!.lines, `page ${blank!.number} is not blank`).toHaveLength(0);
    expect(colophon!.lines.filter(isPageNumber)).toHaveLength(0);
    // Nothing drawn in the footer area either (no dash, no digit).
    for (const p of [blank!, colophon!]) expect(inkBands(pdfOf(report), p.number, BOTTOM + 2, 297 - 5), `ink in the footer of page ${p.number}`).toHaveLength(0);
    // The pages before keep their numbers: checked by the — N — test above.
    expect(all.filter((p) => !unnumbered.includes(p.number)).every((p) => p.lines.some(isPageNumber))).toBe(true);
  });

  it('centres the title', () => {
    const first = pages()[0]!;
    const titleLines = first.lines.filter((l) => l.bottom - l.top > 9); // 2号 lines are taller
    expect(titleLines.length).toBeGreaterThan(0);
    for (const l of titleLines) expect((l.left + l.right) / 2).toBeCloseTo((LEFT + RIGHT) / 2, 0);
  });

  it('places 署名 and 成文日期 by the rule without seal', () => {
    const all = pages().flatMap(bodyLines);
    const dateIndex = all.findLastIndex((l) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(l.text));
    expect(dateIndex).toBeGreaterThan(0);
    const date = all[dateIndex]!;
    const organs: PdfLine[] = [];
    for (let i = dateIndex - 1; i >= 0 && all[i]!.left > (LEFT + RIGHT) / 2 - 20 && !/[。：]$/.test(all[i]!.text); i--) organs.unshift(all[i]!);
    expect(organs.length).toBeGreaterThan(0);
    const organLeft = Math.min(...organs.map((o) => o.left));
    const organRight = Math.max(...organs.map((o) => o.right));
    // The date's first character two characters right of the 署名's first character, and whichever
    // ends further right stands 右空二字. Tolerance: the PDF's stand-in font sets digits about 0.6
    // characters wide where 仿宋_GB2312 sets them at half width, so a date is up to a character wider.
    expect(Math.abs((date.left - organLeft) / CHAR - 2)).toBeLessThan(1.2);
    expect(Math.abs((RIGHT - Math.max(organRight, date.right)) / CHAR - 2)).toBeLessThan(1.2);
    expect(Math.abs((RIGHT - organRight) / CHAR - 2) < 0.3 || Math.abs((RIGHT - date.right) / CHAR - 2) < 0.3).toBe(true);
  });

  it('keeps the 署名 and 成文日期 on a page that carries body text (GB/T 9704 §7.3.5.4)', () => {
    const lines = bodyLines(pages()[datePage() - 1]!);
    const date = lines.findLastIndex(isDate);
    let first = date;
    while (first > 0 && isOrganLine(lines[first - 1]!)) first--;
    // Above the 署名 block: text other than the 附件说明 (which starts “附件：” and may wrap).
    const above = lines.slice(0, first).filter((l) => !/^附件：/.test(l.text) && !(l.left > LEFT + 3 * CHAR));
    expect(above.length, `page ${datePage()} holds only the 署名 block`).toBeGreaterThan(0);
  });

  it('prints every attachment named in 附件说明 on a new page after the 署名: 附件 top left, the title centred on line 3', () => {
    const named = textPages().flatMap(bodyLines).some((l) => l.text.startsWith('附件：'));
    const starts = pages().filter((p) => p.number > datePage() && isAttachmentLabel(bodyLines(p)[0] ?? ({ text: '' } as PdfLine)));
    if (!named) {
      expect(starts).toHaveLength(0);
      return;
    }
    expect(starts.length).toBeGreaterThan(0);
    expect(starts[0]!.number).toBe(datePage() + 1);
    for (const p of starts) {
      const [label, title] = bodyLines(p);
      expect(label!.left).toBeCloseTo(LEFT, 0);
      expect(Math.abs(Math.round(slot(label!)))).toBe(0);
      expect((title!.left + title!.right) / 2).toBeCloseTo((LEFT + RIGHT) / 2, 0);
      expect(title!.bottom - label!.bottom).toBeGreaterThan(1.5 * PITCH);
    }
  });

  it('places the 发文字号 of a 上行文 居左空一字, and a 版头 by GB/T 9704 §7.2 when the data has one', () => {
    const first = bodyLines(pages()[0]!);
    const docNumber = first.find((l) => /〔\d{4}〕\d+号$/.test(l.text) || /〔\d{4}〕\d+号/.test(l.text.split('签发人')[0]!));
    if (!docNumber) return; // no 发文字号 in this report
    expect(docNumber.left - LEFT, '发文字号 居左空一字').toBeCloseTo(CHAR, 0);
    const organ = first.find((l) => l.text.endsWith('文件'));
    if (!organ) return;
    const pdf = pdfOf(report);
    // 发文机关标志: red, centred, its top edge 35 mm below the top of the 版心 (§7.2.4).
    const red = inkBands(pdf, 1, TOP, TOP + 100, 'red');
    const mark = red.find((b) => b.widestMm < 100)!;
    expect(mark, 'no red 发文机关标志').toBeDefined();
    expect(Math.abs(mark.top - (TOP + 35)), `标志 top at ${(mark.top - TOP).toFixed(2)} mm`).toBeLessThanOrEqual(0.5);
    expect((mark.left + mark.right) / 2).toBeCloseTo((LEFT + RIGHT) / 2, 0);
    // 签发人 居右空一字 on the line of the 发文字号 (§7.2.5, §7.2.6).
    const signers = first.find((l) => l.text.includes('签发人：'))!;
    expect(signers, 'no 签发人').toBeDefined();
    expect(Math.abs(signers.bottom - docNumber.bottom)).toBeLessThan(0.5);
    expect(RIGHT - signers.right, '签发人 居右空一字').toBeCloseTo(CHAR, 0);
    // The red 分隔线: as wide as the 版心, 4 mm below the 发文字号 (§7.2.7).
    const rule = red.find((b) => b.widestMm > 150)!;
    expect(rule, 'no red 分隔线').toBeDefined();
    expect(rule.widestMm).toBeCloseTo(156, 0);
    const ink = inkBands(pdf, 1, docNumber.top - 1, rule.top - 0.05, 'dark').at(-1)!;
    expect(Math.abs(rule.top - ink.bottom - 4), `分隔线 ${(rule.top - ink.bottom).toFixed(2)} mm below the 发文字号`).toBeLessThanOrEqual(0.5);
  });

  it('never leaves one character alone on the last line of a wrapped heading', () => {
    const lines = textPages().flatMap(bodyLines);
    lines.forEach((l, i) => {
      const next = lines[i + 1];
      if (!next || !isHeading(l) || l.right < RIGHT - 1) return;
      expect(width(next.text.replace(/[，。、；：？！]$/, '')), `heading “${l.text}” leaves “${next.text}” alone`).toBeGreaterThan(1);
    });
  });

  it('puts the 版记 at the bottom of the last page, an even page', () => {
    const last = pages().at(-1)!;
    expect(last.number % 2).toBe(0);
    const printed = last.lines.find((l) => l.text.endsWith('印发'));
    expect(printed).toBeDefined();
    expect(printed!.bottom).toBeGreaterThan(BOTTOM - 1.5);
    expect(printed!.bottom).toBeLessThan(BOTTOM + 0.5);
    expect(RIGHT - printed!.right).toBeCloseTo(CHAR_4HAO, 0);
  });
});

describe('the examples', () => {
  it('include a report whose 版记 page follows a blank page', () => {
    expect(blankBeforeColophon.length).toBeGreaterThan(0);
  });
});
