// Writer: document model → .docx bytes, one function per 公文 zone (主体, 版记, 页码).

import { Document, DocumentGridType, Packer, Paragraph, Table } from 'docx';
import type { Block, ReportDocument } from '../../compose/model.js';
import { colophonLines, estimatePages } from '../../layout/paginate.js';
import { mmToTwips, type LayoutProfile } from '../../layout/profile.js';
import { heading, paragraph } from './body.js';
import { attachments, signature } from './closing.js';
import { colophon } from './colophon.js';
import { addressee, docNumber, title } from './front.js';
import { pageNumberFooters } from './page-number.js';
import { styles } from './styles.js';
import { table } from './table.js';
import { attachmentStart } from './attachment.js';
import { letterhead } from './letterhead.js';

function blockElements(block: Block, profile: LayoutProfile): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'letterhead':
      return letterhead(block, profile);
    case 'attachment-start':
      return attachmentStart(block, profile);
    case 'doc-number':
      return docNumber(block.text, block.placement, profile);
    case 'title':
      return title(block.lines, profile);
    case 'addressee':
      return [addressee(block.text, profile)];
    case 'heading':
      return [heading(block.level, block.number, block.text, profile, block.condensed === true)];
    case 'paragraph':
      return [paragraph(block.runs, profile, block.condensed === true, block.keepWithNext === true)];
    case 'attachments':
      return attachments(block.items.map((i) => i.text), profile);
    case 'signature':
      return signature(block.organs, block.date, block.seal, profile);
    case 'colophon':
      return [colophon(oldColophon(block), profile)];
    case 'table':
      return table(block, profile);
  }
}

/**
 * 版记 at the bottom of the last page, which should be an even page (the back of a sheet): when
 * the text ends on an odd page, or leaves no room for the 版记, it moves to the next even page.
 * That page carries the page number like every other (one section, one footer pair).
 */
function colophonOnEvenPage(blocks: readonly Block[], block: Extract<Block, { kind: 'colophon' }>, profile: LayoutProfile): (Paragraph | Table)[] {
  const before = blocks.slice(0, blocks.indexOf(block));
  const { lastPage, linesOnLastPage } = estimatePages(before, profile);
  const fits = linesOnLastPage + colophonLines(block, profile) <= profile.grid.linesPerPage.value;
  const breaks = lastPage % 2 === 1 ? 1 : fits ? 0 : 2;
  const pageBreaks = Array.from({ length: breaks }, () => new Paragraph({ children: [], pageBreakBefore: true }));
  // A floating table is anchored to the paragraph after it, which must exist.
  return [...pageBreaks, colophon(oldColophon(block), profile), new Paragraph({ children: [] })];
}

/** The colophon as the model held it before compose emitted final strings (for the comparison test). */
function oldColophon(block: Extract<Block, { kind: 'colophon' }>): { copyTo?: string; printedBy?: string; printedDate?: string } {
  return {
    ...(block.copyTo ? { copyTo: block.copyTo.text } : {}),
    ...(block.printedBy ? { printedBy: block.printedBy } : {}),
    ...(block.printedOn ? { printedDate: block.printedOn.replace(/印发$/, '') } : {}),
  };
}

interface PackageCompiler {
  compile(file: Document, prettify: undefined, overrides: []): Map<string, string | Uint8Array>;
}

export async function writeDocx(doc: ReportDocument, profile: LayoutProfile): Promise<Uint8Array> {
  const p = profile.page;
  const children = doc.blocks.flatMap((b) => (b.kind === 'colophon' ? colophonOnEvenPage(doc.blocks, b, profile) : blockElements(b, profile)));
  const document = new Document({
    title: doc.title,
    creator: doc.unitName,
    evenAndOddHeaderAndFooters: true,
    styles: styles(profile),
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwips(p.widthMm.value), height: mmToTwips(p.heightMm.value) },
            margin: {
              top: mmToTwips(p.marginTopMm.value),
              bottom: mmToTwips(p.marginBottomMm.value),
              left: mmToTwips(p.marginLeftMm.value),
              right: mmToTwips(p.marginRightMm.value),
              header: mmToTwips(15),
              footer: mmToTwips(p.footerMm.value),
            },
          },
          grid:
            profile.grid.gridType.value === 'linesAndChars'
              ? { type: DocumentGridType.LINES_AND_CHARS, linePitch: profile.grid.linePitchTwips.value, charSpace: profile.grid.wordCharSpace.value }
              : {
                  type: profile.grid.gridType.value === 'lines' ? DocumentGridType.LINES : DocumentGridType.DEFAULT,
                  linePitch: profile.grid.linePitchTwips.value,
                },
        },
        footers: pageNumberFooters(profile),
        children,
      },
    ],
  });
  const { stableDocx, stableZip } = await import('../docx/stable-docx.js');
  // The library's compiler gives the parts before zipping, so the stable package is zipped once
  // (Packer.toBuffer zips, and stableDocx would unzip and zip again). It is not part of the typed
  // API: if a docx release drops it, the finished buffer is cleaned instead.
  const compiler = (Packer as unknown as { compiler?: PackageCompiler }).compiler;
  if (compiler && typeof compiler.compile === 'function') return stableZip(compiler.compile(document, undefined, []));
  return stableDocx(new Uint8Array(await Packer.toBuffer(document)));
}
