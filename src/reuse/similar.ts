// Near-identical paragraphs between two reports. Texts are compared with whitespace and
// punctuation removed and every number masked, so a paragraph copied from last year with only
// its figures updated still counts as the same paragraph (the usual copy-and-edit).

const IGNORED = /[\s\p{P}\p{S}]/gu;

/** Text reduced to what a reader compares: no spacing or punctuation, numbers as '#'. */
export function comparable(text: string): string {
  return maskNumbers(text.replace(IGNORED, ''));
}

function maskNumbers(plain: string): string {
  return plain.replace(/\d+(?:\.\d+)?/g, '#');
}

/** Bigram counts keyed by the two UTF-16 code units as one number (no string per bigram). */
function bigrams(text: string): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const g = text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

export interface Fingerprint {
  /** Without spacing and punctuation, numbers kept. */
  plain: string;
  /** As `plain`, numbers masked. */
  text: string;
  grams: Map<number, number>;
  size: number;
}

export function fingerprint(text: string): Fingerprint {
  const plain = text.replace(IGNORED, '');
  const c = maskNumbers(plain);
  const grams = bigrams(c);
  let size = 0;
  for (const n of grams.values()) size += n;
  return { plain, text: c, grams, size };
}

/** Dice coefficient over character bigrams (with multiplicity): 1 for identical texts. */
export function similarity(a: Fingerprint, b: Fingerprint): number {
  let shared = 0;
  const [small, large] = a.grams.size < b.grams.size ? [a.grams, b.grams] : [b.grams, a.grams];
  for (const [g, n] of small) shared += Math.min(n, large.get(g) ?? 0);
  return dice(a, b, shared);
}

/** The coefficient from the bigrams two fingerprints share; identical texts are 1 outright. */
function dice(a: Fingerprint, b: Fingerprint, shared: number): number {
  if (a.text === b.text) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  return (2 * shared) / (a.size + b.size);
}

/**
 * Last year's fingerprints indexed by bigram, so that one paragraph is compared with all of them
 * at once: most bigrams of Chinese text occur in few paragraphs, so adding up the shared bigrams
 * through the index touches fewer entries than comparing every pair (measured: 1.7 against 2.9
 * ms per check of the example district).
 */
export class BigramIndex {
  /** Per bigram, flat pairs: fingerprint index, count (no object per posting: less garbage per check). */
  private readonly postings = new Map<number, number[]>();

  constructor(readonly fingerprints: readonly Fingerprint[]) {
    fingerprints.forEach((fp, at) => {
      for (const [g, count] of fp.grams) {
        const list = this.postings.get(g);
        if (list) list.push(at, count);
        else this.postings.set(g, [at, count]);
      }
    });
  }

  /** Dice coefficient of `fp` with each indexed fingerprint, in index order (as `similarity`). */
  similarities(fp: Fingerprint): Float64Array {
    const shared = new Float64Array(this.fingerprints.length);
    for (const [g, n] of fp.grams) {
      const list = this.postings.get(g);
      if (!list) continue;
      for (let k = 0; k < list.length; k += 2) {
        const at = list[k]!;
        shared[at] = shared[at]! + Math.min(n, list[k + 1]!);
      }
    }
    return shared.map((s, at) => dice(fp, this.fingerprints[at]!, s));
  }
}
