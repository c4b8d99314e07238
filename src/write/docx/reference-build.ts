// Builds the parts of a profile's reference package with the docx library: the profile's styles,
// the page number footers and the page setup around an empty body. Loaded only when the package
// is neither in memory nor in the cache folder, so a render usually never loads the library.

import { AlignmentType, BorderStyle, Document, DocumentGridType, Header, Packer, Paragraph, TextRun } from 'docx';
import type { LayoutProfile } from '../../layout/profile.js';
import { mmToTwips } from '../../layout/units.js';
import { runFont } from './fonts.js';
import { blankFooters, pageNumberFooters } from './page-number.js';
import { styles } from './styles.js';

/**
 * 页眉: none in a 公文; printed when the profile gives one text or a rule (an office template's
 * header, taken by --reference-doc), the same on odd and even pages.
 */
function headers(profile: LayoutProfile, blank = false): { headers?: { default: Header; even: Header } } {
  const h = profile.header;
  if (h.text.value === '' && h.ruleEighths.value === 0) return {};
  if (blank) {
    // The blank page before the 版记 and the 版记 page: a section without headers of its own would
    // inherit the template's, and a blank page must stay blank. A header holds one paragraph (CT_HdrFtr).
    const empty = (): Header => new Header({ children: [new Paragraph({})] });
    return { headers: { default: empty(), even: empty() } };
  }
  const make = (): Header =>
    new Header({
      children: [
        new Paragraph({
          alignment: h.alignment.value === 'left' ? AlignmentType.LEFT : h.alignment.value === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER,
          ...(h.ruleEighths.value > 0 ? { border: { bottom: { style: BorderStyle.SINGLE, size: h.ruleEighths.value, space: 1, color: 'auto' } } } : {}),
          children: h.text.value === '' ? [] : [new TextRun({ text: h.text.value, ...runFont(h.font, profile) })],
        }),
      ],
    });
  return { headers: { default: make(), even: make() } };
}

interface PackageCompiler {
  compile(file: Document, prettify: undefined, overrides: []): Map<string, string | Uint8Array>;
}

/** The reference document: the profile's styles, footers and page setup around an empty body. */
function referenceDocument(profile: LayoutProfile): Document {
  const p = profile.page;
  const grid = profile.grid;
  const properties = {
    page: {
      size: { width: mmToTwips(p.widthMm.value), height: mmToTwips(p.heightMm.value) },
      margin: {
        top: mmToTwips(p.marginTopMm.value),
        bottom: mmToTwips(p.marginBottomMm.value),
        left: mmToTwips(p.marginLeftMm.value),
        right: mmToTwips(p.marginRightMm.value),
        header: mmToTwips(p.headerMm.value),
        footer: mmToTwips(p.footerMm.value),
      },
    },
    grid:
      grid.gridType.value === 'linesAndChars'
        ? { type: DocumentGridType.LINES_AND_CHARS, linePitch: grid.linePitchTwips.value, charSpace: grid.wordCharSpace.value }
        : { type: grid.gridType.value === 'lines' ? DocumentGridType.LINES : DocumentGridType.DEFAULT, linePitch: grid.linePitchTwips.value },
  };
  return new Document({
    evenAndOddHeaderAndFooters: true,
    styles: styles(profile),
    sections: [
      { properties, footers: pageNumberFooters(profile), ...headers(profile), children: [] },
      // The section of a blank page and the 版记 page after it (GB/T 9704 §7.5: no page number
      // there). Its footers are empty; a report without that blank page has only the first section.
      // A template's header is replaced by empty ones there, for the same reason as the footers.
      { properties, footers: blankFooters(), ...headers(profile, true), children: [] },
    ],
  });
}

/** The parts of the compiled reference document, before zipping (the library's compiler). */
export function referenceParts(profile: LayoutProfile): Map<string, string | Uint8Array> {
  // Not in the library's typed API, but stable in the pinned release; a release without it
  // fails every writer test at once.
  const compiler = (Packer as unknown as { compiler?: PackageCompiler }).compiler;
  if (!compiler || typeof compiler.compile !== 'function') throw new Error('docx: Packer.compiler.compile is missing in this release');
  return compiler.compile(referenceDocument(profile), undefined, []);
}
