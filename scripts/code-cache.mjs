// V8 code cache for the CLI bundle. Node 20 caches the compiled code of its own modules but not
// of ours, so a cold `fazhi render` would compile the bundle's functions (YAML parser, docx
// writer…) on every start. The cache holds their bytecode; it is made by running the CLI once on
// the bundled example (bin/fazhi.js writes it when FAZHI_CODE_CACHE=write), so that it covers the
// functions a real render compiles, not just the top level.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export async function writeCodeCache(root) {
  const out = mkdtempSync(path.join(os.tmpdir(), 'fazhi-code-cache-'));
  try {
    const run = spawnSync(
      process.execPath,
      [path.join(root, 'bin', 'fazhi.js'), 'render', path.join(root, 'data', '示例区', '2024', 'report.yaml'), '-o', out],
      { env: { ...process.env, FAZHI_CODE_CACHE: 'write' }, encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`the example did not render while writing the code cache:\n${run.stdout}${run.stderr}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const file = path.join(root, 'dist', 'bundle', 'cli.cache');
  return `${(statSync(file).size / 1024).toFixed(0)} KB`;
}
