#!/usr/bin/env node
// `node scripts/bench-render.mjs FILE WARM_UP RUNS`: renders FILE in this process WARM_UP times,
// then RUNS times more, and prints the times of the latter (ms, JSON). bench.mjs runs it in a
// fresh process for each figure, so that no earlier measurement's heap or compiled code counts.
// A fourth argument names another built checkout to measure (bench.mjs --compare).
import { pathToFileURL } from 'node:url';
import path from 'node:path';
const [file, warmUp = '20', runs = '15', root] = process.argv.slice(2);
const pipeline = root ? pathToFileURL(path.join(root, 'dist', 'pipeline.js')).href : new URL('../dist/pipeline.js', import.meta.url).href;
const { renderFile } = await import(pipeline);
const times = [];
for (let i = 0; i < Number(warmUp) + Number(runs); i++) {
  const t0 = performance.now();
  const result = await renderFile(file);
  if (!result.docx) {
    console.error(`${file} did not render`);
    process.exit(1);
  }
  if (i >= Number(warmUp)) times.push(performance.now() - t0);
}
console.log(JSON.stringify(times));
