// The package's own zip writer (native deflate): a zip every reader opens, with the entries in
// the order given, and the same bytes whichever CRC-32 is used.
import zlib from 'node:zlib';
import { unzipSync } from 'fflate';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { crc32, deflateEntry, deflateEntryParts, zipEntries } from '../src/write/docx/stable-docx.js';

const stableZip = (parts: Map<string, string | Uint8Array>): Uint8Array => zipEntries([...parts].map(([name, data]) => deflateEntry(name, data)));

const PARTS = new Map<string, string | Uint8Array>([
  ['[Content_Types].xml', '<?xml version="1.0"?><Types/>'],
  ['word/document.xml', `<w:document>${'<w:p><w:r><w:t>法治政府建设</w:t></w:r></w:p>'.repeat(500)}</w:document>`],
  ['word/empty.xml', ''],
  ['word/media/image.bin', Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251)],
  ['word/附件.xml', '<a>非 ASCII 名称</a>'],
]);

const decoded = (files: Record<string, Uint8Array>): Record<string, string> =>
  Object.fromEntries(Object.entries(files).map(([name, data]) => [name, Buffer.from(data).toString('latin1')]));
const expected = decoded(
  Object.fromEntries([...PARTS].map(([name, data]) => [name, typeof data === 'string' ? new TextEncoder().encode(data) : data])),
);

const nativeCrc = zlib.crc32;
afterEach(() => {
  (zlib as { crc32: unknown }).crc32 = nativeCrc;
});

describe('zipEntries', () => {
  it('is read back by fflate and JSZip with every entry, in order', async () => {
    const bytes = stableZip(PARTS);
    const byFflate = unzipSync(bytes);
    expect(Object.keys(byFflate)).toEqual([...PARTS.keys()]);
    expect(decoded(byFflate)).toEqual(expected);
    // JSZip checks each entry's CRC-32 and sizes against the data.
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    for (const [name, data] of Object.entries(expected)) expect(Buffer.from(await zip.file(name)!.async('uint8array')).toString('latin1')).toBe(data);
  });

  it('writes the same bytes with the table-driven CRC-32 as with Node’s', () => {
    const native = stableZip(PARTS);
    (zlib as { crc32: unknown }).crc32 = undefined;
    expect(Buffer.from(stableZip(PARTS)).equals(Buffer.from(native))).toBe(true);
  });
});

describe('deflateEntryParts: a large part deflated as it is printed', () => {
  it('gives the bytes, CRC and size of deflating the whole text at once, small or large', async () => {
    // Rows of a 汇总表, non-ASCII text included: 2 × 10⁶ characters, past the streaming threshold.
    const row = (i: number): string => `<w:tr><w:tc><w:p><w:r><w:t>基准区第${i}局 已生成 ${i % 7}</w:t></w:r></w:p></w:tc></w:tr>`;
    for (const count of [10, 40_000]) {
      const pieces = ['<w:document><w:body>', ...Array.from({ length: count }, (_, i) => row(i)), '</w:body></w:document>'];
      const whole = deflateEntry('word/document.xml', pieces.join(''));
      const streamed = await deflateEntryParts('word/document.xml', pieces);
      expect(streamed.size).toBe(whole.size);
      expect(streamed.crc).toBe(whole.crc);
      expect(Buffer.from(streamed.deflated).equals(Buffer.from(whole.deflated))).toBe(true);
      expect(Buffer.from(zlib.inflateRawSync(streamed.deflated)).toString('utf8')).toBe(pieces.join(''));
    }
  });

  it('continues a CRC-32 the same way natively and by table', () => {
    const bytes = new TextEncoder().encode('法治政府建设年度报告'.repeat(100));
    const native = crc32(bytes.subarray(40), crc32(bytes.subarray(0, 40)));
    (zlib as { crc32: unknown }).crc32 = undefined;
    expect(crc32(bytes.subarray(40), crc32(bytes.subarray(0, 40)))).toBe(native);
    expect(native).toBe(nativeCrc(bytes));
  });
});
