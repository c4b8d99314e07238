#!/usr/bin/env node
// Entry point of the `fazhi` command. `npm install` (npm run build) bundles the CLI into one
// CommonJS script, dist/bundle/cli.cjs, and writes V8's compiled code for it beside it
// (cli.cache): run with that cache, a cold start does not compile the YAML parser and the docx
// writer again. Node 20 offers no compile cache for ES modules, hence a script run through vm.
import { existsSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import zlib from 'node:zlib';

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
if (!existsSync(bundle)) {
  console.error('fazhi 尚未构建：请先在项目文件夹中运行 npm install（或 npm run build）。');
  process.exit(2);
}

// The code cache. V8 checks a cache against its own version and flags and the source's length
// only, so the file also records which build of the bundle it was made from, and a checksum of
// V8's data: a damaged byte must never reach V8 (it does not verify the data itself and may
// crash on it). A run under other V8 flags (node --…, NODE_OPTIONS) has a cache file of its own:
// V8 would refuse the plain one, and rewriting it would leave the next plain run without one.
const stat = statSync(bundle);
const build = `${stat.size}:${stat.mtimeMs}:${process.version}:${process.arch}`;
const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join('\0').replace(/\0$/, '');
const cacheFile = fileURLToPath(new URL(`../dist/bundle/cli${flags ? `.${fnv1a(flags)}` : ''}.cache`, import.meta.url));
const mode = process.env.FAZHI_CODE_CACHE; // 'write' (the build), 'off', or unset
const isRender = process.argv[2] === 'render';

/** FNV-1a of a string, 32 bits, as hex: names the cache of a set of flags. */
function fnv1a(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Checksum of the cache data: CRC-32 (native from Node 20.15), else a word sum with rotation. */
function checksum(bytes) {
  if (typeof zlib.crc32 === 'function') return `crc${zlib.crc32(bytes).toString(16)}`;
  const words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
  let h = bytes.length | 0;
  for (let i = 0; i < words.length; i++) h = (Math.imul(h, 31) + words[i]) | 0;
  for (let i = words.length * 4; i < bytes.length; i++) h = (Math.imul(h, 31) + bytes[i]) | 0;
  return `sum${(h >>> 0).toString(16)}`;
}

let cachedData;
/** The file holds a cache for this build and flags whose data is damaged: rewrite or remove it. */
let damaged = false;
if (mode !== 'write' && mode !== 'off') {
  try {
    const bytes = readFileSync(cacheFile);
    const end = bytes.indexOf(10);
    const header = bytes.subarray(0, Math.max(end, 0)).toString('latin1');
    const data = bytes.subarray(end + 1);
    if (end > 0 && header.startsWith(`${build}:`)) {
      if (header === `${build}:${checksum(data)}`) cachedData = data;
      else damaged = true;
    }
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
if (process.env.FAZHI_CACHE !== 'off') module.exports.enableDiskCache(build);
process.exitCode = await module.exports.main(process.argv.slice(2));

// After the run the script holds the code of every function it compiled. Written when asked
// (the build), and otherwise only after a successful render — the command the cache is for; a
// cache made by `--help` or `validate` would leave out the writer — when there was no usable
// cache (missing, stale, damaged, or refused by V8 after a Node upgrade). Best effort, since the
// package folder may be read-only. A damaged cache a render does not replace is removed.
const usable = cachedData && !script.cachedDataRejected;
if (mode === 'write' || (mode !== 'off' && isRender && process.exitCode === 0 && !usable)) {
  try {
    const data = script.createCachedData();
    const temp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temp, Buffer.concat([Buffer.from(`${build}:${checksum(data)}\n`, 'latin1'), data]));
    renameSync(temp, cacheFile);
  } catch {
    // Read-only installation: run without a cache.
  }
} else if (damaged) {
  try {
    unlinkSync(cacheFile);
  } catch {
    // Read-only: it is checked, and ignored, on every run.
  }
}
