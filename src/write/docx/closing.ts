// After the body (GB/T 9704 §7.3.4, §7.3.5): 附件说明, then 署名 and 成文日期.

import { AlignmentType, Paragraph } from 'docx';
import { textWidth } from '../../compose/title-lines.js';
import type { LayoutProfile } from '../../layout/profile.js';
import { blankLine, charsToTwips, lineSpacing, run } from './paragraphs.js';

/** 附件：1. … with wrapped lines aligned under the first character of the name. */
export function attachments(items: string[], profile: LayoutProfile): Paragraph[] {
  const indent = profile.attachments.indentChars.value;
  const label = '附件：';
  const labelWidth = textWidth(label);
  const numbered = items.length > 1;
  return [
    blankLine(profile),
    ...items.map((item, i) => {
      const number = numbered ? `${i + 1}.` : '';
      const numberWidth = textWidth(number);
      const prefix = i === 0 ? label + number : number;
      const left = indent + labelWidth + numberWidth;
      return new Paragraph({
        children: [run(prefix + item, profile.fonts.body, profile)],
        alignment: AlignmentType.LEFT,
        spacing: lineSpacing(profile),
        indent: { left: charsToTwips(left, profile), hanging: charsToTwips(textWidth(prefix), profile) },
      });
    }),
  ];
}

/**
 * 署名 and 成文日期. Without seal (§7.3.5.2): 署名 右空二字, the date's first character two
 * characters right of the 署名's; a longer date sits 右空二字 and moves the 署名 left. With seal
 * (§7.3.5.1): date 右空四字, organs centred above it. Several organs: one per line.
 */
export function signature(organs: string[], date: string | undefined, seal: boolean, profile: LayoutProfile): Paragraph[] {
  const s = profile.signature;
  const lineChars = profile.grid.charsPerLine.value;
  const organWidth = Math.max(...organs.map(textWidth));
  const dateWidth = date ? textWidth(date) : 0;
  const out: Paragraph[] = [];
  for (let i = 0; i < s.blankLinesBefore.value; i++) out.push(blankLine(profile));

  const line = (text: string, alignment: 'left' | 'right', indentChars: number): Paragraph =>
    new Paragraph({
      children: [run(text, profile.fonts.body, profile)],
      alignment: alignment === 'left' ? AlignmentType.LEFT : AlignmentType.RIGHT,
      spacing: lineSpacing(profile),
      indent: alignment === 'left' ? { left: charsToTwips(indentChars, profile) } : { right: charsToTwips(indentChars, profile) },
      keepNext: true,
      keepLines: true,
    });

  if (seal) {
    const dateRight = s.sealedDateRightChars.value;
    for (const organ of organs) out.push(line(organ, 'right', Math.max(0, dateRight + (dateWidth - textWidth(organ)) / 2)));
    if (date) out.push(line(date, 'right', dateRight));
    return out;
  }
  let organRight = s.unsealedRightChars.value;
  let dateLeft = lineChars - organRight - organWidth + s.unsealedDateOffsetChars.value;
  if (date && dateLeft + dateWidth > lineChars - s.unsealedRightChars.value) {
    // The date is longer than the 署名 allows: date 右空二字, 署名 moved left to keep the offset.
    dateLeft = lineChars - s.unsealedRightChars.value - dateWidth;
    organRight = lineChars - (dateLeft - s.unsealedDateOffsetChars.value) - organWidth;
  }
  for (const organ of organs) out.push(line(organ, 'right', organRight + (organWidth - textWidth(organ))));
  if (date) out.push(line(date, 'left', dateLeft));
  return out;
}
