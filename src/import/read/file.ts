// Reading the user's file: only a regular file (never a device, a FIFO or a folder, whatever a
// link points at), its size checked before reading, and never more bytes read than allowed, so
// `/dev/zero`, a FIFO without a writer or a link to `/dev/urandom` is answered at once.

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { UserError } from '../../diagnostic.js';

const MB = 1024 * 1024;

export function readRegularFile(file: string, shown: string, maxBytes: number): Uint8Array {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO that has no writer returns at once instead of waiting for one.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new UserError(`“${shown}”是一个文件夹，请指定要导入的报告文件。`, 2);
    if (code === 'EACCES' || code === 'EPERM') throw new UserError(`没有权限读取“${shown}”，请检查文件权限。`);
    throw new UserError(`找不到“${shown}”，请检查路径和文件名。`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new UserError(`“${shown}”是一个文件夹，请指定要导入的报告文件。`, 2);
    if (!stat.isFile()) throw new UserError(`“${shown}”不是普通文件（而是设备、管道或套接字），无法导入；请指定保存在磁盘上的报告文件。`, 2);
    if (stat.size > maxBytes) throw tooLarge(shown, stat.size, maxBytes);
    // The size may change while reading (a file still being written): read at most one byte more
    // than allowed and stop.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > maxBytes) throw tooLarge(shown, length, maxBytes);
      // Grown since fstat (still being written): say so rather than import part of it.
      if (length === buffer.length) throw new UserError(`“${shown}”在读取时仍在变化（可能正在保存或下载），请稍后重试。`);
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } finally {
    closeSync(fd);
  }
}

export function tooLarge(shown: string, size: number, maxBytes: number): UserError {
  return new UserError(`“${shown}”有 ${(size / MB).toFixed(1)} MB，超过导入的上限 ${maxBytes / MB} MB；一份报告通常不到 1 MB，请检查是否选错了文件。`);
}
