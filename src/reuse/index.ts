// Last year's paragraphs for the reuse rule (check/rules/reuse.ts): a paragraph identical or
// nearly identical to one in last year's report is the first thing a reviewer objects to.

import type { LastYearParagraph } from '../check/context.js';
import type { SourceFile } from '../load/index.js';
import { PLACEHOLDER } from '../data/placeholder.js';
import { reportTexts } from '../data/visit.js';
import type { ReportData } from '../data/report.js';
import { BigramIndex, fingerprint, type Fingerprint } from './similar.js';
import { positionOf } from '../check/place.js';

/** Shorter texts (a phrase, a heading) repeat legitimately from year to year. */
export const MIN_CHARS = 30;
/** Dice similarity from which two paragraphs count as nearly identical. */
export const NEAR = 0.9;

interface Paragraph {
  pointer: string;
  fp: Fingerprint;
}

/** Characters (code points) of a text, counted without an array of them: runs for every paragraph. */
function characters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff || i === 0 || (text.charCodeAt(i - 1) & 0xfc00) !== 0xd800) n++;
  }
  return n;
}

function paragraphs(data: ReportData): Paragraph[] {
  return reportTexts(data)
    .filter((t) => t.role === 'paragraph' || t.role === 'item')
    .filter((t) => !t.text.includes(PLACEHOLDER))
    .map((t) => ({ pointer: t.pointer, fp: fingerprint(t.text) }))
    .filter((p) => characters(p.fp.text) >= MIN_CHARS);
}

// Last year's file is loaded once per process (previous/index.ts), so the same SourceFile comes
// back for every check of watch, serve or batch: its paragraphs' fingerprints are computed once.
// What a text of this year matches depends only on that text and last year's file, so the answer
// is kept with them: between two keystrokes in the workbench, or two saves under watch, all
// paragraphs but the edited one are looked up again, and the lookups (fingerprint, then the
// bigram index) were the largest part of a render after YAML parsing (node --cpu-prof of the
// example district in process: 9.5 %). Bounded: a long session does not keep every draft.
const previousParagraphs = new WeakMap<SourceFile, { paragraphs: Paragraph[]; index: BigramIndex; answers: Map<string, LastYearParagraph | undefined> }>();
const MAX_ANSWERS = 4096;

/**
 * For the reuse rule (check/rules/reuse.ts): the paragraph of last year's report that a text of
 * this year's nearly repeats. Texts too short to count, or still holding 【待填写】, match nothing.
 */
export function lastYearMatcher(previous: SourceFile, previousReport: ReportData): (text: string) => LastYearParagraph | undefined {
  let last = previousParagraphs.get(previous);
  if (!last) {
    const list = paragraphs(previousReport);
    last = { paragraphs: list, index: new BigramIndex(list.map((q) => q.fp)), answers: new Map() };
    previousParagraphs.set(previous, last);
  }
  const { paragraphs: lastParagraphs, index, answers } = last;
  const closest = (text: string): LastYearParagraph | undefined => {
    if (text.includes(PLACEHOLDER)) return undefined;
    const fp = fingerprint(text);
    if (characters(fp.text) < MIN_CHARS) return undefined;
    let best: { q: Paragraph; score: number } | undefined;
    // The first of the most similar, as comparing one pair after another would find it.
    index.similarities(fp).forEach((score, at) => {
      if (score >= NEAR && (!best || score > best.score)) best = { q: lastParagraphs[at]!, score };
    });
    if (!best) return undefined;
    const at = positionOf(previous, best.q.pointer);
    return { where: `${previous.path}:${at.line}:${at.column}`, identical: best.q.fp.plain === fp.plain, score: best.score };
  };
  return (text) => {
    if (answers.has(text)) return answers.get(text);
    const answer = closest(text);
    if (answers.size >= MAX_ANSWERS) answers.clear();
    answers.set(text, answer);
    return answer;
  };
}
