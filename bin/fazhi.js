#!/usr/bin/env node
// Entry point of the `fazhi` command; the CLI itself is compiled to dist/ by `npm install`.
import('../dist/cli/main.js')
  .then((cli) => cli.main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  })
  .catch(() => {
    console.error('fazhi 尚未构建：请先在项目文件夹中运行 npm install（或 npm run build）。');
    process.exitCode = 2;
  });
