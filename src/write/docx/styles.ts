// The paragraph styles of the report, part of the reference package (reference.ts): each holds
// the formatting many paragraphs share, with the values of the layout profile. Every style is
// based on Normal alone, not on another of these, so a style's run formatting is exactly its
// font's and nothing leaks from a parent. Built with the docx library (options objects).

import { AlignmentType, LineRuleType, type IParagraphOptions, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import type { HeadingLevel } from '../../compose/model.js';
import type { LayoutProfile } from '../../layout/profile.js';
import { headingFont } from './body.js';
import { runFont } from './fonts.js';
import { charsToTwips, STYLE } from './paragraphs.js';

function lineSpacing(profile: LayoutProfile): NonNullable<IParagraphOptions['spacing']> {
  return { line: profile.grid.linePitchTwips.value, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
}

/**
 * Paragraph formatting of a body paragraph (正文 and headings): justified, first line indented
 * two characters. The style options of the docx library do not list widowControl and
 * autoSpaceEastAsianText, but it writes them in a style as in a paragraph (same class).
 */
function bodyFormat(profile: LayoutProfile): IParagraphOptions {
  const indentChars = profile.body.firstLineIndentChars.value;
  return {
    alignment: AlignmentType.JUSTIFIED,
    spacing: lineSpacing(profile),
    indent: { firstLine: charsToTwips(indentChars, profile), firstLineChars: indentChars * 100, right: profile.body.rightInsetTwips.value },
    // No extra space between Chinese text and digits ("学习 4 次"): 公文 sets them solid.
    autoSpaceEastAsianText: false,
    // 孤行控制 off, as government templates have it: every page runs to its 22nd line (GB/T 9704
    // §5.2.3). Word's and LibreOffice's defaults differ, so it is stated.
    widowControl: false,
  };
}

/** A grid line (发文字号, 署名, 附件说明…): exact pitch, and 孤行控制 off as in the body. */
function lineFormat(profile: LayoutProfile): IParagraphStyleOptions['paragraph'] {
  const format = { spacing: lineSpacing(profile), widowControl: false, indent: { right: profile.body.rightInsetTwips.value } };
  return format;
}

export function styles(profile: LayoutProfile): IStylesOptions {
  const body = runFont(profile.fonts.body, profile);
  // Heading styles give Word's navigation pane (导航窗格) an outline of the report.
  const headingStyle = (level: HeadingLevel): IParagraphStyleOptions => {
    const font = runFont(headingFont(level, profile), profile);
    return {
      id: `Heading${level}`,
      name: `heading ${level}`,
      basedOn: 'Normal',
      next: STYLE.body,
      quickFormat: true,
      // Bold stated either way: Word's and LibreOffice's own heading styles are bold.
      run: { ...font, bold: font.bold ?? false, color: '000000', italics: false },
      // Kept with the first line of what follows (the one exception to full pages) and never split
      // itself: a heading costs at most its own lines at a page foot.
      paragraph: { ...bodyFormat(profile), keepNext: true, keepLines: true, outlineLevel: level - 1 },
    };
  };
  return {
    // Paragraphs without a style (footers, table cells, page breaks) keep the body font and size.
    default: { document: { run: { font: body.font, size: body.size } } },
    paragraphStyles: [
      { id: STYLE.line, name: '公文行', basedOn: 'Normal', next: STYLE.line, quickFormat: true, run: body, paragraph: lineFormat(profile) },
      { id: STYLE.body, name: '公文正文', basedOn: 'Normal', next: STYLE.body, quickFormat: true, run: body, paragraph: bodyFormat(profile) },
      headingStyle(1),
      headingStyle(2),
      headingStyle(3),
      headingStyle(4),
    ],
  };
}
