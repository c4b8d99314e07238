// word/document.xml printed from the document model, as pandoc's docx writer prints its AST into
// a reference package: one small printer per block kind, each returning the block's XML.
//
// To add a block kind: add it to `Block` in src/compose/model.ts (with its final text: compose
// decides what the reader sees, the printer only how it is set), write a printer for it in the
// zone's module (front.ts, body.ts, closing.ts, colophon.ts, table.ts, or a new one) that builds
// its paragraphs with the helpers of paragraphs.ts and xml.ts — never XML by hand, so escaping and
// the schema's element order stay in xml.ts — take every measure from the layout profile through
// src/layout/units.ts, and register it in PRINTERS below (TypeScript refuses the table until every
// kind has one). Then teach paginate.ts how many lines it takes, add it to the example data so
// the comparison and validator tests (test/docx-printer.test.ts, test/ooxml-valid.test.ts) see it.

import type { Block, ReportDocument } from '../../compose/model.js';
import { colophonBreaks } from '../../layout/paginate.js';
import { sectionBreakLineTwips, type LayoutProfile } from '../../layout/profile.js';
import { heading, paragraph } from './body.js';
import { attachments, signature } from './closing.js';
import { colophon } from './colophon.js';
import { addressee, docNumber, title } from './front.js';
import { tableParts } from './table.js';
import { attachmentStart } from './attachment.js';
import { letterhead } from './letterhead.js';
import { endSectionInLastParagraph, paragraph as printParagraph } from './xml.js';

type Printer<K extends Block['kind']> = (block: Extract<Block, { kind: K }>, profile: LayoutProfile) => string;

/** Kinds printed as one piece; a table (a row at a time) and the 版记 (placed on its page) have branches of their own in bodyParts. */
type PrintedKind = Exclude<Block['kind'], 'table' | 'colophon'>;

const PRINTERS: { [K in PrintedKind]: Printer<K> } = {
  letterhead: (b, p) => letterhead(b, p),
  'attachment-start': (b, p) => attachmentStart(b, p),
  'doc-number': (b, p) => docNumber(b.text, b.placement, p),
  title: (b, p) => title(b.lines, p),
  addressee: (b, p) => addressee(b.text, p),
  heading: (b, p) => heading(b.level, b.number, b.text, p, b.condensed === true),
  paragraph: (b, p) => paragraph(b.runs, p, b.condensed === true, b.keepWithNext === true),
  attachments: (b, p) => attachments(b, p),
  signature: (b, p) => signature(b.organs, b.date, b.seal, p),
};

/**
 * The body of document.xml, every block printed in order, in pieces for a writer that deflates it
 * as it goes (writeDocx): a block at a time, a table a row at a time (tableParts). `sections` are
 * the reference package's two section properties; `state.unnumberedTail` is set, once the pieces
 * are all taken, when the body's last section is the unnumbered one.
 *
 * The 版记 goes at the bottom of the last page, which should be an even page (the back of a
 * sheet): when the text ends on an odd page, or leaves no room for the 版记, it moves to the next
 * even page (colophonBreaks). That page carries the page number like every other, unless a blank
 * page comes before it. GB/T 9704 §7.5: then neither carries a page number. The text's last
 * paragraph ends the numbered section (a section break, as Word writes one, so no line is added);
 * the next section starts on a new page, the blank one, and has footers without a number; the 版记
 * follows on the next page. Word and LibreOffice both take a section's footers from its own footer
 * references. So the last piece is held back until the next is known; a piece holds whole
 * paragraphs, so its last paragraph is the text's last one (endSectionInLastParagraph reads only
 * the end).
 */
export function* bodyParts(
  doc: ReportDocument,
  profile: LayoutProfile,
  sections: { numbered: string; unnumbered: string },
  state: { unnumberedTail: boolean },
): Generator<string> {
  let held = '';
  for (const block of doc.blocks) {
    if (block.kind === 'colophon') {
      const { breaks, unnumbered } = colophonBreaks(doc.blocks, block, profile);
      // A floating table is anchored to the paragraph after the 版记, which must exist.
      const printed = colophon(block, profile) + '<w:p/>';
      if (!unnumbered) {
        if (held !== '') yield held;
        held = printParagraph({ pageBreakBefore: true }).repeat(breaks) + printed;
        continue;
      }
      held =
        endSectionInLastParagraph(held, sections.numbered) ??
        held + endSectionInLastParagraph(printParagraph({ spacing: { line: sectionBreakLineTwips(profile) } }), sections.numbered)!;
      // The new section starts the blank page; its paragraph holds it, the next one breaks to the 版记 page.
      held += printParagraph({}) + printParagraph({ pageBreakBefore: true }) + printed;
      state.unnumberedTail = true;
      continue;
    }
    const pieces = block.kind === 'table' ? tableParts(block, profile) : [(PRINTERS[block.kind] as Printer<PrintedKind>)(block, profile)];
    for (const piece of pieces) {
      if (piece === '') continue;
      if (held !== '') yield held;
      held = piece;
    }
  }
  if (held !== '') yield held;
}
