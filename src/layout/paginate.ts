// Where the pages break, estimated from the grid alone: every line holds 28 characters and every
// page 22 lines (GB/T 9704 §5.2.3), so the writer can place the 版记 at the bottom of an even page
// without a layout engine. The estimate follows the rules Word and LibreOffice apply to the
// paragraphs we write: closing punctuation may hang at the line end, an opening mark never ends
// a line, Latin words and numbers do not break. 孤行控制 is off (every page runs to line 22); a
// heading is never split and is kept with the first line of the next paragraph; the 署名 block
// is kept together.

import type { Block } from '../compose/model.js';
import { letterheadLines } from './letterhead.js';
import { CELL_MARGIN_TWIPS, tableColumnWidths } from './table.js';
import type { TableBlock } from '../compose/model.js';
import { textWidth } from '../compose/title-lines.js';
import { textAreaWidthMm, type LayoutProfile } from './profile.js';
import { mmToPt } from './units.js';

// May hang past the line end. LibreOffice hangs only the comma and full stop marks (measured:
// a “：” at the line end takes the character before it to the next line instead); Word hangs
// more, so the estimate follows the stricter rule the layout tests measure.
// The sets hold character codes, not strings: countLines looks every character up without
// slicing it out of the text (a string per character was half its time, and garbage).
const codes = (chars: string): Set<number> => new Set([...chars].map((c) => c.codePointAt(0)!));
const HANGING = codes('，。、');
// May not start a line: when one does not fit, the character before it moves down with it.
const NO_LINE_START = codes('）》”’」』】…—·：；？！');
const NO_LINE_END = codes('（《“‘「『【');

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
    // The piece's character code; -1 for a run of word characters, which no set holds.
    let piece: number;
    let w: number;
    if (isWordChar(c)) {
      let j = i + 1;
      while (j < text.length && isWordChar(text.charCodeAt(j))) j++;
      piece = -1;
      w = (j - i) * 0.5;
      i = j;
    } else {
      piece = c;
      w = c >= 0x20 && c <= 0x7e ? 0.5 : 1;
      i += c > 0xffff ? 2 : 1;
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
  /** Index of the block the flow belongs to. */
  block: number;
  lines: number;
  /** Keep on the same page as the start of the next flow (headings). */
  keepWithNext: boolean;
  /** May break across pages after any line (body paragraphs: 孤行控制 off). */
  splittable: boolean;
  /** Starts a new page (an appended table). */
  pageBreakBefore?: boolean;
  /** A table: heights of its rows in grid lines (a row never splits) and of the header row, repeated on each page. */
  rows?: { heights: number[]; header: number };
}

export interface PageEstimate {
  /** Page on which the last flow before the 版记 ends (1-based). */
  lastPage: number;
  /** Lines used on that page. */
  linesOnLastPage: number;
}

/** Where a block lands: the page of its first and last line (0 lines: where it would start). */
export interface Placement {
  firstPage: number;
  lastPage: number;
  /** Lines used on the last page once the block is placed. */
  linesAfter: number;
}

/** Characters per line of a body paragraph set 紧排 (the profile's tightened character spacing). */
export function condensedCharsPerLine(profile: LayoutProfile): number {
  const textWidthPt = (textAreaWidthMm(profile) / 25.4) * 72;
  const pitch = profile.fonts.body.size.value + profile.grid.condensedRunCharSpacing.value / 20;
  return Math.floor(textWidthPt / pitch + 1e-6);
}

/** Lines of a body paragraph's text, plain or 紧排. */
export function bodyLines(text: string, condensed: boolean, profile: LayoutProfile): number {
  const perLine = condensed ? condensedCharsPerLine(profile) : profile.grid.charsPerLine.value;
  return countLines(text, perLine - profile.body.firstLineIndentChars.value, perLine);
}

// A render places the same blocks several times over: fitLayout tries 紧排 paragraph by paragraph,
// and the writer asks where the 版记 goes. Blocks are never changed once composed (fitLayout makes
// a new object for a block it tightens), so each block's lines are counted once per profile: the
// counting was a fifth of compose + layout + write of the example district (node --cpu-prof).
const flowCache = new WeakMap<LayoutProfile, WeakMap<Block, readonly Omit<Flow, 'block'>[]>>();

function cachedFlowsOf(block: Block, profile: LayoutProfile): readonly Omit<Flow, 'block'>[] {
  let byBlock = flowCache.get(profile);
  if (!byBlock) flowCache.set(profile, (byBlock = new WeakMap()));
  let flows = byBlock.get(block);
  if (!flows) byBlock.set(block, (flows = flowsOf(block, profile)));
  return flows;
}

function flowsOf(block: Block, profile: LayoutProfile): Omit<Flow, 'block'>[] {
  const perLine = profile.grid.charsPerLine.value;
  const body = (text: string, condensed: boolean, keepWithNext = false): Omit<Flow, 'block'> => ({
    lines: bodyLines(text, condensed, profile),
    keepWithNext,
    splittable: true,
  });
  const fixed = (lines: number, keepWithNext = false): Omit<Flow, 'block'> => ({ lines, keepWithNext, splittable: false });
  switch (block.kind) {
    case 'letterhead':
      return [fixed(letterheadLines(block, profile), true)];
    case 'doc-number':
      return [fixed(2, true)];
    case 'title':
      return [fixed(block.lines.length + profile.title.blankLinesAfter.value, true)];
    case 'addressee':
      return [{ lines: countLines(block.text, perLine, perLine), keepWithNext: false, splittable: true }];
    case 'heading':
      return [{ ...body(block.number + block.text, block.condensed === true, true), splittable: false }];
    case 'paragraph': {
      const flow = body(block.runs.map((r) => r.text).join(''), block.condensed === true);
      return [block.keepWithNext ? { ...flow, keepWithNext: true, splittable: false } : flow];
    }
    case 'attachments': {
      const hang = profile.attachments.indentChars.value + textWidth(block.label);
      // 附件说明 goes with the 署名 block that follows it.
      return [fixed(1, true), ...block.items.map((item) => fixed(countLines(item.text, perLine - hang, perLine - hang), true))];
    }
    case 'signature':
      return [fixed(profile.signature.blankLinesBefore.value + block.organs.length + (block.date ? 1 : 0))];
    case 'attachment-start':
      // “附件N” and the title on a new page: label, blank, title lines, blank.
      return [{ lines: 3 + block.titleLines.length, keepWithNext: true, splittable: false, pageBreakBefore: true }];
    case 'table': {
      // An 附表 of its own opens a new page with label, blank, title, blank; a table inside an
      // attachment follows one blank line. Then the rows, each as tall as its longest cell.
      const rows = { heights: tableRowHeights(block, profile).map((pt) => pt / (profile.grid.linePitchTwips.value / 20)), header: 0 };
      rows.header = rows.heights.shift() ?? 0;
      const table = { lines: 0, keepWithNext: false, splittable: true, rows };
      if (block.placement === 'inline') return [fixed(1), table];
      return [{ ...fixed(4), pageBreakBefore: true, keepWithNext: true }, table];
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

/**
 * How many page breaks come before the 版记 (GB/T 9704 §7.4: at the foot of an even page): none
 * when the text ends on an even page with room left, one after an odd page, two when the even
 * page is full. The .docx writer prints these breaks; the workbench's preview draws the same page.
 * `unnumbered`: two breaks leave a blank page, and then the blank page and the 版记 page carry no
 * page number (§7.5).
 */
export function colophonBreaks(
  blocks: readonly Block[],
  block: Extract<Block, { kind: 'colophon' }>,
  profile: LayoutProfile,
): { lastPage: number; breaks: 0 | 1 | 2; unnumbered: boolean } {
  const { lastPage, linesOnLastPage } = estimatePages(blocks.slice(0, blocks.indexOf(block)), profile);
  const fits = linesOnLastPage + colophonLines(block, profile) <= profile.grid.linesPerPage.value;
  const breaks = lastPage % 2 === 1 ? 1 : fits ? 0 : 2;
  return { lastPage, breaks, unnumbered: breaks === 2 && profile.pageNumber.noneAroundBlankPage.value };
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
 * Where each block lands on the 22-line pages. `segments`, when given, receives where each
 * flow's lines went; the page preview of `fazhi serve` draws the pages from it, so that it shows
 * the estimate the .docx is written by.
 */
export function placeBlocks(blocks: readonly Block[], profile: LayoutProfile, segments?: Segment[]): Placement[] {
  const perPage = profile.grid.linesPerPage.value;
  const owners: { block: number; flow: number }[] = [];
  const flows: Flow[] = blocks.flatMap((b, i) =>
    cachedFlowsOf(b, profile).map((f, flow) => {
      owners.push({ block: i, flow });
      // Not `{ ...f, block: i }`: on Node 20 every object made by that spread went to V8's old
      // generation (CloneObjectIC), so a batch worker's old space filled with these short-lived
      // copies — a third of all it promoted, placeBlocks running several times per report — and
      // grew until V8's next full collection (BENCHMARKS.md, branch memflat). Same properties.
      return Object.assign({}, f, { block: i });
    }),
  );
  const placements: Placement[] = [];
  const place = (i: number, lines: number): void => {
    if (segments && lines > 0) segments.push({ ...owners[i]!, page, firstLine: used, lines });
  };
  let page = 1;
  let used = 0;
  const newPage = (): void => {
    page += 1;
    used = 0;
  };
  const mark = (block: number, firstPage: number): void => {
    const known = placements[block];
    placements[block] = { firstPage: known?.firstPage ?? firstPage, lastPage: page, linesAfter: used };
  };
  for (let i = 0; i < flows.length; i++) {
    const flow = flows[i]!;
    // A heading (or chain of them) needs room for itself and the first line of what follows.
    let needed = flow.lines;
    for (let j = i; flows[j]?.keepWithNext && flows[j + 1]; j++) needed += flows[j + 1]!.splittable ? 1 : flows[j + 1]!.lines;
    let remaining = flow.lines;
    if (flow.pageBreakBefore && used > 0) newPage();
    if (flow.rows) {
      // Rows never split; a page the table runs onto starts with the header row again.
      const firstPage = page;
      let start = used;
      flow.rows.heights.forEach((h, r) => {
        const head = r === 0 ? flow.rows!.header : 0;
        if (used > 0 && used + head + h > perPage + 1e-6) {
          if (segments) segments.push({ ...owners[i]!, page, firstLine: Math.floor(start), lines: Math.ceil(used - start - 1e-6) });
          newPage();
          used = flow.rows!.header;
          start = 0;
        }
        used += head + h;
      });
      if (segments) segments.push({ ...owners[i]!, page, firstLine: Math.floor(start), lines: Math.ceil(used - start - 1e-6) });
      used = Math.min(perPage, Math.ceil(used - 1e-6));
      mark(flow.block, firstPage);
      continue;
    }
    const mustStartTogether = flow.keepWithNext || !flow.splittable;
    if (mustStartTogether && used > 0 && needed > perPage - used && needed <= perPage) newPage();
    // A flow that starts exactly at a page end begins on the next page.
    const firstPage = used >= perPage ? page + 1 : page;
    while (remaining > 0) {
      const room = perPage - used;
      if (remaining <= room) {
        place(i, remaining);
        used += remaining;
        remaining = 0;
      } else if (!flow.splittable) {
        // Taller than a whole page and unsplittable: it runs over regardless.
        if (used === 0) {
          place(i, room);
          remaining -= room;
        }
        newPage();
      } else {
        // No widow control: the page is filled to its last line.
        place(i, room);
        remaining -= room;
        newPage();
      }
    }
    mark(flow.block, firstPage);
  }
  // Blocks without lines (the 版记) sit where the text stopped.
  blocks.forEach((_, i) => (placements[i] ??= { firstPage: page, lastPage: page, linesAfter: used }));
  return placements;
}

export function estimatePages(blocks: readonly Block[], profile: LayoutProfile, segments?: Segment[]): PageEstimate {
  const placements = placeBlocks(blocks, profile, segments);
  const last = placements.at(-1);
  return last ? { lastPage: last.lastPage, linesOnLastPage: last.linesAfter } : { lastPage: 1, linesOnLastPage: 0 };
}

/** Height of the header row and of each row of a table, in points. */
/** Rows never split; a row is as tall as its longest cell. */
export function tableRowHeights(block: TableBlock, profile: LayoutProfile): number[] {
  const t = profile.table;
  const size = t.cellFont.size.value;
  const line = size * t.cellLineRatio.value;
  const padding = (2 * t.cellPaddingTwips.value) / 20;
  const rule = t.ruleEighths.value / 8;
  const chars = tableColumnWidths(block, profile).map((w) => Math.max(1, Math.floor((w - 2 * CELL_MARGIN_TWIPS) / 20 / size)));
  const height = (cells: readonly string[]): number => {
    const lines = Math.max(1, ...cells.map((c, i) => countLines(c, chars[i] ?? 1, chars[i] ?? 1)));
    return lines * line + padding + rule;
  };
  return [height(block.columns), ...block.rows.map(height)];
}
