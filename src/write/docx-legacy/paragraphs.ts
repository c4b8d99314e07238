// Paragraph builders shared by the zones: every paragraph sits on the exact line pitch of the
// body grid (22 lines per page, GB/T 9704 §5.2.3).
//
// The formatting most paragraphs share is written once, in paragraph styles (styles.ts): a
// paragraph names its style and carries only what differs, and a run in the style's font carries
// no formatting at all. The docx library builds and writes every property as objects, so
// repeating them on each paragraph and run was most of the time spent writing a report.

import { AlignmentType, LineRuleType, Paragraph, TextRun, type IParagraphOptions, type IRunOptions } from 'docx';
import { bodyCharTwips, type FontSpec, type LayoutProfile } from '../../layout/profile.js';
import { runFont, splitByCoverage } from './fonts.js';

/** Ids of the paragraph styles (names in styles.ts); headings use Word's own Heading1–4. */
export const STYLE = {
  /** A line of the grid in the body font: 发文字号, 主送机关, 署名, blank lines… */
  line: 'FzLine',
  /** 正文: a body paragraph. */
  body: 'FzBody',
} as const;

export function lineSpacing(profile: LayoutProfile): NonNullable<IParagraphOptions['spacing']> {
  return { line: profile.grid.linePitchTwips.value, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
}

export function charsToTwips(chars: number, profile: LayoutProfile): number {
  return Math.round(chars * bodyCharTwips(profile));
}

/**
 * Paragraph formatting of a body paragraph (正文 and headings): justified, first line indented
 * two characters. The style options of the docx library do not list widowControl and
 * autoSpaceEastAsianText, but it writes them in a style as in a paragraph (same class).
 */
export function bodyFormat(profile: LayoutProfile): IParagraphOptions {
  const indentChars = profile.body.firstLineIndentChars.value;
  return {
    alignment: AlignmentType.JUSTIFIED,
    spacing: lineSpacing(profile),
    indent: { firstLine: charsToTwips(indentChars, profile), firstLineChars: indentChars * 100 },
    // No extra space between Chinese text and digits ("学习 4 次"): 公文 sets them solid.
    autoSpaceEastAsianText: false,
    // 孤行控制 off, as government templates have it: every page runs to its 22nd line (GB/T 9704
    // §5.2.3). Word's and LibreOffice's defaults differ, so it is stated.
    widowControl: false,
  };
}

/**
 * Runs for a text in a profile font, formatted in full. Characters the GB2312 fonts lack (堃, 镕,
 * 喆 in names) get a run in the font's fallback, so they display instead of as empty boxes.
 */
export function run(text: string, spec: FontSpec, profile: LayoutProfile, extra: Partial<IRunOptions> = {}): TextRun[] {
  return splitByCoverage(text).map(({ text: part, coverage }) => new TextRun({ text: part, ...runFont(spec, profile, coverage), ...extra }));
}

/**
 * The same in a paragraph whose style sets this font: the runs carry no font of their own, except
 * those in a fallback font, which state it whole (equal to the style's but for the family).
 */
export function styledRun(text: string, spec: FontSpec, profile: LayoutProfile, extra: Partial<IRunOptions> = {}): TextRun[] {
  return splitByCoverage(text).map(({ text: part, coverage }) =>
    coverage === 'gb2312' ? new TextRun({ text: part, ...extra }) : new TextRun({ text: part, ...runFont(spec, profile, coverage), ...extra }),
  );
}

function sameFont(a: FontSpec, b: FontSpec): boolean {
  return a === b || (a.family.value === b.family.value && a.size.value === b.size.value && Boolean(a.bold?.value) === Boolean(b.bold?.value));
}

/** A body paragraph (正文), in the body style. */
export function bodyParagraph(children: TextRun[]): Paragraph {
  return new Paragraph({ style: STYLE.body, children });
}

/**
 * A line of the grid with a text in a profile font, and what differs from the line style
 * (alignment, indents…). A font other than the body's (the title's 小标宋) is formatted in full
 * on a paragraph without style, as the line style's character spacing is not the title's.
 */
export function gridLine(text: string, spec: FontSpec, profile: LayoutProfile, options: Omit<IParagraphOptions, 'children' | 'style'> = {}): Paragraph {
  if (sameFont(spec, profile.fonts.body)) return new Paragraph({ style: STYLE.line, children: styledRun(text, spec, profile), ...options });
  return new Paragraph({ children: run(text, spec, profile), spacing: lineSpacing(profile), ...options });
}

/** An empty line of the grid, used where the standard says 空一行. */
export function blankLine(profile: LayoutProfile): Paragraph {
  return gridLine('', profile.fonts.body, profile);
}
