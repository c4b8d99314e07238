// Writing data files that people read and edit: long texts as folded block scalars (>-) broken
// into lines of about 40 characters, like the example data. A folded line break reads back as
// a space, and compose removes a space between two Chinese characters, so the breaks are put
// only between two such characters: the printed text is exactly the text given. The yaml
// library's own folding is off (it would also fold one-line titles); break points are marked
// in the value and turned into line breaks in the output.

import { Document, isMap, isScalar, isSeq, Pair, parseDocument, Scalar, YAMLMap, YAMLSeq, type Node, type ScalarTag } from 'yaml';

// The failsafe schema keeps every scalar as written (1.10 stays 1.10, false stays false) but has no
// null; this tag adds only the empty value, so a value can be cleared for filling in (`date:`).
const EMPTY: ScalarTag = {
  tag: 'tag:yaml.org,2002:null',
  identify: (v) => v === null || v === undefined,
  default: true,
  test: /^$/,
  resolve: () => null,
  stringify: (_item, ctx) => ctx.options.nullStr,
};

/** A data file as an editable document: comments kept, every scalar as text. */
export function parseForEditing(text: string): Document {
  return parseDocument(text, { schema: 'failsafe', customTags: [EMPTY] });
}

/** A new document with the same scalar rules as `parseForEditing`. */
export function newDocument(value: unknown): Document {
  const doc = new Document(null, { schema: 'failsafe', customTags: [EMPTY] });
  doc.contents = toNode(value) as typeof doc.contents;
  return doc;
}

/** Characters per line of a folded text. */
export const LINE_CHARS = 40;
/** Texts longer than this are written as folded block scalars. */
const BLOCK_FROM = 40;

// Same class as compose/text.ts: no space is ever printed between two of these.
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2018-\u201d\u2026\u2014]/u;
// Never start a line with these (避头).
const NO_LINE_START = /[，。、；：？！）》」』】〕”’…—%％]/u;

/** Marks a break point inside a value until the document is written (a private-use character). */
const BREAK = '\ue000';

/** The text with a mark at each point where a folded scalar should break its line. */
export function foldHints(text: string, width = LINE_CHARS): string {
  const chars = [...text];
  if (chars.length <= width || /\n/.test(text)) return text;
  const breaks: number[] = [];
  let start = 0;
  while (chars.length - start > width) {
    let best = -1;
    // Prefer a break right after punctuation in the last quarter of the line, else the latest allowed point.
    for (let at = start + width; at > start + width / 2; at--) {
      const before = chars[at - 1]!;
      const after = chars[at]!;
      if (!WIDE.test(before) || !WIDE.test(after) || NO_LINE_START.test(after)) continue;
      if (best < 0) best = at;
      if (/[，。、；：？！]/u.test(before) && at > start + (width * 3) / 4) {
        best = at;
        break;
      }
    }
    if (best < 0) break; // a long run of Latin text or digits: leave it on one line
    breaks.push(best);
    start = best;
  }
  let out = '';
  let from = 0;
  for (const at of breaks) {
    out += `${chars.slice(from, at).join('')}${BREAK}`;
    from = at;
  }
  return out + chars.slice(from).join('');
}

/** A scalar for a text: plain when short, folded and broken into lines when long. */
export function textScalar(text: string): Scalar {
  const s = new Scalar(text);
  if ([...text].length > BLOCK_FROM && !/[\n\ue000]/.test(text) && text === text.trim()) {
    s.value = foldHints(text);
    s.type = Scalar.BLOCK_FOLDED;
  }
  return s;
}

/** Plain data → YAML nodes, texts styled by `textScalar`; `null` is an empty value to fill in. */
export function toNode(value: unknown): Node {
  if (typeof value === 'string') return textScalar(value);
  if (value === null || value === undefined) return new Scalar(null);
  if (typeof value === 'number' || typeof value === 'boolean') return new Scalar(String(value));
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    for (const v of value) seq.items.push(toNode(v));
    return seq;
  }
  const map = new YAMLMap();
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    map.items.push(new Pair(new Scalar(k), toNode(v)));
  }
  return map;
}

export function pairOf(map: unknown, key: string): Pair<Scalar, Node | null> | undefined {
  if (!isMap(map)) return undefined;
  return map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair<Scalar, Node | null> | undefined;
}

/** Set `key` in a map, keeping its place (and its comments) if present, else after `after`. */
export function setIn(map: YAMLMap, key: string, node: Node, after: readonly string[] = []): Pair<Scalar, Node | null> {
  const existing = pairOf(map, key);
  if (existing) {
    existing.value = node;
    return existing;
  }
  const pair = new Pair(new Scalar(key), node) as Pair<Scalar, Node | null>;
  let at = -1;
  for (const k of after) {
    const i = map.items.findIndex((p) => isScalar(p.key) && p.key.value === k);
    if (i > at) at = i;
  }
  map.items.splice(at < 0 ? map.items.length : at + 1, 0, pair);
  return pair;
}

/** A comment line (or lines) above a key, after any comment already there. */
export function commentAbove(pair: Pair<Scalar, Node | null>, text: string, blankLineBefore = true): void {
  const key = pair.key;
  const lines = text
    .split('\n')
    .map((l) => ` ${l}`)
    .join('\n');
  key.commentBefore = key.commentBefore ? `${key.commentBefore}\n${lines}` : lines;
  if (blankLineBefore) key.spaceBefore = true;
}

export function yamlText(doc: Document): string {
  const text = doc.toString({ lineWidth: 0, nullStr: '', indentSeq: true });
  // A mark sits inside a block scalar's line: break there, at that line's indentation.
  return text
    .split('\n')
    .map((line) => (line.includes(BREAK) ? line.split(BREAK).join(`\n${/^ */.exec(line)![0]}`) : line))
    .join('\n');
}

export { isMap, isSeq };
