// Near-identical paragraphs between two reports. Texts are compared with whitespace and
// punctuation removed and every number masked, so a paragraph copied from last year with only
// its figures updated still counts as the same paragraph (the usual copy-and-edit).

const IGNORED = /[\s\p{P}\p{S}]/gu;

/** Text reduced to what a reader compares: no spacing or punctuation, numbers as '#'. */
export function comparable(text: string): string {
  return text.replace(IGNORED, '').replace(/\d+(?:\.\d+)?/g, '#');
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
  const c = comparable(text);
  const grams = bigrams(c);
  let size = 0;
  for (const n of grams.values()) size += n;
  return { plain: text.replace(IGNORED, ''), text: c, grams, size };
}

/** Dice coefficient over character bigrams (with multiplicity): 1 for identical texts. */
export function similarity(a: Fingerprint, b: Fingerprint): number {
  if (a.text === b.text) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.grams.size < b.grams.size ? [a.grams, b.grams] : [b.grams, a.grams];
  for (const [g, n] of small) shared += Math.min(n, large.get(g) ?? 0);
  return (2 * shared) / (a.size + b.size);
}
