// Builds the parts of a profile's reference package with the docx library: the profile's styles,
// the page number footers and the page setup around an empty body. Loaded only when the package
// is neither in memory nor in the cache folder, so a render usually never loads the library.

import { Document, DocumentGridType, Packer } from 'docx';
import type { LayoutProfile } from '../../layout/profile.js';
import { mmToTwips } from '../../layout/units.js';
import { blankFooters, pageNumberFooters } from './page-number.js';
import { styles } from './styles.js';

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
      { properties, footers: pageNumberFooters(profile), children: [] },
      // The section of a blank page and the 版记 page after it (GB/T 9704 §7.5: no page number
      // there). Its footers are empty; a report without that blank page has only the first section.
      { properties, footers: blankFooters(), children: [] },
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
