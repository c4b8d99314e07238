// The formatting a Word or WPS template defines, resolved as Word resolves it: document defaults,
// then a style and the styles it is based on (basedOn chains, cycles cut), then direct formatting;
// theme fonts (asciiTheme, eastAsiaTheme…) looked up in the theme's major and minor fonts, with
// the script font (<a:font script="Hans">) when the theme leaves the East Asian font empty.

export const attr = (element: string | undefined, name: string): string | undefined =>
  element === undefined ? undefined : new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1];

export const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');

/** First element of this name (start tag only). */
export const element = (xml: string | undefined, name: string): string | undefined =>
  xml === undefined ? undefined : new RegExp(`<${name}(?=[\\s/>])[^>]*>`).exec(xml)?.[0];

const ON_OFF_FALSE = new Set(['false', '0', 'off']);
const onOff = (el: string | undefined): boolean | undefined => (el === undefined ? undefined : !ON_OFF_FALSE.has(attr(el, 'w:val') ?? 'true'));
const num = (s: string | undefined): number | undefined => {
  if (s === undefined || s.trim() === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
};

/** A font slot: a named font or a theme font (which wins over a named one at the same level). */
export interface FontSlot {
  name?: string;
  theme?: string;
}

/** Run properties as a template states them, each optional. */
export interface RunProps {
  eastAsia?: FontSlot;
  ascii?: FontSlot;
  /** Half-points. */
  sz?: number;
  bold?: boolean;
  /** w:spacing in twentieths of a point (character spacing). */
  spacing?: number;
}

export interface ParagraphProps {
  spacing: Partial<Record<'before' | 'beforeLines' | 'after' | 'afterLines' | 'line', number>> & { lineRule?: string; beforeAutospacing?: boolean; afterAutospacing?: boolean };
  ind: Partial<Record<'firstLine' | 'firstLineChars' | 'hanging' | 'hangingChars' | 'left' | 'leftChars' | 'right' | 'rightChars' | 'start' | 'end', number>>;
  jc?: string;
  snapToGrid?: boolean;
  /** A bottom border (a header's rule), its width in eighths of a point; 0 when set to none. */
  bottomBorder?: number;
  /** A frame's horizontal alignment (WPS and older Word page numbers). */
  frameAlign?: string;
}

export interface Style {
  type: string;
  id: string;
  /** Lower case, as Word matches built-in names. */
  name: string;
  isDefault: boolean;
  basedOn?: string;
  pPr: ParagraphProps;
  rPr: RunProps;
}

export interface StyleSheet {
  defaults: { pPr: ParagraphProps; rPr: RunProps };
  byId: Map<string, Style>;
  theme: ThemeFonts;
  /** Script of the East Asian text (Hans for zh-CN), for theme fonts that give one per script. */
  script: string;
}

export interface ThemeFonts {
  major: { latin?: string; ea?: string; scripts: Map<string, string> };
  minor: { latin?: string; ea?: string; scripts: Map<string, string> };
}

const emptyParagraph = (): ParagraphProps => ({ spacing: {}, ind: {} });

const THEME_NAMES: Record<string, string> = {
  '+中文正文': 'minorEastAsia',
  '+中文标题': 'majorEastAsia',
  '+正文': 'minorHAnsi',
  '+标题': 'majorHAnsi',
  '+西文正文': 'minorHAnsi',
  '+西文标题': 'majorHAnsi',
  '+Body Asian': 'minorEastAsia',
  '+Headings Asian': 'majorEastAsia',
  '+Body': 'minorHAnsi',
  '+Headings': 'majorHAnsi',
};

function slot(rFonts: string, name: string): FontSlot | undefined {
  const font = attr(rFonts, `w:${name}`);
  // WPS writes the theme attributes as Word does, and w:cstheme for the complex script one.
  const theme = attr(rFonts, `w:${name}Theme`) ?? attr(rFonts, `w:${name.toLowerCase()}theme`);
  if (font === undefined && theme === undefined) return undefined;
  const named = font === undefined ? '' : decode(font).trim();
  // The names the font box shows for theme fonts (“+中文正文”), written out by some tools.
  const shownTheme = THEME_NAMES[named];
  if (shownTheme && !theme) return { theme: shownTheme };
  return { ...(named !== '' ? { name: named } : {}), ...(theme ? { theme } : {}) };
}

export function parseRun(rPr: string | undefined): RunProps {
  const out: RunProps = {};
  if (!rPr) return out;
  const rFonts = element(rPr, 'w:rFonts');
  if (rFonts) {
    const ea = slot(rFonts, 'eastAsia');
    const ascii = slot(rFonts, 'ascii') ?? slot(rFonts, 'hAnsi');
    if (ea) out.eastAsia = ea;
    if (ascii) out.ascii = ascii;
  }
  const sz = num(attr(element(rPr, 'w:sz'), 'w:val'));
  if (sz !== undefined && sz >= 2 && sz <= 3276) out.sz = sz;
  const b = onOff(element(rPr, 'w:b'));
  if (b !== undefined) out.bold = b;
  const spacing = num(attr(element(rPr, 'w:spacing'), 'w:val'));
  if (spacing !== undefined && Math.abs(spacing) <= 31680) out.spacing = spacing;
  return out;
}

export function parseParagraph(pPr: string | undefined): ParagraphProps {
  const out = emptyParagraph();
  if (!pPr) return out;
  // The paragraph mark's run properties and tracked changes are not the paragraph's.
  const own = pPr.replace(/<w:rPr>[\s\S]*?<\/w:rPr>/g, '').replace(/<w:pPrChange\b[\s\S]*?<\/w:pPrChange>/g, '');
  const spacing = element(own, 'w:spacing');
  if (spacing) {
    for (const k of ['before', 'beforeLines', 'after', 'afterLines', 'line'] as const) {
      const v = num(attr(spacing, `w:${k}`));
      if (v !== undefined && Math.abs(v) <= 31680) out.spacing[k] = v;
    }
    const rule = attr(spacing, 'w:lineRule');
    if (rule) out.spacing.lineRule = rule;
    const ba = attr(spacing, 'w:beforeAutospacing');
    if (ba !== undefined) out.spacing.beforeAutospacing = !ON_OFF_FALSE.has(ba);
    const aa = attr(spacing, 'w:afterAutospacing');
    if (aa !== undefined) out.spacing.afterAutospacing = !ON_OFF_FALSE.has(aa);
  }
  const ind = element(own, 'w:ind');
  if (ind) {
    for (const k of ['firstLine', 'firstLineChars', 'hanging', 'hangingChars', 'left', 'leftChars', 'right', 'rightChars', 'start', 'end'] as const) {
      const v = num(attr(ind, `w:${k}`));
      if (v !== undefined && Math.abs(v) <= 31680) out.ind[k] = v;
    }
  }
  const jc = attr(element(own, 'w:jc'), 'w:val');
  if (jc) out.jc = jc;
  const snap = onOff(element(own, 'w:snapToGrid'));
  if (snap !== undefined) out.snapToGrid = snap;
  const bottom = /<w:pBdr>[\s\S]*?<\/w:pBdr>/.exec(own)?.[0];
  const bottomEl = element(bottom, 'w:bottom');
  if (bottomEl) out.bottomBorder = ['nil', 'none'].includes(attr(bottomEl, 'w:val') ?? 'none') ? 0 : (num(attr(bottomEl, 'w:sz')) ?? 4);
  const frame = element(own, 'w:framePr');
  const xAlign = attr(frame, 'w:xAlign');
  if (xAlign) out.frameAlign = xAlign;
  return out;
}

/** `over` on top of `base`, attribute by attribute, as Word merges style levels. */
export function mergeParagraph(base: ParagraphProps, over: ParagraphProps): ParagraphProps {
  const ind = { ...base.ind };
  // A first-line indent and a hanging indent exclude each other.
  if (over.ind.hanging !== undefined || over.ind.hangingChars !== undefined) {
    delete ind.firstLine;
    delete ind.firstLineChars;
  }
  if (over.ind.firstLine !== undefined || over.ind.firstLineChars !== undefined) {
    delete ind.hanging;
    delete ind.hangingChars;
  }
  return {
    ...base,
    ...over,
    spacing: { ...base.spacing, ...over.spacing },
    ind: { ...ind, ...over.ind },
  };
}

export function mergeRun(base: RunProps, over: RunProps): RunProps {
  return { ...base, ...over };
}

export function parseTheme(xml: string | undefined): ThemeFonts {
  const fonts = (tag: string): ThemeFonts['major'] => {
    const block = xml ? new RegExp(`<a:${tag}>([\\s\\S]*?)</a:${tag}>`).exec(xml)?.[1] : undefined;
    const typeface = (name: string): string | undefined => {
      const v = attr(element(block, `a:${name}`), 'typeface');
      return v ? decode(v).trim() || undefined : undefined;
    };
    const scripts = new Map<string, string>();
    for (const m of (block ?? '').matchAll(/<a:font\b[^>]*>/g)) {
      const script = attr(m[0], 'script');
      const face = attr(m[0], 'typeface');
      if (script && face) scripts.set(script, decode(face));
    }
    return { ...(typeface('latin') ? { latin: typeface('latin')! } : {}), ...(typeface('ea') ? { ea: typeface('ea')! } : {}), scripts };
  };
  return { major: fonts('majorFont'), minor: fonts('minorFont') };
}

/** The theme script of an East Asian language tag (settings' themeFontLang, or the defaults' w:lang). */
export function scriptOf(lang: string | undefined): string {
  const l = (lang ?? 'zh-CN').toLowerCase();
  if (l.startsWith('zh-tw') || l.startsWith('zh-hk') || l.startsWith('zh-mo') || l === 'zh-hant') return 'Hant';
  if (l.startsWith('ja')) return 'Jpan';
  if (l.startsWith('ko')) return 'Hang';
  return 'Hans';
}

export function parseStyleSheet(stylesXml: string | undefined, themeXml: string | undefined, lang: string | undefined): StyleSheet {
  const xml = stylesXml ?? '';
  const docDefaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(xml)?.[1];
  const rPrDefault = docDefaults ? /<w:rPrDefault>[\s\S]*?<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(docDefaults)?.[1] : undefined;
  const pPrDefault = docDefaults ? /<w:pPrDefault>[\s\S]*?<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(docDefaults)?.[1] : undefined;
  const defaultLang = attr(element(rPrDefault, 'w:lang'), 'w:eastAsia');
  const byId = new Map<string, Style>();
  for (const m of xml.matchAll(/<w:style\b([^>]*?)(?:\/>|>([\s\S]*?)<\/w:style>)/g)) {
    const head = m[1]!;
    const body = m[2] ?? '';
    const type = attr(head, 'w:type') ?? 'paragraph';
    const id = attr(head, 'w:styleId');
    if (!id) continue;
    const name = decode(/<w:name\b[^>]*w:val="([^"]*)"/.exec(body)?.[1] ?? id).toLowerCase();
    const basedOn = /<w:basedOn\b[^>]*w:val="([^"]*)"/.exec(body)?.[1];
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(body)?.[1];
    const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(body.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/, ''))?.[1];
    byId.set(id, {
      type,
      id,
      name,
      isDefault: ['1', 'true', 'on'].includes(attr(head, 'w:default') ?? ''),
      ...(basedOn ? { basedOn } : {}),
      pPr: parseParagraph(pPr),
      rPr: parseRun(rPr),
    });
  }
  return {
    defaults: { pPr: parseParagraph(pPrDefault), rPr: parseRun(rPrDefault) },
    byId,
    theme: parseTheme(themeXml),
    script: scriptOf(lang ?? defaultLang),
  };
}

/** A style's own properties with those of the styles it is based on beneath (no defaults). */
export function styleChain(sheet: StyleSheet, id: string | undefined, seen = new Set<string>()): { pPr: ParagraphProps; rPr: RunProps } {
  const style = id === undefined ? undefined : sheet.byId.get(id);
  if (!style || seen.has(style.id)) return { pPr: emptyParagraph(), rPr: {} };
  seen.add(style.id);
  const base = styleChain(sheet, style.basedOn, seen);
  return { pPr: mergeParagraph(base.pPr, style.pPr), rPr: mergeRun(base.rPr, style.rPr) };
}

/**
 * A paragraph style by what the report uses it for: Word's built-in name (which Word writes in
 * English whatever the interface language), the Chinese name some tools write, or the style id.
 */
export function findParagraphStyle(sheet: StyleSheet, names: readonly string[]): Style | undefined {
  const paragraphStyles = [...sheet.byId.values()].filter((s) => s.type === 'paragraph');
  for (const name of names) {
    const found = paragraphStyles.find((s) => s.name === name.toLowerCase()) ?? paragraphStyles.find((s) => s.id.toLowerCase() === name.replace(/\s/g, '').toLowerCase());
    if (found) return found;
  }
  return undefined;
}

/** The default paragraph style (正文 / Normal). */
export function normalStyle(sheet: StyleSheet): Style | undefined {
  return [...sheet.byId.values()].find((s) => s.type === 'paragraph' && s.isDefault) ?? findParagraphStyle(sheet, ['normal', '正文']);
}

/** A font slot's font name, a theme font resolved. */
export function resolveSlot(sheet: StyleSheet, s: FontSlot | undefined, eastAsian: boolean): string | undefined {
  if (!s) return undefined;
  if (s.theme) {
    const fonts = s.theme.startsWith('major') ? sheet.theme.major : sheet.theme.minor;
    const wantsEa = /EastAsia$/i.test(s.theme) || (eastAsian && !/(HAnsi|Ascii|Bidi)$/i.test(s.theme));
    const face = wantsEa ? (fonts.ea ?? fonts.scripts.get(sheet.script)) : fonts.latin;
    if (face) return face;
  }
  return s.name;
}

/** Effective run formatting: defaults, the chain of the paragraph style, a character style, direct. */
export function effectiveRun(sheet: StyleSheet, paragraphStyle: string | undefined, characterStyle?: string, direct: RunProps = {}): RunProps {
  let run = mergeRun(sheet.defaults.rPr, styleChain(sheet, paragraphStyle).rPr);
  if (characterStyle) run = mergeRun(run, styleChain(sheet, characterStyle).rPr);
  return mergeRun(run, direct);
}

export function effectiveParagraphProps(sheet: StyleSheet, paragraphStyle: string | undefined, direct?: ParagraphProps): ParagraphProps {
  const p = mergeParagraph(sheet.defaults.pPr, styleChain(sheet, paragraphStyle).pPr);
  return direct ? mergeParagraph(p, direct) : p;
}

/** The font that Chinese text in these run properties is set in: the East Asian slot, else the Latin one. */
export function runFontName(sheet: StyleSheet, run: RunProps): string | undefined {
  return resolveSlot(sheet, run.eastAsia, true) ?? resolveSlot(sheet, run.ascii, false);
}
