// Running the real `fazhi` command as a user does, in a scratch folder.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = path.join(ROOT, 'bin', 'fazhi.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Folders made by this test file, removed after its last test (test/helpers/cleanup.ts). */
export const scratchFolders: string[] = [];

/** A fresh folder in the system temp folder, removed after the test file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  scratchFolders.push(dir);
  return dir;
}

export function removeScratchFolders(): void {
  for (const dir of scratchFolders.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The disk cache of these tests' runs: their own, so that no test sees another machine's entries. */
export const TEST_CACHE_DIR = tempDir('fazhi-cache-');

/** `bin`: another installed copy's entry point (see installedCopy). */
export function fazhi(args: string[], cwd = ROOT, env: Record<string, string> = {}, bin = BIN): CliResult {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FAZHI_DEBUG: '', FAZHI_CACHE_DIR: TEST_CACHE_DIR, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A Chinese name, as users' folders have. */
export function scratchDir(): string {
  return tempDir('fazhi-测试-');
}

/** A scratch folder holding a copy of the example data (data/示例区/…) to work in. */
export function workspace(): string {
  const dir = scratchDir();
  cpSync(path.join(ROOT, 'data'), path.join(dir, 'data'), { recursive: true });
  return dir;
}

/**
 * A copy of the installed package (what npm installs: bin, dist, schema, templates) in `dir`, as
 * another installation or another build; returns its bin/fazhi.js. Copied file times are new
 * unless `keepTimes`, so the copy's bundle is another build for the caches keyed by it.
 */
export function installedCopy(dir: string, keepTimes = false): string {
  mkdirSync(dir, { recursive: true });
  for (const part of ['bin', 'dist', 'schema', 'templates', 'package.json']) {
    cpSync(path.join(ROOT, part), path.join(dir, part), { recursive: true, preserveTimestamps: keepTimes });
  }
  return path.join(dir, 'bin', 'fazhi.js');
}
