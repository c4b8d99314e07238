// A long title is broken into lines at meaningful points, never inside a word, and shaped so
// that the lines differ in length as a 梯形 (two lines) or 菱形 (three, the middle longest) does,
// never as a rectangle of equal lines, as GB/T 9704 §7.3.1 asks.

/** Width in full-width characters: Latin letters and digits count half. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w += c >= 0x20 && c <= 0x7e ? 0.5 : 1;
  }
  return w;
}

// Places where a title may break, with a preference (lower is better). The break goes
// before the matched text unless `after` is set.
const BREAKS: { pattern: RegExp; after: boolean; cost: number }[] = [
  { pattern: /关于/g, after: true, cost: 0 },
  { pattern: /关于/g, after: false, cost: 1 },
  { pattern: / /g, after: true, cost: 0 },
  { pattern: /法治政府建设/g, after: false, cost: 2 },
  { pattern: /(?:年度|年)(?=法治)/g, after: true, cost: 2 },
  { pattern: /情况的报告|的报告|年度报告|报告$/g, after: false, cost: 3 },
  { pattern: /[和及与暨](?=\d{4}年|[\u4e00-\u9fff]{2})/g, after: true, cost: 2 },
  { pattern: /人民政府|办事处|委员会|[局委办]/g, after: true, cost: 3 },
];

function breakPoints(title: string): Map<number, number> {
  const points = new Map<number, number>();
  for (const { pattern, after, cost } of BREAKS) {
    for (const m of title.matchAll(pattern)) {
      const at = after ? m.index + m[0].length : m.index;
      if (at <= 0 || at >= title.length) continue;
      points.set(at, Math.min(points.get(at) ?? Infinity, cost));
    }
  }
  return points;
}

/** Split `title` into as few lines as fit `maxWidth`, at the best-shaped break points. */
export function breakTitle(title: string, maxWidth: number): string[] {
  if (textWidth(title) <= maxWidth) return [title];
  // Beyond three lines no pair of cuts can fit; skipping the search keeps a pasted-in essay as a
  // title from taking (number of break points)² time.
  const points = textWidth(title.replace(/\s/g, '')) > 3 * maxWidth ? [] : [...breakPoints(title)];
  let best: { lines: string[]; score: number } | undefined;
  const consider = (cuts: number[], cost: number): void => {
    const bounds = [0, ...cuts, title.length];
    const lines = bounds.slice(1).map((end, i) => title.slice(bounds[i], end).trim());
    const widths = lines.map(textWidth);
    if (widths.some((w) => w > maxWidth || w === 0)) return;
    const spread = Math.max(...widths) - Math.min(...widths);
    // Three lines make a 菱形: the middle line the longest.
    const diamond = lines.length === 3 && !(widths[1]! >= widths[0]! && widths[1]! >= widths[2]!) ? 20 : 0;
    // Lines of (nearly) equal length make a rectangle, which GB/T 9704 §7.3.1 rules out: a 梯形
    // wants the lines at least two characters apart.
    const rectangle = spread < 2 ? 10 : 0;
    const score = lines.length * 100 + spread + cost * 2 + diamond + rectangle;
    if (!best || score < best.score) best = { lines, score };
  };
  for (const [a, ca] of points) {
    consider([a], ca);
    for (const [b, cb] of points) if (b > a) consider([a, b], ca + cb);
  }
  if (best) return best.lines;
  // No meaningful point fits: cut by width (rare: a title of unbroken words).
  const lines: string[] = [];
  let line = '';
  for (const ch of title) {
    if (textWidth(line + ch) > maxWidth) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines;
}
