// Global setup of `npm test`: the run gets a temp folder of its own (TMPDIR, inherited by the
// test workers and every command they start), and at the end no test may have left a fazhi-*
// folder in it: tests clean up after themselves, and so does the tool (PDF, import, batch).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(path.join(os.tmpdir(), 'vitest-run-'));
  process.env.TMPDIR = root;
  return () => {
    const left = readdirSync(root).filter((name) => name.startsWith('fazhi-'));
    rmSync(root, { recursive: true, force: true });
    if (left.length > 0) {
      // An error thrown here is printed but does not fail the run: set the exit code as well.
      process.exitCode = 1;
      throw new Error(`the tests left ${left.length} fazhi-* folder(s) in the temp folder: ${left.slice(0, 10).join(', ')}`);
    }
  };
}
