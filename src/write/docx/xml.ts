// WordprocessingML as text: XML escaping in this one place, and the property elements of
// paragraphs, runs, tables and cells printed in the order the ECMA-376 schema requires
// (CT_PPrBase, CT_RPr, CT_TblPr, CT_TcPr). Word rejects or "repairs" a part whose property
// elements are out of order, so the order lives in the printing functions below and nowhere else.

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Text or an attribute value as XML. Characters XML 1.0 cannot hold at all (C0 controls other
 * than tab and line breaks, lone surrogates, U+FFFE/U+FFFF) are dropped: the loader flags them in
 * the user's data already, and a part that holds one is not XML.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[&<>"]/g, (c) => TEXT_ESCAPES[c]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}

type AttrValue = string | number | undefined;

/** ` w:a="1" w:b="2"` for the attributes that are set, in the order given. */
function attrs(list: readonly (readonly [string, AttrValue])[]): string {
  let out = '';
  for (const [name, value] of list) if (value !== undefined) out += ` ${name}="${typeof value === 'number' ? value : escapeXml(value)}"`;
  return out;
}

/** An empty element with attributes. */
export const empty = (name: string, ...list: (readonly [string, AttrValue])[]): string => `<${name}${attrs(list)}/>`;

/** `<w:b/>` when on, `<w:b w:val="false"/>` when off, nothing when unset. */
const onOff = (name: string, value: boolean | undefined): string => (value === undefined ? '' : value ? `<${name}/>` : `<${name} w:val="false"/>`);

export type Alignment = 'left' | 'center' | 'right' | 'both';

export interface Spacing {
  /** Line pitch in twips, exact. */
  line: number;
  before?: number;
  after?: number;
}

export interface Indent {
  left?: number;
  right?: number;
  hanging?: number;
  firstLine?: number;
  /** First-line indent in hundredths of a character (Word keeps it when the font changes). */
  firstLineChars?: number;
}

export interface ParagraphProps {
  style?: string;
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  widowControl?: boolean;
  /** Right tab stops at these positions (twips from the left indent's origin). */
  rightTabs?: number[];
  /** Left tab stops at these positions (twips from the left margin). */
  leftTabs?: number[];
  /** A rule under the paragraph (the 版头's 分隔线): width in eighths of a point, hex colour. */
  bottomBorder?: { eighths: number; color: string };
  autoSpaceEastAsian?: boolean;
  spacing?: Spacing;
  indent?: Indent;
  alignment?: Alignment;
  outlineLevel?: number;
}

/** `<w:pPr>` in the order of CT_PPrBase; nothing when no property is set. */
export function paragraphProps(p: ParagraphProps): string {
  let out = '';
  if (p.style) out += empty('w:pStyle', ['w:val', p.style]);
  out += onOff('w:keepNext', p.keepNext);
  out += onOff('w:keepLines', p.keepLines);
  out += onOff('w:pageBreakBefore', p.pageBreakBefore);
  out += onOff('w:widowControl', p.widowControl);
  if (p.bottomBorder) out += `<w:pBdr>${empty('w:bottom', ['w:val', 'single'], ['w:sz', p.bottomBorder.eighths], ['w:space', 0], ['w:color', p.bottomBorder.color])}</w:pBdr>`;
  const tabs = [...(p.leftTabs ?? []).map((pos) => ['left', pos] as const), ...(p.rightTabs ?? []).map((pos) => ['right', pos] as const)].sort((a, b) => a[1] - b[1]);
  if (tabs.length) out += `<w:tabs>${tabs.map(([val, pos]) => empty('w:tab', ['w:val', val], ['w:pos', pos])).join('')}</w:tabs>`;
  if (p.autoSpaceEastAsian !== undefined) out += onOff('w:autoSpaceDE', p.autoSpaceEastAsian) + onOff('w:autoSpaceDN', p.autoSpaceEastAsian);
  if (p.spacing) out += empty('w:spacing', ['w:before', p.spacing.before ?? 0], ['w:after', p.spacing.after ?? 0], ['w:line', p.spacing.line], ['w:lineRule', 'exact']);
  if (p.indent) {
    const i = p.indent;
    out += empty('w:ind', ['w:left', i.left], ['w:right', i.right], ['w:hanging', i.hanging], ['w:firstLine', i.firstLine], ['w:firstLineChars', i.firstLineChars]);
  }
  if (p.alignment) out += empty('w:jc', ['w:val', p.alignment]);
  if (p.outlineLevel !== undefined) out += empty('w:outlineLvl', ['w:val', p.outlineLevel]);
  return out ? `<w:pPr>${out}</w:pPr>` : '';
}

export interface RunProps {
  /** One family for the East Asian, Latin and complex-script slots, hinted East Asian. */
  font?: string;
  bold?: boolean;
  /** Colour, hex RGB (the 版头's red). */
  color?: string;
  /** Character spacing in twips (negative: condensed). */
  characterSpacing?: number;
  /** Size in half-points. */
  halfPoints?: number;
}

/** `<w:rPr>` in the order of CT_RPr; nothing when no property is set. */
export function runProps(r: RunProps): string {
  let out = '';
  if (r.font) out += empty('w:rFonts', ['w:ascii', r.font], ['w:hAnsi', r.font], ['w:eastAsia', r.font], ['w:cs', r.font], ['w:hint', 'eastAsia']);
  if (r.bold !== undefined) out += onOff('w:b', r.bold) + onOff('w:bCs', r.bold);
  if (r.color) out += empty('w:color', ['w:val', r.color]);
  if (r.characterSpacing !== undefined) out += empty('w:spacing', ['w:val', r.characterSpacing]);
  if (r.halfPoints !== undefined) out += empty('w:sz', ['w:val', r.halfPoints]) + empty('w:szCs', ['w:val', r.halfPoints]);
  return out ? `<w:rPr>${out}</w:rPr>` : '';
}

/** A run of text (none for no text); a tab character becomes `<w:tab/>` (a literal tab in w:t is only white space to Word). */
export function textRun(text: string, props: RunProps = {}): string {
  if (text === '') return '';
  const content = text
    .split('\t')
    .map((part) => (part === '' ? '' : `<w:t xml:space="preserve">${escapeXml(part)}</w:t>`))
    .join('<w:tab/>');
  return `<w:r>${runProps(props)}${content}</w:r>`;
}

/** A paragraph from its properties and its printed runs. */
export const paragraph = (props: ParagraphProps, runs = ''): string => `<w:p>${paragraphProps(props)}${runs}</w:p>`;

export interface Border {
  /** Width in eighths of a point; 0 with `none`. */
  eighths: number;
  none?: boolean;
}

function border(name: string, b: Border): string {
  return b.none ? empty(name, ['w:val', 'none'], ['w:sz', 0], ['w:color', 'auto']) : empty(name, ['w:val', 'single'], ['w:sz', b.eighths], ['w:color', '000000']);
}

/** Borders in the order of CT_TblBorders / CT_TcBorders: top, left, bottom, right, insideH, insideV. */
export function borders(name: 'w:tblBorders' | 'w:tcBorders', b: { top: Border; left: Border; bottom: Border; right: Border; insideH?: Border; insideV?: Border }): string {
  return `<${name}>${border('w:top', b.top)}${border('w:left', b.left)}${border('w:bottom', b.bottom)}${border('w:right', b.right)}${
    b.insideH ? border('w:insideH', b.insideH) : ''
  }${b.insideV ? border('w:insideV', b.insideV) : ''}</${name}>`;
}

/** Cell margins (all four, twips) in the order of CT_TblCellMar / CT_TcMar. */
export function cellMargins(name: 'w:tblCellMar' | 'w:tcMar', twips: number): string {
  return `<${name}>${['top', 'left', 'bottom', 'right'].map((side) => empty(`w:${side}`, ['w:w', twips], ['w:type', 'dxa'])).join('')}</${name}>`;
}

export interface TableProps {
  /** Floating: horizontal position from the page edge, vertically at the bottom of the margin area. */
  floatBottomFromPageLeft?: number;
  width: number;
  borders: string;
  fixedLayout?: boolean;
  cellMarginsZero?: boolean;
}

/** `<w:tblPr>` in the order of CT_TblPr. */
export function tableProps(t: TableProps): string {
  let out = '';
  if (t.floatBottomFromPageLeft !== undefined) {
    out += empty('w:tblpPr', ['w:horzAnchor', 'page'], ['w:vertAnchor', 'margin'], ['w:tblpX', t.floatBottomFromPageLeft], ['w:tblpYSpec', 'bottom']);
    out += empty('w:tblOverlap', ['w:val', 'never']);
  }
  out += empty('w:tblW', ['w:w', t.width], ['w:type', 'dxa']);
  out += t.borders;
  if (t.fixedLayout) out += empty('w:tblLayout', ['w:type', 'fixed']);
  if (t.cellMarginsZero) out += cellMargins('w:tblCellMar', 0);
  return `<w:tblPr>${out}</w:tblPr>`;
}

export const tableGrid = (widths: readonly number[]): string => `<w:tblGrid>${widths.map((w) => empty('w:gridCol', ['w:w', w])).join('')}</w:tblGrid>`;

export interface RowProps {
  cantSplit?: boolean;
  header?: boolean;
}

export function tableRow(props: RowProps, cells: string): string {
  const pr = (props.cantSplit ? '<w:cantSplit/>' : '') + (props.header ? '<w:tblHeader/>' : '');
  return `<w:tr>${pr ? `<w:trPr>${pr}</w:trPr>` : ''}${cells}</w:tr>`;
}

export interface CellProps {
  width: number;
  borders?: string;
  marginsZero?: boolean;
  verticalCenter?: boolean;
}

/** A cell in the order of CT_TcPr: tcW, tcBorders, tcMar, vAlign. */
export function tableCell(props: CellProps, content: string): string {
  const pr =
    empty('w:tcW', ['w:w', props.width], ['w:type', 'dxa']) +
    (props.borders ?? '') +
    (props.marginsZero ? cellMargins('w:tcMar', 0) : '') +
    (props.verticalCenter ? empty('w:vAlign', ['w:val', 'center']) : '');
  return `<w:tc><w:tcPr>${pr}</w:tcPr>${content}</w:tc>`;
}

/**
 * Printed body XML whose last paragraph also ends a section (its w:sectPr, last in w:pPr as
 * CT_PPr orders it), as Word writes a section break; undefined when the XML does not end in a
 * paragraph (a table). Paragraphs are printed by `paragraph` above: `<w:p>`, then any `<w:pPr>`
 * (which holds no w:rPr), so the last `<w:p>` is the last paragraph's start.
 */
export function endSectionInLastParagraph(xml: string, sectPr: string): string | undefined {
  if (xml.endsWith('<w:p/>')) return `${xml.slice(0, -'<w:p/>'.length)}<w:p><w:pPr>${sectPr}</w:pPr></w:p>`;
  if (!xml.endsWith('</w:p>')) return undefined;
  const start = xml.lastIndexOf('<w:p>');
  if (start < 0) return undefined;
  const head = start + '<w:p>'.length;
  if (!xml.startsWith('<w:pPr>', head)) return `${xml.slice(0, head)}<w:pPr>${sectPr}</w:pPr>${xml.slice(head)}`;
  const close = xml.indexOf('</w:pPr>', head);
  return xml.slice(0, close) + sectPr + xml.slice(close);
}
