// The reference package of a layout profile, as pandoc keeps a reference.docx: every part that
// is the same for all reports of the profile — styles, theme, numbering, settings, the two page
// number footers, font table, content types, relationships — built once with the docx library
// and kept already deflated. A report then adds only word/document.xml (printed from the model,
// printer.ts) and docProps/core.xml. Kept per process, keyed by the profile's content; the build
// cannot change within a process.

import { Document, DocumentGridType, Packer } from 'docx';
import type { LayoutProfile } from '../../layout/profile.js';
import { mmToTwips } from '../../layout/units.js';
import { pageNumberFooters } from './page-number.js';
import { deflateEntry, stableParts, type DeflatedEntry } from './stable-docx.js';
import { styles } from './styles.js';
import { schemaOrder } from './schema-order.js';

export const DOCUMENT_PART = 'word/document.xml';
export const CORE_PART = 'docProps/core.xml';
const CONTENT_TYPES = '[Content_Types].xml';

export interface ReferencePackage {
  /** The package's entries in order; `null` marks where document.xml and core.xml go. */
  entries: (DeflatedEntry | typeof DOCUMENT_PART | typeof CORE_PART)[];
  /** document.xml up to and including `<w:body>` (declaration, namespaces). */
  documentStart: string;
  /** The section properties and the closing tags: page size, margins, grid, footer references. */
  documentEnd: string;
  /** The parts as XML text, for a reader (tests, --reference-doc checks). */
  parts: ReadonlyMap<string, string>;
}

interface PackageCompiler {
  compile(file: Document, prettify: undefined, overrides: []): Map<string, string | Uint8Array>;
}

/** The reference document: the profile's styles, footers and page setup around an empty body. */
function referenceDocument(profile: LayoutProfile): Document {
  const p = profile.page;
  const grid = profile.grid;
  return new Document({
    evenAndOddHeaderAndFooters: true,
    styles: styles(profile),
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwips(p.widthMm.value), height: mmToTwips(p.heightMm.value) },
            margin: {
              top: mmToTwips(p.marginTopMm.value),
              bottom: mmToTwips(p.marginBottomMm.value),
              left: mmToTwips(p.marginLeftMm.value),
              right: mmToTwips(p.marginRightMm.value),
              header: mmToTwips(p.headerMm.value),
              footer: mmToTwips(p.footerMm.value),
            },
          },
          grid:
            grid.gridType.value === 'linesAndChars'
              ? { type: DocumentGridType.LINES_AND_CHARS, linePitch: grid.linePitchTwips.value, charSpace: grid.wordCharSpace.value }
              : { type: grid.gridType.value === 'lines' ? DocumentGridType.LINES : DocumentGridType.DEFAULT, linePitch: grid.linePitchTwips.value },
        },
        footers: pageNumberFooters(profile),
        children: [],
      },
    ],
  });
}

/** The parts of a compiled docx Document (the library's compiler, before it zips them). */
async function compileParts(document: Document): Promise<Map<string, string | Uint8Array>> {
  // Not part of the typed API: if a docx release drops it, the finished zip is read instead.
  const compiler = (Packer as unknown as { compiler?: PackageCompiler }).compiler;
  if (compiler && typeof compiler.compile === 'function') return compiler.compile(document, undefined, []);
  const { unzipSync } = await import('fflate');
  return new Map(Object.entries(unzipSync(new Uint8Array(await Packer.toBuffer(document)))));
}

/** A package from its parts: schema order restored, document.xml split around its body. */
export function referenceFromParts(parts: ReadonlyMap<string, string | Uint8Array>): ReferencePackage {
  const xml = stableParts(parts);
  for (const [name, text] of xml) if (name.startsWith('word/') && name.endsWith('.xml')) xml.set(name, schemaOrder(text));
  const document = xml.get(DOCUMENT_PART);
  if (document === undefined) throw new Error('reference package without word/document.xml');
  const bodyAt = document.indexOf('<w:body>');
  const sectAt = document.lastIndexOf('<w:sectPr');
  if (bodyAt < 0 || sectAt < 0) throw new Error('reference document.xml without body or section properties');
  const entries: ReferencePackage['entries'] = [];
  // [Content_Types].xml first, as Word writes it (some readers look only there).
  const names = [...parts.keys()].sort((a, b) => Number(b === CONTENT_TYPES) - Number(a === CONTENT_TYPES));
  for (const name of names) {
    const data = parts.get(name)!;
    if (name === DOCUMENT_PART || name === CORE_PART) entries.push(name);
    else entries.push(deflateEntry(name, xml.get(name) ?? data));
  }
  if (!entries.includes(CORE_PART)) entries.push(CORE_PART);
  return { entries, documentStart: document.slice(0, bodyAt + '<w:body>'.length), documentEnd: document.slice(sectAt), parts: xml };
}

const packages = new Map<string, Promise<ReferencePackage>>();

/** The reference package of a profile, built on first use. */
export function referencePackage(profile: LayoutProfile): Promise<ReferencePackage> {
  const key = JSON.stringify(profile);
  let entry = packages.get(key);
  if (!entry) {
    entry = compileParts(referenceDocument(profile)).then(referenceFromParts);
    // A failure is not kept: the next report tries again.
    entry.catch(() => packages.delete(key));
    packages.set(key, entry);
  }
  return entry;
}
