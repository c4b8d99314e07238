// Comparing a document's text with an original, independently of the code under test: text is
// reduced to letters, digits and Chinese characters (whitespace and punctuation dropped), and
// the share of the original kept in order is the longest common subsequence over its length.

export function normalizeForCompare(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Length of the longest common subsequence (Myers' O((N+M)D) algorithm, insertions and deletions only). */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) return (n + m - d) / 2;
    }
  }
  return 0;
}

/** Share (0–1) of the original's normalised text found, in order, in the rendered text. */
export function keptInOrder(original: string, rendered: string): number {
  const a = [...normalizeForCompare(original)];
  const b = [...normalizeForCompare(rendered)];
  return a.length === 0 ? 1 : lcsLength(a, b) / a.length;
}
