// Never losing a user's work: outputs replaced only by complete files, input data never
// touched, init never overwriting, output names kept inside output/, and a locked or
// unwritable output reported in Chinese while the rest of a batch still renders.
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { safeFileName } from '../src/write/output-file.js';
import { BIN, fazhi, ROOT, scratchDir } from './helpers/cli.js';
import { HOSTILE, runCli } from './helpers/hostile.js';
import { MINIMAL } from './helpers/minimal.js';
import { docxProblems } from './helpers/wellformed.js';

// Failures the operating system gives, injected into the real write path (src/write/output-file.ts
// imports these functions from node:fs): a full disk part-way through writing, a target that
// Word holds open (Windows refuses the rename with EBUSY/EPERM).
const inject = vi.hoisted(() => ({ write: undefined as string | undefined, rename: undefined as string | undefined }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const failure = (code: string): Error => Object.assign(new Error(`${code}: injected`), { code });
  return {
    ...fs,
    writeSync: (fd: number, buffer: Uint8Array, offset?: number, length?: number, position?: number | null): number => {
      if (inject.write) {
        fs.writeSync(fd, buffer, offset ?? 0, Math.floor((length ?? buffer.length) / 2));
        throw failure(inject.write);
      }
      return fs.writeSync(fd, buffer, offset, length, position);
    },
    renameSync: (from: string, to: string): void => {
      if (inject.rename) throw failure(inject.rename);
      fs.renameSync(from, to);
    },
  };
});

afterEach(() => {
  inject.write = undefined;
  inject.rename = undefined;
});

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
const tempFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('outputs are replaced only by complete files', () => {
  it('keeps the old output intact when writing fails part-way or the file is held open', async () => {
    const dir = scratchDir();
    const input = path.join(dir, 'r.yaml');
    const out = path.join(dir, '报告.docx');
    writeFileSync(input, MINIMAL);
    expect((await runCli(['render', input, '-o', out])).code).toBe(0);
    const before = sha(out);

    writeFileSync(input, MINIMAL.replace('基层执法力量仍然不足。', '基层执法力量仍然不足，正在补充。'));
    inject.write = 'ENOSPC';
    const full = await runCli(['render', input, '-o', out]);
    expect(full.code).toBe(1);
    expect(full.stderr).toContain(`无法写入“${out}”：磁盘空间不足。`);
    expect(sha(out)).toBe(before);
    expect(tempFiles(dir)).toEqual([]);

    inject.write = undefined;
    for (const code of ['EBUSY', 'EPERM']) {
      inject.rename = code;
      const locked = await runCli(['render', input, '-o', out]);
      expect(locked.code).toBe(1);
      expect(locked.stderr).toContain(`无法写入“${out}”：文件可能正在 Word 或 WPS 中打开，或没有写入权限。请关闭该文件后重试。`);
      expect(sha(out)).toBe(before);
      expect(tempFiles(dir)).toEqual([]);
    }

    inject.rename = undefined;
    expect((await runCli(['render', input, '-o', out])).code).toBe(0);
    expect(sha(out)).not.toBe(before);
    expect(docxProblems(readFileSync(out))).toEqual([]);
  });

  it('leaves the old file or a complete new one when the process is killed at any moment', async () => {
    const dir = scratchDir();
    const input = path.join(dir, 'r.yaml');
    const out = path.join(dir, '报告.docx');
    // Big enough that writing takes a while: 3,000 paragraphs.
    writeFileSync(input, MINIMAL.replace('plans:\n  items:\n', `plans:\n  items_style: paragraphs\n  items:\n${'    - 完善行政执法协调监督工作体系。\n'.repeat(3000)}`));
    writeFileSync(out, 'old output');
    const complete = new Set<string>();
    for (const delay of [150, 300, 450, 600, 900, 1200]) {
      const child = spawn(process.execPath, [BIN, 'render', input, '-o', out], { stdio: 'ignore' });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await exited;
      const bytes = readFileSync(out);
      if (bytes.toString() === 'old output') continue;
      expect(docxProblems(bytes)).toEqual([]);
      complete.add(sha(out));
    }
    // Once written, the new output is always the same complete file.
    expect(complete.size).toBeLessThanOrEqual(1);
  });
});

describe('an output that cannot be written', () => {
  it('says why in Chinese, and the other reports of a batch still render', () => {
    // Reliable even as root (where chmod does not stop writes): the output folder's parent is
    // a regular file, as when a file is named like the folder a report belongs in.
    const dir = scratchDir();
    for (const unit of ['甲区', '乙区']) {
      mkdirSync(path.join(dir, 'data', unit, '2024'), { recursive: true });
      writeFileSync(path.join(dir, 'data', unit, '2024', 'report.yaml'), MINIMAL.replaceAll('测试区', unit));
    }
    mkdirSync(path.join(dir, 'output'));
    writeFileSync(path.join(dir, 'output', '甲区'), '一个文件，不是文件夹');
    const r = fazhi(['render', 'data/甲区/2024/report.yaml', 'data/乙区/2024/report.yaml'], dir);
    const blocked = path.join(dir, 'output', '甲区', '2024', '甲区人民政府关于2024年度法治政府建设情况的报告.docx');
    expect(r.stderr).toContain(`无法写入“${blocked}”：“${path.join(dir, 'output', '甲区')}”是一个文件，不是文件夹。请换一个输出位置。`);
    expect(r.stdout).toContain(`已生成：${path.join('output', '乙区', '2024', '乙区人民政府关于2024年度法治政府建设情况的报告.docx')}`);
    expect(docxProblems(readFileSync(path.join(dir, 'output', '乙区', '2024', '乙区人民政府关于2024年度法治政府建设情况的报告.docx')))).toEqual([]);
    expect(readFileSync(path.join(dir, 'output', '甲区'), 'utf8')).toBe('一个文件，不是文件夹');
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at |node:internal/);
  });

  it('says so when a folder has the output file’s name', async () => {
    const dir = scratchDir();
    const input = path.join(dir, 'r.yaml');
    writeFileSync(input, MINIMAL);
    mkdirSync(path.join(dir, '报告.docx'));
    const r = await runCli(['render', input, '-o', path.join(dir, '报告.docx')]);
    expect(r.stderr).toContain(`无法写入“${path.join(dir, '报告.docx')}”：已有同名的文件夹。请删除或改名该文件夹，或用 -o 换一个输出位置。`);
    expect(r.code).toBe(1);
  });

  // sysfs refuses to create files even for root: a permission failure that root cannot bypass.
  it.skipIf(process.platform !== 'linux' || !existsSync('/sys/kernel'))('says so for a folder where the file may not be created (even as root)', () => {
    const dir = scratchDir();
    const input = path.join(dir, 'r.yaml');
    writeFileSync(input, MINIMAL);
    const r = fazhi(['render', input, '-o', '/sys/报告.docx']);
    expect(r.stderr).toContain('无法写入“/sys/报告.docx”：文件可能正在 Word 或 WPS 中打开，或没有写入权限。请关闭该文件后重试。');
    expect(r.code).toBe(1);
    expect(existsSync('/sys/报告.docx')).toBe(false);
  });

  const isRoot = process.getuid?.() === 0;
  it.skipIf(isRoot || process.platform === 'win32')('says so for a read-only folder (not as root: root ignores permissions)', () => {
    const dir = scratchDir();
    const input = path.join(dir, 'r.yaml');
    writeFileSync(input, MINIMAL);
    mkdirSync(path.join(dir, '只读'));
    chmodSync(path.join(dir, '只读'), 0o555);
    const target = path.join(dir, '只读', '报告.docx');
    const r = fazhi(['render', input, '-o', target]);
    chmodSync(path.join(dir, '只读'), 0o755);
    expect(r.stderr).toContain(`无法写入“${target}”：文件可能正在 Word 或 WPS 中打开，或没有写入权限。请关闭该文件后重试。`);
    expect(r.code).toBe(1);
  });
});

describe('input data is never modified', () => {
  it('by validate or render, byte for byte and in its modification time', async () => {
    const files = [
      ...['2023/report.yaml', '2024/report.yaml', '2024/departments/示例区司法局.yaml', '2024/towns/示例街道办事处.yaml'].map((f) =>
        path.join(ROOT, 'data', '示例区', f),
      ),
      ...readdirSync(path.join(ROOT, HOSTILE))
        .filter((f) => f !== 'templates')
        .map((f) => path.join(ROOT, HOSTILE, f)),
    ];
    const before = files.map((f) => [sha(f), statSync(f).mtimeMs]);
    const out = scratchDir();
    for (const f of files) {
      await runCli(['validate', f]);
      await runCli(['render', f, '-o', out]);
    }
    expect(files.map((f) => [sha(f), statSync(f).mtimeMs])).toEqual(before);
  });
});

describe('init', () => {
  it('refuses to overwrite an existing file without --force, and overwrites with it', () => {
    const dir = scratchDir();
    const file = path.join(dir, '报告.yaml');
    writeFileSync(file, MINIMAL);
    const refused = fazhi(['init', '--level', 'district', '--unit', '新区', '--year', '2025', '-o', file], dir);
    expect(refused.stderr).toContain('“' + file + '”已经存在，未做任何修改。如确需重新生成并覆盖，请加 --force。');
    expect(refused.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(MINIMAL);
    const forced = fazhi(['init', '--level', 'district', '--unit', '新区', '--year', '2025', '-o', file, '--force'], dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('新区人民政府');
  });
});

describe('output names', () => {
  it('keeps a unit or title of "../../etc" inside the output folder', async () => {
    const dir = scratchDir();
    mkdirSync(path.join(dir, 'data', '区', '2024'), { recursive: true });
    const input = path.join(dir, 'data', '区', '2024', 'report.yaml');
    writeFileSync(input, MINIMAL.replace('  name: 测试区人民政府', '  name: ../../etc').replace('signatories:\n  - 测试区人民政府', 'signatories:\n  - 测试区'));
    const r = await runCli(['render', input], dir);
    expect(r.code).toBe(0);
    const expected = path.join(dir, 'output', '区', '2024', 'etc关于2024年度法治政府建设情况的报告.docx');
    expect(existsSync(expected)).toBe(true);
    writeFileSync(input, `${MINIMAL}title: ../../../../etc/passwd\n`);
    expect((await runCli(['render', input], dir)).code).toBe(0);
    expect(existsSync(path.join(dir, 'output', '区', '2024', 'etcpasswd.docx'))).toBe(true);
    // Nothing was written anywhere but output/.
    expect(readdirSync(dir).sort()).toEqual(['data', 'output']);
  });

  it.each([
    ['../../etc', 'etc'],
    ['..', '报告'],
    ['CON', '报告'],
    ['nul.2024', '报告'],
    ['Lpt1', '报告'],
    ['com¹', '报告'],
    ['CONSOLE', 'CONSOLE'],
    ['a/b\\c:d*e?f"g<h>i|j', 'abcdefghij'],
    [' 末尾的点和空格. . ', '末尾的点和空格'],
    ['带\u0007控制\ud800字符', '带控制字符'],
    ['中共示例区委 示例区人民政府关于2024年度法治政府建设情况的报告', '中共示例区委示例区人民政府关于2024年度法治政府建设情况的报告'],
  ])('%j → %j', (name, expected) => {
    expect(safeFileName(name)).toBe(expected);
  });

  it('bounds the length in characters and in bytes, never cutting an emoji in half', () => {
    expect([...safeFileName('法'.repeat(300))]).toHaveLength(80);
    const emoji = safeFileName('🏛'.repeat(300));
    expect(Buffer.byteLength(`${emoji}.docx`)).toBeLessThanOrEqual(255);
    expect(emoji).toBe('🏛'.repeat(60));
    // 80 characters are 81 UTF-16 units here: a cut by units would split the last emoji.
    expect(safeFileName(`${'a'.repeat(79)}🏛🏛`)).toBe(`${'a'.repeat(79)}🏛`);
  });
});
