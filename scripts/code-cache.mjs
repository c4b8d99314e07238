// V8 code cache for the CLI bundle. Node 20 caches the compiled code of its own modules but not
// of ours, so a cold `fazhi render` would compile the bundle's functions (YAML parser, docx
// writer…) on every start. The cache holds their bytecode; it is made by running the CLI once on
// the bundled example (bin/fazhi.js writes it when FAZHI_CODE_CACHE=write), so that it covers the
// functions a real render compiles, not just the top level.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Writes dist/bundle/cli.cache from a render of the example, which runs validation too. (A
 * separate, smaller cache for `validate` was measured: no faster, 174 against 176 ms.)
 */
export async function writeCodeCache(root) {
  const out = mkdtempSync(path.join(os.tmpdir(), 'fazhi-code-cache-'));
  const example = path.join(root, 'data', '示例区', '2024', 'report.yaml');
  try {
    // A cache folder of its own. The first run fills it (last year's report, the roster, the
    // writer's reference package), the second writes the code cache: the code a usual render
    // runs, which no longer builds the reference package with the docx library. Without
    // NODE_OPTIONS: the cache made here is the one for plain runs (bin/fazhi.js).
    const { NODE_OPTIONS: _ignored, ...inherited } = process.env;
    for (const mode of ['off', 'write']) {
      const env = { ...inherited, FAZHI_CODE_CACHE: mode, FAZHI_CACHE_DIR: path.join(out, 'cache') };
      // The named file's own entry is dropped before the second run: the code cache must hold the
      // YAML parser and the checks, which a render after an edit runs (the usual case while
      // drafting); with the entry, the second run would skip them and leave them out.
      if (mode === 'write') for (const f of readdirSync(path.join(out, 'cache'))) if (f.startsWith('checked-file-')) rmSync(path.join(out, 'cache', f));
      const run = spawnSync(process.execPath, [path.join(root, 'bin', 'fazhi.js'), 'render', example, '-o', out], { env, encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`the example did not render while writing the code cache:\n${run.stdout}${run.stderr}`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return `${(statSync(path.join(root, 'dist', 'bundle', 'cli.cache')).size / 1024).toFixed(0)} KB`;
}
