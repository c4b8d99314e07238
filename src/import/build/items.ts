// Items written 一是……二是…… in the original, split where the original numbers them.

import type { Item, ItemsStyle } from '../../data/report.js';
import { cnValue, firstSentence } from '../structure/numbering.js';

const ITEM_MARK = /(^|[。；;！？：:])\s*([一二三四五六七八九十]{1,3})是/gu;

export interface SplitItems {
  paragraphs: string[];
  items?: Item[];
  style?: ItemsStyle;
}

/** A short phrase ending in 。 before the item's text is its lead: 一是严格把关重大行政决策。…… */
function toItem(raw: string): Item {
  const text = raw.trim();
  const { sentence, rest } = firstSentence(text);
  // Only the 。 goes (the composer puts it back); ！ and ？ are the original's and stay.
  const lead = sentence.replace(/。$/, '');
  if (rest && [...lead].length <= 25 && !/[，,；;：:]/.test(lead) && /。$/.test(sentence)) return { lead, text: rest };
  return text;
}

/**
 * Split 一是……二是…… into items when that keeps the text in order: items may follow intro
 * paragraphs, but nothing may follow the items. Otherwise the paragraphs stay as they are.
 */
export function splitItems(texts: readonly string[]): SplitItems {
  const marks: { p: number; index: number; start: number; n: number }[] = [];
  let expected = 1;
  texts.forEach((t, p) => {
    for (const m of t.matchAll(ITEM_MARK)) {
      const n = cnValue(m[2]!);
      if (n !== expected) continue;
      const end = m.index + m[0].length;
      marks.push({ p, index: end - m[2]!.length - 1, start: end, n });
      expected++;
    }
  });
  if (marks.length < 2) return { paragraphs: [...texts] };
  const first = marks[0]!;
  // Every paragraph after the first item must start with the next item.
  for (let p = first.p + 1; p < texts.length; p++) {
    const own = marks.filter((m) => m.p === p);
    if (own.length === 0 || texts[p]!.slice(0, own[0]!.index).trim() !== '') return { paragraphs: [...texts] };
  }
  const paragraphs = texts.slice(0, first.p);
  const intro = texts[first.p]!.slice(0, first.index).trim();
  if (intro) paragraphs.push(intro);
  const items = marks.map((m, i) => {
    const next = marks[i + 1];
    const end = next && next.p === m.p ? next.index : texts[m.p]!.length;
    return toItem(texts[m.p]!.slice(m.start, end));
  });
  const inline = marks.some((m, i) => i > 0 && marks[i - 1]!.p === m.p);
  return { paragraphs, items, style: inline ? 'inline' : 'paragraphs' };
}

