// The named file's own load and check results in the disk cache (pipeline.ts, loadChecked):
// `validate` and `render` give exactly what they give without the cache — messages, lines, exit
// codes, .docx bytes — whether the entry is fresh, missing, damaged or doctored, and one changed
// character in the file is seen at once.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fazhi, workspace } from './helpers/cli.js';

const REPORT = path.join('data', '示例区', '2024', 'report.yaml');

function setup(): { dir: string; cache: string; file: string; env: Record<string, string> } {
  const dir = workspace();
  const cache = path.join(dir, '缓存');
  return { dir, cache, file: path.join(dir, REPORT), env: { FAZHI_CACHE_DIR: cache } };
}

const entries = (cache: string): string[] => readdirSync(cache).filter((f) => f.startsWith('checked-file-')).map((f) => path.join(cache, f));
const docxIn = (dir: string, out: string): Buffer => readFileSync(path.join(dir, out, readdirSync(path.join(dir, out))[0]!));

describe('the named file from the disk cache', () => {
  it('validate: the same messages, lines and exit code from a fresh entry, a cached one and none', () => {
    const { dir, cache, file, env } = setup();
    // A report with problems, so that there are messages at lines to compare.
    writeFileSync(file, readFileSync(file, 'utf8').replace('level: district', 'level: distrct'));
    const first = fazhi(['validate', REPORT], dir, env);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/report\.yaml:2:8 错误/);
    expect(entries(cache)).toHaveLength(1);
    const cached = fazhi(['validate', REPORT], dir, env);
    const off = fazhi(['validate', REPORT], dir, { ...env, FAZHI_CACHE: 'off' });
    for (const r of [cached, off]) {
      expect(r.code).toBe(first.code);
      expect(r.stdout).toBe(first.stdout);
      expect(r.stderr).toBe(first.stderr);
    }
  });

  it('render: the same .docx bytes and output with the entry fresh, cached, off, damaged or doctored', () => {
    const { dir, cache, env } = setup();
    const first = fazhi(['render', REPORT, '-o', 'out1'], dir, env);
    expect(first.code, first.stderr).toBe(0);
    const [entry] = entries(cache);
    expect(entry).toBeDefined();
    const written = statSync(entry!).ino;
    const runs = {
      cached: fazhi(['render', REPORT, '-o', 'out2'], dir, env),
      off: fazhi(['render', REPORT, '-o', 'out3'], dir, { ...env, FAZHI_CACHE: 'off' }),
    };
    // The second run used the entry: a run that computes replaces the file (a new one, renamed).
    expect(statSync(entry!).ino).toBe(written);
    // Damaged: cut in half.
    writeFileSync(entry!, readFileSync(entry!, 'utf8').slice(0, 5000));
    const damaged = fazhi(['render', REPORT, '-o', 'out4'], dir, env);
    // Doctored: a sentence of the report changed inside the entry, the rest left as written: the
    // checksum no longer matches, so the file is read again.
    const good = readFileSync(entry!, 'utf8');
    expect(good).toContain('取得新的进展');
    writeFileSync(entry!, good.replaceAll('取得新的进展', '取得新的成绩'));
    const doctored = fazhi(['render', REPORT, '-o', 'out5'], dir, env);
    for (const [out, r] of [['out2', runs.cached], ['out3', runs.off], ['out4', damaged], ['out5', doctored]] as const) {
      expect(r.code, out).toBe(0);
      expect(r.stderr, out).toBe('');
      expect(r.stdout.replace(out, 'out1'), out).toBe(first.stdout);
      expect(docxIn(dir, out).equals(docxIn(dir, 'out1')), out).toBe(true);
    }
  });

  it('sees one changed character at once, and the change undone', () => {
    const { dir, file, env } = setup();
    const original = readFileSync(file, 'utf8');
    expect(fazhi(['validate', REPORT], dir, env).code).toBe(0);
    // Same length: only the content tells the change.
    writeFileSync(file, original.replace('level: district', 'level: districT'));
    const slipped = fazhi(['validate', REPORT], dir, env);
    expect(slipped.code).toBe(1);
    expect(slipped.stdout).toMatch(/report\.yaml:2:8 错误/);
    expect(slipped.stdout).toBe(fazhi(['validate', REPORT], dir, { ...env, FAZHI_CACHE: 'off' }).stdout);
    writeFileSync(file, original);
    expect(fazhi(['validate', REPORT], dir, env).code).toBe(0);

    // And in the document: one character of a sentence.
    expect(fazhi(['render', REPORT, '-o', 'a'], dir, env).code).toBe(0);
    writeFileSync(file, original.replace('取得新的进展', '取得新的发展'));
    expect(fazhi(['render', REPORT, '-o', 'b'], dir, env).code).toBe(0);
    expect(fazhi(['render', REPORT, '-o', 'c'], dir, { ...env, FAZHI_CACHE: 'off' }).code).toBe(0);
    expect(docxIn(dir, 'b').equals(docxIn(dir, 'a'))).toBe(false);
    expect(docxIn(dir, 'b').equals(docxIn(dir, 'c'))).toBe(true);
  });

  it('is kept per path as written: the same bytes under another name give that name in messages', () => {
    const { dir, env } = setup();
    const copy = path.join('data', '示例区', '2024', '副本.yaml');
    const text = readFileSync(path.join(dir, REPORT), 'utf8').replace('level: district', 'level: distrct');
    writeFileSync(path.join(dir, REPORT), text);
    writeFileSync(path.join(dir, copy), text);
    expect(fazhi(['validate', REPORT], dir, env).stdout).toContain(`${REPORT}:2:8`);
    const other = fazhi(['validate', copy], dir, env);
    expect(other.stdout).toContain(`${copy}:2:8`);
    expect(other.stdout).not.toContain(`${REPORT}:`);
  });

  it('is not written by batch or watch-like runs of many files: only validate and render use it', () => {
    const { dir, cache, env } = setup();
    expect(fazhi(['batch', path.join('data', '示例区', '2024'), '-o', 'out'], dir, env).code).toBeLessThan(3);
    expect(entries(cache)).toHaveLength(0);
  });
});
