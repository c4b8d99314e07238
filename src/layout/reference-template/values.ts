// What a template defines for the parts of a report, read from its package: the effective
// formatting of the styles the report uses (正文/Normal, 标题/Title, 标题 1–4/heading 1–4), the
// page setup and document grid of its first portrait section (a whole old report whose last
// section is a landscape table still gives its text pages), its page number footer and its header.

import { DOCUMENT } from './package.js';
import {
  attr,
  decode,
  effectiveParagraphProps,
  effectiveRun,
  element,
  findParagraphStyle,
  normalStyle,
  parseParagraph,
  parseRun,
  parseStyleSheet,
  runFontName,
  styleChain,
  type ParagraphProps,
  type StyleSheet,
} from './styles.js';

export type StyleRole = 'body' | 'title' | 'heading1' | 'heading2' | 'heading3' | 'heading4';

export interface RunFormat {
  font?: string;
  /** Points. */
  size?: number;
  bold?: boolean;
  /** Character spacing in twentieths of a point. */
  charSpacing?: number;
}

export interface StyleValues {
  /** The style's name in the template, for messages (e.g. “heading 1”). */
  styleName: string;
  run: RunFormat;
  paragraph: ParagraphProps;
}

export type Alignment = 'left' | 'center' | 'right' | 'outside' | 'inside';

export interface PageNumberValues {
  /** The footer line as shown (“第 1 页 共 5 页”), and the fields besides the page number in it. */
  shown: string;
  otherFields: string[];
  prefix: string;
  suffix: string;
  run: RunFormat;
  alignment: Alignment;
  /** Indent on the aligned side, in twips or hundredths of a character. */
  indentTwips?: number;
  indentChars?: number;
}

export interface HeaderValues {
  text: string;
  /** Width of a rule below the header in eighths of a point; 0 when none. */
  rule: number;
  run: RunFormat;
  alignment: 'left' | 'center' | 'right';
  hasPicture: boolean;
}

export interface TemplateValues {
  styles: Partial<Record<StyleRole, StyleValues>>;
  page: Partial<Record<'widthMm' | 'heightMm' | 'marginTopMm' | 'marginBottomMm' | 'marginLeftMm' | 'marginRightMm' | 'footerMm' | 'headerMm', number>>;
  grid?: { type: string; linePitch?: number; charSpace?: number };
  /** The page number of odd pages (the default footer) and, with odd/even footers, of even pages. */
  pageNumber?: { odd: PageNumberValues; even?: PageNumberValues };
  /** Text of a footer that holds no page number. */
  footerText?: string;
  header?: HeaderValues;
  /** Styles left as Word or WPS define them in every new document (not taken). */
  stockStyles?: Exclude<StyleRole, 'body'>[];
  /** Tables: the font of the template's “网格型” (Table Grid) style or of the tables of an old report, and the rule width. */
  table?: { run: RunFormat; ruleEighths?: number };
  /**
   * A whole document whose text is formatted by hand rather than by its styles: for each part of
   * the report, what its text shows instead of what its style says.
   */
  directFormatting?: Partial<Record<StyleRole, { shown: RunFormat; style: RunFormat }>>;
}

const TWIPS_PER_MM = 1440 / 25.4;

/** Spacing before, after and line of the heading styles Word and WPS put in every new document. */
const STOCK_SPACING: Record<Exclude<StyleRole, 'body'>, [number, number, number | undefined]> = {
  title: [240, 60, undefined],
  heading1: [340, 330, 578],
  heading2: [260, 260, 416],
  heading3: [260, 260, 416],
  heading4: [280, 290, 376],
};

const STYLE_NAMES: Record<StyleRole, readonly string[]> = {
  body: [],
  title: ['title', '标题'],
  heading1: ['heading 1', '标题 1', '标题1'],
  heading2: ['heading 2', '标题 2', '标题2'],
  heading3: ['heading 3', '标题 3', '标题3'],
  heading4: ['heading 4', '标题 4', '标题4'],
};

function runFormat(sheet: StyleSheet, run: ReturnType<typeof effectiveRun>): RunFormat {
  const font = runFontName(sheet, run);
  return {
    ...(font ? { font } : {}),
    ...(run.sz !== undefined ? { size: run.sz / 2 } : {}),
    ...(run.bold !== undefined ? { bold: run.bold } : {}),
    ...(run.spacing !== undefined ? { charSpacing: run.spacing } : {}),
  };
}

/** Relationship targets of document.xml by id, as package part names. */
function relationships(rels: string | undefined): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  for (const m of (rels ?? '').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (!id || !target || attr(m[0], 'TargetMode') === 'External') continue;
    const name = target.startsWith('/') ? target.slice(1) : `word/${target}`.replace(/\/[^/]+\/\.\.\//g, '/');
    out.set(id, { type: attr(m[0], 'Type') ?? '', target: decode(name) });
  }
  return out;
}

/** Innermost paragraphs (a text box's paragraphs rather than the one that anchors it), with where they start. */
function innermostParagraphs(xml: string): { xml: string; at: number }[] {
  return [...xml.matchAll(/<w:p\b[^>]*>(?:(?!<w:p\b)[\s\S])*?<\/w:p>/g)].map((m) => ({ xml: m[0], at: m.index }));
}

/** The part of a header or footer that Word shows: the drawing, not its VML fallback; no deleted text. */
function visible(xml: string): string {
  return xml.replace(/<mc:Fallback>[\s\S]*?<\/mc:Fallback>/g, '').replace(/<w:del\b[\s\S]*?<\/w:del>/g, '');
}

function paragraphStyleOf(p: string): string | undefined {
  return attr(element(/<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(p)?.[1], 'w:pStyle'), 'w:val');
}

function ownParagraphProps(p: string): ParagraphProps {
  return parseParagraph(/^<w:p\b[^>]*>\s*<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(p)?.[1]);
}

function horizontal(jc: string | undefined): 'left' | 'center' | 'right' {
  if (jc === 'center') return 'center';
  if (jc === 'right' || jc === 'end') return 'right';
  return 'left';
}

/** A text box's horizontal alignment (WPS puts its page numbers in one: “outside” for 双面打印). */
function anchorAlignment(xml: string, at: number): Alignment | undefined {
  const before = xml.slice(0, at);
  const anchorAt = Math.max(before.lastIndexOf('<wp:anchor'), before.lastIndexOf('<wp:inline'));
  const boxAt = before.lastIndexOf('<w:txbxContent');
  if (anchorAt < 0 || boxAt < anchorAt) return undefined;
  const align = /<wp:positionH\b[^>]*>\s*<wp:align>(\w+)<\/wp:align>/.exec(xml.slice(anchorAt, boxAt))?.[1];
  return align === 'left' || align === 'center' || align === 'right' || align === 'outside' || align === 'inside' ? align : undefined;
}

interface FieldScan {
  /** Text outside fields before the PAGE field, and after it. */
  before: string;
  after: string;
  /** Text of the whole paragraph as shown (field results included). */
  shown: string;
  hasPage: boolean;
  /** Run properties (rPr text) of the run that holds the PAGE field. */
  pageRun?: string;
  /** Fields other than PAGE (NUMPAGES in “第 1 页 共 5 页”…). */
  otherFields: string[];
}

/** The text of a paragraph around its PAGE field (complex or simple), field codes left out. */
function scanFields(p: string): FieldScan {
  const scan: FieldScan = { before: '', after: '', shown: '', hasPage: false, otherFields: [] };
  const other = (instr: string): void => {
    const name = /^\s*([A-Za-z]+)/.exec(instr)?.[1]?.toUpperCase();
    if (name && name !== 'PAGE') scan.otherFields.push(name);
  };
  const body = p.replace(/^<w:p\b[^>]*>\s*<w:pPr>[\s\S]*?<\/w:pPr>/, '');
  const fields: { instr: string; result: boolean; page: boolean; simple: boolean }[] = [];
  let runRPr: string | undefined;
  const token = /<w:r\b[^>]*>|<w:rPr>([\s\S]*?)<\/w:rPr>|<w:fldSimple\b[^>]*?(\/?)>|<\/w:fldSimple>|<w:fldChar\b[^>]*>|<w:instrText\b[^>]*>([^<]*)<\/w:instrText>|<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\b[^>]*\/>/g;
  for (const m of body.matchAll(token)) {
    const t = m[0];
    if (t.startsWith('<w:r ') || t === '<w:r>') runRPr = undefined;
    else if (t.startsWith('<w:rPr>')) runRPr = m[1];
    else if (t.startsWith('<w:fldSimple')) {
      const page = /^\s*PAGE\b/i.test(decode(attr(t, 'w:instr') ?? ''));
      if (page && !scan.hasPage) scan.hasPage = true;
      if (!page) other(decode(attr(t, 'w:instr') ?? ''));
      if (m[2] !== '/') fields.push({ instr: '', result: true, page, simple: true });
      if (page && m[2] === '/') scan.shown += '1';
    } else if (t === '</w:fldSimple>') fields.pop();
    else if (t.startsWith('<w:fldChar')) {
      const type = attr(t, 'w:fldCharType');
      if (type === 'begin') fields.push({ instr: '', result: false, page: false, simple: false });
      else if (type === 'separate' && fields.length > 0) {
        fields.at(-1)!.result = true;
        if (!fields.at(-1)!.page) other(fields.at(-1)!.instr);
      } else if (type === 'end') {
        const field = fields.pop();
        if (field && !field.result && !field.page) other(field.instr);
      }
    } else if (t.startsWith('<w:instrText')) {
      const field = fields.at(-1);
      if (field && !field.result) {
        field.instr += decode(m[3] ?? '');
        if (!field.page && /^\s*PAGE\b/i.test(field.instr)) {
          field.page = true;
          if (!scan.hasPage) {
            scan.hasPage = true;
            if (runRPr !== undefined) scan.pageRun = runRPr;
          }
        }
      }
    } else {
      const text = t === '<w:tab/>' ? '\t' : t.startsWith('<w:br') ? '' : decode(m[4] ?? '');
      const inField = fields.length > 0;
      if (inField && fields.some((f) => !f.result)) continue; // field code
      scan.shown += text;
      if (inField) {
        if (fields.some((f) => f.page) && scan.pageRun === undefined && runRPr !== undefined) scan.pageRun = runRPr;
        continue; // a field's result: the page number itself, or another field's (NUMPAGES…)
      }
      if (scan.hasPage) scan.after += text;
      else scan.before += text;
    }
  }
  return scan;
}

const TEXT_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

function pageNumberOf(xml: string, sheet: StyleSheet): PageNumberValues | undefined {
  const shown = visible(xml);
  for (const { xml: p, at } of innermostParagraphs(shown)) {
    const scan = scanFields(p);
    if (!scan.hasPage) continue;
    const style = paragraphStyleOf(p) ?? normalStyle(sheet)?.id;
    const pPr = effectiveParagraphProps(sheet, style, ownParagraphProps(p));
    const direct = parseRun(scan.pageRun);
    const characterStyle = attr(element(scan.pageRun, 'w:rStyle'), 'w:val');
    const run = runFormat(sheet, effectiveRun(sheet, style, characterStyle, direct));
    let before = scan.before.replace(TEXT_CONTROL, '');
    let alignment: Alignment = anchorAlignment(shown, at) ?? (pPr.frameAlign as Alignment | undefined) ?? horizontal(pPr.jc);
    if (!['left', 'center', 'right', 'outside', 'inside'].includes(alignment)) alignment = 'left';
    // Word's footer style has a centre tab and a right tab: “⇥1” is centred, “⇥⇥1” right.
    const tabs = /^\t*/.exec(before)![0].length;
    if (tabs > 0 && alignment === 'left') alignment = tabs === 1 ? 'center' : 'right';
    before = before.replace(/\t/g, '');
    const side = alignment === 'right' ? 'right' : alignment === 'left' ? 'left' : undefined;
    const indentChars = side ? pPr.ind[`${side}Chars`] : undefined;
    const indentTwips = side ? (pPr.ind[side] ?? pPr.ind[side === 'left' ? 'start' : 'end']) : undefined;
    return {
      shown: scan.shown.replace(TEXT_CONTROL, '').replace(/\t/g, ' ').trim(),
      otherFields: scan.otherFields,
      prefix: before,
      suffix: scan.after.replace(TEXT_CONTROL, '').replace(/\t/g, ''),
      run,
      alignment,
      ...(indentChars !== undefined ? { indentChars } : {}),
      ...(indentTwips !== undefined ? { indentTwips } : {}),
    };
  }
  return undefined;
}

function headerOf(xml: string, sheet: StyleSheet): HeaderValues | undefined {
  const shown = visible(xml);
  const paragraphs = innermostParagraphs(shown);
  let text = '';
  let rule = 0;
  let run: RunFormat | undefined;
  let alignment: HeaderValues['alignment'] = 'center';
  for (const { xml: p } of paragraphs) {
    const style = paragraphStyleOf(p) ?? normalStyle(sheet)?.id;
    const pPr = effectiveParagraphProps(sheet, style, ownParagraphProps(p));
    if ((pPr.bottomBorder ?? 0) > 0) rule = Math.max(rule, pPr.bottomBorder!);
    const line = scanFields(p).shown.replace(TEXT_CONTROL, '').replace(/\t+/g, ' ').trim();
    if (line === '') continue;
    if (run === undefined) {
      const first = /<w:r\b[^>]*>\s*<w:rPr>([\s\S]*?)<\/w:rPr>(?:(?!<\/w:r>)[\s\S])*?<w:t\b/.exec(p)?.[1];
      run = runFormat(sheet, effectiveRun(sheet, style, attr(element(first, 'w:rStyle'), 'w:val'), parseRun(first)));
      alignment = horizontal(pPr.jc);
    }
    text += (text ? ' ' : '') + line;
  }
  const hasPicture = /<w:drawing\b|<w:pict\b|<w:object\b/.test(shown);
  if (text === '' && rule === 0 && !hasPicture) return undefined;
  if (run === undefined) run = runFormat(sheet, effectiveRun(sheet, paragraphs[0] ? (paragraphStyleOf(paragraphs[0].xml) ?? normalStyle(sheet)?.id) : undefined));
  return { text, rule, run, alignment, hasPicture };
}

/** A document with this much text in body paragraphs is a report, not an empty template. */
const MIN_REPORT_CHARS = 200;

const HEADING_PATTERNS: [RegExp, StyleRole][] = [
  [/^[一二三四五六七八九十]+、/, 'heading1'],
  [/^（[一二三四五六七八九十]+）/, 'heading2'],
  [/^\d+[.．]/, 'heading3'],
  [/^（\d+）/, 'heading4'],
];

const sameRun = (a: RunFormat, b: RunFormat): boolean => a.font === b.font && a.size === b.size && Boolean(a.bold) === Boolean(b.bold);
const runKey = (r: RunFormat): string => JSON.stringify([r.font ?? '', r.size ?? 0, Boolean(r.bold)]);

/**
 * In a whole old report, the formatting its text shows, by part: the body's by characters, a
 * heading's by the first run of each heading paragraph (“一、…” set in 黑体 by hand), the title's
 * from the first centred paragraph. Tables and text boxes are left out. The body's paragraph
 * formatting (line spacing, indent) comes along with the run formatting most of its text has.
 */
function shownFormatting(document: string, sheet: StyleSheet, roleOfStyle: Map<string, StyleRole>): Partial<Record<StyleRole, { run: RunFormat; paragraph?: ParagraphProps; weight: number }>> {
  const body = visible(/<w:body>([\s\S]*)<\/w:body>/.exec(document)?.[1] ?? '').replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '').replace(/<w:txbxContent>[\s\S]*?<\/w:txbxContent>/g, '');
  const normal = normalStyle(sheet)?.id;
  const tally = new Map<StyleRole, Map<string, { run: RunFormat; paragraph?: ParagraphProps; weight: number }>>();
  const count = (role: StyleRole, run: RunFormat, weight: number, paragraph?: ParagraphProps): void => {
    const byKey = tally.get(role) ?? new Map<string, { run: RunFormat; paragraph?: ParagraphProps; weight: number }>();
    tally.set(role, byKey);
    const key = runKey(run) + (paragraph ? JSON.stringify([paragraph.spacing.line, paragraph.spacing.lineRule, paragraph.ind.firstLine, paragraph.ind.firstLineChars]) : '');
    const entry = byKey.get(key) ?? { run, ...(paragraph ? { paragraph } : {}), weight: 0 };
    entry.weight += weight;
    byKey.set(key, entry);
  };
  // The title: the last centred line before the first body paragraph (a 版头's 发文机关标志 and
  // 发文字号, also centred, come before it).
  let lastCentred: RunFormat | undefined;
  let bodySeen = false;
  for (const { xml: p } of innermostParagraphs(body)) {
    const text = scanFields(p).shown.replace(TEXT_CONTROL, '').trim();
    if (text === '') continue;
    const style = paragraphStyleOf(p) ?? normal;
    const pPr = effectiveParagraphProps(sheet, style, ownParagraphProps(p));
    const runs = [...p.matchAll(/<w:r\b[^>]*>((?:(?!<\/w:r>)[\s\S])*?)<\/w:r>/g)]
      .map((m) => {
        const rPr = /^\s*<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(m[1]!)?.[1];
        const chars = [...m[1]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].reduce((n, t) => n + [...decode(t[1]!)].length, 0);
        return { run: runFormat(sheet, effectiveRun(sheet, style, attr(element(rPr, 'w:rStyle'), 'w:val'), parseRun(rPr))), chars };
      })
      .filter((r) => r.chars > 0);
    if (runs.length === 0) continue;
    const byStyle = style === undefined ? undefined : roleOfStyle.get(style);
    const byText = HEADING_PATTERNS.find(([re]) => re.test(text))?.[1];
    if (!bodySeen && pPr.jc === 'center' && !byStyle) {
      lastCentred = runs[0]!.run;
      continue;
    }
    const role = byStyle ?? byText;
    if (role && role !== 'body') {
      count(role, runs[0]!.run, 1);
      if (byText && runs.length > 1) for (const r of runs.slice(1)) count('body', r.run, r.chars, pPr); // a level 2–4 heading that runs into its paragraph
      continue;
    }
    if (pPr.jc === 'center' || pPr.jc === 'right' || text.length < 15) continue; // 署名, 成文日期, short lines
    if (!bodySeen && lastCentred) count('title', lastCentred, 1);
    bodySeen = true;
    for (const r of runs) count('body', r.run, r.chars, pPr);
  }
  const out: Partial<Record<StyleRole, { run: RunFormat; paragraph?: ParagraphProps; weight: number }>> = {};
  const bodyChars = [...(tally.get('body')?.values() ?? [])].reduce((n, e) => n + e.weight, 0);
  if (bodyChars < MIN_REPORT_CHARS) return out;
  for (const [role, byKey] of tally) out[role] = [...byKey.values()].reduce((a, b) => (b.weight > a.weight ? b : a));
  return out;
}

/**
 * Table formatting: the “网格型” (Table Grid) style's font and border width, and in an old report
 * the font most of its table text is set in (a table's paragraphs are Normal plus direct formatting).
 */
function tableValues(document: string, sheet: StyleSheet, stylesXml: string): TemplateValues['table'] {
  let run: RunFormat | undefined;
  let ruleEighths: number | undefined;
  const gridStyle = [...sheet.byId.values()].find((s) => s.type === 'table' && ['table grid', '网格型'].includes(s.name));
  if (gridStyle) {
    // Only what the style itself sets: a table's text is otherwise the 正文's, and the profile's
    // table font stays where the template says nothing.
    const own = runFormat(sheet, styleChain(sheet, gridStyle.id).rPr);
    if (Object.keys(own).length > 0) run = own;
    const xml = new RegExp(`<w:style\\b[^>]*w:styleId="${gridStyle.id.replace(/[^\w-]/g, '')}"[^>]*>[\\s\\S]*?</w:style>`).exec(stylesXml)?.[0];
    const sz = Number(attr(element(/<w:tblBorders>[\s\S]*?<\/w:tblBorders>/.exec(xml ?? '')?.[0], 'w:insideH') ?? element(/<w:tblBorders>[\s\S]*?<\/w:tblBorders>/.exec(xml ?? '')?.[0], 'w:top'), 'w:sz'));
    if (Number.isInteger(sz) && sz >= 2 && sz <= 96) ruleEighths = sz;
  }
  const tally = new Map<string, { run: RunFormat; chars: number }>();
  let total = 0;
  for (const t of visible(/<w:body>([\s\S]*)<\/w:body>/.exec(document)?.[1] ?? '').matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)) {
    for (const { xml: p } of innermostParagraphs(t[0])) {
      const style = paragraphStyleOf(p) ?? normalStyle(sheet)?.id;
      for (const m of p.matchAll(/<w:r\b[^>]*>((?:(?!<\/w:r>)[\s\S])*?)<\/w:r>/g)) {
        const rPr = /^\s*<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(m[1]!)?.[1];
        const chars = [...m[1]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].reduce((n, x) => n + [...decode(x[1]!)].length, 0);
        if (chars === 0) continue;
        const r = runFormat(sheet, effectiveRun(sheet, style, attr(element(rPr, 'w:rStyle'), 'w:val'), parseRun(rPr)));
        const entry = tally.get(runKey(r)) ?? { run: r, chars: 0 };
        entry.chars += chars;
        total += chars;
        tally.set(runKey(r), entry);
      }
    }
  }
  if (total >= 20) run = [...tally.values()].reduce((a, b) => (b.chars > a.chars ? b : a)).run;
  if (!run && ruleEighths === undefined) return undefined;
  return { run: run ?? {}, ...(ruleEighths !== undefined ? { ruleEighths } : {}) };
}

/** The section whose page setup the report takes: the first portrait one, else the first. */
function chosenSection(document: string): string | undefined {
  const sections = [...document.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
  const portrait = sections.find((s) => {
    const pgSz = element(s, 'w:pgSz');
    const w = Number(attr(pgSz, 'w:w'));
    const h = Number(attr(pgSz, 'w:h'));
    return !pgSz || !(w > h) || attr(pgSz, 'w:orient') === 'portrait';
  });
  return portrait ?? sections[0];
}

/** The values a template states. `parts`: its formatting parts by name (package.ts). */
export function templateValues(parts: ReadonlyMap<string, string>): TemplateValues {
  const document = parts.get(DOCUMENT) ?? '';
  const rels = relationships(parts.get('word/_rels/document.xml.rels'));
  const partOf = (type: string): string | undefined => [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target;
  const settings = parts.get('word/settings.xml');
  const lang = attr(element(settings, 'w:themeFontLang'), 'w:eastAsia');
  const sheet = parseStyleSheet(parts.get('word/styles.xml'), parts.get(partOf('theme') ?? 'word/theme/theme1.xml'), lang);
  const values: TemplateValues = { styles: {}, page: {} };

  const normal = normalStyle(sheet);
  const styleValues = (id: string | undefined, name: string): StyleValues => ({
    styleName: name,
    run: runFormat(sheet, effectiveRun(sheet, id)),
    paragraph: effectiveParagraphProps(sheet, id),
  });
  values.styles.body = styleValues(normal?.id, normal?.name ?? 'normal');
  for (const role of ['title', 'heading1', 'heading2', 'heading3', 'heading4'] as const) {
    const style = findParagraphStyle(sheet, STYLE_NAMES[role]);
    if (!style) continue;
    const own = style.pPr.spacing;
    const stock = STOCK_SPACING[role];
    const used = document.includes(`<w:pStyle w:val="${style.id}"/>`);
    // Word's and WPS's own heading styles, as every new document carries them, unused and without
    // a Chinese font of the office's: no choice of the office's.
    if (!used && !style.rPr.eastAsia?.name && own.before === stock[0] && own.after === stock[1] && own.line === stock[2]) {
      (values.stockStyles ??= []).push(role);
      continue;
    }
    values.styles[role] = styleValues(style.id, style.name);
  }

  // A whole old report formatted by hand: what its text shows wins over what its styles say.
  const roleOfStyle = new Map<string, StyleRole>();
  for (const role of ['title', 'heading1', 'heading2', 'heading3', 'heading4'] as const) {
    const style = findParagraphStyle(sheet, STYLE_NAMES[role]);
    if (style) roleOfStyle.set(style.id, role);
  }
  const shown = shownFormatting(document, sheet, roleOfStyle);
  const roleStyle = new Map([...roleOfStyle].map(([id, role]) => [role, id]));
  const usedStyles = new Set([...document.matchAll(/<w:pStyle w:val="([^"]*)"/g)].map((m) => m[1]!));
  const shownRoles = (Object.entries(shown) as [StyleRole, { run: RunFormat; paragraph?: ParagraphProps }][]).sort(([a], [b]) => Number(b === 'body') - Number(a === 'body'));
  for (const [role, found] of shownRoles) {
    const current = values.styles[role];
    const styleRun = current?.run ?? {};
    const shownRun = { ...styleRun, ...found.run };
    if (sameRun(shownRun, styleRun) && (role !== 'body' || !found.paragraph || JSON.stringify(found.paragraph) === JSON.stringify(current?.paragraph))) continue;
    if (!sameRun(shownRun, styleRun) && (role === 'body' || (roleStyle.has(role) && usedStyles.has(roleStyle.get(role)!)))) (values.directFormatting ??= {})[role] = { shown: shownRun, style: styleRun };
    // Only the run formatting is read from a heading's or the title's text; their paragraph
    // formatting stays the style's, or the body's where no style is used.
    // A style no paragraph uses (the Title style Word and the docx library define) is no choice
    // of the office's: the text shows what it chose, without a note.
    const styleUsed = role === 'body' || (roleStyle.has(role) && usedStyles.has(roleStyle.get(role)!));
    const paragraph = role === 'body' && found.paragraph ? found.paragraph : ((styleUsed ? current?.paragraph : undefined) ?? values.styles.body?.paragraph ?? { spacing: {}, ind: {} });
    values.styles[role] = { styleName: current?.styleName ?? '文中直接设置的格式', run: shownRun, paragraph };
  }

  const table = tableValues(document, sheet, parts.get('word/styles.xml') ?? '');
  if (table) values.table = table;

  const sectPr = chosenSection(document);
  if (!sectPr) return values;
  const mm = (twips: string | undefined): number | undefined => {
    const n = Number(twips);
    return twips !== undefined && twips.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 31680 ? Math.round((n / TWIPS_PER_MM) * 10) / 10 : undefined;
  };
  const set = (key: keyof TemplateValues['page'], value: number | undefined): void => {
    if (value !== undefined) values.page[key] = value;
  };
  const pgSz = element(sectPr, 'w:pgSz');
  set('widthMm', mm(attr(pgSz, 'w:w')));
  set('heightMm', mm(attr(pgSz, 'w:h')));
  const pgMar = element(sectPr, 'w:pgMar');
  set('marginTopMm', mm(attr(pgMar, 'w:top')?.replace(/^-/, '')));
  set('marginBottomMm', mm(attr(pgMar, 'w:bottom')?.replace(/^-/, '')));
  set('marginLeftMm', mm(attr(pgMar, 'w:left')));
  set('marginRightMm', mm(attr(pgMar, 'w:right')));
  set('footerMm', mm(attr(pgMar, 'w:footer')));
  set('headerMm', mm(attr(pgMar, 'w:header')));
  const grid = element(sectPr, 'w:docGrid');
  if (grid) {
    const pitch = Number(attr(grid, 'w:linePitch'));
    const charSpace = Number(attr(grid, 'w:charSpace'));
    values.grid = {
      type: attr(grid, 'w:type') ?? 'default',
      ...(Number.isInteger(pitch) && pitch >= 100 && pitch <= 1440 ? { linePitch: pitch } : {}),
      ...(Number.isInteger(charSpace) && Math.abs(charSpace) <= 4096 * 20 ? { charSpace } : {}),
    };
  }

  const referenced = (kind: 'header' | 'footer', type: 'default' | 'even'): string | undefined => {
    for (const m of sectPr.matchAll(new RegExp(`<w:${kind}Reference\\b[^>]*>`, 'g'))) {
      if ((attr(m[0], 'w:type') ?? 'default') !== type) continue;
      const target = rels.get(attr(m[0], 'r:id') ?? '')?.target;
      if (target) return parts.get(target);
    }
    return undefined;
  };
  const evenAndOdd = /<w:evenAndOddHeaders(?:\s+w:val="(?:1|true|on)")?\s*\/>/.test(settings ?? '');
  const oddFooter = referenced('footer', 'default');
  const odd = oddFooter === undefined ? undefined : pageNumberOf(oddFooter, sheet);
  const evenFooter = evenAndOdd ? referenced('footer', 'even') : undefined;
  const even = evenFooter === undefined ? undefined : pageNumberOf(evenFooter, sheet);
  if (odd) values.pageNumber = { odd, ...(even ? { even } : {}) };
  else if (even) values.pageNumber = { odd: even, even };
  else {
    const text = [oddFooter, evenFooter]
      .filter((x): x is string => x !== undefined)
      .flatMap((x) => innermostParagraphs(visible(x)).map((p) => scanFields(p.xml).shown.trim()))
      .filter(Boolean)
      .join(' ');
    if (text) values.footerText = text.replace(TEXT_CONTROL, '');
  }
  const header = referenced('header', 'default') ?? (evenAndOdd ? referenced('header', 'even') : undefined);
  const headerValues = header === undefined ? undefined : headerOf(header, sheet);
  if (headerValues) values.header = headerValues;
  return values;
}
