// Running the real `fazhi` command as a user does, in a scratch folder.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
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

/** The disk cache of these tests' runs: their own, so that no test sees another machine's entries. */
export const TEST_CACHE_DIR = mkdtempSync(path.join(os.tmpdir(), 'fazhi-cache-'));

/** `bin`: another installed copy's entry point (see installedCopy). */
export function fazhi(args: string[], cwd = ROOT, env: Record<string, string> = {}, bin = BIN): CliResult {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FAZHI_DEBUG: '', FAZHI_CACHE_DIR: TEST_CACHE_DIR, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function scratchDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'fazhi-测试-'));
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
