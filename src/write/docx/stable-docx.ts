// The same report renders to the same bytes, today and next year, so that outputs can be
// compared and archived. The docx library stamps the document properties with the current time
// (dcterms:created/modified) and the zip entries with the local time of writing, and gives some
// relationships random ids (nanoid): the reference package's parts are cleaned of the stamps and
// ids once (stableParts), and every entry carries a fixed zip time.
//
// The zip itself is written here, with Node's native deflate: fflate's deflate is JavaScript,
// slow before the JIT has warmed up (≈ 55 ms of a cold render for this small package). Its
// compressed bytes are those of the zlib Node bundles: the same run after run on one Node
// release; another release (or CPU family) may compress differently, never the parts themselves.

import zlib from 'node:zlib';

/**
 * Every entry's MS-DOS date and time: 1980-01-01 00:00:00, the earliest a zip can hold. Stored
 * as numbers, not built from a Date, so no time zone enters the bytes.
 */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

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

let crcTable: Int32Array | undefined;

/** CRC-32 of the zip format, continued from `initial`: Node's native one (20.15 and later), else table-driven. */
export function crc32(data: Uint8Array, initial = 0): number {
  if (typeof zlib.crc32 === 'function') return zlib.crc32(data, initial);
  crcTable ??= Int32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c;
  });
  let c = ~initial;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** A zip entry deflated ahead of time: the reference package's parts are deflated once per profile. */
export interface DeflatedEntry {
  nameBytes: Uint8Array;
  utf8: boolean;
  crc: number;
  size: number;
  deflated: Uint8Array;
}

/** One entry, deflated at level 6 (the docx library's level). */
export function deflateEntry(name: string, data: Uint8Array | string): DeflatedEntry {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  const nameBytes = encoder.encode(name);
  return { nameBytes, utf8: nameBytes.length !== name.length, crc: crc32(bytes), size: bytes.length, deflated: zlib.deflateRawSync(bytes, { level: 6 }) };
}

/**
 * Text beyond which an entry given in pieces is deflated as a stream, piece by piece: a batch's
 * 汇总表 of 5,000 rows is 13 million characters, which held whole (string, UTF-8 copy, deflate
 * input) made the summary, not the reports, the batch's peak memory (+117 MB for 5,000 rows). A
 * report's document.xml (24–100 KB) stays below it and is deflated in one call, as before.
 */
const STREAM_ABOVE_CHARS = 1 << 20;

/**
 * One entry from its text in pieces, deflated at level 6 like deflateEntry, and to the same
 * bytes: zlib's output does not depend on how its input is cut when nothing is flushed between
 * the pieces (test/stable-docx.test.ts compares both).
 */
export async function deflateEntryParts(name: string, parts: Iterable<string>): Promise<DeflatedEntry> {
  const pieces = parts[Symbol.iterator]();
  let head = '';
  for (let next = pieces.next(); ; next = pieces.next()) {
    if (next.done) return deflateEntry(name, head);
    head += next.value;
    if (head.length > STREAM_ABOVE_CHARS) break;
  }
  const deflater = zlib.createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    deflater.once('end', resolve);
    deflater.once('error', reject);
  });
  let crc = 0;
  let size = 0;
  const write = async (text: string): Promise<void> => {
    const bytes = encoder.encode(text);
    crc = crc32(bytes, crc);
    size += bytes.length;
    // Waiting for the deflater to take what it has keeps the memory to one piece at a time.
    if (!deflater.write(bytes)) await new Promise((resolve) => deflater.once('drain', resolve));
  };
  // Pieces gathered into some 64 K characters a write: a row at a time, the waits cost more than the deflating.
  let pending = head;
  for (let next = pieces.next(); !next.done; next = pieces.next()) {
    pending += next.value;
    if (pending.length >= 1 << 16) {
      await write(pending);
      pending = '';
    }
  }
  await write(pending);
  deflater.end();
  await ended;
  const nameBytes = encoder.encode(name);
  return { nameBytes, utf8: nameBytes.length !== name.length, crc, size, deflated: Buffer.concat(out) };
}

/**
 * A zip of the entries in the given order, laid out as fflate's zipSync lays it out: local
 * header, data, then the central directory; no data descriptors, no extra fields. Names that are
 * not ASCII set the UTF-8 flag.
 */
export function zipEntries(files: readonly DeflatedEntry[]): Uint8Array {
  const localSize = files.reduce((n, f) => n + 30 + f.nameBytes.length + f.deflated.length, 0);
  const centralSize = files.reduce((n, f) => n + 46 + f.nameBytes.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  // The fields local and central headers share, from "version needed" on.
  const common = (at: number, f: DeflatedEntry): void => {
    view.setUint16(at, 20, true); // version needed: 2.0 (deflate)
    view.setUint16(at + 2, f.utf8 ? 0x800 : 0, true);
    view.setUint16(at + 4, 8, true); // deflate
    view.setUint16(at + 6, DOS_TIME, true);
    view.setUint16(at + 8, DOS_DATE, true);
    view.setUint32(at + 10, f.crc, true);
    view.setUint32(at + 14, f.deflated.length, true);
    view.setUint32(at + 18, f.size, true);
    view.setUint16(at + 22, f.nameBytes.length, true);
  };
  let at = 0;
  let central = localSize;
  for (const f of files) {
    view.setUint32(at, 0x04034b50, true);
    common(at + 4, f);
    out.set(f.nameBytes, at + 30);
    out.set(f.deflated, at + 30 + f.nameBytes.length);
    view.setUint32(central, 0x02014b50, true);
    view.setUint16(central + 4, 20, true); // version made by: 2.0, MS-DOS attributes
    common(central + 6, f);
    view.setUint32(central + 42, at, true); // comment, disk, attributes stay 0
    out.set(f.nameBytes, central + 46);
    at += 30 + f.nameBytes.length + f.deflated.length;
    central += 46 + f.nameBytes.length;
  }
  view.setUint32(central, 0x06054b50, true);
  view.setUint16(central + 8, files.length, true);
  view.setUint16(central + 10, files.length, true);
  view.setUint32(central + 12, centralSize, true);
  view.setUint32(central + 16, localSize, true);
  return out;
}

/** The XML parts of a package without time stamps in core.xml and with random relationship ids renamed. */
export function stableParts(parts: ReadonlyMap<string, string | Uint8Array>): Map<string, string> {
  const xml = new Map<string, string>();
  for (const [name, data] of parts) if (isXml(name)) xml.set(name, typeof data === 'string' ? data : decoder.decode(data));
  const core = xml.get('docProps/core.xml');
  if (core !== undefined) xml.set('docProps/core.xml', core.replace(TIMESTAMPS, ''));
  renameRandomIds(xml);
  return xml;
}
