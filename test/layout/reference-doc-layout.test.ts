// `--reference-doc` measured in LibreOffice: an office template whose 正文 has 固定值 30 磅 line
// spacing (21 lines on the 225 mm 版心 instead of 22) and a centred “- N -” page number. The
// example is rendered with it, converted to PDF and read back with poppler: the lines stand
// 30 pt apart, a full page holds 21 of them, and the page number sits in the middle of the 版心.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fazhi, ROOT } from '../helpers/cli.js';
import { readDocx } from '../helpers/docx.js';
import { GB_SECTION, pageField, part, wordTemplate } from '../helpers/word-template.js';
import { readPdfLines, type PdfLine, type PdfPage } from './pdf-lines.js';

const OUT = path.join(ROOT, 'output', 'layout-reference-doc');
const EXAMPLE = path.join(ROOT, 'data', '示例区', '2024', 'report.yaml');
const LEFT = 28;
const RIGHT = 210 - 26;
const BOTTOM = 297 - 35;
const PITCH = (30 / 72) * 25.4; // 固定值 30 磅
const isPageNumber = (l: PdfLine): boolean => /^-\d+-$/.test(l.text.replace(/\s/g, ''));
/** Lines of the text (not the page number, not the taller 2号 title lines). */
const textLines = (p: PdfPage): PdfLine[] => p.lines.filter((l) => !isPageNumber(l) && l.top < BOTTOM && l.bottom - l.top < 9);

let pages: PdfPage[] = [];
/** The pages of the text, up to the 成文日期 (the 附表 after it are set in their own row heights). */
const textPages = (): PdfPage[] => {
  const datePage = pages.findLast((p) => p.lines.some((l) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(l.text)))!.number;
  return pages.filter((p) => p.number <= datePage);
};

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const template = path.join(OUT, '行距30磅 模板.docx');
  writeFileSync(
    template,
    wordTemplate({
      styles:
        '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:pPr><w:spacing w:line="600" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/></w:pPr>' +
        '<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:style>',
      section: GB_SECTION,
      footers: { default: part('ftr', pageField('- ', ' -', '<w:rFonts w:ascii="宋体" w:eastAsia="宋体" w:hAnsi="宋体"/><w:sz w:val="28"/>', '<w:jc w:val="center"/>')) },
    }),
  );
  const r = fazhi(['render', EXAMPLE, '--reference-doc', template, '--pdf', '-o', path.join(OUT, 'report.docx')]);
  if (r.code !== 0) throw new Error(`render failed: ${r.stdout}${r.stderr}`);
  expect(r.stdout).toContain('正文行距为固定值 30 磅，即每行 30 磅，每面 21 行');
  pages = readPdfLines(path.join(OUT, 'report.pdf'));
}, 600_000);

describe('a template with 固定值 30 磅 line spacing and a centred page number, in LibreOffice', () => {
  it('sets consecutive text lines 30 pt apart (whole multiples where a blank line stands between)', () => {
    let gaps = 0;
    for (const p of textPages()) {
      const lines = textLines(p);
      for (let i = 1; i < lines.length; i++) {
        const gap = lines[i]!.bottom - lines[i - 1]!.bottom;
        const steps = gap / PITCH;
        // Within 0.15 mm: the standard's 28.95 pt would be 0.37 mm short on every line.
        expect(Math.abs(gap - Math.round(steps) * PITCH), `page ${p.number}: “${lines[i]!.text.slice(0, 10)}” ${steps.toFixed(3)} lines below the one before`).toBeLessThan(0.15);
        expect(Math.round(steps)).toBeGreaterThanOrEqual(1);
        if (Math.round(steps) === 1) gaps += 1;
      }
    }
    expect(gaps).toBeGreaterThan(30);
  });

  it('runs a full page to 21 lines, not 22, within the 225 mm 版心', () => {
    const spans = textPages().map((p) => {
      const lines = textLines(p);
      if (lines.length === 0) return 0;
      const height = lines.at(-1)!.bottom - lines[0]!.bottom;
      expect(Math.abs(height - Math.round(height / PITCH) * PITCH), `page ${p.number}`).toBeLessThan(0.3);
      return Math.round(height / PITCH) + 1;
    });
    // Page 1 starts below the title (taller lines, left out): the pages after it run from line 1.
    for (const [i, span] of spans.entries()) expect(span, `page ${i + 1}`).toBeLessThanOrEqual(21);
    expect(spans.slice(1, -1).filter((s) => s === 21).length).toBeGreaterThan(0);
    for (const p of textPages().slice(1)) {
      const lines = textLines(p);
      if (lines.length > 0) expect(lines.at(-1)!.bottom).toBeLessThan(BOTTOM + 0.5);
    }
  });

  it('prints “- N -” centred under the 版心 on odd and even pages', () => {
    expect(pages.length).toBeGreaterThan(2);
    for (const p of pages) {
      const numbers = p.lines.filter(isPageNumber);
      expect(numbers, `page ${p.number}`).toHaveLength(1);
      const n = numbers[0]!;
      expect(n.text.replace(/\D/g, '')).toBe(String(p.number));
      expect(Math.abs((n.left + n.right) / 2 - (LEFT + RIGHT) / 2), `page ${p.number}`).toBeLessThan(1.5);
    }
  });
});

describe('a report saved again by LibreOffice, as the template', () => {
  it('gives no warning and the same document as the report itself', async () => {
    const dir = path.join(OUT, 'roundtrip');
    mkdirSync(dir, { recursive: true });
    const report = path.join(dir, 'report.docx');
    expect(fazhi(['render', EXAMPLE, '-o', report]).code).toBe(0);
    // LibreOffice writes its own styles.xml, theme, settings and footers (as a clerk's “save as” would).
    const saved = path.join(dir, 'saved');
    execFileSync('soffice', ['--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', saved, report], { stdio: 'ignore', timeout: 120_000 });
    const again = path.join(dir, 'again.docx');
    const r = fazhi(['render', EXAMPLE, '--reference-doc', path.join(saved, 'report.docx'), '-o', again]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).not.toContain('警告');
    const [a, b] = await Promise.all([readDocx(readFileSync(report)), readDocx(readFileSync(again))]);
    expect(b.document).toBe(a.document);
    expect(b.styles).toBe(a.styles);
    expect(b.footers).toEqual(a.footers);
  }, 180_000);
});
