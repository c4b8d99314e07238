// The document.xml printer against the docx-library writer it replaces: for every document the
// product writes, the same paragraphs with the same text and the same effective formatting (as
// Word resolves it: defaults, style chain, direct formatting), the same table, row and cell
// properties, the same section properties, and every other part the same once put in schema
// order. Compared by meaning, not bytes: attribute order, run boundaries and empty runs may differ.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { writeDocx as writeLegacy } from '../src/write/docx-legacy/index.js';
import { writeDocx } from '../src/write/docx/index.js';
import { schemaOrder } from '../src/write/docx/schema-order.js';
import { paragraphsOf } from './helpers/docx.js';
import { allDocuments } from './helpers/documents.js';

/** Elements of a property list with sorted attributes, themselves sorted: order-free. */
function canonicalProps(xml: string): string {
  const elements = [...xml.matchAll(/<([\w:]+)((?:\s+[\w:]+="[^"]*")*)\s*(\/>|>([\s\S]*?)<\/\1>)/g)].map((m) => {
    const attrs = [...m[2]!.matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => `${a[1]}=${a[2]}`).sort();
    return `${m[1]}(${attrs.join(',')})${m[4] !== undefined ? `[${canonicalProps(m[4])}]` : ''}`;
  });
  return elements.sort().join(';');
}

/** A paragraph with effective formatting → text and formatting, adjacent runs of equal formatting merged. */
function canonicalParagraph(xml: string, text: string): { text: string; pPr: string; runs: string[] } {
  const pPr = canonicalProps(/<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(xml)?.[1] ?? '');
  const runs: { rPr: string; text: string }[] = [];
  for (const r of xml.matchAll(/<w:r><w:rPr>([\s\S]*?)<\/w:rPr>([\s\S]*?)<\/w:r>/g)) {
    const t = [...r[2]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((m) => m[1] ?? '\t').join('').replace(/\t/g, '⇥');
    if (t === '' && !/<w:(fldChar|instrText)/.test(r[2]!)) continue;
    const rPr = canonicalProps(r[1]!);
    const last = runs.at(-1);
    if (last && last.rPr === rPr) last.text += t;
    else runs.push({ rPr, text: t });
  }
  return { text: text.replace(/\t/g, '⇥'), pPr, runs: runs.map((r) => `${r.text} {${r.rPr}}`) };
}

/** Table, row and cell properties and the grid, in document order. */
function tableProps(document: string): string[] {
  return [...document.matchAll(/<w:(tblPr|tblGrid|trPr|tcPr)>([\s\S]*?)<\/w:\1>/g)].map((m) => `${m[1]}: ${canonicalProps(m[2]!)}`);
}

async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) out.set(name, await zip.file(name)!.async('string'));
  return out;
}

const documents = await allDocuments();

describe('the document.xml printer gives what the docx-library writer gave', () => {
  it('covers the examples, both profiles, task tables, the batch summary and every block kind', () => {
    const names = documents.map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(['data/示例区/2024/report.yaml', 'data/示例区/2024/report.yaml (变体)', 'batch summary', 'every block (变体)']));
    expect(names.filter((n) => n.startsWith('tasks ')).length).toBeGreaterThan(2);
    const kinds = new Set(documents.flatMap((d) => d.doc.blocks.map((b) => b.kind)));
    expect([...kinds].sort()).toEqual(['addressee', 'attachments', 'colophon', 'doc-number', 'heading', 'letterhead', 'paragraph', 'signature', 'table', 'title']);
  });

  // The 版头 came after the docx-library writer (layout/letterhead.ts places it; its printers are
  // compared in LibreOffice by test/layout): the rest of each document is compared here.
  it.each(documents.map((d) => [d.name, { ...d, doc: { ...d.doc, blocks: d.doc.blocks.filter((b) => b.kind !== 'letterhead') } }] as const))('%s', async (_name, { doc, profile }) => {
    const before = await parts(await writeLegacy(doc, profile));
    const after = await parts(await writeDocx(doc, profile));
    expect([...after.keys()]).toEqual([...before.keys()]);

    const paragraphs = (p: Map<string, string>) =>
      paragraphsOf(p.get('word/document.xml')!, p.get('word/styles.xml')!).map((x) => canonicalParagraph(x.xml, x.text));
    const oldParagraphs = paragraphs(before);
    expect(oldParagraphs.length).toBeGreaterThan(0);
    expect(paragraphs(after)).toEqual(oldParagraphs);
    expect(tableProps(after.get('word/document.xml')!)).toEqual(tableProps(before.get('word/document.xml')!));
    const sectPr = (p: Map<string, string>) => canonicalProps(/<w:sectPr>([\s\S]*?)<\/w:sectPr>/.exec(p.get('word/document.xml')!)![1]!);
    expect(sectPr(after)).toEqual(sectPr(before));

    for (const [name, xml] of before) {
      if (name === 'word/document.xml') continue;
      if (name === 'docProps/core.xml') {
        for (const tag of ['dc:title', 'dc:creator']) expect(new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(after.get(name)!)?.[1]).toBe(new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1]);
        continue;
      }
      expect(after.get(name), name).toBe(name.startsWith('word/') && name.endsWith('.xml') ? schemaOrder(xml) : xml);
    }
  });
});
