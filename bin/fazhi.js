#!/usr/bin/env node
// Entry point of the `fazhi` command. The CLI is bundled into dist/bundle/ by `npm install`
// (npm run build); the bundle loads one chunk per command.
import { existsSync } from 'node:fs';

// Output piped into a command that stops reading early (`fazhi validate … | more`) is no
// error of the user's: end quietly instead of printing Node's EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? 0);
  });
}

const bundle = new URL('../dist/bundle/cli.mjs', import.meta.url);
if (!existsSync(bundle)) {
  console.error('fazhi 尚未构建：请先在项目文件夹中运行 npm install（或 npm run build）。');
  process.exit(2);
}
const cli = await import(bundle.href);
process.exitCode = await cli.main(process.argv.slice(2));
