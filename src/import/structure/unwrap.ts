// Text that lost its line breaks: portals often publish a whole report as one line, paragraphs
// separated by a space, a full-width space or nothing at all. Such lines are cut again where the
// report's own structure says a paragraph begins: the title at the start (and a 发文字号 before it,
// the 主送 after it), a heading number that is the next in sequence (一、 （一） 1. （1）) after a
// sentence end or a space, an item 一是 after a space, any space after a sentence end, and the
// closing, 署名, 成文日期, 抄送 and 印发 at the end. Runs before `clean`, which removes the spaces.

import { META_KEYS } from '../clean.js';
import type { SourceLine } from '../read/index.js';
import { headingEnd, sentenceEnd, siblingModel, type HeadingSample } from './heading-end.js';
import { cnValue, type NumberKind } from './numbering.js';

/** A line this long holding headings inside it is a run-together report (a paragraph is rarely over 1 500 characters, never with 二、 inside it after a full stop). */
const LONG = 300;

const SPACE = '[ \\t\\u00a0\\u3000\\u2002-\\u200a]';
const CN = '[一二三四五六七八九十]{1,3}';
// Markers of each level, at the point tested (sticky); the number is group 1.
const MARKERS: { kind: NumberKind; re: RegExp; value: (m: RegExpExecArray) => number }[] = [
  { kind: 1, re: new RegExp(`(${CN})${SPACE}*[、．.](?!是)`, 'y'), value: (m) => cnValue(m[1]!) },
  { kind: 2, re: new RegExp(`[（(]${SPACE}*(${CN})${SPACE}*[）)]`, 'y'), value: (m) => cnValue(m[1]!) },
  { kind: 4, re: /[（(]\s*(\d{1,2})\s*[）)]/y, value: (m) => Number(m[1]) },
  // “8.2025年工作打算”: a year may follow the number (as L3).
  { kind: 3, re: /(\d{1,2})\s*[.．、](?!\d(?!\d{3}年))/y, value: (m) => Number(m[1]) },
  // “2在区级…”: a number whose separator was lost in copying (as L3_BARE), taken only in sequence.
  { kind: 3, re: /(\d{1,2})(?![\d年月日个件项次名人万亿元%％号届期批场家户份条篇级类岁])(?=[\u4e00-\u9fff“《])/y, value: (m) => Number(m[1]) },
];
const ITEM = new RegExp(`(${CN})是`, 'y');
// ASCII marks count too: many portals publish Chinese text typed with half-width punctuation.
const SENTENCE_END = /[。！？；：!?;:]/;
const WIDE = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’《》（）—…]/;
const IS_SPACE = new RegExp(`^${SPACE}$`);

const DATE = /(?:\d{4}|[〇零○一二三四五六七八九]{4})年(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日/g;
// The 印发 organ's date, also with its 年月日 lost in copying (“2019 114印发”).
const PRINTED_DATE = /^\s*(?:(?:\d{4}|[〇零○一二三四五六七八九]{4})年[^。]{1,12}日|(?:19|20)\d\d\s?\d{2,4})\s*印发/;
/** How the five parts' headings end when the report keeps the standard wording: with nothing after a heading, it ends there. */
const PART_HEADING_END = /(?:主要举措和成效|存在的不足和原因|存在的问题和不足|存在的(?:主要)?(?:问题|不足)|有关情况|主要安排|工作安排|工作计划|工作思路|工作打算|其他需要报告的情况)$/;
const CLOSING = /(特此报告|以上报告|专此报告|现予报告)[。.]?/g;
// Two organs signed run together: only a party organ is followed by another (…区人民政府河西街道办事处 is one).
const ORGAN_END = /(?:委员会|党工委|党委|区委(?!员)|县委(?!员)|市委(?!员)|旗委(?!员))(?=中共|中国共产党|[\u4e00-\u9fff]{2,16}(?:委员会|人民政府|办事处|政府|局|办公室)(?:$|\s|\d|[〇零○一二三四五六七八九]{4}年))/g;

/**
 * How long a line must be to be a report run together: LONG, but a text that is one line and
 * nothing else is run together at any length (a short report pasted from a portal, “……报告 一、……
 * 二、……”, must import as its lined form does).
 */
function longLine(lines: readonly SourceLine[]): number {
  let nonEmpty = 0;
  for (const l of lines) if (l.text.trim() !== '' && ++nonEmpty > 1) return LONG;
  return 0;
}

/** A report written as a flat list (1.…2.…, no 一、 anywhere), run together: its 1. are its sections. */
function flatList(lines: readonly SourceLine[]): boolean {
  const long = longLine(lines);
  const level1 = /[。！？：!?:\s　](?:一、|（一）|\(一\))/;
  const first = /[。！？：!?:\s　]1[.．、]/;
  const second = /[。！？!?\s　]2[.．、]/g;
  return lines.some((l) => {
    if (l.text.length < long || level1.test(l.text)) return false;
    const m = first.exec(l.text);
    if (!m) return false;
    second.lastIndex = m.index + 1;
    return second.test(l.text);
  });
}

/** Whether the lines look run together: a long line with two headings in sequence inside it. */
export function runTogether(lines: readonly SourceLine[]): boolean {
  if (flatList(lines)) return true;
  // Two searches instead of one pattern with [^]* between: linear on any line.
  // (Or straight after the title: a short report without a preamble, “……的报告一、……”.)
  const first = /(?:[。！？：!?:\s　]|报告)(?:一、|（一）|\(一\))/;
  const second = /[。！？!?\s　](?:二、|（二）|\(二\))/g;
  const long = longLine(lines);
  return lines.some((l) => {
    if (l.text.length < long) return false;
    const m = first.exec(l.text);
    if (!m) return false;
    second.lastIndex = m.index + 1;
    return second.test(l.text);
  });
}

// The page's information table run together: “索 引 号:  …  信息名称:  …  文  号:  …”, its keys
// spaced out as portals lay them in table cells.
const SPACED_KEY = new RegExp(`(?:${META_KEYS.split('|').map((k) => [...k].join(`${SPACE}*`)).join('|')})${SPACE}*[:：]`, 'g');
const TITLE_KEY = new RegExp(`^(?:${['信息名称', '标题', '名称'].map((k) => [...k].join(`${SPACE}*`)).join('|')})${SPACE}*[:：]`);

/**
 * Cuts around a web page's information table at the start of a run-together page (the site name
 * before it, each “key: value”), and where the table ends: before the title it names again, or
 * else at the first wide gap after the last key. Returns where the report begins.
 */
function pageFrameCuts(text: string): { cuts: number[]; at: number; title?: string } {
  const keys: RegExpExecArray[] = [];
  SPACED_KEY.lastIndex = 0;
  for (let m = SPACED_KEY.exec(text); m && m.index < 3000; m = SPACED_KEY.exec(text)) {
    if (keys.length > 0 && m.index - (keys.at(-1)!.index + keys.at(-1)![0].length) > 200) break;
    if (keys.length === 0 && m.index > 300) break;
    keys.push(m);
  }
  if (keys.length < 2) return { cuts: [], at: 0 };
  const cuts = keys.map((k) => k.index);
  let title: string | undefined;
  keys.forEach((k, i) => {
    if (!TITLE_KEY.test(k[0]) || i + 1 >= keys.length) return;
    const value = text.slice(k.index + k[0].length, keys[i + 1]!.index).trim();
    if (value.length >= 6) title = value;
  });
  const last = keys.at(-1)!;
  let at = last.index + last[0].length;
  const again = title ? text.indexOf(title, at) : -1;
  if (again >= 0 && again - at < 300) at = again;
  else {
    const gap = new RegExp(`\\S${SPACE}{2,}(?=\\S)`, 'g');
    gap.lastIndex = at;
    while (at < text.length && IS_SPACE.test(text[at]!)) at++;
    const m = gap.exec(text);
    if (m && m.index - at < 120) at = m.index + 1;
  }
  cuts.push(at);
  return { cuts, at, ...(title ? { title } : {}) };
}

// A date whose 年月日 were lost in copying (2019112), as parseAnyDate reads it.
const BARE_DATE = /(?:19|20)\d\d\s?\d\s?\d{1,3}(?!\d)/g;
const ORGAN_SUFFIX = /(?:人民政府|政府|委员会|办事处|区委|县委|市委|党委|党组|局|办公室)$/;

/**
 * Cuts in a covering letter printed before the report (呈报函): its sentences, its 署名 and its
 * date, which a line-broken original gives each on a line of its own.
 */
function coverCuts(text: string, from: number, to: number): number[] {
  const cuts: number[] = [];
  for (let i = from; i < to; i++) {
    if (/[。！？]/.test(text[i]!) && !/[”’）)]/.test(text[i + 1] ?? '')) cuts.push(i + 1);
  }
  const region = text.slice(from, to);
  for (const re of [DATE, BARE_DATE]) {
    re.lastIndex = 0;
    for (const m of region.matchAll(re)) {
      const start = from + m.index!;
      // A date right after an organ is the 署名's date; inside a sentence it is text.
      if (!ORGAN_SUFFIX.test(text.slice(Math.max(from, start - 12), start).trim()) && !/^\s*$/.test(text.slice(Math.max(from, start - 1), start))) continue;
      cuts.push(start, start + m[0].length);
    }
  }
  return cuts;
}

/** Cuts at the front of a run-together report: the page's table, 发文字号, title, 主送, a covering letter. */
function frontCuts(text: string): number[] {
  const frame = pageFrameCuts(text);
  const cuts: number[] = [...frame.cuts];
  let at = frame.at;
  const skip = () => {
    while (at < text.length && IS_SPACE.test(text[at]!)) at++;
  };
  skip();
  const docNumber = /^[\u4e00-\u9fff]{1,12}[〔[［(（]\d{4}[〕\]］)）]\d{1,4}号/.exec(text.slice(at));
  if (docNumber) {
    at += docNumber[0].length;
    cuts.push(at);
    skip();
  }
  // The title ends at its first 报告/总结 within 100 characters, before any sentence ends.
  const head = text.slice(at, at + 100);
  // A comma says it is the preamble's first sentence, not a title (some reports have none).
  const title = /^[^。！？：:，,；;]*?(?:报告|总结)(?![”》])/.exec(head);
  if (title) {
    at += title[0].length;
    cuts.push(at);
    skip();
    const recipients = () => {
      const m = /^[^。，；！？：:]{2,60}[：:]/.exec(text.slice(at, at + 61));
      if (m && /[委府局部办院会]|党/.test(m[0])) {
        at += m[0].length;
        cuts.push(at);
        skip();
      }
    };
    recipients();
    // A covering letter: the title again before the first heading, the letter's text before it.
    const firstHeading = /[。！？：:\s](?:一、)/.exec(text.slice(at));
    const limit = firstHeading ? at + firstHeading.index : Math.min(text.length, at + 3000);
    const again = title[0].trim().length >= 8 ? text.indexOf(title[0].trim(), at) : -1;
    if (again > at && again < limit) {
      cuts.push(...coverCuts(text, at, again), again);
      at = again + title[0].trim().length;
      cuts.push(at);
      skip();
      recipients();
    }
  }
  return cuts;
}

// The page's footer after the report: the 纠错 form (its fields end “:*”), copyright, 主办/承办单位,
// 公网安备 and ICP lines. Each becomes a line of its own, which `clean` drops as it does on a
// line-broken page. (纠错 followed by 率 or 案件 is the report's own word.)
const FOOTER = /(?:我要)?纠错(?=\s*(?:\d\s*[.、．]|错误类|[|｜]|$))|Copyright|©|版权所有|(?:主办|承办|运维|维护)单位[:：]|技术支持[:：]|网站标识码|网站识别码|[\u4e00-\u9fff]?公网安备|[\u4e00-\u9fff]?ICP[备证]|联系我们|网站地图|网站声明|隐私声明|使用说明|您的(?:姓名|邮箱|电话)[:：]/g;

/** Where the page's footer begins after the report (or the text's length), and cuts inside it. */
function footerCuts(text: string): { cuts: number[]; from: number } {
  const window = Math.max(0, text.length - 1500);
  const closings = [...text.matchAll(CLOSING)].filter((m) => m.index! >= window - 500);
  const anchor = Math.max(window, closings.length ? closings.at(-1)!.index! + closings.at(-1)![0].length : 0);
  const markers = [...text.slice(anchor).matchAll(FOOTER)].map((m) => anchor + m.index!);
  if (markers.length === 0) return { cuts: [], from: text.length };
  const from = markers[0]!;
  const cuts = [...markers];
  for (const m of text.slice(from).matchAll(/[:：]\s*\*/g)) cuts.push(from + m.index! + m[0].length);
  return { cuts, from };
}

/** Cuts at the end: before the closing and after it, around the date, 抄送, 印发 and between organs. */
function endCuts(full: string): { cuts: number[]; from: number } {
  const footer = footerCuts(full);
  // The report ends where the footer begins: what follows is read as page furniture only.
  const text = full.slice(0, footer.from);
  const cuts: number[] = [...footer.cuts];
  let from = text.length;
  const closings = [...text.matchAll(CLOSING)].filter((m) => m.index! >= text.length - 400);
  const closing = closings.at(-1);
  if (closing) {
    from = closing.index!;
    cuts.push(from, from + closing[0].length);
  } else {
    // No closing: the tail after the last sentence end, if it holds the 成文日期 or the 印发 line.
    // (Page layout pads the 版记 with long runs of spaces: they do not count towards its length.)
    const tail = text.slice(-1500);
    const lastEnd = Math.max(tail.lastIndexOf('。'), tail.lastIndexOf('！'), tail.lastIndexOf('？'));
    const after = tail.slice(lastEnd + 1);
    if (lastEnd < 0 || after.replace(/\s+/g, '').length > 300) return { cuts, from: footer.from };
    if (![...after.matchAll(DATE)].length && !/印发/.test(after)) return { cuts, from: footer.from };
    from = text.length - tail.length + lastEnd + 1;
    cuts.push(from);
  }
  const end = text.slice(from);
  for (const m of end.matchAll(DATE)) {
    const start = from + m.index!;
    const after = start + m[0].length;
    // “2025年1月20日印发” belongs with its organ: cut after 印发 only.
    if (text.slice(after).replace(/^\s+/, '').startsWith('印发')) {
      cuts.push(after + text.slice(after).indexOf('印发') + 2);
      continue;
    }
    cuts.push(start, after);
  }
  for (const m of end.matchAll(/印发/g)) cuts.push(from + m.index! + 2);
  for (const m of end.matchAll(/抄送[:：]/g)) {
    const start = from + m.index!;
    cuts.push(start);
    const stop = text.indexOf('。', start);
    if (stop > 0) cuts.push(stop + 1);
  }
  for (const m of end.matchAll(/附件[:：]/g)) cuts.push(from + m.index!);
  // A party organ signs first: whatever precedes it (an attachment's name) ends there.
  for (const m of end.matchAll(/(?<![：:、，,])(?:中共|中国共产党)/g)) cuts.push(from + m.index!);
  for (const m of end.matchAll(ORGAN_END)) cuts.push(from + m.index! + m[0].length);
  // Any space between two words after the closing separates lines (署名 from 署名), except those
  // between the 印发 organ and its date, and inside that date.
  const printed = new Set<number>();
  for (const m of end.matchAll(new RegExp(`${SPACE}*${PRINTED_DATE.source.replace(/^\^\\s\*/, '')}`, 'g'))) {
    for (let k = 0; k < m[0].length; k++) printed.add(from + m.index! + k);
  }
  for (let i = from; i < text.length; i++) {
    if (IS_SPACE.test(text[i]!) && !printed.has(i)) cuts.push(i);
  }
  return { cuts, from };
}

/** Cuts in the body: heading numbers in sequence, items after a space, spaces after sentence ends. */
function bodyCuts(text: string, start: number, stop: number, expected: Record<NumberKind, number>, started: { value: boolean }): number[] {
  const cuts: number[] = [];
  let headingOpen = false; // inside a heading that has not yet ended with a sentence mark
  let headingStart = 0;
  let headingKind: NumberKind = 1;
  const headings: { at: number; words: number }[] = [];
  for (let i = start; i < stop; i++) {
    const c = text[i]!;
    const prev = text[i - 1] ?? '';
    const afterSpace = IS_SPACE.test(prev);
    const afterEnd = SENTENCE_END.test(prev) || prev === '”' && SENTENCE_END.test(text[i - 2] ?? '');
    if (IS_SPACE.test(c)) {
      // A space after a sentence end, or ending a heading, separates paragraphs; between a word
      // and a number (“共 35 件”) it is only spacing.
      // A run of spaces (an empty line between two paragraphs) counts once, at its first space.
      if (afterSpace) continue;
      let n = i + 1;
      while (n < stop && IS_SPACE.test(text[n]!)) n++;
      const next = n < stop ? text[n]! : '';
      // A space beside a number or a Latin word inside a heading is spacing too (“工作3 次”).
      const spacing = /[0-9A-Za-z%]/.test(prev);
      if (((SENTENCE_END.test(prev) || prev === '”') && WIDE.test(next) && !/\d/.test(next)) || (headingOpen && next !== '' && !spacing)) {
        cuts.push(i);
        headingOpen = false;
      }
      continue;
    }
    // A level-1 heading in the standard wording, run straight into its first paragraph.
    // A heading is short: one still open after 120 characters was a paragraph all along (and
    // the check below stays bounded on a line with no punctuation at all).
    if (headingOpen && i - headingStart > 120) headingOpen = false;
    let headingEnded = false;
    // (Not before 和/及/与/的: “存在的问题和不足” goes on.)
    if (headingOpen && i - headingStart > 4 && !/[，。；：、”）和及与的]/.test(c) && PART_HEADING_END.test(text.slice(headingStart, i))) {
      cuts.push(i);
      headingOpen = false;
      headingEnded = true;
    }
    if (!(afterSpace || afterEnd || i === start || headingOpen || headingEnded)) continue;
    let matched = false;
    for (const { kind, re, value } of MARKERS) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (!m) continue;
      const n = value(m);
      if (n !== expected[kind] || (kind > 1 && !started.value)) continue;
      if (kind === 1) started.value = true;
      expected[kind] = n + 1;
      for (let k = kind + 1; k <= 4; k++) expected[k as NumberKind] = 1;
      // Straight after a heading's words only a sub-heading may follow (一、……成效（一）……).
      if (!(afterSpace || afterEnd || i === start || headingEnded || (headingOpen && kind > headingKind))) continue;
      cuts.push(i);
      headings.push({ at: i, words: i + m[0].length });
      headingOpen = true;
      headingStart = i;
      headingKind = kind;
      matched = true;
      break;
    }
    if (matched) continue;
    ITEM.lastIndex = i;
    // 一是 after a space begins a paragraph; straight after a heading's words, it ends the heading.
    if ((afterSpace || headingOpen) && ITEM.test(text)) {
      cuts.push(i);
      headingOpen = false;
    }
    if (SENTENCE_END.test(c)) headingOpen = false;
  }
  return [...cuts, ...headingEnds(text, stop, headings, cuts)];
}

/**
 * Headings that run into their first sentence with nothing between them: ended where the
 * cues of heading-end.ts agree, learning from the headings that did end with a separator.
 */
function headingEnds(text: string, stop: number, headings: readonly { at: number; words: number }[], cuts: readonly number[]): number[] {
  const sorted = [...cuts].sort((a, b) => a - b);
  // The first cut after `at` (binary search: a long text has thousands of cuts and headings).
  const nextCut = (at: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length ? sorted[lo]! : stop;
  };
  const spans = headings.map((h) => {
    // (A first sentence is looked for within 400 characters: a line without punctuation stays linear.)
    const end = sentenceEnd(text, h.words, Math.min(stop, h.words + 400));
    const next = nextCut(h.at);
    // Ended: by a cut before its sentence ends. A space before the heading's number says where the
    // heading starts, not where it ends: “一、……成效 （一）加强组织领导区委……” is run together
    // as much as with no space, and must be cut the same.
    return { ...h, end, next, ended: next <= end };
  });
  // Samples: those, and headings that end with their own mark (“1.强化内部管理制度。”).
  const samples: HeadingSample[] = spans.filter((s) => s.ended || s.end - s.words <= 20).map((s) => ({ text: text.slice(s.words, Math.min(s.end, s.next)).trim() }));
  // Two passes: the headings the first pass ends are siblings the second learns from (each
  // heading without its own first-pass shape: a heading does not vouch for itself).
  let found = new Map<number, number>();
  for (let pass = 0; pass < 2; pass++) {
    const model = siblingModel(samples, [...found].map(([words, at]) => ({ text: text.slice(words, at) })));
    const next = new Map<number, number>();
    for (const s of spans) {
      if (s.ended) continue;
      const mine = found.get(s.words);
      const at = headingEnd(text, s.words, s.end, model, mine === undefined ? undefined : { text: text.slice(s.words, mine) });
      if (at !== undefined) next.set(s.words, at);
    }
    found = next;
  }
  const out = [...found.values()];
  return out;
}

/** The lines with run-together ones cut where paragraphs begin; other lines stay as they are. */
export function unwrap(lines: readonly SourceLine[]): SourceLine[] {
  if (!runTogether(lines)) return [...lines];
  const expected: Record<NumberKind, number> = { 1: 1, 2: 1, 3: 1, 4: 1 };
  // In a flat list the 1. are the sections: they count from the start.
  const started = { value: flatList(lines) };
  const out: SourceLine[] = [];
  const long = longLine(lines);
  // The end matter (closing, 署名, date) is looked for in the last long line only.
  let lastLong = -1;
  lines.forEach((l, i) => {
    if (l.text.length >= 80) lastLong = i;
  });
  lines.forEach((line, index) => {
    const text = line.text;
    if (text.length < long) {
      // A short line still moves the numbering on when it starts with the next heading.
      bodyCuts(text, 0, Math.min(1, text.length), expected, started);
      out.push(line);
      return;
    }
    const cuts = new Set<number>();
    const front = index === 0 || out.length === 0 ? frontCuts(text) : [];
    for (const c of front) cuts.add(c);
    const isLast = index >= lastLong;
    const { cuts: ends, from } = isLast ? endCuts(text) : { cuts: [], from: text.length };
    for (const c of ends) cuts.add(c);
    for (const c of bodyCuts(text, front.at(-1) ?? 0, from, expected, started)) cuts.add(c);
    const sorted = [...cuts].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b);
    let previous = 0;
    for (const c of [...sorted, text.length]) {
      const raw = text.slice(previous, c);
      const piece = raw.trim();
      // Where the piece begins in the line: a message can point at it (第 1 行第 523 字).
      if (piece) out.push({ text: piece, at: line.at, col: previous + (raw.length - raw.trimStart().length) + 1 });
      previous = c;
    }
  });
  return out;
}
