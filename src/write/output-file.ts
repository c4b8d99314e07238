// Writing outputs safely: a temporary file in the same folder, flushed to disk, then renamed
// over the target, so an interrupted run never leaves a half-written .docx and an existing
// output is only ever replaced by a complete one.

import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../diagnostic.js';

/** The nearest existing ancestor of `dir` that is a file, which makes the folder impossible. */
function fileInTheWay(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    try {
      return statSync(d).isDirectory() ? undefined : d;
    } catch {
      if (path.dirname(d) === d) return undefined;
    }
  }
}

function writeError(file: string, err: unknown): UserError {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EBUSY':
    case 'EPERM':
    case 'EACCES':
      return new UserError(`无法写入“${file}”：文件可能正在 Word 或 WPS 中打开，或没有写入权限。请关闭该文件后重试。`);
    case 'EROFS':
      return new UserError(`无法写入“${file}”：输出位置是只读的（例如只读的共享文件夹或光盘）。请用 -o 换一个可写的位置。`);
    case 'ENOTDIR':
    case 'EEXIST': {
      const blocker = fileInTheWay(path.dirname(file));
      return new UserError(`无法写入“${file}”：${blocker ? `“${blocker}”是一个文件，不是文件夹` : '输出文件夹无法创建'}。请换一个输出位置。`);
    }
    case 'EISDIR':
      return new UserError(`无法写入“${file}”：已有同名的文件夹。请删除或改名该文件夹，或用 -o 换一个输出位置。`);
    case 'ENAMETOOLONG':
      return new UserError(`无法写入“${file}”：文件路径太长。请用 -o 指定一个较短的输出位置。`);
    case 'ENOSPC':
      return new UserError(`无法写入“${file}”：磁盘空间不足。`);
    case 'ENOENT':
      return new UserError(`无法写入“${file}”：输出文件夹不存在，也无法创建（例如系统文件夹或不存在的磁盘）。请用 -o 换一个位置。`);
    default:
      // The system's error code means nothing to a clerk; the sentence says what to check.
      return new UserError(`无法写入“${file}”。请检查输出文件夹是否存在、是否可写，或用 -o 换一个位置。`);
  }
}

let tempCounter = 0;

/**
 * Creates the temporary file beside `file`, exclusively ('wx'): the worker threads of a batch
 * share the process id and the counter's values, so a name another thread holds is skipped.
 */
function openTemp(dir: string): { temp: string; fd: number } {
  for (;;) {
    const temp = path.join(dir, `.fazhi-${process.pid}-${++tempCounter}.tmp`);
    try {
      return { temp, fd: openSync(temp, 'wx') };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

/**
 * mkdir -p, one level at a time: Node's own recursive mkdir never returns for a folder below
 * /proc (it retries ENOENT forever), which `-o /proc/x/报告.docx` would reach.
 */
function makeDirs(dir: string): void {
  if (existsSync(dir)) return;
  const parent = path.dirname(dir);
  if (parent !== dir) makeDirs(parent);
  try {
    mkdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}

export function writeFileAtomic(file: string, bytes: Uint8Array): void {
  const dir = path.dirname(file);
  let temp: string | undefined;
  let fd: number | undefined;
  try {
    makeDirs(dir);
    ({ temp, fd } = openTemp(dir));
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    // On disk before the rename: after a power cut the target is the old file or the new one.
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, file);
  } catch (err) {
    try {
      if (fd !== undefined) closeSync(fd);
      if (temp !== undefined) rmSync(temp, { force: true });
    } catch {
      // Nothing was created (the folder could not be), or there is nothing more to do.
    }
    throw writeError(file, err);
  }
}

// Device names Windows reserves, with or without an extension ("NUL.2024.docx" is NUL too).
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** Longest name kept, in characters and in UTF-8 bytes: with ".docx", within the 255 bytes most file systems allow. */
const MAX_NAME_CHARS = 80;
const MAX_NAME_BYTES = 240;

/** A title or unit name → a safe file name: no separators, no `..`, no reserved names, bounded. */
export function safeFileName(name: string, fallback = '报告'): string {
  const trimEnds = (s: string): string => s.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  let s = trimEnds(
    name
      // Characters Windows forbids in names, controls, unpaired surrogates, and all white space.
      .replace(/[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .replace(/\s+/g, ''),
  );
  // Cut by whole characters, never inside a surrogate pair.
  const chars = [...s];
  let bytes = 0;
  let keep = 0;
  for (const ch of chars) {
    bytes += Buffer.byteLength(ch, 'utf8');
    if (keep >= MAX_NAME_CHARS || bytes > MAX_NAME_BYTES) break;
    keep += 1;
  }
  if (keep < chars.length) s = trimEnds(chars.slice(0, keep).join(''));
  if (s === '' || WINDOWS_RESERVED.test(s)) s = fallback;
  return s;
}

/**
 * The project folder of a data file: the folder holding the nearest `data/` above it. Found from
 * the file's own location, so that the output lands in the same place whatever folder the
 * command runs in (`render report.yaml` inside data/示例区/2024 writes to output/示例区/2024).
 */
export function projectOf(inputFile: string, cwd = process.cwd()): { root: string; dataDir: string } | undefined {
  let dir = path.dirname(path.resolve(cwd, inputFile));
  for (;;) {
    if (path.basename(dir) === 'data') return { root: path.dirname(dir), dataDir: dir };
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/**
 * Default output: under output/ of the project, mirroring the data path below data/
 * (data/示例区/2024/report.yaml → output/示例区/2024/<标题>.docx). Files outside any data/ folder
 * go straight into output/ of the working folder.
 */
export function defaultOutputPath(inputFile: string, title: string, extension: string, cwd = process.cwd()): string {
  const project = projectOf(inputFile, cwd);
  if (!project) return path.join(cwd, 'output', `${safeFileName(title)}${extension}`);
  const relative = path.relative(project.dataDir, path.resolve(cwd, inputFile));
  const safeSubdir = path
    .dirname(relative)
    .split(path.sep)
    .filter((s) => s !== '' && s !== '.')
    .map((s) => safeFileName(s, '_'))
    .join(path.sep);
  return path.join(project.root, 'output', safeSubdir, `${safeFileName(title)}${extension}`);
}
