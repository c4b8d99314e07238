// 版记 (GB/T 9704 §7.4): 抄送 and 印发机关/印发日期 between rules, at the bottom of the last
// page — a table floated to the bottom of the 版心, so it stays there whatever the body length.

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
import { mmToTwips, type LayoutProfile } from '../../layout/profile.js';
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
  const width = mmToTwips(profile.page.widthMm.value - profile.page.marginLeftMm.value - profile.page.marginRightMm.value);
  const rule = (eighths: number) => ({ style: BorderStyle.SINGLE, size: eighths, color: '000000' });
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const outer = profile.colophon.outerRuleEighths.value;
  const inner = profile.colophon.innerRuleEighths.value;
  const spacing = { line: profile.grid.linePitchTwips.value, lineRule: 'exact' as const, before: 0, after: 0 };

  const rows: { paragraph: Paragraph }[] = [];
  if (content.copyTo) {
    const text = `抄送：${content.copyTo.replace(/[。．.]$/, '')}。`;
    rows.push({
      paragraph: new Paragraph({
        children: [run(text, font, profile)],
        alignment: AlignmentType.JUSTIFIED,
        spacing,
        // Wrapped lines align after the colon (§7.4.2).
        indent: { left: side + 3 * oneChar, right: side, hanging: 3 * oneChar },
      }),
    });
  }
  if (content.printedBy || content.printedDate) {
    const children = [run(content.printedBy ?? '', font, profile)];
    if (content.printedDate) children.push(run(`\t${content.printedDate}印发`, font, profile));
    rows.push({
      paragraph: new Paragraph({
        children,
        spacing,
        indent: { left: side, right: side },
        tabStops: [{ type: TabStopType.RIGHT, position: width - side }],
      }),
    });
  }
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    layout: TableLayoutType.FIXED,
    float: {
      horizontalAnchor: TableAnchorType.MARGIN,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      overlap: 'never',
    },
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: rows.map(
      ({ paragraph }, i) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: width, type: WidthType.DXA },
              margins: { left: 0, right: 0, top: 0, bottom: 0 },
              borders: {
                top: rule(i === 0 ? outer : inner),
                bottom: rule(i === rows.length - 1 ? outer : inner),
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
