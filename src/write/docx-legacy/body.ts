// 主体 正文 (GB/T 9704 §7.3.3): headings 一、黑体 / （一）楷体 / 1. 仿宋加粗 / （1）仿宋, body
// paragraphs 仿宋 with a two-character first-line indent.

import { HeadingLevel as DocxHeadingLevel, Paragraph } from 'docx';
import type { HeadingLevel, Run } from '../../compose/model.js';
import type { FontSpec, LayoutProfile } from '../../layout/profile.js';
import { bodyParagraph, styledRun } from './paragraphs.js';

const DOCX_HEADING = {
  1: DocxHeadingLevel.HEADING_1,
  2: DocxHeadingLevel.HEADING_2,
  3: DocxHeadingLevel.HEADING_3,
  4: DocxHeadingLevel.HEADING_4,
} as const;

export function headingFont(level: HeadingLevel, profile: LayoutProfile): FontSpec {
  return [profile.fonts.heading1, profile.fonts.heading2, profile.fonts.heading3, profile.fonts.heading4][level - 1]!;
}

/** 紧排 (decided by the layout step): the profile's tightened character spacing on every run. */
const tight = (condensed: boolean, profile: LayoutProfile) => (condensed ? { characterSpacing: profile.grid.condensedRunCharSpacing.value } : {});

export function heading(level: HeadingLevel, number: string, text: string, profile: LayoutProfile, condensed = false): Paragraph {
  // The heading style (styles.ts) holds the 公文 font and the body paragraph's layout.
  const font = headingFont(level, profile);
  return new Paragraph({ heading: DOCX_HEADING[level], children: styledRun(number + text, font, profile, tight(condensed, profile)) });
}

export function paragraph(runs: Run[], profile: LayoutProfile, condensed = false, keepWithNext = false): Paragraph {
  const font = profile.fonts.body;
  if (keepWithNext) {
    return new Paragraph({ style: 'FzBody', keepNext: true, keepLines: true, children: runs.flatMap((r) => styledRun(r.text, font, profile, { ...(r.strong ? { bold: true } : {}), ...tight(condensed, profile) })) });
  }
  return bodyParagraph(runs.flatMap((r) => styledRun(r.text, font, profile, { ...(r.strong ? { bold: true } : {}), ...tight(condensed, profile) })));
}
