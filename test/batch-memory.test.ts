// A batch worker renders thousands of reports in one V8 heap. What a render allocates must die
// young: an object that reaches V8's old generation stays there, garbage, until the next full
// collection, and a worker's old space grew with every report until V8's 8 MB step was reached
// (issue #12: the batch's peak memory rose from 200 to 5,000 reports). On Node 20, objects made
// by a leading object spread (`{ ...f, block: i }`) were all found in the old generation; the
// page estimate (placeBlocks, several times per report) and the writer's runs made them by the
// thousand. This test composes, fits and writes a department report again and again in a fresh
// Node, as a worker does, and reads V8's own account of what its scavenges promoted to the old
// generation (--trace-gc-nvp).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

const dist = (p: string): string => pathToFileURL(path.join(ROOT, 'dist', p)).href;
const REPORT = path.join(ROOT, 'data', '示例区', '2024', 'departments', '示例区司法局.yaml');
const RENDERS = 300;

// Validated once; composed, fitted (the page estimate) and written (which places the blocks again
// to put the 版记 on its page) in the loop, between two markers.
const SCRIPT = `
const { validateFile } = await import(${JSON.stringify(dist('pipeline.js'))});
const { compose } = await import(${JSON.stringify(dist('compose/index.js'))});
const { fitLayout } = await import(${JSON.stringify(dist('layout/fit.js'))});
const { writeDocx } = await import(${JSON.stringify(dist('write/docx/index.js'))});
const { GBT9704 } = await import(${JSON.stringify(dist('layout/profile.js'))});
const report = validateFile(${JSON.stringify(REPORT)}).report;
const render = () => writeDocx(fitLayout(compose(report, { titleLineWidth: GBT9704.title.maxLineChars.value }), GBT9704), GBT9704);
for (let i = 0; i < 50; i++) await render();
console.log('MARK start');
let bytes = 0;
for (let i = 0; i < ${RENDERS}; i++) bytes += (await render()).length;
console.log('MARK end', bytes);
`;

/** Bytes V8's scavenges promoted between the markers, and how many scavenges there were. */
function promoted(output: string): { bytes: number; scavenges: number; rendered: boolean } {
  let on = false;
  let bytes = 0;
  let scavenges = 0;
  let rendered = false;
  for (const line of output.split('\n')) {
    if (line.startsWith('MARK start')) on = true;
    else if (line.startsWith('MARK end')) {
      rendered = Number(line.split(' ')[2]) > RENDERS * 5_000;
      on = false;
    } else if (on && /\bgc=s\b/.test(line)) {
      scavenges += 1;
      // A scavenge without the field (another V8's trace) must fail the test, not count as 0.
      const field = /\bpromoted=(\d+)/.exec(line);
      if (!field) throw new Error(`no promoted= in V8's trace line: ${line}`);
      bytes += Number(field[1]);
    }
  }
  return { bytes, scavenges, rendered };
}

describe('batch memory', () => {
  it('rendering a document again and again promotes next to nothing to the old generation', () => {
    // Semi-spaces of 4 MB, about a batch worker's (its young generation is capped at 16 MB): a
    // scavenge every few renders.
    const r = spawnSync(process.execPath, ['--max-semi-space-size=4', '--trace-gc-nvp', '--input-type=module', '-e', SCRIPT], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    expect(r.status, r.stderr).toBe(0);
    const { bytes, scavenges, rendered } = promoted(r.stdout);
    expect(rendered).toBe(true);
    expect(scavenges).toBeGreaterThan(10);
    // Measured: 0.8–0.9 KB per render with the spreads replaced, 13.1 KB with them.
    expect(bytes / RENDERS).toBeLessThan(4096);
  });
});
