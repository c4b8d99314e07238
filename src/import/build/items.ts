// Items written 一是……二是…… in the original, split where the original numbers them.

import type { Item, ItemsStyle } from '../../data/report.js';
import { cnValue, firstSentence } from '../structure/numbering.js';

// 一是 at a sentence's start (group 1 set). Without the sentence mark before it (lost in copying,
// or dropped from a PDF's line end) 二是, 三是… still count when they are the next in sequence.
const ITEM_MARK = /([一二三四五六七八九十]{1,3})是/gu;
const SENTENCE_START = /(?:^|[。；;！？：:])\s*$/u;
/** Words ending in a number that are no item: 第二是, 统一是, 唯一是, 同一是. */
const NOT_AN_ITEM_BEFORE = /[第统唯单同之其]$/;

export interface SplitItems {
  paragraphs: string[];
  items?: Item[];
  style?: ItemsStyle;
  /** Paragraphs after the last item that number nothing (a plans part's closing sentence), when allowed. */
  closing?: string[];
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
export function splitItems(texts: readonly string[], options: { closing?: boolean } = {}): SplitItems {
  const marks: { p: number; index: number; start: number; n: number }[] = [];
  // Every 一是/二是 in the texts, and whether it starts a sentence.
  const found = texts.flatMap((t, p) =>
    [...t.matchAll(ITEM_MARK)].map((m) => {
      const before = t.slice(Math.max(0, m.index - 8), m.index);
      const after = t.slice(m.index + m[0].length, m.index + m[0].length + m[1]!.length);
      return {
        p,
        index: m.index,
        start: m.index + m[0].length,
        n: cnValue(m[1]!),
        atStart: SENTENCE_START.test(before),
        // 说一是一、说二是二: the number repeated after 是 is an idiom, never an item.
        idiom: after === m[1],
        before,
      };
    }),
  );
  let expected = 1;
  found.forEach((f, i) => {
    if (f.n !== expected || f.idiom) return;
    if (!f.atStart) {
      if (f.n < 2 || NOT_AN_ITEM_BEFORE.test(f.before)) return;
      // Inside a sentence, 二是 counts only when no 二是 starts a sentence before the next item
      // does: that one is the item (a lost 。 is the exception, not the rule).
      const later = found.slice(i + 1);
      const nextItem = later.findIndex((g) => g.n === f.n + 1 && g.atStart);
      if (later.slice(0, nextItem < 0 ? undefined : nextItem).some((g) => g.n === f.n && g.atStart)) return;
    }
    marks.push({ p: f.p, index: f.index, start: f.start, n: f.n });
    expected++;
  });
  // A lone 一是 with no 二是 is still the original's numbering: left at a paragraph's start it
  // would read as a number typed by hand (numbered-text) in the import's own output, so it is
  // an item of its own, numbered by the tool as the original numbers it. Inside a paragraph
  // (“……。一是……”) it stays text.
  const lone = marks.length === 1 && marks[0]!.n === 1 && texts[marks[0]!.p]!.slice(0, marks[0]!.index).trim() === '';
  if (marks.length < 2 && !lone) return { paragraphs: [...texts] };
  const first = marks[0]!;
  // With `closing`, paragraphs after the last item's that number nothing are framing text (“我区
  //将以……为……提供法治保障。”), not part of the last item.
  const lastItemParagraph = marks.at(-1)!.p;
  const end = options.closing && lastItemParagraph > first.p ? lastItemParagraph + 1 : texts.length;
  const closing = texts.slice(end);
  // Every paragraph after the first item must start with the next item.
  for (let p = first.p + 1; p < end; p++) {
    const own = marks.filter((m) => m.p === p);
    if (own.length === 0 || texts[p]!.slice(0, own[0]!.index).trim() !== '') return { paragraphs: [...texts] };
  }
  const paragraphs = texts.slice(0, first.p);
  const intro = texts[first.p]!.slice(0, first.index).trim();
  if (intro) paragraphs.push(intro);
  const items = marks.map((m, i) => {
    const next = marks[i + 1];
    const stop = next && next.p === m.p ? next.index : texts[m.p]!.length;
    return toItem(texts[m.p]!.slice(m.start, stop));
  });
  const inline = marks.some((m, i) => i > 0 && marks[i - 1]!.p === m.p);
  return { paragraphs, items, style: inline ? 'inline' : 'paragraphs', ...(closing.length ? { closing } : {}) };
}


// “针对以上问题，提出如下建议：”, “为此，提出以下几点建议。”, “建议如下：”: what follows are suggestions.
const SUGGESTIONS_LEAD = /(?:^|[。！？；])\s*([^。！？；]{0,30}(?:提出|有以下|作如下|提以下)[^。！？；]{0,8}(?:建议|意见|对策)[^。！？；]{0,6}[：:。]|[^。！？；]{0,20}(?:建议|对策)如下[：:。]?)\s*(?=$|[一二三四五六七八九十]{1,3}是|1[.．、])/u;

export interface SplitSuggestions {
  /** The part's own texts, before the suggestions. */
  own: string[];
  /** The suggestions: their lead sentence first, then the texts after it. */
  suggestions?: string[];
}

/** Texts of a part → its own and, from a sentence announcing them on, its suggestions. */
export function splitSuggestions(texts: readonly string[]): SplitSuggestions {
  for (let i = 0; i < texts.length; i++) {
    const m = SUGGESTIONS_LEAD.exec(texts[i]!);
    if (!m) continue;
    const at = m.index + m[0].indexOf(m[1]!);
    const before = texts[i]!.slice(0, at).trim();
    return { own: [...texts.slice(0, i), ...(before ? [before] : [])], suggestions: [texts[i]!.slice(at).trim(), ...texts.slice(i + 1)] };
  }
  return { own: [...texts] };
}
