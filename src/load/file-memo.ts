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

/**
 * The most recently used `capacity` files' values. Bounded because a batch worker goes through a
 * province's files one after another: with every report's last year's file kept (its text, data
 * and positions, some hundreds of KB each), a worker's memory grew with the number of reports it
 * had rendered. A value pushed out is computed again when asked for, from the disk cache when
 * there is a codec: the same value, a little later.
 */
export class FileMemo<T> {
  // A Map iterates in insertion order: a hit is moved to the end, the first entry is the oldest.
  private readonly entries = new Map<string, { stamp: string; value: T }>();

  constructor(
    private readonly capacity: number,
    private readonly codec?: DiskCacheCodec<T>,
  ) {}

  /** `compute()` for `file`; `key` separates values that also depend on something else. */
  get(file: string, compute: () => T, key = path.resolve(file)): T {
    const stamp = stampOf(file);
    const hit = this.entries.get(key);
    if (stamp !== undefined && hit?.stamp === stamp) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = this.codec && stamp !== undefined ? diskCached(file, key, this.codec, compute) : compute();
    this.entries.delete(key);
    if (stamp !== undefined) {
      this.entries.set(key, { stamp, value });
      if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    }
    return value;
  }
}
