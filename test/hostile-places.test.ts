// Inputs and places that must stay untouched: no output replaces an input file (not even with
// --force), `init` writes only inside data/ and only names that reach the disk as typed, the
// cache never lands in the working folder, and output that cannot be written ends in Chinese.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, fazhi, ROOT, scratchDir, TEST_CACHE_DIR } from './helpers/cli.js';
import { runCli, STACK_TRACE } from './helpers/hostile.js';
import { MINIMAL } from './helpers/minimal.js';

/** A scratch folder, removed after this file by test/helpers/cleanup.ts. */
const dir = scratchDir;

/** Every file under `root`, relative, sorted. */
function tree(root: string): string[] {
  return (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[]).sort();
}

describe('no output replaces an input', () => {
  it('render r.docx -o r.docx (data saved with a .docx name) leaves the data file as it was', async () => {
    const d = dir();
    writeFileSync(path.join(d, 'r.docx'), MINIMAL);
    // Absolute paths: `render` reads its inputs relative to the process's folder.
    const r = await runCli(['render', path.join(d, 'r.docx'), '-o', path.join(d, 'r.docx')], d);
    expect(r.code).toBe(1);
    expect(r.stderr.join('\n')).toContain('无法写入“r.docx”：这正是输入的数据文件“r.docx”，写入会覆盖它，未做任何修改。');
    expect(readFileSync(path.join(d, 'r.docx'), 'utf8')).toBe(MINIMAL);
  });

  it('nor through a linked folder, nor the .html beside the .docx', async () => {
    const d = dir();
    mkdirSync(path.join(d, 'real'));
    writeFileSync(path.join(d, 'real', 'r.docx'), MINIMAL);
    symlinkSync(path.join(d, 'real'), path.join(d, 'link'));
    const r = await runCli(['render', path.join(d, 'real', 'r.docx'), '-o', path.join(d, 'link', 'r.docx')], d);
    expect(r.code).toBe(1);
    expect(readFileSync(path.join(d, 'real', 'r.docx'), 'utf8')).toBe(MINIMAL);
    writeFileSync(path.join(d, 'r.html'), MINIMAL);
    const h = await runCli(['render', path.join(d, 'r.html'), '-o', path.join(d, 'r.docx'), '--html'], d);
    expect(h.code).toBe(1);
    expect(h.stderr.join('\n')).toContain('这正是输入的数据文件“r.html”');
    expect(readFileSync(path.join(d, 'r.html'), 'utf8')).toBe(MINIMAL);
  });

  it('new-year -o <input> --force refuses instead of replacing last year’s file', async () => {
    const d = dir();
    mkdirSync(path.join(d, '2024'));
    writeFileSync(path.join(d, '2024', 'r.yaml'), MINIMAL);
    const r = await runCli(['new-year', '2024/r.yaml', '-o', '2024/r.yaml', '--force'], d);
    expect(r.code).toBe(1);
    expect(r.stderr.join('\n')).toContain('这正是输入的数据文件');
    expect(readFileSync(path.join(d, '2024', 'r.yaml'), 'utf8')).toBe(MINIMAL);
  });
});

describe('fazhi init writes only inside data/, names as typed', () => {
  it.each([
    [['--level', 'department', '--unit', '司法局', '--district', '../../逃逸', '--year', '2025'], '区县名称“../../逃逸”含有不能用于文件名的字符'],
    [['--level', 'department', '--unit', '司法局', '--district', '/tmp', '--year', '2025'], '区县名称“/tmp”含有不能用于文件名的字符'],
    [['--level', 'district', '--unit', '某\n区', '--year', '2025'], '单位名称“某\\u000a区”含有换行符或其他控制字符'],
    [['--level', 'district', '--unit', 'CON', '--year', '2025'], '单位名称“CON”是 Windows 保留的设备名'],
    [['--level', 'department', '--unit', 'nul.txt', '--district', '某区', '--year', '2025'], '是 Windows 保留的设备名'],
    [['--level', 'department', '--unit', '司法局', '--district', 'aux', '--year', '2025'], '区县名称“aux”是 Windows 保留的设备名'],
  ])('init %j is refused (exit 2) and writes nothing', async (args, message) => {
    const d = dir();
    const inner = path.join(d, 'a', 'b');
    mkdirSync(inner, { recursive: true });
    const r = await runCli(['init', ...args], inner);
    expect(r.code).toBe(2);
    expect(r.stderr.join('\n')).toContain(message);
    expect(tree(d)).toEqual(['a', path.join('a', 'b')]);
  });

  it('a sane name is still written where the layout expects it', async () => {
    const d = dir();
    const r = await runCli(['init', '--level', 'town', '--unit', '某镇人民政府', '--district', '某区', '--year', '2025'], d);
    expect(r.code).toBe(0);
    expect(existsSync(path.join(d, 'data', '某区', '2025', 'towns', '某镇人民政府.yaml'))).toBe(true);
  });
});

describe('the cache folder', () => {
  it('is not the working folder when HOME is empty or XDG_CACHE_HOME is relative', () => {
    const d = dir();
    mkdirSync(path.join(d, 'data', '示例区'), { recursive: true });
    for (const f of ['units.yaml']) writeFileSync(path.join(d, 'data', '示例区', f), readFileSync(path.join(ROOT, 'data', '示例区', f)));
    // The 2024 example compares its figures with last year's (〔id 同比〕), so both years come along.
    for (const year of ['2023', '2024']) {
      mkdirSync(path.join(d, 'data', '示例区', year));
      writeFileSync(path.join(d, 'data', '示例区', year, 'report.yaml'), readFileSync(path.join(ROOT, 'data', '示例区', year, 'report.yaml')));
    }
    const before = tree(d);
    for (const env of [{ HOME: '', XDG_CACHE_HOME: '.' }, { HOME: '.', XDG_CACHE_HOME: '' }, { HOME: '', XDG_CACHE_HOME: 'cache' }]) {
      const r = fazhi(['validate', 'data/示例区/2024/report.yaml'], d, { ...env, FAZHI_CACHE_DIR: '' });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(tree(d)).toEqual(before);
    }
  });
});

describe('output that cannot be written', () => {
  it.skipIf(!existsSync('/dev/full'))('validate > /dev/full ends with one Chinese sentence and exit 1, no stack', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'validate', 'data/示例区/2024/report.yaml'], {
        cwd: ROOT,
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
        env: { ...process.env, FAZHI_CACHE_DIR: TEST_CACHE_DIR },
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe('fazhi：无法写出输出（磁盘空间不足），已停止。请检查输出重定向到的文件或磁盘。\n');
      expect(r.stderr).not.toMatch(STACK_TRACE);
    } finally {
      closeSync(full);
    }
  });
});
