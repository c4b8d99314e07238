// The first lines of an attachment given as content (GB/T 9704 §8): a new page, “附件”/“附件N”
// in 3号黑体 顶格 on the first line, the title centred on the third, a blank line, then content.

import { AlignmentType, Paragraph } from 'docx';
import type { Block } from '../../compose/model.js';
import type { LayoutProfile } from '../../layout/profile.js';
import { blankLine, gridLine } from './paragraphs.js';

export function attachmentStart(block: Extract<Block, { kind: 'attachment-start' }>, profile: LayoutProfile): Paragraph[] {
  const a = profile.attachments;
  const blanks = (): Paragraph[] => Array.from({ length: a.blankLinesAroundTitle.value }, () => blankLine(profile));
  return [
    gridLine(block.label, a.labelFont, profile, { pageBreakBefore: true, alignment: AlignmentType.LEFT, keepNext: true }),
    ...blanks(),
    ...block.titleLines.map((line) => gridLine(line, profile.fonts.title, profile, { alignment: AlignmentType.CENTER, keepNext: true })),
    ...blanks(),
  ];
}
