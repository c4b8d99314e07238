// The cache of the district's other files across runs (src/load/disk-cache.ts): what comes back
// from it is what computing gives, and a changed, damaged or unwritable cache never changes what
// the user gets.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultCacheDir, disableDiskCache, enableDiskCache, type DiskCacheCodec } from '../src/load/disk-cache.js';
import { FileMemo } from '../src/load/file-memo.js';
import { loadChecked, PREVIOUS_CODEC } from '../src/previous/index.js';
import { readRoster, ROSTER_CODEC } from '../src/roster/index.js';
import { parseSubReport, SUB_REPORT_CODEC, subReportFiles } from '../src/rollup/sub-reports.js';
import { fazhi, installedCopy, ROOT, scratchDir, tempDir, workspace } from './helpers/cli.js';

const DISTRICT = path.join(ROOT, 'data', '示例区', '2024', 'report.yaml');

afterEach(() => disableDiskCache());

function cacheWorkspace(): { dir: string; cache: string; report: string } {
  const dir = workspace();
  return { dir, cache: path.join(dir, '缓存'), report: path.join('data', '示例区', '2024', 'report.yaml') };
}

/** The roll-up line `render` prints for one metric. */
const rollupLine = (stdout: string, id: string): string | undefined => stdout.split('\n').find((l) => l.includes(`（${id}，`));

describe('results read back from the cache equal computed ones', () => {
  /** Through JSON text, as the cache file holds it. */
  const roundTrip = <T,>(codec: DiskCacheCodec<T>, value: T): T => codec.decode(JSON.parse(JSON.stringify(codec.encode(value))));

  it('for every file the example district reads: last year, roster and every sub-report', () => {
    const previous = loadChecked(path.join(ROOT, 'data', '示例区', '2023', 'report.yaml'));
    expect(previous.checked.report).toBeDefined();
    expect(roundTrip(PREVIOUS_CODEC, previous)).toStrictEqual(previous);
    const roster = readRoster(path.join(ROOT, 'data', '示例区', 'units.yaml'));
    expect(roster.roster).toBeDefined();
    expect(roundTrip(ROSTER_CODEC, roster)).toStrictEqual(roster);
    const files = subReportFiles(path.join(ROOT, 'data', '示例区', '2024'));
    expect(files).toHaveLength(8);
    for (const { file, level } of files) {
      const sub = parseSubReport(file, level);
      expect(sub.report).toBeDefined();
      expect(roundTrip(SUB_REPORT_CODEC, sub)).toStrictEqual(sub);
    }
  });

  it('for files with problems: the diagnostics and positions come back too', () => {
    const dir = scratchDir();
    const file = path.join(dir, 'report.yaml');
    writeFileSync(file, readFileSync(DISTRICT, 'utf8').replace(/^year: 2024$/m, 'year: 二〇二四').replace('level: district', 'level: distrct'));
    const previous = loadChecked(file);
    expect(previous.checked.report).toBeUndefined();
    expect(roundTrip(PREVIOUS_CODEC, previous)).toStrictEqual(previous);
    const sub = parseSubReport(file, 'department');
    expect(sub.errors).toBeGreaterThan(0);
    expect(roundTrip(SUB_REPORT_CODEC, sub)).toStrictEqual(sub);
  });

  it('a memo with a codec decodes exactly what it encoded (JSON-faithful values)', () => {
    const cache = tempDir('fazhi-cache-');
    enableDiskCache('test-build', cache);
    const value = { name: '示例区司法局', n: 3, nested: [{ a: null, b: true }], __proto__key: 'x' };
    const codec = { kind: 'test-1', encode: (v: typeof value) => v, decode: (j: unknown) => j as typeof value };
    expect(new FileMemo(4, codec).get(DISTRICT, () => value)).toBe(value);
    let computed = 0;
    const again = new FileMemo(4, codec).get(DISTRICT, () => (computed++, value));
    expect(computed).toBe(0);
    expect(again).toStrictEqual(value);
  });
});

describe('the CLI with a cache', () => {
  it('renders the same document and figures from the cache as without it', () => {
    const { dir, cache, report } = cacheWorkspace();
    const env = { FAZHI_CACHE_DIR: cache };
    const first = fazhi(['render', report, '-o', 'out1'], dir, env);
    expect(first.code).toBe(0);
    // The district's ten other files, the writer's reference package of the profile, and the
    // named file itself (test/named-file-cache.test.ts).
    expect(readdirSync(cache).filter((f) => !f.startsWith('docx-reference-') && !f.startsWith('checked-file-')).length).toBe(10);
    expect(readdirSync(cache).filter((f) => f.startsWith('docx-reference-')).length).toBe(1);
    expect(readdirSync(cache).filter((f) => f.startsWith('checked-file-')).length).toBe(1);
    const second = fazhi(['render', report, '-o', 'out2'], dir, env);
    const uncached = fazhi(['render', report, '-o', 'out3'], dir, { FAZHI_CACHE: 'off' });
    expect(second.stdout.replace('out2', 'out1')).toBe(first.stdout);
    expect(uncached.stdout.replace('out3', 'out1')).toBe(first.stdout);
    const docx = (out: string) => readFileSync(path.join(dir, out, readdirSync(path.join(dir, out))[0]!));
    expect(docx('out2').equals(docx('out1'))).toBe(true);
    expect(docx('out3').equals(docx('out1'))).toBe(true);
  });

  it('uses a sub-report’s new figure as soon as the file changes', () => {
    const { dir, cache, report } = cacheWorkspace();
    const env = { FAZHI_CACHE_DIR: cache };
    expect(rollupLine(fazhi(['render', report, '-o', 'out', '--verbose'], dir, env).stdout, 'penalty_cases')).toContain('= 1156件');
    const market = path.join(dir, 'data', '示例区', '2024', 'departments', '示例区市场监督管理局.yaml');
    // Same length, so that only the content tells the change.
    writeFileSync(market, readFileSync(market, 'utf8').replace('value: 415', 'value: 515'));
    expect(rollupLine(fazhi(['render', report, '-o', 'out', '--verbose'], dir, env).stdout, 'penalty_cases')).toContain('= 1256件');
  });

  it('reports last year’s problems from its new content, with the path as written', () => {
    const { dir, cache, report } = cacheWorkspace();
    const env = { FAZHI_CACHE_DIR: cache };
    expect(fazhi(['validate', report], dir, env).code).toBe(0);
    const last = path.join(dir, 'data', '示例区', '2023', 'report.yaml');
    writeFileSync(last, readFileSync(last, 'utf8').replace(/^year: 2023$/m, 'year: 二〇二三'));
    const r = fazhi(['validate', report], dir, env);
    expect(r.stdout).toContain(`上年的数据文件“${path.join('data', '示例区', '2023', 'report.yaml')}”有错误`);
  });

  it('keeps one entry per file read, however many builds have run', () => {
    const { dir, cache, report } = cacheWorkspace();
    expect(fazhi(['validate', report], dir, { FAZHI_CACHE_DIR: cache }).code).toBe(0);
    const first = readdirSync(cache).sort();
    const ids = () => readdirSync(cache).map((f) => (JSON.parse(readFileSync(path.join(cache, f), 'utf8')) as { id: string }).id.split('\n')[1]);
    // Another build: a copy of the package, whose bundle is a different file.
    const r = fazhi(['validate', report], dir, { FAZHI_CACHE_DIR: cache }, installedCopy(path.join(dir, '另一版本')));
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(cache).sort()).toEqual(first);
    // Every entry now belongs to the other build.
    expect(new Set(ids()).size).toBe(1);
  });

  it('never lets an entry change a result: a changed figure, or values of the wrong shape, are recomputed', () => {
    const { dir, cache, report } = cacheWorkspace();
    const env = { FAZHI_CACHE_DIR: cache };
    const good = fazhi(['render', report, '-o', 'out', '--verbose'], dir, env);
    expect(rollupLine(good.stdout, 'penalty_cases')).toContain('= 1156件');
    const entries = readdirSync(cache).map((f) => path.join(cache, f));
    const market = entries.find((f) => readFileSync(f, 'utf8').includes('"unitName":"示例区市场监督管理局"'))!;
    const original = readFileSync(market, 'utf8');
    expect(original).toMatch(/"id":"penalty_cases","label":"[^"]*","value":415,/);
    // One digit of a valid-looking entry (415 → 3415: the total would read 4156).
    writeFileSync(market, original.replace(/("id":"penalty_cases","label":"[^"]*","value":)415,/, '$13415,'));
    const changed = fazhi(['render', report, '-o', 'out', '--verbose'], dir, env);
    expect(changed.code).toBe(0);
    expect(rollupLine(changed.stdout, 'penalty_cases')).toContain('= 1156件');
    expect(changed.stdout).toBe(good.stdout);

    // Right shape on the outside, wrong inside (a null name, a string where an object goes),
    // with a checksum made to match: the codec's own check refuses them.
    const withShape = (file: string, edit: (value: Record<string, unknown>) => void): void => {
      const entry = JSON.parse(readFileSync(file, 'utf8')) as { id: string; content: string; value: Record<string, unknown>; check: string };
      edit(entry.value);
      const value = JSON.stringify(entry.value);
      const check = `crc${zlib.crc32(value, zlib.crc32(`${entry.id}\n${entry.content}\n`)).toString(16)}`;
      writeFileSync(file, JSON.stringify({ id: entry.id, content: entry.content, value: entry.value, check }));
    };
    fazhi(['render', report, '-o', 'out', '--verbose'], dir, env); // entries rewritten from the files
    const kinds = (prefix: string) => readdirSync(cache).filter((f) => f.startsWith(prefix)).map((f) => path.join(cache, f));
    for (const f of kinds('sub-report')) withShape(f, (v) => ((v.unitName = null), ((v.report as Record<string, unknown> | undefined) ?? {}).unit = '示例区'));
    for (const f of kinds('roster')) withShape(f, (v) => ((v.roster as Record<string, unknown>).units = [{ name: null, level: 'town' }]));
    for (const f of kinds('previous')) withShape(f, (v) => ((v.checked as Record<string, unknown>).report = { metrics: 'x' }));
    const shaped = fazhi(['render', report, '-o', 'out', '--verbose'], dir, env);
    expect(shaped.stderr).toBe('');
    expect(shaped.stdout).toBe(good.stdout);
  });

  it('ignores damaged entries and works with a cache folder it cannot write', () => {
    const { dir, cache, report } = cacheWorkspace();
    const env = { FAZHI_CACHE_DIR: cache };
    const good = fazhi(['render', report, '-o', 'out'], dir, env);
    for (const f of readdirSync(cache)) writeFileSync(path.join(cache, f), f.startsWith('sub') ? '{"id":' : '\u0000\u0001');
    const damaged = fazhi(['render', report, '-o', 'out'], dir, env);
    expect(damaged.code).toBe(0);
    expect(damaged.stdout).toBe(good.stdout);
    expect(damaged.stderr).toBe('');

    // A cache folder that cannot be created (its parent is a file), even for root.
    const blocker = path.join(dir, '不是文件夹.txt');
    writeFileSync(blocker, '');
    const r = fazhi(['render', report, '-o', 'out'], dir, { FAZHI_CACHE_DIR: path.join(blocker, '缓存') });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(good.stdout);
    expect(r.stderr).toBe('');
  });
});

describe('where the cache lives', () => {
  it('follows each system’s convention, and FAZHI_CACHE_DIR overrides it', () => {
    expect(defaultCacheDir({ FAZHI_CACHE_DIR: '/x/缓存' }, 'linux')).toBe('/x/缓存');
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/home/u/.cache' }, 'linux')).toBe(path.join('/home/u/.cache', 'fazhi-report'));
    expect(defaultCacheDir({ LOCALAPPDATA: 'C:\\Users\\张三\\AppData\\Local' }, 'win32')).toBe(
      path.win32.join('C:\\Users\\张三\\AppData\\Local', 'fazhi-report', 'Cache'),
    );
    expect(defaultCacheDir({}, 'darwin')).toBe(path.join(os.homedir(), 'Library', 'Caches', 'fazhi-report'));
  });

  it('is never the working folder: an empty or relative HOME, XDG_CACHE_HOME or LOCALAPPDATA is ignored', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '.' }, 'linux', '/home/u')).toBe('/home/u/.cache/fazhi-report');
    expect(defaultCacheDir({ XDG_CACHE_HOME: 'cache' }, 'linux', '')).toBeUndefined();
    expect(defaultCacheDir({}, 'linux', '')).toBeUndefined();
    expect(defaultCacheDir({}, 'linux', '.')).toBeUndefined();
    expect(defaultCacheDir({}, 'darwin', '')).toBeUndefined();
    expect(defaultCacheDir({ LOCALAPPDATA: '.' }, 'win32', '')).toBeUndefined();
  });
});
