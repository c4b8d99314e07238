// Closing marks at the end of a line, measured in LibreOffice: a “、” or “。” that falls after the
// 28th character hangs past the 版心 edge (as Word hangs it) and must be drawn there. LibreOffice's
// PDF export used to lay such a mark out and not draw it when the paragraph's right edge was the
// 版心's (the .docx text was complete). Run: npm run test:layout
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fazhi } from '../helpers/cli.js';
import { inkBands } from './page-image.js';
import { readPdfLines, type PdfLine } from './pdf-lines.js';

const LEFT = 28;
const RIGHT = 210 - 26;
const CHAR = 156 / 28;

// 28 characters, none of them a mark, so that a mark after them falls at the line end.
const LINE = '法治政府建设年度报告依法行政决策机制健全规范执法监督体系';
// The item is printed after “一是” and the first-line indent of two characters: 24 characters
// fill its first line. Then whole lines, each followed by a mark.
const MARKS = ['。', '、', '，', '。', '、', '。'];
const ITEM = LINE.slice(0, 24) + '、' + MARKS.map((m, i) => LINE.slice(i % 3) + LINE.slice(0, i % 3) + m).join('') + '完。';

const report = `level: district
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
        - ${ITEM}
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
`;

let dir = '';
let pdf = '';
let lines: PdfLine[] = [];

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'fazhi-punct-'));
  writeFileSync(path.join(dir, 'report.yaml'), report);
  const r = fazhi(['render', path.join(dir, 'report.yaml'), '--pdf', '-o', path.join(dir, 'report.docx')]);
  if (r.code !== 0) throw new Error(`render failed: ${r.stdout}${r.stderr}`);
  pdf = path.join(dir, 'report.pdf');
  lines = readPdfLines(pdf).flatMap((p) => p.lines);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a 、 or 。 at the end of a line', () => {
  it('is in the PDF, every mark in order', () => {
    const text = lines.map((l) => l.text.replace(/\s/g, '')).join('');
    const at = text.indexOf('一是' + ITEM.slice(0, 10));
    expect(at, 'the crafted paragraph is not in the PDF').toBeGreaterThanOrEqual(0);
    const marks = (s: string): string => s.replace(/[^、。，]/g, '');
    expect(marks(text.slice(at, at + 2 + ITEM.length))).toBe(marks(ITEM));
    expect(text.slice(at, at + 2 + ITEM.length)).toBe('一是' + ITEM);
  });

  it('hangs past the 版心 after 28 characters, drawn within the page', () => {
    const hanging = lines.filter((l) => /[、。，]$/.test(l.text) && l.right > RIGHT + 0.5);
    // The first line and every whole line of the item end with a mark.
    expect(hanging.length).toBeGreaterThanOrEqual(MARKS.length + 1);
    for (const l of hanging) {
      const chars = [...l.text.replace(/\s/g, '')];
      if (l.left < LEFT + 1) expect(chars.length - 1, l.text).toBe(28);
      // At most one character into the margin, and inside the page.
      expect(l.right, l.text).toBeLessThanOrEqual(RIGHT + CHAR + 0.5);
      expect(l.right).toBeLessThan(210);
      // Drawn: there is ink right of the 版心 edge on that line.
      const ink = inkBands(pdf, l.page, l.top, l.bottom);
      expect(Math.max(0, ...ink.map((b) => b.right)), `no ink past the 版心 on “${l.text}”`).toBeGreaterThan(RIGHT + 0.5);
    }
  });
});
