// The writer's reference package (styles, footers, settings… of a layout profile) is kept in the
// user's cache folder between runs, so a render need not load the docx library. What the user
// gets must not depend on it: the same bytes with the entry fresh, present, or damaged.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fazhi, ROOT, scratchDir } from './helpers/cli.js';

const EXAMPLE = path.join(ROOT, 'data', '示例区', '2024', 'report.yaml');
const VARIANT = path.join(ROOT, 'profiles', '示例省变体.yaml');
const dir = scratchDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function render(cache: string, out: string, extra: string[] = []): Buffer {
  const r = fazhi(['render', EXAMPLE, '-o', out, ...extra], ROOT, { FAZHI_CACHE_DIR: cache });
  expect(r.code, r.stderr).toBe(0);
  const file = readdirSync(out).find((f) => f.endsWith('.docx'))!;
  return readFileSync(path.join(out, file));
}

const entries = (cache: string): string[] => readdirSync(cache).filter((f) => f.startsWith('docx-reference-'));

describe('reference package in the cache folder', () => {
  it('is written once per profile, and the .docx is the same from it, without it, and from a damaged one', () => {
    const cache = path.join(dir, 'cache');
    const first = render(cache, path.join(dir, 'o1'));
    expect(entries(cache)).toHaveLength(1);
    const second = render(cache, path.join(dir, 'o2'));
    expect(second.equals(first)).toBe(true);
    const uncached = render(path.join(dir, 'other-cache'), path.join(dir, 'o3'));
    expect(uncached.equals(first)).toBe(true);

    // One character of the stored deflated data changed: detected, rebuilt, same bytes.
    const file = path.join(cache, entries(cache)[0]!);
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('"deflated":"') + 40;
    writeFileSync(file, text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1));
    const damaged = render(cache, path.join(dir, 'o4'));
    expect(damaged.equals(first)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(text);

    // Another profile: an entry of its own, another document.
    const variant = render(cache, path.join(dir, 'o5'), ['--profile', VARIANT]);
    expect(entries(cache)).toHaveLength(2);
    expect(variant.equals(first)).toBe(false);
  });
});
