// After the body (GB/T 9704 §7.3.4, §7.3.5): 附件说明, then 署名 and 成文日期.

import type { Block } from '../../compose/model.js';
import { textWidth } from '../../compose/title-lines.js';
import type { LayoutProfile } from '../../layout/profile.js';
import { charsToTwips, gridLine } from './paragraphs.js';

/** 附件：1. … with wrapped lines aligned under the first character of the name. */
export function attachments(block: Extract<Block, { kind: 'attachments' }>, profile: LayoutProfile): string {
  const indent = profile.attachments.indentChars.value;
  const labelWidth = textWidth(block.label);
  return (
    gridLine('', profile.fonts.body, profile, { keepNext: true }) +
    block.items
      .map(({ number, text }, i) => {
        const prefix = i === 0 ? block.label + number : number;
        const left = indent + labelWidth + textWidth(number);
        return gridLine(prefix + text, profile.fonts.body, profile, {
          alignment: 'left',
          // 附件说明 stays with the 署名 block after it.
          keepNext: true,
          keepLines: true,
          indent: { left: charsToTwips(left, profile), hanging: charsToTwips(textWidth(prefix), profile) },
        });
      })
      .join('')
  );
}

/**
 * 署名 and 成文日期. Without seal (§7.3.5.2): 署名 右空二字, the date's first character two
 * characters right of the 署名's; a longer date sits 右空二字 and moves the 署名 left. With seal
 * (§7.3.5.1): date 右空四字, organs centred above it. Several organs: one per line.
 */
export function signature(organs: readonly string[], date: string | undefined, seal: boolean, profile: LayoutProfile): string {
  const s = profile.signature;
  const lineChars = profile.grid.charsPerLine.value;
  const organWidth = Math.max(...organs.map(textWidth));
  const dateWidth = date ? textWidth(date) : 0;
  let out = '';
  // The blank line goes with the 署名 block, as the page estimate counts it.
  for (let i = 0; i < s.blankLinesBefore.value; i++) out += gridLine('', profile.fonts.body, profile, { keepNext: true });

  const lineCount = organs.length + (date ? 1 : 0);
  let written = 0;
  const line = (text: string, alignment: 'left' | 'right', indentChars: number): string =>
    gridLine(text, profile.fonts.body, profile, {
      alignment,
      indent: alignment === 'left' ? { left: charsToTwips(indentChars, profile) } : { right: charsToTwips(indentChars, profile) },
      // The 署名 block stays together on one page.
      keepNext: ++written < lineCount,
      keepLines: true,
    });

  if (seal) {
    const dateRight = s.sealedDateRightChars.value;
    for (const organ of organs) out += line(organ, 'right', Math.max(0, dateRight + (dateWidth - textWidth(organ)) / 2));
    if (date) out += line(date, 'right', dateRight);
    return out;
  }
  const right = s.unsealedRightChars.value;
  const offset = s.unsealedDateOffsetChars.value;
  const organStart = lineChars - right - organWidth;
  // The date goes 右空二字 when, started two characters right of the 署名, it would pass that
  // point; it is then right-aligned (exact whatever the digits' width) and the 署名 moves left.
  const dateTooLong = date !== undefined && organStart + offset + dateWidth > lineChars - right;
  const start = dateTooLong ? lineChars - right - dateWidth - offset : organStart;
  for (const organ of organs) out += line(organ, 'right', lineChars - start - textWidth(organ));
  if (date) out += dateTooLong ? line(date, 'right', right) : line(date, 'left', start + offset);
  return out;
}
