// `fazhi import` on the shapes published reports take (report-rules.md, “Shapes seen in published
// reports”): five parts in order, the first responsible person first or folded into the measures,
// slogan headings, the eight systems of the 2021–2025 纲要, the areas of the 2015–2020 纲要, a flat
// list 1.…8., items numbered 1、 and （1）, a street office's three parts, a joint report, a
// department's report closing 以上报告。 Each report is written for these tests, for fictional
// units (test/fixtures/import/shapes/*.txt), with what its author knows about it (.expect.json):
// its unit, level, year, which standard part each section is, its sub-headings and items.
// Every report is imported from every format a clerk has it in (.txt with its line breaks, run
// together with nothing or full-width spaces between paragraphs, a Word file, the same Word file
// with its heading numbers made by Word's automatic numbering (as the docx library and as WPS
// write it, see import-docx-numbering.test.ts), a portal's page and
// that page saved as .mhtml, the PDF LibreOffice makes of the Word file) and must come back the
// same: the same parts, groups and items, ≥ 99% of the characters in order, its punctuation,
// nothing it does not say.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importReport } from '../src/import/index.js';
import { renderFile, validateText } from '../src/pipeline.js';
import type { PartKey } from '../src/data/report.js';
import { findSoffice } from '../src/platform/soffice.js';
import { fazhi, ROOT, scratchDir } from './helpers/cli.js';
import { autoNumberedDocx, wpsNumberedDocx, mhtml, officePdfs, paragraphsOf, plainDocx, portalPage, punctuation, shape, textLines, type PartNode } from './helpers/import-formats.js';
import { keptInOrder, lcsLength } from './helpers/text-compare.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'import', 'shapes');
const DEFAULT_ORDER: PartKey[] = ['measures', 'shortcomings', 'duties', 'plans', 'other'];
const SOFFICE = findSoffice();

interface ExpectedPart {
  key: PartKey;
  /** The part's （一） headings, in order. */
  groups: string[];
  /** Sub-headings at every depth. */
  allGroups: number;
  /** Items (一是……) at every depth. */
  items: number;
}

interface Expected {
  title: string;
  unit: string;
  party?: string;
  level: string;
  year: number;
  doc_number?: string;
  recipients?: string[];
  signatories?: string[];
  date: string;
  closing?: string;
  printed_by?: string;
  printed_date?: string;
  parts: ExpectedPart[];
  /** Warnings import must give (rule ids). */
  warnings: string[];
  /** Words that must be in one of import's messages. */
  messages?: string[];
  /** Last year's promises new-year lists under the measures, and shortcomings it lists for 整改情况. */
  promises: number;
  rectifications: number;
  /** Share of the punctuation kept where the data cannot print it, measured (a part heading run into its text loses its 。). */
  punctuation?: number;
}

type Data = Record<string, unknown> & { imported?: { part_order?: PartKey[]; absent?: string[] } };

const NAMES = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.expect.json'))
  .map((f) => f.replace(/\.expect\.json$/, ''))
  .sort();
const FORMATS = ['lines.txt', 'run-together.txt', 'ideographic-space.txt', 'docx', 'numbered.docx', 'wps.docx', 'html', 'mhtml', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

/**
 * Punctuation that cannot come back, measured: the PDF LibreOffice makes has no glyph for a 、 or
 * 。 at a line's end (see import-formats.test.ts). Everywhere else all of it, but for the 。 that
 * ends a （一） heading run into its paragraph (the data has no run-in （一） heading).
 */
const PUNCTUATION_KEPT: Partial<Record<Format, number>> = { pdf: 0.97 };

const dir = scratchDir();
const original = new Map<string, string[]>();
/** How many headings and items of each report the auto-numbered Word file numbers with Word's numbering. */
const autoNumbered = new Map<string, number>();

beforeAll(async () => {
  const docxFiles: string[] = [];
  for (const name of NAMES) {
    const lines = textLines(path.join(FIXTURES, `${name}.txt`));
    original.set(name, lines);
    const base = path.join(dir, name);
    mkdirSync(base);
    writeFileSync(path.join(base, 'report.lines.txt'), lines.join('\r\n'));
    writeFileSync(path.join(base, 'report.run-together.txt'), lines.join(''));
    writeFileSync(path.join(base, 'report.ideographic-space.txt'), lines.join('\u3000\u3000'));
    writeFileSync(path.join(base, 'report.html'), portalPage(lines));
    writeFileSync(path.join(base, 'report.mhtml'), mhtml(portalPage(lines)));
    writeFileSync(path.join(base, 'report.docx'), await plainDocx(lines));
    const auto = await autoNumberedDocx(lines);
    autoNumbered.set(name, auto.numbered);
    writeFileSync(path.join(base, 'report.numbered.docx'), auto.docx);
    writeFileSync(path.join(base, 'report.wps.docx'), wpsNumberedDocx(lines).docx);
    docxFiles.push(path.join(base, 'report.docx'));
  }
  if (SOFFICE) {
    officePdfs(SOFFICE, docxFiles.map((f, i) => {
      // One run for all: each file needs its own name in the shared output folder.
      const named = path.join(dir, `${NAMES[i]}.docx`);
      writeFileSync(named, readFileSync(f));
      return named;
    }), path.join(dir, 'pdf'));
    for (const name of NAMES) writeFileSync(path.join(dir, name, 'report.pdf'), readFileSync(path.join(dir, 'pdf', `${name}.pdf`)));
  }
}, 300_000);

/**
 * A paragraph without its heading number: numbers are the document's own (GB/T 9704 numbers its
 * levels 一、（一）1.（1）), so “1、” comes back as “1.” and a flat list's “1.” as “（一）”; the
 * structure they stand for is compared part by part instead.
 */
const unnumbered = (texts: readonly string[]) => texts.map((t) => t.replace(/^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、](?!\d(?!\d{3}年)))/, ''));
const closingOf = (texts: readonly string[]) => texts.filter((t) => /^(特此报告|以上报告)/.test(t));
const count = (texts: readonly string[], value: string) => texts.filter((t) => t === value).length;

describe.each(NAMES)('%s', (name) => {
  const expected = JSON.parse(readFileSync(path.join(FIXTURES, `${name}.expect.json`), 'utf8')) as Expected;

  it('is a realistic report: 1 500–5 000 characters, numbered as its author says', () => {
    const text = readFileSync(path.join(FIXTURES, `${name}.txt`), 'utf8').replace(/\s/g, '');
    expect(text.length).toBeGreaterThanOrEqual(1500);
    expect(text.length).toBeLessThanOrEqual(5000);
  });

  it.each(FORMATS)('imports from .%s with its unit, parts, groups and items, and renders keeping its text', async (format: Format) => {
    if (format === 'pdf' && !SOFFICE) return; // LibreOffice is absent: no PDF can be made here (CI installs it).
    const file = path.join(dir, name, `report.${format}`);
    // The Word file whose numbers are Word's automatic numbering must number something for the case to mean anything.
    if (format === 'numbered.docx' || format === 'wps.docx') expect(autoNumbered.get(name)).toBeGreaterThan(0);
    const result = await importReport(file, { label: path.basename(file), schemaRef: '../schema/report.schema.json', today: { year: 2026, month: 3, day: 1 } });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const data = parse(result.yaml) as Data;
    const yamlFile = path.join(dir, name, `${format}.yaml`);
    writeFileSync(yamlFile, result.yaml);

    expect(data.title).toBe(expected.title);
    expect(data.unit).toEqual({ name: expected.unit, short: expect.any(String), ...(expected.party ? { party: expected.party } : {}) });
    expect(data.level).toBe(expected.level);
    expect(data.year).toBe(expected.year);
    expect(data.doc_number).toBe(expected.doc_number);
    expect(data.recipients).toEqual(expected.recipients);
    expect(data.signatories).toEqual(expected.signatories);
    expect(data.date).toBe(expected.date);
    expect(data.closing).toBe(expected.closing);
    expect(data.printed_by).toBe(expected.printed_by);
    expect(data.printed_date).toBe(expected.printed_date);
    const absent = [...(expected.closing ? [] : ['closing']), ...(expected.signatories ? [] : ['signatories'])];
    expect(data.imported?.absent ?? []).toEqual(absent);

    // Which standard part each section is, in the original's order, with its groups and items.
    const order = data.imported?.part_order ?? DEFAULT_ORDER.filter((k) => data[k] !== undefined);
    expect(order).toEqual(expected.parts.map((p) => p.key));
    for (const part of expected.parts) {
      const node = data[part.key] as PartNode;
      const headings = (node.groups ?? []).map((g) => String(g.heading).replace(/\s+/g, ''));
      // Run together with nothing between paragraphs, a heading without a full stop does not say
      // where it ends: it must begin as the original's does (the rest of its text is kept, below).
      if (format === 'run-together.txt') expect(headings.map((h, i) => h.slice(0, part.groups[i]?.length)), part.key).toEqual(part.groups);
      else expect(headings, part.key).toEqual(part.groups);
      expect(shape(node), part.key).toEqual({ groups: part.allGroups, items: part.items });
    }
    const rules = result.diagnostics.map((d) => d.ruleId);
    for (const rule of expected.warnings) expect(rules, rule).toContain(rule);
    for (const words of expected.messages ?? []) expect(result.diagnostics.map((d) => d.message).join('\n')).toContain(words);

    const checked = validateText(result.yaml, yamlFile).diagnostics;
    expect(checked.filter((d) => d.severity === 'error')).toEqual([]);
    expect(checked.filter((d) => d.ruleId === 'numbered-text')).toEqual([]);

    // What the user gets: the document keeps the text in order and its punctuation, and says nothing the original does not.
    const rendered = await renderFile(yamlFile);
    expect(rendered.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const after = await paragraphsOf(rendered.docx!);
    const before = original.get(name)!;
    expect(keptInOrder(unnumbered(before).join('\n'), unnumbered(after).join('\n'))).toBeGreaterThanOrEqual(0.99);
    const p = punctuation(unnumbered(before).join(''));
    expect(lcsLength(p, punctuation(unnumbered(after).join(''))) / p.length).toBeGreaterThanOrEqual(Math.min(PUNCTUATION_KEPT[format] ?? 0.99, expected.punctuation ?? 0.99));
    expect(closingOf(after)).toEqual(closingOf(before));
    for (const organ of [expected.unit, ...(expected.party ? [expected.party] : [])]) expect(count(after, organ), organ).toBe(count(before, organ));
  }, 60_000);

  it('drafts next year from it: every promise and shortcoming to report on, nothing else to fill in', () => {
    const work = path.join(dir, name, 'next');
    mkdirSync(work, { recursive: true });
    const from = path.join(work, 'report.yaml');
    expect(fazhi(['import', path.join(FIXTURES, `${name}.txt`), '-o', from]).code).toBe(0);
    const r = fazhi(['new-year', from, '-o', path.join(work, 'next.yaml')]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const text = readFileSync(path.join(work, 'next.yaml'), 'utf8');
    const next = parse(text) as Data;
    expect(next.year).toBe(expected.year + 1);
    expect((next.unit as { name: string }).name).toBe(expected.unit);
    expect(next.title).toBe(expected.title.replace(String(expected.year), String(expected.year + 1)));
    const flat = JSON.stringify(next).replace(/\s+/g, '');
    expect(flat.match(new RegExp(`${expected.year}年报告提出的安排：`, 'g')) ?? []).toHaveLength(expected.promises);
    expect(flat.match(new RegExp(`${expected.year}年报告所列不足：`, 'g')) ?? []).toHaveLength(expected.rectifications);
    // Validate lists what is left to fill in (the placeholders, the emptied date and figures), and nothing else is an error.
    const v = fazhi(['validate', path.join(work, 'next.yaml')]);
    expect(v.code).toBe(1);
    const errors = v.stdout.split('\n').filter((l) => / 错误 /.test(l));
    expect(errors.filter((l) => l.includes('尚未填写'))).not.toEqual([]);
    expect(errors.filter((l) => !/尚未填写|没有填写内容/.test(l))).toEqual([]);
  }, 60_000);
});
