#!/usr/bin/env node
// Measures `fazhi batch` on N generated small reports (default 200) with worker threads, child
// processes and a single thread: `node scripts/bench-batch.mjs [N]`. Needs the built CLI.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'fazhi.js');
const count = Number(process.argv[2] ?? 200);
const dir = mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-'));
const year = path.join(dir, '基准区', '2024');
const template = readFileSync(path.join(ROOT, 'data', '示例区', '2024', 'departments', '示例区教育局.yaml'), 'utf8');
mkdirSync(path.join(year, 'departments'), { recursive: true });
const units = [];
for (let i = 1; i <= count; i++) {
  const name = `基准区第${i}局`;
  units.push(`  - { name: ${name}, level: department, contact: 联系人${i} }`);
  const text = template
    .replace(/示例区教育局/g, name)
    .replace('short: 区教育局', `short: 第${i}局`)
    .replace('value: 120', `value: ${100 + i}`)
    .replace(/^# yaml-language-server.*\n/, '');
  writeFileSync(path.join(year, 'departments', `${name}.yaml`), text);
}
writeFileSync(path.join(dir, '基准区', 'units.yaml'), `district: 基准区\nunits:\n${units.join('\n')}\n`);

function run(kind) {
  const out = path.join(dir, `out-${kind}`);
  const started = performance.now();
  const r = spawnSync(process.execPath, [BIN, 'batch', year, '-o', out], { encoding: 'utf8', env: { ...process.env, FAZHI_BATCH_WORKERS: kind } });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`${kind}: exit ${r.status}\n${r.stderr}`);
  return seconds;
}

console.log(`${count} reports, ${os.availableParallelism()} cores`);
for (const kind of ['inline', 'thread', 'process', 'thread', 'process', 'inline']) console.log(`${kind.padEnd(8)} ${run(kind).toFixed(2)} s`);
if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
else console.log(dir);
