// The paragraph styles of the report: each holds the formatting many paragraphs share, with the
// values of the layout profile (the same values the paragraphs carried themselves before). Every
// style is based on Normal alone, not on another of these, so a style's run formatting is exactly
// its font's and nothing leaks from a parent.

import type { IParagraphStyleOptions, IStylesOptions } from 'docx';
import type { HeadingLevel } from '../../compose/model.js';
import type { LayoutProfile } from '../../layout/profile.js';
import { headingFont } from './body.js';
import { runFont } from './fonts.js';
import { bodyFormat, lineSpacing, STYLE } from './paragraphs.js';

/** A grid line (发文字号, 署名, 附件说明…): exact pitch, and 孤行控制 off as in the body. */
function lineFormat(profile: LayoutProfile): IParagraphStyleOptions['paragraph'] {
  const format = { spacing: lineSpacing(profile), widowControl: false };
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
