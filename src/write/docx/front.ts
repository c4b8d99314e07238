// 主体 opening (GB/T 9704 §7.2.4, §7.3.1, §7.3.2): 发文字号, 标题, 主送机关.

import type { LayoutProfile } from '../../layout/profile.js';
import { blankLine, charsToTwips, gridLine } from './paragraphs.js';

export function docNumber(text: string, placement: 'centre' | 'left', profile: LayoutProfile): string {
  // Without a 版头, the 发文字号 stands above the title with one line between: 居左空一字 in a
  // 上行文 (§7.2.5), centred otherwise.
  const where =
    placement === 'left'
      ? ({ alignment: 'left', indent: { left: charsToTwips(profile.letterhead.docNumberLeftChars.value, profile) } } as const)
      : ({ alignment: 'center' } as const);
  return gridLine(text, profile.fonts.docNumber, profile, where) + blankLine(profile);
}

export function title(lines: readonly string[], profile: LayoutProfile): string {
  let out = lines.map((line) => gridLine(line, profile.fonts.title, profile, { alignment: 'center' })).join('');
  for (let i = 0; i < profile.title.blankLinesAfter.value; i++) out += blankLine(profile);
  return out;
}

/** 主送机关: flush left (顶格); compose has added the colon. */
export function addressee(text: string, profile: LayoutProfile): string {
  return gridLine(text, profile.fonts.body, profile, { alignment: 'both' });
}
