// Writing outputs safely: a temporary file in the same folder, flushed to disk, then renamed
// over the target, so an interrupted run never leaves a half-written .docx and an existing
// output is only ever replaced by a complete one.

import { closeSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
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
 * This computer in a temporary file's name (8 hex digits of its host name): on a shared folder,
 * a process id means something only on the computer that wrote it.
 */
const HOST = (() => {
  let h = 0x811c9dc5;
  for (const ch of os.hostname()) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
})();

/** The start of this process's temporary files' names (tests). */
export const TEMP_PREFIX = `.fazhi-${HOST}-${process.pid}-`;

/** `.fazhi-<host>-<pid>-<n>.tmp`, and the `.fazhi-<pid>-<n>.tmp` of earlier versions. */
const TEMP_NAME = /^\.fazhi-(?:([0-9a-f]{8})-)?(\d+)-(\d+)\.tmp$/;

/** A temporary file left by a run of an earlier day has long lost its run, wherever it ran. */
const STALE_AFTER_MS = 24 * 3600 * 1000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

const swept = new Set<string>();

/**
 * Removes the temporary files of runs that died inside their write window (kill -9, power cut):
 * ours by name, from this computer with a process id no longer running, or a day old. Once per
 * folder per run; best effort.
 */
function sweepStaleTemps(dir: string): void {
  if (swept.has(dir)) return;
  swept.add(dir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const file = path.join(dir, name);
    try {
      const pid = Number(m[2]);
      const here = m[1] === undefined || m[1] === HOST;
      const dead = (here && pid !== process.pid && !processAlive(pid)) || Date.now() - lstatSync(file).mtimeMs > STALE_AFTER_MS;
      if (dead && lstatSync(file).isFile()) rmSync(file, { force: true });
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

/**
 * Creates the temporary file beside `file`, exclusively ('wx'): the worker threads of a batch
 * share the process id and the counter's values, so a name another thread holds is skipped.
 */
function openTemp(dir: string): { temp: string; fd: number } {
  sweepStaleTemps(dir);
  for (;;) {
    const temp = path.join(dir, `${TEMP_PREFIX}${++tempCounter}.tmp`);
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

/**
 * Why `name` cannot be used as it is as one file or folder name (a unit or district named on the
 * command line), or undefined when it can: the name must reach the disk exactly as typed.
 */
export function unusableNameReason(name: string): string | undefined {
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return '含有换行符或其他控制字符';
  if (/[\\/:*?"<>|]/.test(name) || name.includes('..')) return '含有不能用于文件名的字符（\\ / : * ? " < > | 或 ..）';
  if (/^[.\s]|[.\s]$/.test(name)) return '以空格或句点开头或结尾';
  if (WINDOWS_RESERVED.test(name)) return '是 Windows 保留的设备名（CON、NUL 等）';
  if ([...name].length > MAX_NAME_CHARS || Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) return `太长（最多 ${MAX_NAME_CHARS} 个字）`;
  return undefined;
}

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

/**
 * Whether writing `target` would replace `input`: the same path, or another name for the same
 * file (a link, a folder reached through a link, another letter case on Windows and macOS).
 */
export function sameFile(target: string, input: string): boolean {
  if (path.resolve(target) === path.resolve(input)) return true;
  try {
    const a = statSync(target);
    const b = statSync(input);
    return a.dev === b.dev && a.ino === b.ino && a.ino !== 0;
  } catch {
    return false; // the target does not exist yet: it cannot be the input
  }
}

/** The error for an output that would overwrite one of the command's own input files. */
export function overwritesInput(target: string, input: string): UserError {
  return new UserError(`无法写入“${target}”：这正是输入的数据文件“${input}”，写入会覆盖它，未做任何修改。请用 -o 指定另一个输出位置。`);
}

/**
 * How an output path is compared with another: Windows and macOS do not tell x.docx from X.DOCX,
 * nor a name in composed from one in decomposed Unicode, so neither may two outputs of a run.
 */
export function outputKey(file: string): string {
  return path.resolve(file).normalize('NFC').toLowerCase();
}

/** `target` with `tag` added to its name (标题（x.yml）.docx), the name kept within MAX_NAME_BYTES. */
export function taggedPath(target: string, tag: string): string {
  const extension = path.extname(target);
  const suffix = `（${safeFileName(tag, '_')}）`;
  const budget = MAX_NAME_BYTES - Buffer.byteLength(suffix, 'utf8');
  let stem = '';
  for (const ch of path.basename(target, extension)) {
    if (Buffer.byteLength(stem + ch, 'utf8') > budget) break;
    stem += ch;
  }
  return path.join(path.dirname(target), `${stem}${suffix}${extension}`);
}

/**
 * The first of `target`, then `target` tagged with each of `tags`, then with numbers, that
 * `claim` grants: outputs of one run never overwrite each other, whatever the titles and file
 * names (x.yaml, x.yml and x.YAML with one title get three documents).
 */
export function claimOutputPath(target: string, tags: readonly string[], claim: (candidate: string) => boolean): string {
  if (claim(target)) return target;
  for (const tag of tags) {
    const candidate = taggedPath(target, tag);
    if (claim(candidate)) return candidate;
  }
  const last = tags.at(-1) ?? '';
  for (let n = 2; ; n++) {
    const candidate = taggedPath(target, last ? `${last}-${n}` : String(n));
    if (claim(candidate)) return candidate;
  }
}
