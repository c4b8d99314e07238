// The docx library writes some paragraph properties out of the order ECMA-376 requires (in a
// style's w:pPr, w:autoSpaceDN after w:outlineLvl). Word may drop such a property — and then space
// Chinese and digits differently, moving line breaks. The reference package's parts are put in
// schema order here, once per profile; the printed document.xml is in order by construction
// (xml.ts).

const PPR = [
  'pStyle', 'keepNext', 'keepLines', 'pageBreakBefore', 'framePr', 'widowControl', 'numPr', 'suppressLineNumbers', 'pBdr', 'shd', 'tabs',
  'suppressAutoHyphens', 'kinsoku', 'wordWrap', 'overflowPunct', 'topLinePunct', 'autoSpaceDE', 'autoSpaceDN', 'bidi', 'adjustRightInd',
  'snapToGrid', 'spacing', 'ind', 'contextualSpacing', 'mirrorIndents', 'suppressOverlap', 'jc', 'textDirection', 'textAlignment',
  'textboxTightWrap', 'outlineLvl', 'divId', 'cnfStyle', 'rPr', 'sectPr', 'pPrChange',
];

const RPR = [
  'rStyle', 'rFonts', 'b', 'bCs', 'i', 'iCs', 'caps', 'smallCaps', 'strike', 'dstrike', 'outline', 'shadow', 'emboss', 'imprint', 'noProof',
  'snapToGrid', 'vanish', 'webHidden', 'color', 'spacing', 'w', 'kern', 'position', 'sz', 'szCs', 'highlight', 'u', 'effect', 'bdr', 'shd',
  'fitText', 'vertAlign', 'rtl', 'cs', 'em', 'lang', 'eastAsianLayout', 'specVanish', 'oMath', 'rPrChange',
];

const ORDER: Record<string, Map<string, number>> = {
  'w:pPr': new Map(PPR.map((name, i) => [`w:${name}`, i])),
  'w:rPr': new Map(RPR.map((name, i) => [`w:${name}`, i])),
};

/** The end (exclusive) of the element starting at `at`, counting nested elements of the same name. */
function elementEnd(xml: string, at: number, name: string): number {
  const startTagEnd = xml.indexOf('>', at);
  if (xml[startTagEnd - 1] === '/') return startTagEnd + 1;
  let depth = 1;
  const open = new RegExp(`<${name}[\\s/>]|</${name}>`, 'g');
  open.lastIndex = startTagEnd + 1;
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    if (m[0].startsWith('</')) {
      if (--depth === 0) return m.index + m[0].length;
    } else if (!xml.slice(m.index, xml.indexOf('>', m.index) + 1).endsWith('/>')) depth++;
  }
  throw new Error(`unclosed <${name}>`);
}

/** The children of a property element, sorted stably by the schema's order (unknown ones last). */
function sortChildren(inner: string, order: Map<string, number>): string {
  const children: { name: string; xml: string; index: number }[] = [];
  let at = 0;
  while (at < inner.length) {
    const m = /^<([\w:]+)/.exec(inner.slice(at, at + 64));
    if (!m) return inner; // text or a comment: leave the element as it is
    const end = elementEnd(inner, at, m[1]!);
    children.push({ name: m[1]!, xml: inner.slice(at, end), index: children.length });
    at = end;
  }
  const rank = (name: string): number => order.get(name) ?? order.size;
  children.sort((a, b) => rank(a.name) - rank(b.name) || a.index - b.index);
  return children.map((c) => c.xml).join('');
}

/** A part with the children of every w:pPr and w:rPr in schema order. */
export function schemaOrder(xml: string): string {
  let out = xml;
  for (const name of ['w:rPr', 'w:pPr'] as const) {
    const open = `<${name}>`;
    let result = '';
    let from = 0;
    for (let at = out.indexOf(open); at >= 0; at = out.indexOf(open, from)) {
      const end = elementEnd(out, at, name);
      const inner = out.slice(at + open.length, end - name.length - 3);
      result += out.slice(from, at) + open + sortChildren(inner, ORDER[name]!) + `</${name}>`;
      from = end;
    }
    out = result + out.slice(from);
  }
  return out;
}
