// 主体 opening (GB/T 9704 §7.2.4, §7.3.1, §7.3.2): 发文字号, 标题, 主送机关.

import { AlignmentType, Paragraph } from 'docx';
import type { LayoutProfile } from '../../layout/profile.js';
import { blankLine, charsToTwips, gridLine } from './paragraphs.js';

export function docNumber(text: string, placement: 'centre' | 'left', profile: LayoutProfile): Paragraph[] {
  // Without a 版头, the 发文字号 stands above the title with one line between: 居左空一字 in a
  // 上行文 (§7.2.5), centred otherwise.
  const where =
    placement === 'left'
      ? { alignment: AlignmentType.LEFT, indent: { left: charsToTwips(profile.letterhead.docNumberLeftChars.value, profile) } }
      : { alignment: AlignmentType.CENTER };
  return [gridLine(text, profile.fonts.docNumber, profile, where), blankLine(profile)];
}

export function title(lines: string[], profile: LayoutProfile): Paragraph[] {
  const paragraphs = lines.map((line) => gridLine(line, profile.fonts.title, profile, { alignment: AlignmentType.CENTER }));
  for (let i = 0; i < profile.title.blankLinesAfter.value; i++) paragraphs.push(blankLine(profile));
  return paragraphs;
}

/** 主送机关: flush left (顶格), ending with a full-width colon. */
export function addressee(text: string, profile: LayoutProfile): Paragraph {
  const withColon = /[：:]$/.test(text) ? text.replace(/:$/, '：') : `${text}：`;
  return gridLine(withColon, profile.fonts.body, profile, { alignment: AlignmentType.JUSTIFIED });
}
