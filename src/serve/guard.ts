// Who may talk to the workbench, and which files it may touch. The server listens on 127.0.0.1
// only, yet any web page the user opens could send requests to it, and a page from a domain
// that resolves to 127.0.0.1 (DNS rebinding) could even read the answers. So every request must
// carry the random token of the opened URL, name this server in its Host header, and come from
// no other origin; file names from the page are confined to the served folder.

import { existsSync, realpathSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';

export const TOKEN_HEADER = 'x-fazhi-token';
export const cookieName = (port: number): string => `fazhi_token_${port}`;

function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/** Why a request is refused, in one Chinese sentence, or undefined when it may proceed. */
export function refusal(req: IncomingMessage, url: URL, token: string, port: number): string | undefined {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes((req.headers.host ?? '').toLowerCase())) return '拒绝访问：请求的主机名不是本机的工作台地址。';
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.some((h) => origin.toLowerCase() === `http://${h}`)) return '拒绝访问：请求来自其他网页。';
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return '拒绝访问：请求来自其他网页。';
  const header = req.headers[TOKEN_HEADER];
  const given = (typeof header === 'string' ? header : undefined) ?? url.searchParams.get('token') ?? cookieValue(req.headers.cookie, cookieName(port));
  if (!sameToken(given ?? undefined, token)) return '拒绝访问：缺少或错误的访问口令。请使用启动 fazhi serve 时显示的完整地址打开工作台。';
  return undefined;
}

/** Characters no file name may hold on Windows, and controls. */
const FORBIDDEN = /[\\:*?"<>|\u0000-\u001f\u007f]/;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

export class PathError extends Error {}

function inside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * A path from the page ("示例区/2024/departments/某局.yaml") → the absolute file inside `root`.
 * Refused: absolute paths, "..", empty parts, names Windows forbids, and anything that leads
 * outside the folder through a symbolic link. `write`: only .yaml/.yml data files.
 */
export function resolveInside(root: string, given: unknown, options: { write?: boolean; extensions?: RegExp } = {}): string {
  if (typeof given !== 'string' || given === '' || given.length > 500) throw new PathError('文件名不正确。');
  const parts = given.split('/');
  for (const part of parts) {
    if (part === '' || part === '.' || part === '..' || FORBIDDEN.test(part) || WINDOWS_RESERVED.test(part) || /^[\s]|[\s.]$/.test(part)) {
      throw new PathError(`文件名“${given}”不正确：只能是数据文件夹中的文件，不能含有 \\ : * ? " < > | 等字符。`);
    }
  }
  const extensions = options.extensions ?? (options.write ? /\.ya?ml$/i : undefined);
  if (extensions && !extensions.test(given)) throw new PathError(`只能保存 .yaml 数据文件，“${given}”不是。`);
  const target = path.join(root, ...parts);
  if (!inside(root, target)) throw new PathError(`“${given}”不在数据文件夹中。`);
  // The nearest existing ancestor, resolved: a link inside the folder must not lead out of it.
  let existing = target;
  while (!existsSync(existing) && existing !== root) existing = path.dirname(existing);
  let real: string;
  try {
    real = realpathSync(existing);
  } catch {
    throw new PathError(`无法访问“${given}”。`);
  }
  if (!inside(root, real)) throw new PathError(`“${given}”不在数据文件夹中。`);
  return target;
}
