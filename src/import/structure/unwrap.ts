// Text that lost its line breaks: portals often publish a whole report as one line, paragraphs
// separated by a space, a full-width space or nothing at all. Such lines are cut again where the
// report's own structure says a paragraph begins: the title at the start (and a 发文字号 before it,
// the 主送 after it), a heading number that is the next in sequence (一、 （一） 1. （1）) after a
// sentence end or a space, an item 一是 after a space, any space after a sentence end, and the
// closing, 署名, 成文日期, 抄送 and 印发 at the end. Runs before `clean`, which removes the spaces.

import type { SourceLine } from '../read/index.js';
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
  { kind: 3, re: /(\d{1,2})\s*[.．、](?!\d)/y, value: (m) => Number(m[1]) },
];
const ITEM = new RegExp(`(${CN})是`, 'y');
const SENTENCE_END = /[。！？；：]/;
const WIDE = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’《》（）—…]/;
const IS_SPACE = new RegExp(`^${SPACE}$`);

const DATE = /(?:\d{4}|[〇零○一二三四五六七八九]{4})年(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日/g;
const CLOSING = /(特此报告|以上报告|专此报告|现予报告)[。.]?/g;
const ORGAN_END = /(?:委员会|人民政府|区委|县委|市委|党工委|办事处|政府|局|办公室)(?=中共|中国共产党|[\u4e00-\u9fff]{2,16}(?:委员会|人民政府|办事处|政府|局|办公室)(?:$|\s|\d|[〇零○一二三四五六七八九]{4}年))/g;

/** Whether the lines look run together: a long line with two headings in sequence inside it. */
export function runTogether(lines: readonly SourceLine[]): boolean {
  return lines.some((l) => l.text.length >= LONG && /[。！？：\s　](?:一、|（一）|\(一\))[^]*[。！？\s　](?:二、|（二）|\(二\))/.test(l.text));
}

/** Cuts at the front of a run-together report: 发文字号, title, 主送. */
function frontCuts(text: string): number[] {
  const cuts: number[] = [];
  let at = 0;
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
  const title = /^[^。！？：:]*?(?:报告|总结)(?![”》])/.exec(head);
  if (title) {
    at += title[0].length;
    cuts.push(at);
    skip();
    const recipients = /^[^。，；！？：:]{2,60}[：:]/.exec(text.slice(at, at + 61));
    if (recipients && /[委府局部办院会]|党/.test(recipients[0])) {
      at += recipients[0].length;
      cuts.push(at);
    }
  }
  return cuts;
}

/** Cuts at the end: before the closing and after it, around the date, 抄送, 印发 and between organs. */
function endCuts(text: string): { cuts: number[]; from: number } {
  const cuts: number[] = [];
  let from = text.length;
  const closings = [...text.matchAll(CLOSING)].filter((m) => m.index! >= text.length - 400);
  const closing = closings.at(-1);
  if (closing) {
    from = closing.index!;
    cuts.push(from, from + closing[0].length);
  } else {
    // No closing: the tail after the last sentence end, if it holds the 成文日期.
    const tail = text.slice(-300);
    const lastEnd = Math.max(tail.lastIndexOf('。'), tail.lastIndexOf('！'), tail.lastIndexOf('？'));
    const dates = [...tail.slice(lastEnd + 1).matchAll(DATE)];
    if (dates.length === 0) return { cuts, from };
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
  for (const m of end.matchAll(/抄送[:：]/g)) {
    const start = from + m.index!;
    cuts.push(start);
    const stop = text.indexOf('。', start);
    if (stop > 0) cuts.push(stop + 1);
  }
  for (const m of end.matchAll(/附件[:：]/g)) cuts.push(from + m.index!);
  for (const m of end.matchAll(ORGAN_END)) cuts.push(from + m.index! + m[0].length);
  // Any space between two words after the closing separates lines (署名 from 署名, 印发机关 from date).
  for (let i = from; i < text.length; i++) if (IS_SPACE.test(text[i]!)) cuts.push(i);
  return { cuts, from };
}

/** Cuts in the body: heading numbers in sequence, items after a space, spaces after sentence ends. */
function bodyCuts(text: string, start: number, stop: number, expected: Record<NumberKind, number>, started: { value: boolean }): number[] {
  const cuts: number[] = [];
  let headingOpen = false; // inside a heading that has not yet ended with a sentence mark
  for (let i = start; i < stop; i++) {
    const c = text[i]!;
    const prev = text[i - 1] ?? '';
    const afterSpace = IS_SPACE.test(prev);
    const afterEnd = SENTENCE_END.test(prev) || prev === '”' && SENTENCE_END.test(text[i - 2] ?? '');
    if (IS_SPACE.test(c)) {
      // A space after a sentence end, or ending a heading, separates paragraphs; between a word
      // and a number (“共 35 件”) it is only spacing.
      const next = text[i + 1] ?? '';
      if ((SENTENCE_END.test(prev) || prev === '”' || headingOpen) && WIDE.test(next) && !/\d/.test(next)) {
        cuts.push(i);
        headingOpen = false;
      }
      continue;
    }
    if (!(afterSpace || afterEnd || i === start)) continue;
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
      cuts.push(i);
      headingOpen = true;
      matched = true;
      break;
    }
    if (matched) continue;
    ITEM.lastIndex = i;
    if (afterSpace && ITEM.test(text)) cuts.push(i);
    if (SENTENCE_END.test(c)) headingOpen = false;
  }
  return cuts;
}

/** The lines with run-together ones cut where paragraphs begin; other lines stay as they are. */
export function unwrap(lines: readonly SourceLine[]): SourceLine[] {
  if (!runTogether(lines)) return [...lines];
  const expected: Record<NumberKind, number> = { 1: 1, 2: 1, 3: 1, 4: 1 };
  const started = { value: false };
  const out: SourceLine[] = [];
  lines.forEach((line, index) => {
    const text = line.text;
    if (text.length < LONG) {
      // A short line still moves the numbering on when it starts with the next heading.
      bodyCuts(text, 0, Math.min(1, text.length), expected, started);
      out.push(line);
      return;
    }
    const cuts = new Set<number>();
    const front = index === 0 || out.length === 0 ? frontCuts(text) : [];
    for (const c of front) cuts.add(c);
    const isLast = index === lines.length - 1 || lines.slice(index + 1).every((l) => l.text.length < 80);
    const { cuts: ends, from } = isLast ? endCuts(text) : { cuts: [], from: text.length };
    for (const c of ends) cuts.add(c);
    for (const c of bodyCuts(text, front.at(-1) ?? 0, from, expected, started)) cuts.add(c);
    const sorted = [...cuts].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b);
    let previous = 0;
    for (const c of [...sorted, text.length]) {
      const piece = text.slice(previous, c).trim();
      if (piece) out.push({ text: piece, at: line.at });
      previous = c;
    }
  });
  return out;
}
