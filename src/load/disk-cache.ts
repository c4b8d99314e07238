// Results computed from the district's *other* files — last year's report, the sub-reports, the
// roster — kept on disk between runs. While a clerk drafts the district report those files do
// not change, yet every `validate` or `render` reads them: parsing ten YAML files in a fresh
// process (code not yet optimised) is most of a cold run. An entry holds the file's bytes and
// is used only when the file still has exactly those bytes, for the same path as given and the
// same build of the tool: a changed file or a new version is never served stale. (Comparing the
// bytes, not a digest, spares the cold start loading node:crypto.) Best effort throughout: an
// unwritable or damaged cache only means computing again. Only the CLI turns it on
// (enableDiskCache); the library never writes.

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

export interface DiskCacheCodec<T> {
  /** What a kind of entry is, and the version of its encoding. */
  kind: string;
  encode(value: T): unknown;
  /**
   * The value from an entry's JSON, checked as strictly as a file from the user: a value of the
   * wrong shape (a null, a string where an object goes) throws, and the entry is recomputed.
   */
  decode(json: unknown): T;
}

let settings: { dir: string; build: string } | undefined;

/**
 * The per-user cache folder, as each system names it (FAZHI_CACHE_DIR overrides), or undefined
 * when there is no such place. A relative or empty location (`HOME=""`, `XDG_CACHE_HOME=.`) is
 * ignored, as the XDG specification asks: it would put the cache in whatever folder the user is
 * working in, beside their reports.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string | undefined {
  if (env.FAZHI_CACHE_DIR) return env.FAZHI_CACHE_DIR;
  const p = platform === 'win32' ? path.win32 : path.posix;
  const absolute = (dir: string | undefined): string | undefined => (dir && p.isAbsolute(dir) ? dir : undefined);
  const userHome = absolute(home);
  if (platform === 'win32') {
    const local = absolute(env.LOCALAPPDATA) ?? (userHome && p.join(userHome, 'AppData', 'Local'));
    return local && p.join(local, 'fazhi-report', 'Cache');
  }
  if (platform === 'darwin') return userHome && p.join(userHome, 'Library', 'Caches', 'fazhi-report');
  const base = absolute(env.XDG_CACHE_HOME) ?? (userHome && p.join(userHome, '.cache'));
  return base && p.join(base, 'fazhi-report');
}

/** `build` identifies the code that computes the entries: a new build starts afresh. */
export function enableDiskCache(build: string, dir = defaultCacheDir()): void {
  // No safe place for a cache: run without one.
  settings = dir ? { dir, build } : undefined;
}

export function disableDiskCache(): void {
  settings = undefined;
}

/** A file name for an entry: FNV-1a of its kind and key, twice with different offsets (64 bits). */
function entryName(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * What an entry's check holds: CRC-32 of what it was made from and of its value as written, as
 * zip and the code cache (bin/fazhi.js) use it. Native (Node 20.15 and later; package.json asks
 * for 20.19): the FNV loop in JavaScript it replaces took 5–10 ms of a cold run over the ~400 KB
 * of entries a district's render reads, more than parsing them.
 */
function checksum(id: string, content: string, value: string): string {
  return `crc${zlib.crc32(value, zlib.crc32(`${id}\n${content}\n`)).toString(16)}`;
}

/**
 * The stored value of an entry of this kind and key, if it was written by this build from this
 * content; else undefined. For values computed from something other than one file (the writer's
 * reference package, computed from the layout profile).
 */
export function readDiskEntry(kind: string, key: string, content: string): unknown {
  if (!settings) return undefined;
  try {
    const id = `${kind}\n${settings.build}\n${key}`;
    const entry = JSON.parse(readFileSync(entryFileOf(kind, key), 'utf8')) as { id?: unknown; content?: unknown; value?: unknown; check?: unknown };
    // Used only when it was made from exactly this content and nothing in it has changed since it
    // was written: one changed digit in a figure (4156 for 1156) must never reach a total. The
    // checksum binds the value to the content; the codec then checks its shape.
    if (entry.id === id && entry.content === content && entry.check === checksum(id, content, JSON.stringify(entry.value))) return entry.value;
  } catch {
    // Missing or damaged: not there.
  }
  return undefined;
}

/** Stores an entry (best effort: an unwritable cache folder only means computing again). */
export function writeDiskEntry(kind: string, key: string, content: string, value: unknown): void {
  if (!settings) return;
  try {
    const entryFile = entryFileOf(kind, key);
    mkdirSync(settings.dir, { recursive: true });
    const temp = `${entryFile}.${process.pid}.tmp`;
    const id = `${kind}\n${settings.build}\n${key}`;
    const encoded = JSON.stringify(value);
    writeFileSync(temp, `{"id":${JSON.stringify(id)},"content":${JSON.stringify(content)},"value":${encoded},"check":${JSON.stringify(checksum(id, content, encoded))}}`);
    renameSync(temp, entryFile);
  } catch {
    // Read-only or full disk: the next run computes again.
  }
}

/**
 * Named without the build, so that a new version overwrites its predecessor's entry: the folder
 * holds one entry per key, however many versions have run.
 */
function entryFileOf(kind: string, key: string): string {
  return path.join(settings!.dir, `${kind}-${entryName(`${kind}\n${key}`)}.json`);
}

/**
 * The cached value of `compute()` for `file`'s current content, else computes and stores it.
 * `key` names everything else the value depends on (the path as the user wrote it, say).
 */
export function diskCached<T>(file: string, key: string, codec: DiskCacheCodec<T>, compute: () => T): T {
  if (!settings) return compute();
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    return compute(); // unreadable: the computation reports it
  }
  return diskCachedBytes(bytes, key, codec, compute);
}

/**
 * The cached value of `compute()` for content already read (`bytes`): for a caller that computes
 * from those very bytes, so that the entry's content and its value cannot come from two
 * different reads of a file being saved meanwhile.
 */
export function diskCachedBytes<T>(bytes: Uint8Array, key: string, codec: DiskCacheCodec<T>, compute: () => T): T {
  if (!settings) return compute();
  const content = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  const stored = readDiskEntry(codec.kind, key, content);
  if (stored !== undefined) {
    try {
      return codec.decode(stored);
    } catch {
      // Damaged: compute below.
    }
  }
  const value = compute();
  writeDiskEntry(codec.kind, key, content, codec.encode(value));
  return value;
}
