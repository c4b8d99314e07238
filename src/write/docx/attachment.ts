// The first lines of an attachment given as content (GB/T 9704 §8): a new page, “附件”/“附件N”
// in 3号黑体 顶格 on the first line, the title centred on the third, a blank line, then content.

import type { Block } from '../../compose/model.js';
import type { LayoutProfile } from '../../layout/profile.js';
import { blankLine, gridLine } from './paragraphs.js';

export function attachmentStart(block: Extract<Block, { kind: 'attachment-start' }>, profile: LayoutProfile): string {
  const a = profile.attachments;
  const blanks = blankLine(profile).repeat(a.blankLinesAroundTitle.value);
  return (
    gridLine(block.label, a.labelFont, profile, { pageBreakBefore: true, alignment: 'left', keepNext: true }) +
    blanks +
    block.titleLines.map((line) => gridLine(line, profile.fonts.title, profile, { alignment: 'center', keepNext: true })).join('') +
    blanks
  );
}
