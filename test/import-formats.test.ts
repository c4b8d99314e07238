// `fazhi import` on every example report in every format a clerk has: the report rendered from
// data/示例区 by the tool itself (.docx, the web page, the PDF made by LibreOffice) and its text
// copied as plain text, with its line breaks and with none (paragraphs separated by a space, a
// full-width space or nothing, as portals publish it). Each import must bring back the same report:
// the same parts, the same numbers of sub-headings and items in each, ≥ 99% of the characters in
// order and ≥ 99% of the punctuation. PDF cases need LibreOffice (soffice); where it is absent they
// are skipped and the skip is named in the test's title.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importReport } from '../src/import/index.js';
import { renderFile, validateText } from '../src/pipeline.js';
import type { PartKey } from '../src/data/report.js';
import { findSoffice } from '../src/platform/soffice.js';
import { fazhi, ROOT } from './helpers/cli.js';
import { mhtml, paragraphsOf, punctuation, shape, type PartNode } from './helpers/import-formats.js';
import { countUnits, sectionsOf } from './helpers/structure.js';
import { keptInOrder, lcsLength } from './helpers/text-compare.js';

// The examples as import can give them back: import does not read a 版头 or the attachment pages
// generated after the 署名 (the 2024 example attaches its figures table, the 司法局 example has a
// 版头), so the copy leaves those two out; the text, numbers and parts are the examples'.
const COPY = mkdtempSync(path.join(os.tmpdir(), 'fazhi-import-examples-'));
cpSync(path.join(ROOT, 'data'), path.join(COPY, 'data'), { recursive: true });
const DATA = path.join(COPY, 'data', '示例区');
for (const file of readdirSync(DATA, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'))) {
  const at = path.join(DATA, file);
  const text = readFileSync(at, 'utf8');
  const plain = text
    .replace(/^(#[^\n]*\n)*metrics_table:[^\n]*\n/m, '')
    .replace(/^(#[^\n]*\n)*letterhead:\n( {2}[^\n]*\n)+/m, '')
    .replace(/^signers:\n( {2}[^\n]*\n)+/m, '');
  if (plain !== text) writeFileSync(at, plain);
}
const PARTS: PartKey[] = ['measures', 'shortcomings', 'duties', 'plans', 'other'];
const SOFFICE = findSoffice();

function exampleReports(): string[] {
  const out: string[] = [];
  for (const year of ['2023', '2024']) {
    const dir = path.join(DATA, year);
    out.push(path.join(dir, 'report.yaml'));
    for (const sub of ['departments', 'towns']) {
      try {
        for (const f of readdirSync(path.join(dir, sub)).filter((n) => n.endsWith('.yaml')).sort()) out.push(path.join(dir, sub, f));
      } catch {
        // a year without sub-reports
      }
    }
  }
  return out;
}

type Node = PartNode;
type Data = Record<string, unknown>;

/**
 * Punctuation that cannot come back, measured: the PDF LibreOffice makes from the .docx has no
 * glyph for a 、 or 。 that falls at a line's end (it is missing from the page itself, see
 * pdftotext). Everywhere else all of it: text run together with nothing between paragraphs keeps
 * its headings apart from their first sentences too (structure/heading-end.ts).
 */
const PUNCTUATION_KEPT: Partial<Record<Format, number>> = { pdf: 0.97 };

const REPORTS = exampleReports();
const FORMATS = ['lines.txt', 'space.txt', 'ideographic-space.txt', 'run-together.txt', 'docx', 'html', 'mhtml', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

describe('every example report imports back from every format', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fazhi-import-formats-'));
  const original = new Map<string, string[]>();

  beforeAll(async () => {
    for (const [i, report] of REPORTS.entries()) {
      const base = path.join(dir, `r${i}`);
      mkdirSync(base);
      const r = fazhi(['render', report, '-o', path.join(base, 'report.docx'), '--html', ...(SOFFICE ? ['--pdf'] : [])]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const paragraphs = await paragraphsOf(readFileSync(path.join(base, 'report.docx')));
      original.set(report, paragraphs);
      writeFileSync(path.join(base, 'report.lines.txt'), paragraphs.join('\r\n'));
      writeFileSync(path.join(base, 'report.space.txt'), paragraphs.join(' '));
      writeFileSync(path.join(base, 'report.ideographic-space.txt'), paragraphs.join('\u3000\u3000'));
      writeFileSync(path.join(base, 'report.run-together.txt'), paragraphs.join(''));
      writeFileSync(path.join(base, 'report.mhtml'), mhtml(readFileSync(path.join(base, 'report.html'), 'utf8')));
    }
  }, 240_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(COPY, { recursive: true, force: true });
  });

  const cases = REPORTS.flatMap((report, i) => FORMATS.map((format) => [path.relative(COPY, report), format, i] as const));
  it.each(cases)('%s as .%s', async (report, format: Format, i) => {
    if (format === 'pdf' && !SOFFICE) {
      // LibreOffice is absent: the PDF cannot be made here (CI installs it, see .ci/run).
      return;
    }
    const example = parse(readFileSync(path.join(COPY, report), 'utf8')) as Data;
    const file = path.join(dir, `r${i}`, `report.${format}`);
    const result = await importReport(file, { label: path.basename(file), schemaRef: '../schema/report.schema.json', today: { year: 2026, month: 3, day: 1 } });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const imported = parse(result.yaml) as Data;
    const yamlFile = path.join(dir, `r${i}`, `${format}.yaml`);
    writeFileSync(yamlFile, result.yaml);
    const checked = validateText(result.yaml, yamlFile).diagnostics;
    expect(checked.filter((d) => d.severity === 'error')).toEqual([]);
    // The tool's own warning about hand-typed numbers never fires on what import wrote.
    expect(checked.filter((d) => d.ruleId === 'numbered-text')).toEqual([]);

    // The same data: title, unit, year, date, and each part with as many sub-headings and items.
    expect(imported.title ?? imported.unit).toBeDefined();
    expect(imported.year).toBe(example.year);
    expect((imported.unit as { name: string }).name).toBe((example.unit as { name: string }).name);
    expect(imported.level).toBe(example.level);
    if (example.date) expect(imported.date).toBe(String(example.date).replace(/^(\d{4})-0?(\d{1,2})-0?(\d{1,2})$/, '$1年$2月$3日'));
    for (const key of PARTS) expect(shape(imported[key] as Node), key).toEqual(shape(example[key] as Node));

    // What the user gets: the document rendered from the imported file keeps the text and its punctuation.
    const rendered = await renderFile(yamlFile);
    expect(rendered.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const after = await paragraphsOf(rendered.docx!);
    const before = original.get(path.join(COPY, report))!;
    expect(keptInOrder(before.join('\n'), after.join('\n'))).toBeGreaterThanOrEqual(0.99);
    const p = punctuation(before.join(''));
    expect(lcsLength(p, punctuation(after.join(''))) / p.length).toBeGreaterThanOrEqual(PUNCTUATION_KEPT[format] ?? 0.99);
    expect(sectionsOf(after).sections.map((s) => countUnits(s.paragraphs))).toEqual(sectionsOf(before).sections.map((s) => countUnits(s.paragraphs)));
  }, 60_000);

  it.runIf(SOFFICE)('imports an old Word file (.doc) and the same bytes as a WPS file (.wps, a name with a space) through LibreOffice', async () => {
    const docx = path.join(dir, 'r0', 'report.docx');
    execFileSync(SOFFICE!, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'doc', '--outdir', path.join(dir, 'doc'), docx], { timeout: 120_000 });
    const r = fazhi(['import', 'report.doc', '-o', 'doc.yaml'], path.join(dir, 'doc'));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('LibreOffice 转换');
    const data = parse(readFileSync(path.join(dir, 'doc', 'doc.yaml'), 'utf8')) as Data;
    const example = parse(readFileSync(REPORTS[0]!, 'utf8')) as Data;
    for (const key of PARTS) expect(shape(data[key] as Node), key).toEqual(shape(example[key] as Node));

    // A WPS 文字 file (.wps) holds the same binary format as Word 97's .doc; LibreOffice tells it by
    // its content, so the same bytes under a .wps name must come back alike.
    copyFileSync(path.join(dir, 'doc', 'report.doc'), path.join(dir, 'doc', '往年 报告.wps'));
    const w = fazhi(['import', '往年 报告.wps', '-o', 'wps.yaml'], path.join(dir, 'doc'));
    expect(w.code, w.stdout + w.stderr).toBe(0);
    expect(w.stdout).toContain('LibreOffice 转换');
    const wps = parse(readFileSync(path.join(dir, 'doc', 'wps.yaml'), 'utf8')) as Data;
    for (const key of PARTS) expect(shape(wps[key] as Node), key).toEqual(shape(example[key] as Node));
  }, 180_000);
});
