// 页码 (GB/T 9704 §7.5): "— N —" in 4号半角宋体, odd pages right 空一字, even pages left 空一字
// (the profile's alignments; an office template may centre it). Odd/even footers need
// evenAndOddHeaders in settings, set on the Document.

import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import type { LayoutProfile } from '../../layout/profile.js';
import { ptToTwips } from '../../layout/units.js';
import { runFont } from './fonts.js';

function pageNumberFooter(side: 'odd' | 'even', profile: LayoutProfile): Footer {
  const spec = profile.fonts.pageNumber;
  const indent = profile.pageNumber.sideIndentChars.value * ptToTwips(spec.size.value);
  const align = (side === 'odd' ? profile.pageNumber.oddAlignment : profile.pageNumber.evenAlignment).value;
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
        ...(align === 'right' ? { indent: { right: indent } } : align === 'left' ? { indent: { left: indent } } : {}),
        children: [
          new TextRun({
            children: [profile.pageNumber.prefix.value, PageNumber.CURRENT, profile.pageNumber.suffix.value],
            ...runFont(spec, profile),
          }),
        ],
      }),
    ],
  });
}

export function pageNumberFooters(profile: LayoutProfile): { default: Footer; even: Footer } {
  return { default: pageNumberFooter('odd', profile), even: pageNumberFooter('even', profile) };
}

/**
 * Footers without a page number, for the section of a blank page before the 版记 and of the
 * 版记 page (GB/T 9704 §7.5). Stated rather than left out: a section without footers of its own
 * takes the previous section's. A footer holds at least one paragraph (CT_HdrFtr).
 */
export function blankFooters(): { default: Footer; even: Footer } {
  const blank = (): Footer => new Footer({ children: [new Paragraph({})] });
  return { default: blank(), even: blank() };
}
