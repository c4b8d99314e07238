// Word and WPS templates built part by part, as the two programs write them, for the
// `--reference-doc` tests: styles (docDefaults, basedOn chains, theme fonts), a theme, settings,
// a section with its page setup and grid, and footers and headers referred to by relationships.
import { strToU8, zipSync } from 'fflate';

export const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
/** What WPS adds to the root elements of its parts. */
export const WPS_NS =
  ' xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/wpsCustomData" mc:Ignorable="w14 w15 wp14"';

export interface TemplateSpec {
  /** Inside <w:docDefaults>. */
  docDefaults?: string;
  /** <w:style> elements. */
  styles?: string;
  /** The whole theme part; none when absent. */
  theme?: string;
  /** Inside <w:settings>. */
  settings?: string;
  /** Inside the section's <w:sectPr>, before the header and footer references are added. */
  section?: string;
  /** Footer parts: default and even. */
  footers?: { default?: string; even?: string };
  headers?: { default?: string };
  /** Inside <w:body>, before the section. */
  body?: string;
  /** Extra namespace declarations on the root elements (WPS). */
  ns?: string;
  /** A .dotx: the template content type. */
  dotx?: boolean;
}

export const GB_SECTION =
  '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="1435" w:gutter="0"/>' +
  '<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-849"/>';

/** Word's theme with Chinese script fonts (the East Asian slot empty, as Word writes it). */
export function theme(minorHans: string, majorHans = minorHans, minorLatin = 'Calibri'): string {
  const fonts = (latin: string, hans: string): string =>
    `<a:latin typeface="${latin}"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Jpan" typeface="游明朝"/><a:font script="Hans" typeface="${hans}"/><a:font script="Hant" typeface="新細明體"/>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office 主题"><a:themeElements>` +
    `<a:fontScheme name="Office"><a:majorFont>${fonts('Calibri Light', majorHans)}</a:majorFont><a:minorFont>${fonts(minorLatin, minorHans)}</a:minorFont></a:fontScheme>` +
    `</a:themeElements></a:theme>`
  );
}

export function part(root: 'ftr' | 'hdr', inner: string, ns = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${root} ${W_NS}${ns}>${inner}</w:${root}>`;
}

/** A page number paragraph with a complex PAGE field, as Word inserts one. */
export function pageField(before: string, after: string, rPr = '', pPr = ''): string {
  const run = (inner: string): string => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}${inner}</w:r>`;
  return (
    `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}` +
    (before ? run(`<w:t xml:space="preserve">${before}</w:t>`) : '') +
    run('<w:fldChar w:fldCharType="begin"/>') +
    run('<w:instrText xml:space="preserve"> PAGE   \\* MERGEFORMAT </w:instrText>') +
    run('<w:fldChar w:fldCharType="separate"/>') +
    run('<w:t>1</w:t>') +
    run('<w:fldChar w:fldCharType="end"/>') +
    (after ? run(`<w:t xml:space="preserve">${after}</w:t>`) : '') +
    `</w:p>`
  );
}

export function wordTemplate(spec: TemplateSpec): Uint8Array {
  const ns = spec.ns ?? '';
  const rels: string[] = [];
  const files: Record<string, Uint8Array> = {};
  const overrides: string[] = [];
  let refs = '';
  const add = (kind: 'header' | 'footer', type: string, xml: string | undefined): void => {
    if (xml === undefined) return;
    const n = rels.length + 1;
    const name = `${kind}${n}.xml`;
    rels.push(`<Relationship Id="rId${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}" Target="${name}"/>`);
    files[`word/${name}`] = strToU8(xml);
    overrides.push(`<Override PartName="/word/${name}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${kind}+xml"/>`);
    refs += `<w:${kind}Reference w:type="${type}" r:id="rId${n}"/>`;
  };
  add('header', 'default', spec.headers?.default);
  add('footer', 'default', spec.footers?.default);
  add('footer', 'even', spec.footers?.even);
  rels.push('<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>');
  rels.push('<Relationship Id="rIdSet" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>');
  if (spec.theme) {
    rels.push('<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/>');
    files['word/theme/theme1.xml'] = strToU8(spec.theme);
  }
  const main = spec.dotx ? 'template.main+xml' : 'document.main+xml';
  files['[Content_Types].xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${main}"/>${overrides.join('')}</Types>`,
  );
  files['_rels/.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  files['word/_rels/document.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  files['word/styles.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W_NS}${ns}><w:docDefaults>${spec.docDefaults ?? ''}</w:docDefaults>${spec.styles ?? ''}</w:styles>`,
  );
  files['word/settings.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings ${W_NS}${ns}>${spec.settings ?? ''}</w:settings>`);
  files['word/document.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W_NS}${ns}><w:body>${spec.body ?? '<w:p/>'}<w:sectPr>${refs}${spec.section ?? GB_SECTION}</w:sectPr></w:body></w:document>`,
  );
  return zipSync(files);
}
