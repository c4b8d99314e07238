// GB/T 9704 §7.5 measured in LibreOffice on a report whose text ends in a table that fills an
// even page: the 版记 goes to the next even page, the odd page between stays blank, and neither
// that blank page nor the 版记 page carries a page number; the pages before keep "— N —".
// (The examples cover a text that ends in the 署名; layout.test.ts.) Run: npm run test:layout
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colophonBreaks } from '../../src/layout/paginate.js';
import { GBT9704 } from '../../src/layout/profile.js';
import { renderValidated, validateText } from '../../src/pipeline.js';
import { fazhi } from '../helpers/cli.js';
import { inkBands } from './page-image.js';
import { readPdfLines, type PdfPage } from './pdf-lines.js';

const LEFT = 28;
const RIGHT = 210 - 26;
const BOTTOM = 297 - 35;
const CHAR_4HAO = (14 / 72) * 25.4;

const head = `level: district
year: 2024
unit:
  name: 测试区人民政府
  short: 测试区
recipients:
  - 测试市人民政府
measures:
  groups:
    - heading: 健全依法决策机制
      items:
        - 全年审议重大行政决策事项5项。
shortcomings:
  intro: 基层执法力量仍然不足。
duties:
  intro: 区政府主要负责人带头学法。
plans:
  items:
    - 完善行政执法协调监督工作体系。
signatories:
  - 测试区人民政府
date: 2025-01-15
copy_to: [测试市委依法治市办]
printed_by: 测试区人民政府办公室
printed_date: 2025-01-16
attachments:
  - title: 测试区2024年行政执法典型案例
    tables:
      - columns: [序号, 案件, 处理结果]
        rows:
`;
const withRows = (n: number): string => head + Array.from({ length: n }, (_, i) => `          - [${i + 1}, 某某案件, 已处理]\n`).join('');

let dir = '';
let pages: PdfPage[] = [];
let pdf = '';

beforeAll(async () => {
  // The fewest rows for which the table ends the text on a full even page (the page estimate
  // the writer uses): found, not written down, so the test follows the estimate.
  let text = '';
  for (let n = 1; n < 80 && !text; n++) {
    const { document } = await renderValidated(validateText(withRows(n), 'r.yaml'));
    const blocks = document!.blocks;
    const colophon = blocks.find((b) => b.kind === 'colophon')!;
    if (colophonBreaks(blocks, colophon, GBT9704).breaks === 2 && blocks[blocks.indexOf(colophon) - 1]!.kind === 'table') text = withRows(n);
  }
  if (!text) throw new Error('no row count puts the table at the end of a full even page');
  dir = mkdtempSync(path.join(os.tmpdir(), 'fazhi-blank-'));
  writeFileSync(path.join(dir, 'report.yaml'), text);
  const r = fazhi(['render', path.join(dir, 'report.yaml'), '--pdf', '-o', path.join(dir, 'report.docx')]);
  if (r.code !== 0) throw new Error(`render failed: ${r.stdout}${r.stderr}`);
  pdf = path.join(dir, 'report.pdf');
  pages = readPdfLines(pdf);
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const isPageNumber = (text: string): boolean => /^—\d+—$/.test(text.replace(/\s/g, ''));

describe('a text ending in a table on a full even page', () => {
  it('leaves the next odd page blank and puts the 版记 on the even page after it', () => {
    expect(pages.length % 2).toBe(0);
    const [blank, last] = pages.slice(-2);
    expect(blank!.lines, `page ${blank!.number}`).toHaveLength(0);
    expect(last!.lines.some((l) => l.text.endsWith('印发'))).toBe(true);
  });

  it('numbers neither the blank page nor the 版记 page, and every page before — N — on its side', () => {
    const [blank, last] = pages.slice(-2);
    expect(last!.lines.filter((l) => isPageNumber(l.text))).toHaveLength(0);
    for (const p of [blank!, last!]) expect(inkBands(pdf, p.number, BOTTOM + 2, 297 - 5), `ink in the footer of page ${p.number}`).toHaveLength(0);
    for (const p of pages.slice(0, -2)) {
      const numbers = p.lines.filter((l) => isPageNumber(l.text));
      expect(numbers, `page ${p.number}`).toHaveLength(1);
      expect(numbers[0]!.text.replace(/\D/g, '')).toBe(String(p.number));
      if (p.number % 2 === 1) expect(RIGHT - numbers[0]!.right).toBeCloseTo(CHAR_4HAO, 0);
      else expect(numbers[0]!.left - LEFT).toBeCloseTo(CHAR_4HAO, 0);
    }
  });
});
