// A value computed from a file, reused while the file is unchanged (same size and modification
// time). The district's other files — roster, sub-reports, last year's report — are read once
// per process even when `batch` or `watch` validates many reports against them; with a codec,
// also once per content across runs (disk-cache.ts).

import { statSync } from 'node:fs';
import path from 'node:path';
import { diskCached, type DiskCacheCodec } from './disk-cache.js';

function stampOf(file: string): string | undefined {
  try {
    const s = statSync(file);
    return s.isFile() ? `${s.mtimeMs}:${s.size}` : undefined;
  } catch {
    return undefined;
  }
}

/** A memo key for a value whose messages name the file the way the user wrote its path. */
export function keyAsWritten(file: string): string {
  return `${path.resolve(file)}\n${file}`;
}

export class FileMemo<T> {
  private readonly entries = new Map<string, { stamp: string; value: T }>();

  constructor(private readonly codec?: DiskCacheCodec<T>) {}

  /** `compute()` for `file`; `key` separates values that also depend on something else. */
  get(file: string, compute: () => T, key = path.resolve(file)): T {
    const stamp = stampOf(file);
    const hit = this.entries.get(key);
    if (stamp !== undefined && hit?.stamp === stamp) return hit.value;
    const value = this.codec && stamp !== undefined ? diskCached(file, key, this.codec, compute) : compute();
    if (stamp !== undefined) this.entries.set(key, { stamp, value });
    return value;
  }
}
