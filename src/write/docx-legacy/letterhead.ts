// 版头 (GB/T 9704 §7.2): 份号/密级/紧急程度 top left, 发文机关标志 centred in the profile's colour,
// 发文字号 居左空一字 and 签发人 居右空一字 on one line, the 分隔线 below, all placed by
// layout/letterhead.ts so that the text after the 版头 stays on the grid.

import { AlignmentType, BorderStyle, LineRuleType, Paragraph, TabStopType, TextRun } from 'docx';
import type { LetterheadBlock } from '../../compose/model.js';
import { letterheadGeometry } from '../../layout/letterhead.js';
import { type LayoutProfile } from '../../layout/profile.js';
import { textWidth } from '../../compose/title-lines.js';
import { charsToTwips, gridLine, run } from './paragraphs.js';

const exact = (twips: number) => ({ line: Math.max(1, Math.round(twips)), lineRule: LineRuleType.EXACT, before: 0, after: 0 });

/** An empty paragraph of an exact height (space that is not a whole grid line). */
function spacer(twips: number, extra: ConstructorParameters<typeof Paragraph>[0] & object = {}): Paragraph[] {
  if (twips <= 0) return [];
  return [new Paragraph({ children: [], spacing: exact(twips), ...extra })];
}

export function letterhead(block: LetterheadBlock, profile: LayoutProfile): Paragraph[] {
  const l = profile.letterhead;
  const g = letterheadGeometry(block, profile);
  const out: Paragraph[] = [];
  // 份号 in the body font (§7.2.1); 密级和保密期限, 紧急程度 in 3号黑体 (§7.2.2, §7.2.3), 顶格.
  for (const mark of block.marks) out.push(gridLine(mark, /^\d+$/.test(mark) ? profile.fonts.body : l.markFont, profile, { alignment: AlignmentType.LEFT }));
  out.push(...spacer(g.organSpacerTwips));
  const organFont = { ...l.organFont, size: { ...l.organFont.size, value: g.organSizePt } };
  for (const organ of block.organs) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: exact(g.organLineTwips),
        children: run(organ, organFont, profile, { color: l.color.value }),
      }),
    );
  }
  out.push(...spacer(g.afterOrganTwips));

  // 发文字号 居左空一字 on the last signers' line; “签发人：” 3号仿宋 and the names 3号楷体,
  // the block of names ending 右空一字, a second line of names under the first name (§7.2.6).
  const lineChars = profile.grid.charsPerLine.value;
  const label = '签发人：';
  const gap = '　';
  const namesWidth = Math.max(0, ...g.signerLines.map((names) => textWidth(names.join(gap))));
  const namesStart = lineChars - l.signerRightChars.value - namesWidth;
  const labelStart = namesStart - textWidth(label);
  const lines = g.signerLines.length > 0 ? g.signerLines : [[]];
  lines.forEach((names, i) => {
    const last = i === lines.length - 1;
    const children: TextRun[] = [];
    if (last && block.docNumber) children.push(...run(block.docNumber, profile.fonts.docNumber, profile));
    if (names.length > 0) {
      children.push(new TextRun({ text: '\t' }));
      if (i === 0) children.push(...run(label, l.signerLabelFont, profile));
      else children.push(new TextRun({ text: '\t' }));
      children.push(...run(names.join(gap), l.signerNameFont, profile));
    }
    out.push(
      new Paragraph({
        alignment: AlignmentType.LEFT,
        spacing: exact(profile.grid.linePitchTwips.value),
        indent: { left: charsToTwips(l.docNumberLeftChars.value, profile) },
        tabStops: [
          { type: TabStopType.LEFT, position: charsToTwips(labelStart, profile) },
          { type: TabStopType.LEFT, position: charsToTwips(namesStart, profile) },
        ],
        children,
      }),
    );
  });
  // The 分隔线: the foot of an exact strip, as wide as the 版心 (§7.2.7).
  out.push(
    ...spacer(g.ruleGapTwips, {
      border: { bottom: { style: BorderStyle.SINGLE, size: l.ruleEighths.value, color: l.color.value, space: 0 } },
    }),
  );
  out.push(...spacer(g.afterRuleTwips));
  for (let i = 0; i < l.blankLinesAfterRule.value; i++) out.push(gridLine('', profile.fonts.body, profile));
  return out;
}
