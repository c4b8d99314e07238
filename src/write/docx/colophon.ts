// 版记 (GB/T 9704 §7.4): 抄送 and 印发机关/印发日期 between rules, at the bottom of the last
// page. Framed paragraphs aligned to the bottom of the 版心 (w:framePr yAlign="bottom"): Word
// and LibreOffice both keep them there. (A floating table was tried first: LibreOffice 7.4
// imports a full-width floating table as an ordinary one, so it followed the signature.)

import { AlignmentType, BorderStyle, FrameAnchorType, FrameWrap, Paragraph, TabStopType, type IParagraphOptions } from 'docx';
import { mmToTwips, type LayoutProfile } from '../../layout/profile.js';
import { run } from './paragraphs.js';

export interface ColophonContent {
  copyTo?: string;
  printedBy?: string;
  printedDate?: string;
}

export function colophon(content: ColophonContent, profile: LayoutProfile): Paragraph[] {
  const font = profile.fonts.colophon;
  const oneChar = font.size.value * 20; // one character of 4号 text, in twips
  const side = profile.colophon.sideIndentChars.value * oneChar;
  const width = mmToTwips(profile.page.widthMm.value - profile.page.marginLeftMm.value - profile.page.marginRightMm.value);
  const rule = (eighths: number) => ({ style: BorderStyle.SINGLE, size: eighths, color: '000000', space: 1 });
  const outer = profile.colophon.outerRuleEighths.value;
  const inner = profile.colophon.innerRuleEighths.value;
  const common: Partial<IParagraphOptions> = {
    spacing: { line: profile.grid.linePitchTwips.value, lineRule: 'exact', before: 0, after: 0 },
    frame: {
      type: 'alignment',
      alignment: { x: 'center', y: 'bottom' },
      anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
      width,
      wrap: FrameWrap.AROUND,
    },
    keepLines: true,
  };

  const lines: { options: IParagraphOptions }[] = [];
  if (content.copyTo) {
    lines.push({
      options: {
        ...common,
        children: [run(`抄送：${content.copyTo.replace(/[。．.]$/, '')}。`, font, profile)],
        alignment: AlignmentType.JUSTIFIED,
        // Wrapped lines align after the colon (§7.4.2).
        indent: { left: side + 3 * oneChar, right: side, hanging: 3 * oneChar },
      },
    });
  }
  if (content.printedBy || content.printedDate) {
    const children = [run(content.printedBy ?? '', font, profile)];
    if (content.printedDate) children.push(run(`\t${content.printedDate}印发`, font, profile));
    lines.push({
      options: { ...common, children, indent: { left: side, right: side }, tabStops: [{ type: TabStopType.RIGHT, position: width - side }] },
    });
  }
  return lines.map(
    ({ options }, i) =>
      new Paragraph({
        ...options,
        ...(i < lines.length - 1 ? { keepNext: true } : {}),
        border: {
          ...(i === 0 ? { top: rule(outer) } : {}),
          bottom: rule(i === lines.length - 1 ? outer : inner),
        },
      }),
  );
}
