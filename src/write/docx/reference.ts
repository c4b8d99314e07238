// The reference package of a layout profile, as pandoc keeps a reference.docx: every part that
// is the same for all reports of the profile — styles, theme, numbering, settings, the two page
// number footers, font table, content types, relationships — built once with the docx library
// and kept already deflated. A report then adds only word/document.xml (printed from the model,
// printer.ts) and docProps/core.xml. Kept per process, keyed by the profile's content; and, when
// the CLI has turned the cache folder on, also there, keyed by the profile's content and the
// build, so that a cold render does not load the docx library at all.

import zlib from 'node:zlib';
import { readDiskEntry, writeDiskEntry } from '../../load/disk-cache.js';
import type { LayoutProfile } from '../../layout/profile.js';
import { schemaOrder } from './schema-order.js';
import { crc32, deflateEntry, stableParts, type DeflatedEntry } from './stable-docx.js';

export const DOCUMENT_PART = 'word/document.xml';
export const CORE_PART = 'docProps/core.xml';
const CONTENT_TYPES = '[Content_Types].xml';

export interface ReferencePackage {
  /** The package's entries in order; the names DOCUMENT_PART and CORE_PART mark where the two printed parts go. */
  entries: (DeflatedEntry | typeof DOCUMENT_PART | typeof CORE_PART)[];
  /** document.xml up to and including `<w:body>` (declaration, namespaces). */
  documentStart: string;
  /** The section properties and the closing tags: page size, margins, grid, footer references. */
  documentEnd: string;
  /**
   * The two sections' properties (w:sectPr): the numbered one (as in documentEnd) and one whose
   * footers are blank, for a blank page and the 版记 page after it (GB/T 9704 §7.5).
   */
  sections: { numbered: string; unnumbered: string };
}

/**
 * The library's character styles (Hyperlink, FootnoteReference…) are based on Word's default
 * character style, which it does not define; Word's own templates do. Added when missing.
 */
function withDefaultCharacterStyle(styles: string): string {
  if (styles.includes('w:styleId="DefaultParagraphFont"')) return styles;
  const style =
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>' +
    '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>';
  const at = styles.indexOf('<w:style ');
  return at < 0 ? styles.replace('</w:styles>', `${style}</w:styles>`) : styles.slice(0, at) + style + styles.slice(at);
}

/** A package from its parts: schema order restored, document.xml split around its body. */
export function referenceFromParts(parts: ReadonlyMap<string, string | Uint8Array>): ReferencePackage {
  const xml = stableParts(parts);
  for (const [name, text] of xml) if (name.startsWith('word/') && name.endsWith('.xml')) xml.set(name, schemaOrder(text));
  const styles = xml.get('word/styles.xml');
  if (styles !== undefined) xml.set('word/styles.xml', withDefaultCharacterStyle(styles));
  const document = xml.get(DOCUMENT_PART);
  if (document === undefined) throw new Error('reference package without word/document.xml');
  const bodyAt = document.indexOf('<w:body>');
  // The numbered section ends in a paragraph of the body, the blank-footer one ends the body.
  const sections = [...document.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)];
  if (bodyAt < 0 || sections.length !== 2) throw new Error('reference document.xml without body or its two sections');
  const [numbered, unnumbered] = sections.map((m) => m[0]) as [string, string];
  const last = sections[1]!;
  const entries: ReferencePackage['entries'] = [];
  // [Content_Types].xml first, as Word writes it (some readers look only there).
  const names = [...parts.keys()].sort((a, b) => Number(b === CONTENT_TYPES) - Number(a === CONTENT_TYPES));
  for (const name of names) {
    const data = parts.get(name)!;
    if (name === DOCUMENT_PART || name === CORE_PART) entries.push(name);
    else entries.push(deflateEntry(name, xml.get(name) ?? data));
  }
  if (!entries.includes(CORE_PART)) entries.push(CORE_PART);
  return {
    entries,
    documentStart: document.slice(0, bodyAt + '<w:body>'.length),
    documentEnd: numbered + document.slice(last.index + last[0].length),
    sections: { numbered, unnumbered },
  };
}

/** The cache folder's form of a package: deflated bytes in base64. */
const CACHE_KIND = 'docx-reference-v3';

type StoredEntry = string | { name: string; crc: number; size: number; utf8: boolean; deflated: string };

function encode(reference: ReferencePackage): unknown {
  const entries: StoredEntry[] = reference.entries.map((e) =>
    typeof e === 'string' ? e : { name: Buffer.from(e.nameBytes).toString('utf8'), crc: e.crc, size: e.size, utf8: e.utf8, deflated: Buffer.from(e.deflated).toString('base64') },
  );
  return { entries, documentStart: reference.documentStart, documentEnd: reference.documentEnd, sections: reference.sections };
}

function intact(deflated: Uint8Array, size: number, crc: number): boolean {
  try {
    const data = zlib.inflateRawSync(deflated);
    return data.length === size && crc32(data) === crc;
  } catch {
    return false;
  }
}

/** A stored package, or undefined when it is not one (damaged or from another version). */
function decode(value: unknown): ReferencePackage | undefined {
  const v = value as { entries?: unknown; documentStart?: unknown; documentEnd?: unknown; sections?: { numbered?: unknown; unnumbered?: unknown } } | undefined;
  if (!v || !Array.isArray(v.entries) || typeof v.documentStart !== 'string' || typeof v.documentEnd !== 'string') return undefined;
  if (typeof v.sections?.numbered !== 'string' || typeof v.sections.unnumbered !== 'string') return undefined;
  const entries: ReferencePackage['entries'] = [];
  for (const e of v.entries as StoredEntry[]) {
    if (e === DOCUMENT_PART || e === CORE_PART) entries.push(e);
    else if (typeof e === 'object' && e && typeof e.name === 'string' && typeof e.deflated === 'string' && Number.isInteger(e.crc) && Number.isInteger(e.size)) {
      const deflated = new Uint8Array(Buffer.from(e.deflated, 'base64'));
      // A damaged entry must not become a damaged .docx: the data is inflated and checked.
      if (!intact(deflated, e.size, e.crc)) return undefined;
      entries.push({ nameBytes: new Uint8Array(Buffer.from(e.name, 'utf8')), utf8: Boolean(e.utf8), crc: e.crc, size: e.size, deflated });
    } else return undefined;
  }
  if (!entries.includes(DOCUMENT_PART) || !entries.includes(CORE_PART)) return undefined;
  return { entries, documentStart: v.documentStart, documentEnd: v.documentEnd, sections: { numbered: v.sections.numbered, unnumbered: v.sections.unnumbered } };
}

const packages = new Map<string, Promise<ReferencePackage>>();

async function load(profile: LayoutProfile, key: string): Promise<ReferencePackage> {
  const stored = decode(readDiskEntry(CACHE_KIND, key, ''));
  if (stored) return stored;
  const { referenceParts } = await import('./reference-build.js');
  const reference = referenceFromParts(referenceParts(profile));
  writeDiskEntry(CACHE_KIND, key, '', encode(reference));
  return reference;
}

/** The reference package of a profile, built on first use. */
export function referencePackage(profile: LayoutProfile): Promise<ReferencePackage> {
  const key = JSON.stringify(profile);
  let entry = packages.get(key);
  if (!entry) {
    entry = load(profile, key);
    // A failure is not kept: the next report tries again.
    entry.catch(() => packages.delete(key));
    packages.set(key, entry);
  }
  return entry;
}
