// Paragraph builders shared by the zones: every paragraph sits on the exact line pitch of the
// body grid (22 lines per page, GB/T 9704 §5.2.3).

import { AlignmentType, LineRuleType, Paragraph, TextRun, type IParagraphOptions, type IRunOptions } from 'docx';
import { bodyCharTwips, type FontSpec, type LayoutProfile } from '../../layout/profile.js';
import { runFont, splitByCoverage } from './fonts.js';

export function lineSpacing(profile: LayoutProfile): NonNullable<IParagraphOptions['spacing']> {
  return { line: profile.grid.linePitchTwips.value, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
}

export function charsToTwips(chars: number, profile: LayoutProfile): number {
  return Math.round(chars * bodyCharTwips(profile));
}

/**
 * Runs for a text in a profile font. Characters the GB2312 fonts lack (堃, 镕, 喆 in names) get a
 * run in the font's fallback, so they display instead of as empty boxes.
 */
export function run(text: string, spec: FontSpec, profile: LayoutProfile, extra: Partial<IRunOptions> = {}): TextRun[] {
  return splitByCoverage(text).map(
    ({ text: part, coverage }) =>
      new TextRun({ text: part, ...runFont(spec, profile, coverage), ...extra }),
  );
}

/** A body paragraph: justified, first line indented two characters. */
export function bodyParagraph(children: TextRun[], profile: LayoutProfile, options: Partial<IParagraphOptions> = {}): Paragraph {
  const indentChars = profile.body.firstLineIndentChars.value;
  return new Paragraph({
    children,
    alignment: AlignmentType.JUSTIFIED,
    spacing: lineSpacing(profile),
    indent: { firstLine: charsToTwips(indentChars, profile), firstLineChars: indentChars * 100 },
    // No extra space between Chinese text and digits ("学习 4 次"): 公文 sets them solid.
    autoSpaceEastAsianText: false,
    // Word's default is off and LibreOffice's on: state it so both break pages alike.
    widowControl: true,
    ...options,
  });
}

/** An empty line of the grid, used where the standard says 空一行. */
export function blankLine(profile: LayoutProfile): Paragraph {
  return new Paragraph({ children: run('', profile.fonts.body, profile), spacing: lineSpacing(profile) });
}
