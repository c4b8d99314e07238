#!/usr/bin/env node
// Entry point of the `fazhi` command. `npm install` (npm run build) bundles the CLI into one
// CommonJS script, dist/bundle/cli.cjs, and writes V8's compiled code for it beside it
// (cli.cache): run with that cache, a cold start does not compile the YAML parser and the docx
// writer again. Node 20 offers no compile cache for ES modules, hence a script run through vm.
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

// Output piped into a command that stops reading early (`fazhi validate … | more`) is no
// error of the user's: end quietly instead of printing Node's EPIPE stack trace. Output that
// cannot be written at all (`> /dev/full`, a full disk, a closed terminal) ends the run with
// one Chinese sentence on the other stream, if that one still works, and exit 1.
const WRITE_FAILED = {
  ENOSPC: '磁盘空间不足',
  EDQUOT: '超出磁盘配额',
  EIO: '输入输出错误',
  EBADF: '输出已关闭',
  EACCES: '没有写入权限',
  EPERM: '没有写入权限',
  EROFS: '输出位置是只读的',
};
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    const other = stream === process.stdout ? process.stderr : process.stdout;
    try {
      const what = stream === process.stdout ? '输出' : '提示信息';
      other.write(`fazhi：无法写出${what}（${WRITE_FAILED[err.code] ?? err.code ?? '未知错误'}），已停止。请检查输出重定向到的文件或磁盘。\n`);
    } catch {
      // Neither stream works: the exit code is all that is left.
    }
    process.exit(1);
  });
}

// The bundle uses Node 20's APIs: an older Node gets one sentence, not a stack trace.
if (Number(process.versions.node.split('.')[0]) < 20) {
  console.error(`fazhi 需要 Node.js 20 或更高版本，这台电脑上是 ${process.version}。请到 https://nodejs.org 安装新版本后重试。`);
  process.exit(2);
}

const bundle = fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url));
const cacheFile = fileURLToPath(new URL('../dist/bundle/cli.cache', import.meta.url));
if (!existsSync(bundle)) {
  console.error('fazhi 尚未构建：请先在项目文件夹中运行 npm install（或 npm run build）。');
  process.exit(2);
}

// V8 checks a cache against its own version and flags and the source's length only, so the
// cache also records which build of the bundle it was made from.
const stat = statSync(bundle);
const stamp = Buffer.from(`${stat.size}:${stat.mtimeMs}:${process.version}:${process.arch}\n`);
let cachedData;
if (process.env.FAZHI_CODE_CACHE !== 'write' && process.env.FAZHI_CODE_CACHE !== 'off') {
  try {
    const bytes = readFileSync(cacheFile);
    if (bytes.subarray(0, stamp.length).equals(stamp)) cachedData = bytes.subarray(stamp.length);
  } catch {
    // No cache (first run after a build without one): compile as usual.
  }
}

const source = readFileSync(bundle, 'utf8');
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: bundle,
  ...(cachedData ? { cachedData } : {}),
});
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, fileURLToPath(new URL('../dist/bundle/', import.meta.url)));
// Results from the district's other files (last year's, the sub-reports, the roster) are kept
// between runs, per build of the bundle; FAZHI_CACHE=off turns that off.
if (process.env.FAZHI_CACHE !== 'off') module.exports.enableDiskCache(stamp.toString().trim());
process.exitCode = await module.exports.main(process.argv.slice(2));

// After the run the script holds the code of every function it compiled. Written when asked
// (the build), or when the cache was missing or refused (Node upgraded); best effort, since the
// package folder may be read-only.
if (process.env.FAZHI_CODE_CACHE === 'write' || (!cachedData && process.env.FAZHI_CODE_CACHE !== 'off') || script.cachedDataRejected) {
  try {
    const temp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temp, Buffer.concat([stamp, script.createCachedData()]));
    renameSync(temp, cacheFile);
  } catch {
    // Read-only installation: run without a cache.
  }
}
