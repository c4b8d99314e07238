// The numbering of a report's headings (一、（一）1.（1）) and its sentences. Numbers are accepted
// only in sequence (一、 then 二、), so a sentence that happens to start with “一、” or “2” inside a
// paragraph is not taken for a heading.

import type { SourceLine } from '../read/index.js';

export type NumberKind = 1 | 2 | 3 | 4;

export interface HeadingLine {
  kind: NumberKind;
  num: number;
  /** Heading text: the line without its number, up to the end of its first sentence. */
  text: string;
  /** Text on the same line after the heading's first sentence (a run-in heading). */
  rest?: string;
  /** The mark that ended the heading's first sentence (“1、进一步加强……制度。”): a sentence, not a title. */
  end?: string;
  at: number;
}

const CN_NUM = '[一二三四五六七八九十]{1,3}';
const CN_VALUES = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function cnValue(text: string): number {
  if (text === '十') return 10;
  const m = /^([一二三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(text);
  if (m) return (m[1] ? CN_VALUES.indexOf(m[1]) + 1 : 1) * 10 + (m[2] ? CN_VALUES.indexOf(m[2]) + 1 : 0);
  return CN_VALUES.indexOf(text) + 1;
}

export const L1 = new RegExp(`^(${CN_NUM})\\s*[、.．，]\\s*(?!是)(.+)$`);
export const L2 = new RegExp(`^[（(]\\s*(${CN_NUM})\\s*[）)]\\s*(.+)$`);
// “8.2025年工作打算”: a year may follow the number; “1.5亿元” is a decimal, no heading.
export const L3 = /^(\d{1,2})\s*[.．、](?!\d(?!\d{3}年))\s*(.+)$/;
// “2在区级…”: a number whose separator was lost in copying; only taken when it is the next in sequence.
export const L3_BARE = /^(\d{1,2})(?![\d年月日个件项次名人万亿元%％号届期批场家户份条篇级类岁])(?=[\u4e00-\u9fff“《])(.+)$/;
export const L4 = /^[（(]\s*(\d{1,2})\s*[）)]\s*(.+)$/;

const SENTENCE_END = /[。！？]/;

/** Split at the end of the first sentence (outside quotes and brackets). */
export function firstSentence(text: string): { sentence: string; rest: string } {
  let depth = 0;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if ('“‘《（【〔'.includes(c)) depth++;
    else if ('”’》）】〕'.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && SENTENCE_END.test(c)) {
      return { sentence: chars.slice(0, i + 1).join(''), rest: chars.slice(i + 1).join('').trim() };
    }
  }
  return { sentence: text, rest: '' };
}

function headingOf(kind: NumberKind, num: number, body: string, at: number): HeadingLine {
  const { sentence, rest } = firstSentence(body.trim());
  const text = sentence.replace(/[。！？]$/, '').trim();
  return { kind, num, text, ...(rest ? { rest } : {}), ...(/[。！？]$/.test(sentence) ? { end: sentence.at(-1)! } : {}), at };
}

/** The line as a numbered heading, if its number is the one expected at its level. */
export function asHeading(line: SourceLine, expected: Record<NumberKind, number>): HeadingLine | undefined {
  const t = line.text;
  let m = L1.exec(t);
  if (m && cnValue(m[1]!) === expected[1]) return headingOf(1, expected[1], m[2]!, line.at);
  m = L2.exec(t);
  if (m && cnValue(m[1]!) === expected[2]) return headingOf(2, expected[2], m[2]!, line.at);
  m = L4.exec(t);
  if (m && Number(m[1]) === expected[4]) return headingOf(4, expected[4], m[2]!, line.at);
  m = L3.exec(t) ?? L3_BARE.exec(t);
  if (m && Number(m[1]) === expected[3]) return headingOf(3, expected[3], m[2]!, line.at);
  return undefined;
}

