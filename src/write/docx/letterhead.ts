// 版头 (GB/T 9704 §7.2): 份号/密级/紧急程度 top left, 发文机关标志 centred in the profile's colour,
// 发文字号 居左空一字 and 签发人 居右空一字 on one line, the 分隔线 below, all placed by
// layout/letterhead.ts so that the text after the 版头 stays on the grid.

import type { LetterheadBlock } from '../../compose/model.js';
import { textWidth } from '../../compose/title-lines.js';
import { letterheadGeometry } from '../../layout/letterhead.js';
import type { LayoutProfile } from '../../layout/profile.js';
import { charsToTwips, gridLine, runs } from './paragraphs.js';
import { paragraph, type ParagraphProps } from './xml.js';

/** An empty paragraph of an exact height (space that is not a whole grid line). */
const spacer = (twips: number, props: ParagraphProps = {}): string =>
  twips > 0 ? paragraph({ spacing: { line: Math.round(twips), before: 0, after: 0 }, ...props }) : '';

export function letterhead(block: LetterheadBlock, profile: LayoutProfile): string {
  const l = profile.letterhead;
  const g = letterheadGeometry(block, profile);
  let out = '';
  // 份号 in the body font (§7.2.1); 密级和保密期限, 紧急程度 in 3号黑体 (§7.2.2, §7.2.3), 顶格.
  for (const mark of block.marks) out += gridLine(mark, /^\d+$/.test(mark) ? profile.fonts.body : l.markFont, profile, { alignment: 'left' });
  out += spacer(g.organSpacerTwips);
  const organFont = { ...l.organFont, size: { ...l.organFont.size, value: g.organSizePt } };
  for (const organ of block.organs) {
    out += paragraph({ alignment: 'center', spacing: { line: g.organLineTwips, before: 0, after: 0 } }, runs(organ, organFont, profile, undefined, { color: l.color.value }));
  }
  out += spacer(g.afterOrganTwips);

  // 发文字号 居左空一字 on the last signers' line; “签发人：” 3号仿宋 and the names 3号楷体, the
  // block of names ending 右空一字, a further line of names under the first name (§7.2.6).
  const lineChars = profile.grid.charsPerLine.value;
  const label = '签发人：';
  const gap = '　';
  const namesWidth = Math.max(0, ...g.signerLines.map((names) => textWidth(names.join(gap))));
  const namesStart = lineChars - l.signerRightChars.value - namesWidth;
  const labelStart = namesStart - textWidth(label);
  const lines = g.signerLines.length > 0 ? g.signerLines : [[]];
  lines.forEach((names, i) => {
    let content = '';
    if (i === lines.length - 1 && block.docNumber) content += runs(block.docNumber, profile.fonts.docNumber, profile);
    if (names.length > 0) {
      content += i === 0 ? runs('\t', profile.fonts.body, profile) + runs(label, l.signerLabelFont, profile) : runs('\t\t', profile.fonts.body, profile);
      content += runs(names.join(gap), l.signerNameFont, profile);
    }
    out += paragraph(
      {
        alignment: 'left',
        spacing: { line: profile.grid.linePitchTwips.value, before: 0, after: 0 },
        indent: { left: charsToTwips(l.docNumberLeftChars.value, profile) },
        leftTabs: [charsToTwips(labelStart, profile), charsToTwips(namesStart, profile)],
      },
      content,
    );
  });
  // The 分隔线: the foot of an exact strip, as wide as the 版心 (§7.2.7).
  out += spacer(g.ruleGapTwips, { bottomBorder: { eighths: l.ruleEighths.value, color: l.color.value } });
  out += spacer(g.afterRuleTwips);
  for (let i = 0; i < l.blankLinesAfterRule.value; i++) out += gridLine('', profile.fonts.body, profile);
  return out;
}
