#!/usr/bin/env node
// Entry point of the `fazhi` command; the CLI itself is compiled to dist/ by `npm install`.
// Output piped into a command that stops reading early (`fazhi validate … | more`) is no
// error of the user's: end quietly instead of printing Node's EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? 0);
  });
}
import('../dist/cli/main.js')
  .then((cli) => cli.main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  })
  .catch(() => {
    console.error('fazhi 尚未构建：请先在项目文件夹中运行 npm install（或 npm run build）。');
    process.exitCode = 2;
  });
