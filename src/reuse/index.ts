// Reuse check: a paragraph identical or nearly identical to one in last year's report is the
// first thing a reviewer objects to. Each is a warning at this year's paragraph that names the
// place in last year's file, so both can be opened side by side.

import type { Diagnostic } from '../diagnostic.js';
import type { SourceFile } from '../load/index.js';
import { PLACEHOLDER } from '../data/placeholder.js';
import { reportTexts } from '../data/visit.js';
import type { ReportData } from '../data/report.js';
import { BigramIndex, fingerprint, type Fingerprint } from './similar.js';
import { placeAt, positionOf } from '../check/place.js';

/** Shorter texts (a phrase, a heading) repeat legitimately from year to year. */
export const MIN_CHARS = 30;
/** Dice similarity from which two paragraphs count as nearly identical. */
export const NEAR = 0.9;

interface Paragraph {
  pointer: string;
  fp: Fingerprint;
}

function paragraphs(data: ReportData): Paragraph[] {
  return reportTexts(data)
    .filter((t) => t.role === 'paragraph' || t.role === 'item')
    .filter((t) => !t.text.includes(PLACEHOLDER))
    .map((t) => ({ pointer: t.pointer, fp: fingerprint(t.text) }))
    .filter((p) => [...p.fp.text].length >= MIN_CHARS);
}

// Last year's file is loaded once per process (previous/index.ts), so the same SourceFile comes
// back for every check of watch or batch: its paragraphs' fingerprints are computed once.
const previousParagraphs = new WeakMap<SourceFile, { paragraphs: Paragraph[]; index: BigramIndex }>();

export function reuseWarnings(current: SourceFile, report: ReportData, previous: SourceFile, previousReport: ReportData): Diagnostic[] {
  let last = previousParagraphs.get(previous);
  if (!last) {
    const list = paragraphs(previousReport);
    last = { paragraphs: list, index: new BigramIndex(list.map((q) => q.fp)) };
    previousParagraphs.set(previous, last);
  }
  const out: Diagnostic[] = [];
  for (const p of paragraphs(report)) {
    let best: { q: Paragraph; score: number } | undefined;
    // The first of the most similar, as comparing one pair after another would find it.
    last.index.similarities(p.fp).forEach((score, at) => {
      if (score >= NEAR && (!best || score > best.score)) best = { q: last.paragraphs[at]!, score };
    });
    if (!best) continue;
    const at = positionOf(previous, best.q.pointer);
    const where = `${previous.path}:${at.line}:${at.column}`;
    const how =
      best.q.fp.plain === p.fp.plain ? '完全相同' : best.score === 1 ? '只有数字不同' : `几乎相同（相似度 ${Math.floor(best.score * 100)}%）`;
    out.push({
      severity: 'warning',
      ruleId: 'reuse',
      message: `这段文字与上年报告中的一段${how}，上年见 ${where}。照搬上年内容是审阅时最常被指出的问题，请按本年度实际情况改写。`,
      ...placeAt(current, p.pointer),
    });
  }
  return out;
}
