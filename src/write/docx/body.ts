// 主体 正文 (GB/T 9704 §7.3.3): headings 一、黑体 / （一）楷体 / 1. 仿宋加粗 / （1）仿宋, body
// paragraphs 仿宋 with a two-character first-line indent. The styles (styles.ts) hold the fonts
// and the paragraph layout; the paragraphs name them.

import type { HeadingLevel, Run } from '../../compose/model.js';
import type { FontSpec, LayoutProfile } from '../../layout/profile.js';
import { STYLE, styledRuns } from './paragraphs.js';
import { paragraph as printParagraph } from './xml.js';

export function headingFont(level: HeadingLevel, profile: LayoutProfile): FontSpec {
  return [profile.fonts.heading1, profile.fonts.heading2, profile.fonts.heading3, profile.fonts.heading4][level - 1]!;
}

/** 紧排 (decided by the layout step, layout/fit.ts): the profile's tightened character spacing. */
const tight = (condensed: boolean, profile: LayoutProfile) => (condensed ? { characterSpacing: profile.grid.condensedRunCharSpacing.value } : {});

export function heading(level: HeadingLevel, number: string, text: string, profile: LayoutProfile, condensed = false): string {
  return printParagraph({ style: `Heading${level}` }, styledRuns(number + text, headingFont(level, profile), profile, undefined, tight(condensed, profile)));
}

export function paragraph(runs: readonly Run[], profile: LayoutProfile, condensed = false, keepWithNext = false): string {
  const font = profile.fonts.body;
  return printParagraph({ style: STYLE.body, ...(keepWithNext ? { keepNext: true, keepLines: true } : {}) }, runs.map((r) => styledRuns(r.text, font, profile, r.strong, tight(condensed, profile))).join(''));
}
