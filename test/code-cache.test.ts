// bin/fazhi.js runs the bundle with V8's code cache (dist/bundle/cli.cache). A cache that does
// not belong to the bundle beside it — stale after a rebuild, damaged, from another Node or made
// under other V8 flags — must never change what the user gets nor reach V8: it is ignored, and a
// fresh one is written by the next render (only a render writes one).
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { fazhi, installedCopy, ROOT, scratchDir } from './helpers/cli.js';

const EXAMPLE = path.join(ROOT, 'data', '示例区', '2024', 'report.yaml');
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function render(bin: string, out: string, env: Record<string, string> = {}): { code: number | null; docx: Buffer; stderr: string } {
  const r = fazhi(['render', EXAMPLE, '-o', out], ROOT, env, bin);
  const files = r.code === 0 ? readdirSync(out).filter((f) => f.endsWith('.docx')) : [];
  return { code: r.code, stderr: r.stderr, docx: files[0] ? readFileSync(path.join(out, files[0])) : Buffer.alloc(0) };
}

const buildOf = (bundle: string): string => {
  const s = statSync(bundle);
  return `${s.size}:${s.mtimeMs}:${process.version}:${process.arch}`;
};

/** Header line and data of a cache file. */
function readCache(file: string): { header: string; data: Buffer } {
  const bytes = readFileSync(file);
  const end = bytes.indexOf(10);
  return { header: bytes.subarray(0, end).toString('latin1'), data: bytes.subarray(end + 1) };
}

const crc = (data: Buffer): string => `crc${zlib.crc32(data).toString(16)}`;

/** A copy of the installed package with its file times (the cache names the bundle by size and time). */
function copy(): { bin: string; pkg: string; cacheFile: string; out: (n: string) => string } {
  const dir = scratchDir();
  scratch.push(dir);
  const pkg = path.join(dir, 'fazhi-report');
  const bin = installedCopy(pkg, true);
  return { bin, pkg, cacheFile: path.join(pkg, 'dist', 'bundle', 'cli.cache'), out: (n) => path.join(dir, n) };
}

describe('code cache', () => {
  it('is made by the build, for the bundle beside it, with a checksum of its data', () => {
    const { header, data } = readCache(path.join(ROOT, 'dist', 'bundle', 'cli.cache'));
    expect(header).toBe(`${buildOf(path.join(ROOT, 'dist', 'bundle', 'cli.cjs'))}:${crc(data)}`);
    expect(data.length).toBeGreaterThan(100_000);
  });

  it('is ignored when stale or damaged — even one byte, checksum header intact — and the output is the same', () => {
    const { bin, pkg, cacheFile, out } = copy();
    const reference = render(bin, out('out0'));
    expect(reference.code, reference.stderr).toBe(0);
    const good = readFileSync(cacheFile);

    // One byte changed in V8's data: V8 itself would not notice. The checksum does, the render
    // runs without the cache, and the next render finds a sound one.
    const flipped = Buffer.from(good);
    flipped.writeUInt8(flipped.readUInt8(flipped.length - 1000) ^ 0x5a, flipped.length - 1000);
    writeFileSync(cacheFile, flipped);
    const damaged = render(bin, out('out1'));
    expect(damaged.code, damaged.stderr).toBe(0);
    expect(damaged.docx.equals(reference.docx)).toBe(true);
    const rewritten = readCache(cacheFile);
    expect(rewritten.header).toBe(`${buildOf(path.join(pkg, 'dist', 'bundle', 'cli.cjs'))}:${crc(rewritten.data)}`);

    // Garbage after a right header.
    writeFileSync(cacheFile, Buffer.concat([Buffer.from(`${rewritten.header}\n`), Buffer.from('不是编译结果'.repeat(1000))]));
    const garbage = render(bin, out('out2'));
    expect(garbage.code, garbage.stderr).toBe(0);
    expect(garbage.docx.equals(reference.docx)).toBe(true);
    expect(readCache(cacheFile).data.toString()).not.toContain('不是编译结果');

    // Stale: a rebuilt bundle, here the same bytes with a new time.
    const bundle = path.join(pkg, 'dist', 'bundle', 'cli.cjs');
    const later = new Date(statSync(bundle).mtimeMs + 60_000);
    utimesSync(bundle, later, later);
    const stale = render(bin, out('out3'));
    expect(stale.code, stale.stderr).toBe(0);
    expect(stale.docx.equals(reference.docx)).toBe(true);
    expect(readCache(cacheFile).header.startsWith(`${buildOf(bundle)}:crc`)).toBe(true);
  });

  it('is written only by a render: --help and validate neither write one nor replace a damaged one', () => {
    const { bin, cacheFile, out } = copy();
    rmSync(cacheFile);
    expect(fazhi(['--help'], ROOT, {}, bin).code).toBe(0);
    expect(fazhi(['validate', EXAMPLE], ROOT, {}, bin).code).toBe(0);
    expect(existsSync(cacheFile)).toBe(false);
    expect(render(bin, out('o1')).code).toBe(0);
    const written = readFileSync(cacheFile);
    expect(written.length).toBeGreaterThan(100_000);

    // Damaged, then a validate: the damaged file is removed, not rewritten from validate.
    const flipped = Buffer.from(written);
    flipped.writeUInt8(flipped.readUInt8(flipped.length >> 1) ^ 1, flipped.length >> 1);
    writeFileSync(cacheFile, flipped);
    expect(fazhi(['validate', EXAMPLE], ROOT, {}, bin).code).toBe(0);
    expect(existsSync(cacheFile)).toBe(false);
  });

  it('under other V8 flags uses a cache of its own: the next plain render keeps the plain cache', () => {
    const { bin, cacheFile, out } = copy();
    // A copy keeps file times to the millisecond only: its first render makes its own cache.
    expect(render(bin, out('o0')).code).toBe(0);
    const plain = readFileSync(cacheFile);
    // Caches of other flags may have come with the copy (batch workers run with a heap limit).
    const flaggedCaches = (): string[] => readdirSync(path.dirname(cacheFile)).filter((f) => /^cli\.[0-9a-f]{8}\.cache$/.test(f));
    const before = flaggedCaches();
    const flagged = render(bin, out('o1'), { NODE_OPTIONS: '--max-old-space-size=4096' });
    expect(flagged.code, flagged.stderr).toBe(0);
    // The plain cache is untouched, the flagged run has written its own.
    expect(readFileSync(cacheFile).equals(plain)).toBe(true);
    expect(flaggedCaches().filter((f) => !before.includes(f))).toHaveLength(1);
    // The plain render after it finds its cache usable: nothing is rewritten.
    const after = render(bin, out('o2'));
    expect(after.code, after.stderr).toBe(0);
    expect(after.docx.equals(flagged.docx)).toBe(true);
    expect(readFileSync(cacheFile).equals(plain)).toBe(true);
  });
});
