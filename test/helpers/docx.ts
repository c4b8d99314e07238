// Reading a .docx back the way a user's Word sees it: the XML parts and the paragraphs' text, and
// each paragraph's formatting as it takes effect (document defaults, then the paragraph style and
// the styles it is based on, then the paragraph's and run's own formatting).
import JSZip from 'jszip';

export interface DocxParts {
  document: string;
  styles: string;
  settings: string;
  footers: string[];
  paragraphs: DocxParagraph[];
}

export interface DocxParagraph {
  text: string;
  /**
   * The paragraph with its effective formatting written out: `<w:pPr>` holds every paragraph
   * property in force (with the `w:pStyle` it came from), each `<w:r>` a `<w:rPr>` with every run
   * property in force. An assertion on it holds whether a value is set directly or by a style.
   */
  xml: string;
  /** The paragraph as written in document.xml. */
  raw: string;
}

const decodeXml = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Properties by element name (w:spacing…), each with its attributes; an element with children keeps them whole. */
type Props = Map<string, { attrs: Map<string, string>; inner?: string }>;

interface StyleSheet {
  defaults: { pPr: Props; rPr: Props };
  styles: Map<string, { basedOn?: string; pPr: Props; rPr: Props }>;
  defaultParagraphStyle?: string;
}

const ATTRIBUTE = /([\w:]+)="([^"]*)"/g;

/** The child elements of a pPr or rPr; a nested rPr (the paragraph mark's) is left out. */
function parseProps(xml: string | undefined): Props {
  const props: Props = new Map();
  if (!xml) return props;
  const element = /<([\w:]+)((?:\s+[\w:]+="[^"]*")*)\s*(\/>|>)/g;
  let m: RegExpExecArray | null;
  while ((m = element.exec(xml))) {
    const [, name, attrText, close] = m;
    let inner: string | undefined;
    if (close === '>') {
      const end = xml.indexOf(`</${name}>`, element.lastIndex);
      inner = xml.slice(element.lastIndex, end);
      element.lastIndex = end + name!.length + 3;
    }
    if (name === 'w:rPr' || name === 'w:sectPr' || name === 'w:pPrChange' || name === 'w:rPrChange') continue;
    props.set(name!, { attrs: new Map([...attrText!.matchAll(ATTRIBUTE)].map((a) => [a[1]!, a[2]!])), ...(inner !== undefined ? { inner } : {}) });
  }
  return props;
}

const ON_OFF_TRUE = new Set(['true', 'on']);

/**
 * `over` applied on top of `base`, attribute by attribute (w:spacing's line from one level and
 * before/after from another, each w:rFonts slot on its own), as Word resolves them. In w:ind a
 * hanging indent and a first-line indent exclude each other.
 */
function merge(base: Props, over: Props): Props {
  const out: Props = new Map([...base].map(([k, v]) => [k, { attrs: new Map(v.attrs), ...(v.inner !== undefined ? { inner: v.inner } : {}) }]));
  for (const [name, value] of over) {
    const current = out.get(name);
    if (!current || value.inner !== undefined || current.inner !== undefined) {
      out.set(name, { attrs: new Map(value.attrs), ...(value.inner !== undefined ? { inner: value.inner } : {}) });
      continue;
    }
    if (name === 'w:ind') {
      const sets = (a: string) => value.attrs.has(`w:${a}`) || value.attrs.has(`w:${a}Chars`);
      if (sets('hanging')) for (const a of ['w:firstLine', 'w:firstLineChars']) current.attrs.delete(a);
      if (sets('firstLine')) for (const a of ['w:hanging', 'w:hangingChars']) current.attrs.delete(a);
    }
    // An on/off element without w:val is on: it replaces an earlier w:val="false".
    if (value.attrs.size === 0) current.attrs.delete('w:val');
    for (const [a, v] of value.attrs) current.attrs.set(a, v);
  }
  return out;
}

function serialize(props: Props): string {
  return [...props]
    .map(([name, { attrs, inner }]) => {
      // Written as the library writes it: `<w:b/>` when on, `<w:b w:val="false"/>` when off.
      const list = [...attrs].filter(([a, v]) => !(a === 'w:val' && attrs.size === 1 && ON_OFF_TRUE.has(v)));
      const text = list.map(([a, v]) => ` ${a}="${v}"`).join('');
      return inner !== undefined ? `<${name}${text}>${inner}</${name}>` : `<${name}${text}/>`;
    })
    .join('');
}

export function parseStyles(xml: string): StyleSheet {
  const inner = (outer: string | undefined, tag: string): string | undefined => (outer ? new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(outer)?.[1] : undefined);
  const docDefaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(xml)?.[0];
  const sheet: StyleSheet = {
    defaults: { pPr: parseProps(inner(inner(docDefaults, 'w:pPrDefault'), 'w:pPr')), rPr: parseProps(inner(inner(docDefaults, 'w:rPrDefault'), 'w:rPr')) },
    styles: new Map(),
  };
  for (const m of xml.matchAll(/<w:style ([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const attrs = new Map([...m[1]!.matchAll(ATTRIBUTE)].map((a) => [a[1]!, a[2]!]));
    if (attrs.get('w:type') !== 'paragraph') continue;
    const id = attrs.get('w:styleId')!;
    const body = m[2]!;
    // The style's own pPr and rPr (a pPr holds no rPr of its own in a style).
    sheet.styles.set(id, {
      ...(/<w:basedOn w:val="([^"]*)"/.exec(body) ? { basedOn: /<w:basedOn w:val="([^"]*)"/.exec(body)![1]! } : {}),
      pPr: parseProps(inner(body, 'w:pPr')),
      rPr: parseProps(inner(body.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/, ''), 'w:rPr')),
    });
    if (['1', 'true', 'on'].includes(attrs.get('w:default') ?? '')) sheet.defaultParagraphStyle = id;
  }
  return sheet;
}

/** A style's properties with those of the styles it is based on beneath. */
function styleChain(sheet: StyleSheet, id: string | undefined, kind: 'pPr' | 'rPr', seen = new Set<string>()): Props {
  const style = id === undefined ? undefined : sheet.styles.get(id);
  if (!style || seen.has(id!)) return new Map();
  seen.add(id!);
  return merge(styleChain(sheet, style.basedOn, kind, seen), style[kind]);
}

/** The paragraph written out with its effective formatting (see DocxParagraph.xml). */
export function effectiveParagraph(raw: string, sheet: StyleSheet): string {
  const pPrText = /^<w:p(?: [^>]*)?>\s*<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(raw)?.[1];
  const direct = parseProps(pPrText?.replace(/<w:rPr>[\s\S]*?<\/w:rPr>/, ''));
  const styleId = direct.get('w:pStyle')?.attrs.get('w:val') ?? sheet.defaultParagraphStyle;
  const pPr = merge(merge(sheet.defaults.pPr, styleChain(sheet, styleId, 'pPr')), direct);
  const runBase = merge(sheet.defaults.rPr, styleChain(sheet, styleId, 'rPr'));
  const runs = [...raw.matchAll(/<w:r(?: [^>]*)?>([\s\S]*?)<\/w:r>/g)].map((r) => {
    const own = /^<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(r[1]!);
    const content = own ? r[1]!.slice(own[0].length) : r[1]!;
    return `<w:r><w:rPr>${serialize(merge(runBase, parseProps(own?.[1])))}</w:rPr>${content}</w:r>`;
  });
  return `<w:p><w:pPr>${serialize(pPr)}</w:pPr>${runs.join('')}</w:p>`;
}

export function paragraphsOf(xml: string, styles = ''): DocxParagraph[] {
  const sheet = parseStyles(styles);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    xml: effectiveParagraph(m[0], sheet),
    raw: m[0],
    text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((t) => (t[1] === undefined ? '\t' : decodeXml(t[1]))).join(''),
  }));
}

export async function readDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string): Promise<string> => (await zip.file(name)?.async('string')) ?? '';
  const document = await text('word/document.xml');
  const styles = await text('word/styles.xml');
  const footerNames = Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n)).sort();
  return {
    document,
    styles,
    settings: await text('word/settings.xml'),
    footers: await Promise.all(footerNames.map(text)),
    paragraphs: paragraphsOf(document, styles),
  };
}

/** The value of an attribute in the first element of this name inside `xml`. */
export function attr(xml: string, element: string, attribute: string): string | undefined {
  const el = new RegExp(`<${element}(?=[ />])[^>]*>`).exec(xml)?.[0];
  return el ? new RegExp(`${attribute}="([^"]*)"`).exec(el)?.[1] : undefined;
}
