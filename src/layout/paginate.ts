// Where the pages break, estimated from the grid alone: every line holds 28 characters and every
// page 22 lines (GB/T 9704 §5.2.3), so the writer can place the 版记 at the bottom of an even page
// without a layout engine. The estimate follows the rules Word and LibreOffice apply to the
// paragraphs we write: closing punctuation may hang at the line end, an opening mark never ends
// a line, Latin words and numbers do not break, widow/orphan control (two lines), headings kept
// with the next paragraph, the 署名 block kept together.

import type { Block } from '../compose/model.js';
import { textWidth } from '../compose/title-lines.js';
import { textAreaWidthMm, type LayoutProfile } from './profile.js';
import { mmToPt, ptToTwips } from './units.js';

// May hang past the line end (Word's and LibreOffice's hanging punctuation).
const HANGING = new Set([...'，。、；：？！']);
// May not start a line: when one does not fit, the character before it moves down with it.
const NO_LINE_START = new Set([...'）》”’」』】…—·']);
const NO_LINE_END = new Set([...'（《“‘「『【']);

/** Letters, digits and the marks inside numbers and codes: a run of them does not break. */
function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2e || c === 0x25 || c === 0x2b || c === 0x2d || c === 0x5f || c === 0x2f;
}

/**
 * Lines a text takes when the first line holds `first` characters and the others `rest`. The
 * text is taken in unbreakable pieces: one wide character (half width for ASCII), or a run of
 * Latin letters and digits. Scanned by character code: it runs for every paragraph of every
 * render.
 */
export function countLines(text: string, first: number, rest: number, breaks?: number[]): number {
  if (text === '') return 1;
  let lines = 1;
  let room = first;
  let pending = 0; // width of an opening mark waiting for the next piece
  let previous = 0; // width of the last piece placed, which a closing mark may pull down
  // Only for `breaks`: where the current piece (with opening marks before it) and the last one start.
  let pieceStart = 0;
  let previousStart = 0;
  for (let i = 0; i < text.length; ) {
    if (pending === 0) pieceStart = i;
    const c = text.codePointAt(i)!;
    let piece: string;
    let w: number;
    if (isWordChar(c)) {
      let j = i + 1;
      while (j < text.length && isWordChar(text.charCodeAt(j))) j++;
      piece = '';
      w = (j - i) * 0.5;
      i = j;
    } else {
      const size = c > 0xffff ? 2 : 1;
      piece = text.slice(i, i + size);
      w = c >= 0x20 && c <= 0x7e ? 0.5 : 1;
      i += size;
    }
    if (NO_LINE_END.has(piece)) {
      pending += w;
      continue;
    }
    const need = w + pending;
    pending = 0;
    if (need <= room + 1e-9 || (HANGING.has(piece) && room > -1e-9)) {
      room -= need;
      previous = need;
      previousStart = pieceStart;
      continue;
    }
    lines += 1;
    const pulled = NO_LINE_START.has(piece);
    room = rest - need - (pulled ? previous : 0);
    breaks?.push(pulled ? previousStart : pieceStart);
    previous = need;
    previousStart = pieceStart;
  }
  return lines;
}

/** The lines of `text` as `countLines` counts them (the page preview of `fazhi serve` draws them). */
export function breakLines(text: string, first: number, rest: number): string[] {
  const breaks: number[] = [];
  countLines(text, first, rest, breaks);
  const starts = [0, ...breaks];
  return starts.map((start, i) => text.slice(start, starts[i + 1] ?? text.length));
}

interface Flow {
  lines: number;
  /** Keep on the same page as the start of the next flow (headings). */
  keepWithNext: boolean;
  /** May break across pages (body paragraphs, with widow/orphan control). */
  splittable: boolean;
  /** Starts a new page (an appended table). */
  pageBreakBefore?: boolean;
}

export interface PageEstimate {
  /** Page on which the last flow before the 版记 ends (1-based). */
  lastPage: number;
  /** Lines used on that page. */
  linesOnLastPage: number;
}

function flowsOf(block: Block, profile: LayoutProfile): Flow[] {
  const perLine = profile.grid.charsPerLine.value;
  const indent = profile.body.firstLineIndentChars.value;
  const body = (text: string, keepWithNext = false): Flow => ({
    lines: countLines(text, perLine - indent, perLine),
    keepWithNext,
    splittable: true,
  });
  const fixed = (lines: number, keepWithNext = false): Flow => ({ lines, keepWithNext, splittable: false });
  switch (block.kind) {
    case 'doc-number':
      return [fixed(2, true)];
    case 'title':
      return [fixed(block.lines.length + profile.title.blankLinesAfter.value, true)];
    case 'addressee':
      return [{ lines: countLines(block.text, perLine, perLine), keepWithNext: false, splittable: true }];
    case 'heading':
      return [body(block.number + block.text, true)];
    case 'paragraph':
      return [body(block.runs.map((r) => r.text).join(''))];
    case 'attachments': {
      const hang = profile.attachments.indentChars.value + textWidth(block.label);
      return [fixed(1, true), ...block.items.map((item) => ({ ...body(item.text), lines: countLines(item.text, perLine - hang, perLine - hang) }))];
    }
    case 'signature':
      return [fixed(profile.signature.blankLinesBefore.value + block.organs.length + (block.date ? 1 : 0))];
    case 'table': {
      // 附表 on a new page: label, blank, title, blank, then rows of one line of cell text each
      // (about 0.75 of a body line).
      const t = profile.table;
      const rowTwips = ptToTwips(t.cellFont.size.value) * t.cellLineRatio.value + 2 * t.cellPaddingTwips.value;
      const rowLines = Math.ceil(((block.rows.length + 1) * rowTwips) / profile.grid.linePitchTwips.value);
      return [{ lines: 4 + rowLines, keepWithNext: false, splittable: true, pageBreakBefore: true }];
    }
    case 'colophon':
      return [];
  }
}

/** Lines the 版记 takes at the bottom of the page (4号 text: more characters per line). */
export function colophonLines(block: Extract<Block, { kind: 'colophon' }>, profile: LayoutProfile): number {
  const perLine = Math.floor(mmToPt(textAreaWidthMm(profile)) / profile.fonts.colophon.size.value) - 2 * profile.colophon.sideIndentChars.value;
  const copy = block.copyTo ? countLines(block.copyTo.label + block.copyTo.text, perLine, perLine - textWidth(block.copyTo.label)) : 0;
  const printed = block.printedBy || block.printedOn ? 1 : 0;
  return copy + printed;
}

/** Where a part of a block lies: `lines` lines from line `firstLine` (0-based) of `page`. */
export interface Segment {
  block: number;
  /** Which flow of the block (an attachment list has one per item after its label). */
  flow: number;
  page: number;
  firstLine: number;
  lines: number;
}

/**
 * `segments`, when given, receives where each flow's lines went; the page preview of
 * `fazhi serve` draws the pages from it, so that it shows the estimate the .docx is written by.
 */
export function estimatePages(blocks: readonly Block[], profile: LayoutProfile, segments?: Segment[]): PageEstimate {
  const perPage = profile.grid.linesPerPage.value;
  const owners: { block: number; flow: number }[] = [];
  const flows = blocks.flatMap((b, block) => {
    const own = flowsOf(b, profile);
    if (segments) own.forEach((_, flow) => owners.push({ block, flow }));
    return own;
  });
  const place = (i: number, lines: number): void => {
    if (segments && lines > 0) segments.push({ ...owners[i]!, page, firstLine: used, lines });
  };
  let page = 1;
  let used = 0;
  const newPage = (): void => {
    page += 1;
    used = 0;
  };
  for (let i = 0; i < flows.length; i++) {
    const flow = flows[i]!;
    // A heading (or chain of them) needs room for itself and two lines of what follows.
    let needed = flow.lines;
    for (let j = i; flows[j]?.keepWithNext && flows[j + 1]; j++) needed += Math.min(flows[j + 1]!.lines, flows[j + 1]!.splittable ? 2 : flows[j + 1]!.lines);
    let remaining = flow.lines;
    if (flow.pageBreakBefore && used > 0) newPage();
    const mustStartTogether = flow.keepWithNext || !flow.splittable;
    if (mustStartTogether && used > 0 && needed > perPage - used && needed <= perPage) newPage();
    while (remaining > 0) {
      const room = perPage - used;
      if (remaining <= room) {
        place(i, remaining);
        used += remaining;
        remaining = 0;
      } else if (!flow.splittable || room < 2) {
        // Taller than a whole page and unsplittable: it runs over regardless.
        if (used === 0) {
          place(i, room);
          remaining -= room;
        }
        newPage();
      } else {
        // Widow control: never leave a single line for the next page.
        const take = remaining - room === 1 ? room - 1 : room;
        if (take >= 2) {
          place(i, take);
          remaining -= take;
        }
        newPage();
      }
    }
  }
  return { lastPage: page, linesOnLastPage: used };
}
