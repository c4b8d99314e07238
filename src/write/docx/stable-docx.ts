// The same report renders to the same bytes, today and next year, so that outputs can be
// compared and archived. The docx library stamps the document properties with the current time
// (dcterms:created/modified) and the zip entries with the local time of writing, and gives some
// relationships random ids (nanoid); this pass removes all three, on the finished zip.

import { unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * Zip entry times are stored as local date and time, so the fixed time is built from local
 * fields: every time zone then writes the same bytes. 1980-01-01 is the earliest a zip can hold.
 */
const ENTRY_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** Both stamps are optional in OPC core properties; Word fills them in when the user saves. */
const TIMESTAMPS = /<dcterms:(created|modified)\b[^>]*>[^<]*<\/dcterms:\1>|<dcterms:(?:created|modified)\b[^>]*\/>/g;

/** Relationship ids the library does not number itself (rId1, rId2…) are random. */
const RELATIONSHIP_ID = /\bId="([^"]+)"/g;

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function isXml(name: string): boolean {
  return name.endsWith('.xml') || name.endsWith('.rels');
}

/** Random relationship ids → fzId1, fzId2… in order of appearance; every reference follows. */
function renameRandomIds(parts: Map<string, string>): void {
  const renamed = new Map<string, string>();
  for (const [name, xml] of parts) {
    if (!name.endsWith('.rels')) continue;
    for (const m of xml.matchAll(RELATIONSHIP_ID)) {
      const id = m[1]!;
      if (!/^rId\d+$/.test(id) && !renamed.has(id)) renamed.set(id, `fzId${renamed.size + 1}`);
    }
  }
  if (renamed.size === 0) return;
  // Random ids are 21 characters of nanoid: a quoted occurrence can only be a reference.
  const pattern = new RegExp(`"(${[...renamed.keys()].map((id) => id.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|')})"`, 'g');
  for (const [name, xml] of parts) parts.set(name, xml.replace(pattern, (_, id: string) => `"${renamed.get(id)!}"`));
}

/** The package's parts (path → XML text or bytes) zipped once, without time stamps or random ids. */
export function stableZip(parts: ReadonlyMap<string, string | Uint8Array>): Uint8Array {
  const xml = new Map<string, string>();
  for (const [name, data] of parts) if (isXml(name)) xml.set(name, typeof data === 'string' ? data : decoder.decode(data));
  const core = xml.get('docProps/core.xml');
  if (core !== undefined) xml.set('docProps/core.xml', core.replace(TIMESTAMPS, ''));
  renameRandomIds(xml);
  const out: Zippable = {};
  // Same entries in the same order, each with the fixed time and the library's compression level.
  for (const [name, data] of parts) {
    const text = xml.get(name);
    out[name] = [text !== undefined ? encoder.encode(text) : typeof data === 'string' ? encoder.encode(data) : data, { mtime: ENTRY_TIME, level: 6 }];
  }
  return zipSync(out);
}

/** The same for a finished .docx: unzipped, cleaned and zipped again. */
export function stableDocx(bytes: Uint8Array): Uint8Array {
  return stableZip(new Map(Object.entries(unzipSync(bytes))));
}
