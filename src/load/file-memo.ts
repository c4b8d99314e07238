// A value computed from a file, reused while the file is unchanged (same size and modification
// time). The district's other files — roster, sub-reports — are read once per process even when
// `batch` or `watch` validates many reports against them.

import { statSync } from 'node:fs';
import path from 'node:path';

function stampOf(file: string): string | undefined {
  try {
    const s = statSync(file);
    return s.isFile() ? `${s.mtimeMs}:${s.size}` : undefined;
  } catch {
    return undefined;
  }
}

export class FileMemo<T> {
  private readonly entries = new Map<string, { stamp: string; value: T }>();

  /** `compute()` for `file`; `key` separates values that also depend on something else. */
  get(file: string, compute: () => T, key = path.resolve(file)): T {
    const stamp = stampOf(file);
    const hit = this.entries.get(key);
    if (stamp !== undefined && hit?.stamp === stamp) return hit.value;
    const value = compute();
    if (stamp !== undefined) this.entries.set(key, { stamp, value });
    return value;
  }
}
