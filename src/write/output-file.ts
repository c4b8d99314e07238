// Writing outputs safely: a temporary file in the same folder, then rename, so an interrupted
// run never leaves a half-written .docx and an existing output is only replaced by a complete one.

import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../diagnostic.js';

export function writeFileAtomic(file: string, bytes: Uint8Array): void {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, bytes);
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
      throw new UserError(`无法写入“${file}”：文件可能正在 Word 或 WPS 中打开，或没有写入权限。请关闭该文件后重试。`);
    }
    if (code === 'ENOSPC') throw new UserError(`无法写入“${file}”：磁盘空间不足。`);
    throw new UserError(`无法写入“${file}”（${code ?? '未知错误'}）。请检查输出文件夹是否存在、是否可写。`);
  }
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A title or unit name → a safe file name: no separators, no `..`, no reserved names, bounded. */
export function safeFileName(name: string, fallback = '报告'): string {
  let s = name
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '')
    .replace(/\s+/g, '')
    .replace(/^\.+/, '')
    .replace(/\.+$/, '');
  if (s.length > 80) s = s.slice(0, 80);
  if (s === '' || WINDOWS_RESERVED.test(s)) s = fallback;
  return s;
}

/**
 * Default output: under output/, mirroring the data path below data/ (data/示例区/2024/report.yaml
 * → output/示例区/2024/<标题>.docx). Files outside data/ go straight into output/.
 */
export function defaultOutputPath(inputFile: string, title: string, extension: string, cwd = process.cwd()): string {
  const relative = path.relative(path.join(cwd, 'data'), path.resolve(cwd, inputFile));
  const insideData = !relative.startsWith('..') && !path.isAbsolute(relative);
  const subdir = insideData ? path.dirname(relative) : '';
  const safeSubdir = subdir
    .split(path.sep)
    .filter((s) => s !== '' && s !== '.')
    .map((s) => safeFileName(s, '_'))
    .join(path.sep);
  return path.join(cwd, 'output', safeSubdir, `${safeFileName(title)}${extension}`);
}
