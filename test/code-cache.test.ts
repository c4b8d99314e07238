// bin/fazhi.js runs the bundle with V8's code cache (dist/bundle/cli.cache). A cache that does
// not belong to the bundle beside it — stale after a rebuild, damaged, or from another Node — must
// never change what the user gets: it is ignored, and a fresh one is written for the next run.
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fazhi, installedCopy, ROOT, scratchDir } from './helpers/cli.js';

const EXAMPLE = path.join(ROOT, 'data', '示例区', '2024', 'report.yaml');

function render(bin: string, out: string): { code: number | null; docx: Buffer; stderr: string } {
  const r = fazhi(['render', EXAMPLE, '-o', out], ROOT, {}, bin);
  const files = r.code === 0 ? readdirSync(out).filter((f) => f.endsWith('.docx')) : [];
  return { code: r.code, stderr: r.stderr, docx: files[0] ? readFileSync(path.join(out, files[0])) : Buffer.alloc(0) };
}

describe('code cache', () => {
  it('is made by the build and matches the bundle beside it', () => {
    const cache = readFileSync(path.join(ROOT, 'dist', 'bundle', 'cli.cache'));
    const bundle = statSync(path.join(ROOT, 'dist', 'bundle', 'cli.cjs'));
    expect(cache.subarray(0, cache.indexOf(10)).toString()).toBe(`${bundle.size}:${bundle.mtimeMs}:${process.version}:${process.arch}`);
    expect(cache.length).toBeGreaterThan(100_000);
  });

  it('is ignored when stale or damaged, and the output is the same', () => {
    // File times kept: the cache names the bundle by its size and time.
    const pkg = path.join(scratchDir(), 'fazhi-report');
    const bin = installedCopy(pkg, true);
    const reference = render(bin, path.join(pkg, '..', 'out0'));
    expect(reference.code, reference.stderr).toBe(0);
    const cacheFile = path.join(pkg, 'dist', 'bundle', 'cli.cache');

    // Damaged: the right stamp, then bytes V8 refuses.
    const stamp = readFileSync(cacheFile).subarray(0, readFileSync(cacheFile).indexOf(10) + 1);
    writeFileSync(cacheFile, Buffer.concat([stamp, Buffer.from('不是编译结果'.repeat(1000))]));
    const damaged = render(bin, path.join(pkg, '..', 'out1'));
    expect(damaged.code, damaged.stderr).toBe(0);
    expect(damaged.docx.equals(reference.docx)).toBe(true);
    // Rewritten for the next run: the stamp, then V8's data.
    expect(readFileSync(cacheFile).subarray(stamp.length).toString()).not.toContain('不是编译结果');

    // Stale: a rebuilt bundle, here the same bytes with a new time. V8 checks only the source's
    // length, so the stamp is what refuses the old cache.
    const later = new Date(statSync(path.join(pkg, 'dist', 'bundle', 'cli.cjs')).mtimeMs + 60_000);
    utimesSync(path.join(pkg, 'dist', 'bundle', 'cli.cjs'), later, later);
    const stale = render(bin, path.join(pkg, '..', 'out2'));
    expect(stale.code, stale.stderr).toBe(0);
    expect(stale.docx.equals(reference.docx)).toBe(true);
    const bundle = statSync(path.join(pkg, 'dist', 'bundle', 'cli.cjs'));
    expect(readFileSync(cacheFile).toString('latin1').split('\n')[0]).toBe(`${bundle.size}:${bundle.mtimeMs}:${process.version}:${process.arch}`);
  });
});
