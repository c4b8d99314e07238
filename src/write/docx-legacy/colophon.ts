// 版记 (GB/T 9704 §7.4): 抄送 and 印发机关/印发日期 between rules, at the bottom of the last
// page. A floating table anchored to the bottom of the 版心. Horizontally it is positioned from
// the page edge: LibreOffice turns a full-width floating table into an ordinary one unless its
// horizontal position is page-relative (writerfilter's float heuristic), and Word accepts both.
// (Framed paragraphs, w:framePr, were tried first: LibreOffice 7.4 ignores them.)

import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  WidthType,
} from 'docx';
import { mmToTwips, textAreaWidthMm, type LayoutProfile } from '../../layout/profile.js';
import { run } from './paragraphs.js';

export interface ColophonContent {
  copyTo?: string;
  printedBy?: string;
  printedDate?: string;
}

export function colophon(content: ColophonContent, profile: LayoutProfile): Table {
  const font = profile.fonts.colophon;
  const oneChar = font.size.value * 20; // one character of 4号 text, in twips
  const side = profile.colophon.sideIndentChars.value * oneChar;
  const width = mmToTwips(textAreaWidthMm(profile));
  const rule = (eighths: number) => ({ style: BorderStyle.SINGLE, size: eighths, color: '000000' });
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const outer = profile.colophon.outerRuleEighths.value;
  const inner = profile.colophon.innerRuleEighths.value;
  const spacing = { line: profile.grid.linePitchTwips.value, lineRule: 'exact' as const, before: 0, after: 0 };

  const paragraphs: Paragraph[] = [];
  if (content.copyTo) {
    paragraphs.push(
      new Paragraph({
        children: run(`抄送：${content.copyTo.replace(/[。．.]$/, '')}。`, font, profile),
        alignment: AlignmentType.JUSTIFIED,
        spacing,
        // Wrapped lines align after the colon (§7.4.2).
        indent: { left: side + 3 * oneChar, right: side, hanging: 3 * oneChar },
      }),
    );
  }
  if (content.printedBy || content.printedDate) {
    const children = run(content.printedBy ?? '', font, profile);
    if (content.printedDate) children.push(...run(`\t${content.printedDate}印发`, font, profile));
    paragraphs.push(
      new Paragraph({ children, spacing, indent: { left: side, right: side }, tabStops: [{ type: TabStopType.RIGHT, position: width - side }] }),
    );
  }
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    layout: TableLayoutType.FIXED,
    // No default cell margins: otherwise the rules start a cell margin left of the 版心.
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    float: {
      horizontalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: mmToTwips(profile.page.marginLeftMm.value),
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      overlap: 'never',
    },
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: paragraphs.map(
      (paragraph, i) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: width, type: WidthType.DXA },
              margins: { left: 0, right: 0, top: 0, bottom: 0 },
              borders: {
                top: rule(i === 0 ? outer : inner),
                bottom: rule(i === paragraphs.length - 1 ? outer : inner),
                left: none,
                right: none,
              },
              children: [paragraph],
            }),
          ],
        }),
    ),
  });
}
