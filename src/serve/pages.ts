// The page preview: the document model the .docx is written from, laid on the 22 × 28 grid
// where the page estimate of the .docx writer (layout/paginate.ts) puts it. Every line of text
// is broken where that estimate breaks it; the browser only draws what this returns.

import type { Block, ReportDocument, Run } from '../compose/model.js';
import { textWidth } from '../compose/title-lines.js';
import { breakLines, colophonBreaks, condensedCharsPerLine, estimatePages, type Segment } from '../layout/paginate.js';
import { letterheadGeometry } from '../layout/letterhead.js';
import type { LayoutProfile } from '../layout/profile.js';
import type { Preview, PreviewLine, PreviewPage } from './api.js';

interface DrawnLine {
  style: string;
  runs: PreviewLine['runs'];
  left?: number;
  right?: number;
  center?: boolean;
}

/** The runs of `runs` between character offsets `from` and `to`. */
function sliceRuns(runs: readonly Run[], from: number, to: number): PreviewLine['runs'] {
  const out: PreviewLine['runs'] = [];
  let at = 0;
  for (const r of runs) {
    const start = Math.max(from, at);
    const end = Math.min(to, at + r.text.length);
    if (end > start) out.push({ text: r.text.slice(start - at, end - at), ...(r.strong ? { strong: true } : {}) });
    at += r.text.length;
  }
  return out;
}

/** A text flowed as body text: first line indented, the rest full width. */
function flowed(runs: readonly Run[], style: string, indent: number, perLine: number, hang = 0): DrawnLine[] {
  const text = runs.map((r) => r.text).join('');
  const lines = breakLines(text, perLine - indent, perLine - hang);
  let at = 0;
  return lines.map((line, i) => {
    const drawn: DrawnLine = { style, runs: sliceRuns(runs, at, at + line.length), left: i === 0 ? indent : hang };
    at += line.length;
    return drawn;
  });
}

const blank = (style = 'blank'): DrawnLine => ({ style, runs: [] });

/** The lines of each flow of a block, in the order paginate.ts counts them. */
function blockLines(block: Block, profile: LayoutProfile): DrawnLine[][] {
  const perLine = profile.grid.charsPerLine.value;
  const indent = profile.body.firstLineIndentChars.value;
  switch (block.kind) {
    case 'letterhead': {
      // The 版头 as paginate.ts counts it (layout/letterhead.ts): marks, the 标志, the 发文字号 line.
      const l = profile.letterhead;
      const g = letterheadGeometry(block, profile);
      const pitch = profile.grid.linePitchTwips.value;
      const lines: DrawnLine[] = block.marks.map((text) => ({ style: 'doc-number', runs: [{ text }], left: 0 }));
      while (lines.length < Math.round((g.markLines * pitch + g.organSpacerTwips) / pitch)) lines.push(blank());
      for (const text of block.organs) lines.push({ style: 'title', runs: [{ text }], center: true });
      const signerLines = g.signerLines.length > 0 ? g.signerLines : [[]];
      const docLine = g.totalLines - l.blankLinesAfterRule.value - 1 - signerLines.length;
      while (lines.length < docLine) lines.push(blank());
      signerLines.forEach((names, i) => {
        const last = i === signerLines.length - 1;
        const text = `${last && block.docNumber ? block.docNumber : ''}${names.length ? `　${i === 0 ? '签发人：' : ''}${names.join('　')}` : ''}`;
        lines.push({ style: 'doc-number', runs: [{ text }], left: l.docNumberLeftChars.value });
      });
      while (lines.length < g.totalLines) lines.push(blank());
      return [lines];
    }
    case 'attachment-start':
      return [
        [
          { style: 'h1', runs: [{ text: block.label }], left: 0 },
          ...Array.from({ length: profile.attachments.blankLinesAroundTitle.value }, () => blank()),
          ...block.titleLines.map((text): DrawnLine => ({ style: 'title', runs: [{ text }], center: true })),
          ...Array.from({ length: profile.attachments.blankLinesAroundTitle.value }, () => blank()),
        ],
      ];
    case 'doc-number':
      return [
        [
          block.placement === 'left'
            ? { style: 'doc-number', runs: [{ text: block.text }], left: profile.letterhead.docNumberLeftChars.value }
            : { style: 'doc-number', runs: [{ text: block.text }], center: true },
          blank(),
        ],
      ];
    case 'title':
      return [
        [
          ...block.lines.map((text): DrawnLine => ({ style: 'title', runs: [{ text }], center: true })),
          ...Array.from({ length: profile.title.blankLinesAfter.value }, () => blank()),
        ],
      ];
    case 'addressee':
      return [flowed([{ text: block.text }], 'addressee', 0, perLine)];
    // A block set 紧排 holds more characters a line, as paginate.ts counts it.
    case 'heading':
      return [flowed([{ text: block.number + block.text }], `h${block.level}`, indent, block.condensed ? condensedCharsPerLine(profile) : perLine)];
    case 'paragraph':
      return [flowed(block.runs, 'body', indent, block.condensed ? condensedCharsPerLine(profile) : perLine)];
    case 'attachments': {
      const at = profile.attachments.indentChars.value;
      const labelWidth = textWidth(block.label);
      return [
        [blank()],
        ...block.items.map(({ number, text: item }, i) => {
          const prefix = i === 0 ? block.label + number : number;
          const hang = at + labelWidth + textWidth(number);
          // paginate.ts counts an item at the width after the hang, prefix not included.
          const counted = perLine - at - labelWidth;
          const lines = breakLines(item, counted, counted);
          return lines.map((text, j): DrawnLine =>
            j === 0 ? { style: 'attachment', runs: [{ text: prefix + text }], left: hang - textWidth(prefix) } : { style: 'attachment', runs: [{ text }], left: hang },
          );
        }),
      ];
    }
    case 'signature': {
      const s = profile.signature;
      const lines: DrawnLine[] = Array.from({ length: s.blankLinesBefore.value }, () => blank());
      const organWidth = Math.max(...block.organs.map(textWidth));
      const dateWidth = block.date ? textWidth(block.date) : 0;
      if (block.seal) {
        const dateRight = s.sealedDateRightChars.value;
        for (const organ of block.organs) lines.push({ style: 'signature', runs: [{ text: organ }], right: Math.max(0, dateRight + (dateWidth - textWidth(organ)) / 2) });
        if (block.date) lines.push({ style: 'signature', runs: [{ text: block.date }], right: dateRight });
        return [lines];
      }
      const right = s.unsealedRightChars.value;
      const offset = s.unsealedDateOffsetChars.value;
      const organStart = perLine - right - organWidth;
      const dateTooLong = block.date !== undefined && organStart + offset + dateWidth > perLine - right;
      const start = dateTooLong ? perLine - right - dateWidth - offset : organStart;
      for (const organ of block.organs) lines.push({ style: 'signature', runs: [{ text: organ }], right: perLine - start - textWidth(organ) });
      if (block.date) lines.push(dateTooLong ? { style: 'signature', runs: [{ text: block.date }], right } : { style: 'signature', runs: [{ text: block.date }], left: start + offset });
      return [lines];
    }
    case 'table':
    case 'colophon':
      return [[]];
  }
}

/**
 * The page the .docx writer puts the 版记 on (layout/paginate.ts, colophonBreaks): the last
 * page when it is even and has room, else the next even page.
 */
function colophonPage(blocks: readonly Block[], block: Extract<Block, { kind: 'colophon' }>, profile: LayoutProfile): { page: number; unnumbered: boolean } {
  const { lastPage, breaks, unnumbered } = colophonBreaks(blocks, block, profile);
  return { page: lastPage + breaks, unnumbered };
}

export function previewOf(doc: ReportDocument, profile: LayoutProfile): Preview {
  const segments: Segment[] = [];
  estimatePages(doc.blocks, profile, segments);
  const drawn = doc.blocks.map((b) => blockLines(b, profile));
  const pages: PreviewPage[] = [];
  const pageOf = (n: number): PreviewPage => {
    while (pages.length < n) pages.push({ number: pages.length + 1, lines: [], tables: [] });
    return pages[n - 1]!;
  };
  // Where each flow has got to: segments of one flow come in order.
  const taken = new Map<string, number>();
  for (const seg of segments) {
    const block = doc.blocks[seg.block]!;
    const page = pageOf(seg.page);
    if (block.kind === 'table') {
      if (!taken.has(`${seg.block}`)) page.tables.push({ line: seg.firstLine, label: block.label, title: block.title, columns: block.columns, rows: block.rows });
      taken.set(`${seg.block}`, 1);
      continue;
    }
    const key = `${seg.block}/${seg.flow}`;
    const from = taken.get(key) ?? 0;
    const lines = drawn[seg.block]![seg.flow] ?? [];
    lines.slice(from, from + seg.lines).forEach((l, i) => {
      if (l.runs.length > 0) page.lines.push({ line: seg.firstLine + i, ...l });
    });
    taken.set(key, from + seg.lines);
  }
  for (const block of doc.blocks) {
    if (block.kind !== 'colophon') continue;
    const where = colophonPage(doc.blocks, block, profile);
    const page = pageOf(where.page);
    // GB/T 9704 §7.5: after a blank page, neither it nor the 版记 page is numbered.
    if (where.unnumbered) for (const p of [pageOf(where.page - 1), page]) p.unnumbered = true;
    page.colophon = {
      ...(block.copyTo ? { copyTo: block.copyTo.label + block.copyTo.text } : {}),
      ...(block.printedBy ? { printedBy: block.printedBy } : {}),
      ...(block.printedOn ? { printedOn: block.printedOn } : {}),
    };
  }
  if (pages.length === 0) pageOf(1);
  const p = profile.page;
  return {
    title: doc.title,
    pages,
    linesPerPage: profile.grid.linesPerPage.value,
    charsPerLine: profile.grid.charsPerLine.value,
    page: {
      widthMm: p.widthMm.value,
      heightMm: p.heightMm.value,
      top: p.marginTopMm.value,
      left: p.marginLeftMm.value,
      right: p.marginRightMm.value,
      bottom: p.marginBottomMm.value,
      footerMm: p.footerMm.value,
    },
    pageNumber: { prefix: profile.pageNumber.prefix.value, suffix: profile.pageNumber.suffix.value, sideChars: profile.pageNumber.sideIndentChars.value },
  };
}
