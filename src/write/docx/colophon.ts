// 版记 (GB/T 9704 §7.4): 抄送 and 印发机关/印发日期 between rules, at the bottom of the last
// page. A floating table anchored to the bottom of the 版心. Horizontally it is positioned from
// the page edge: LibreOffice turns a full-width floating table into an ordinary one unless its
// horizontal position is page-relative (writerfilter's float heuristic), and Word accepts both.
// (Framed paragraphs, w:framePr, were tried first: LibreOffice 7.4 ignores them.)

import type { Block } from '../../compose/model.js';
import { textWidth } from '../../compose/title-lines.js';
import { textAreaWidthMm, type LayoutProfile } from '../../layout/profile.js';
import { mmToTwips, ptToTwips } from '../../layout/units.js';
import { lineSpacing, runs } from './paragraphs.js';
import { borders, paragraph, tableCell, tableGrid, tableProps, tableRow, type Border } from './xml.js';

export function colophon(content: Extract<Block, { kind: 'colophon' }>, profile: LayoutProfile): string {
  const font = profile.fonts.colophon;
  const oneChar = ptToTwips(font.size.value); // one character of 4号 text
  const side = profile.colophon.sideIndentChars.value * oneChar;
  const width = mmToTwips(textAreaWidthMm(profile));
  const none: Border = { eighths: 0, none: true };
  const rule = (eighths: number): Border => ({ eighths });
  const outer = profile.colophon.outerRuleEighths.value;
  const inner = profile.colophon.innerRuleEighths.value;
  const spacing = lineSpacing(profile);

  const lines: string[] = [];
  if (content.copyTo) {
    const hanging = Math.round(textWidth(content.copyTo.label) * oneChar);
    lines.push(
      paragraph(
        // Wrapped lines align after the colon (§7.4.2).
        { spacing, indent: { left: side + hanging, right: side, hanging }, alignment: 'both' },
        runs(content.copyTo.label + content.copyTo.text, font, profile),
      ),
    );
  }
  if (content.printedBy || content.printedOn) {
    const text = (content.printedBy ?? '') + (content.printedOn ? `\t${content.printedOn}` : '');
    lines.push(paragraph({ rightTabs: [width - side], spacing, indent: { left: side, right: side } }, runs(text, font, profile)));
  }
  const rows = lines.map((line, i) =>
    tableRow(
      { cantSplit: true },
      tableCell(
        {
          width,
          borders: borders('w:tcBorders', { top: rule(i === 0 ? outer : inner), left: none, bottom: rule(i === lines.length - 1 ? outer : inner), right: none }),
          marginsZero: true,
        },
        line,
      ),
    ),
  );
  return `<w:tbl>${tableProps({
    floatBottomFromPageLeft: mmToTwips(profile.page.marginLeftMm.value),
    width,
    borders: borders('w:tblBorders', { top: none, left: none, bottom: none, right: none, insideH: none, insideV: none }),
    fixedLayout: true,
    // No default cell margins: otherwise the rules start a cell margin left of the 版心.
    cellMarginsZero: true,
  })}${tableGrid([width])}${rows.join('')}</w:tbl>`;
}
