// `--reference-doc 本单位模板.docx`: an office's own Word template, read as pandoc reads a
// reference.docx — its fonts and page setup replace the profile's: the 正文 style (Normal) sets
// the body font and size, the styles “标题 1”–“标题 4” (heading 1–4) the headings', “标题”
// (Title) the title's; the last section's paper size, margins, footer distance and line grid the
// page. The result is a layout profile like any other, so every writer and the page estimate use
// it alike; each value taken from the template names the template as its source, and where it
// departs from GB/T 9704 the user gets a warning naming the clause.
//
// The file is untrusted input: only two parts are read, each bounded in size before and after
// decompression; anything that is not a readable .docx is one Chinese sentence, exit code 1 (a
// path that names no file is a usage error, 2, as for --profile).

import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { ExitCode, UserError, type Diagnostic } from '../diagnostic.js';
import { diagnosticOf, OUTPUT } from '../messages.js';
import type { FontSpec, LayoutProfile, LayoutValue } from './profile.js';
import { TWIPS_PER_MM, twipsToPt } from './units.js';

/** A Word template is some tens of kilobytes; a few megabytes allow for embedded fonts or images (not read). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** styles.xml and document.xml of a template, decompressed. */
const MAX_PART_BYTES = 8 * 1024 * 1024;

const DOCUMENT = 'word/document.xml';
const STYLES = 'word/styles.xml';

interface RunFormat {
  font?: string;
  /** Points. */
  size?: number;
  bold?: boolean;
}

interface StyleEntry {
  name: string;
  basedOn?: string;
  run: RunFormat;
}

export interface TemplateValues {
  /** Effective run formatting of the styles we use, by role. */
  fonts: Partial<Record<'body' | 'title' | 'heading1' | 'heading2' | 'heading3' | 'heading4', RunFormat>>;
  page: Partial<Record<'widthMm' | 'heightMm' | 'marginTopMm' | 'marginBottomMm' | 'marginLeftMm' | 'marginRightMm' | 'footerMm' | 'headerMm', number>>;
  linePitchTwips?: number;
}

const attr = (element: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(element)?.[1];
const decode = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&amp;/g, '&');

/** Run formatting stated in an rPr (theme fonts are not resolved: only a named font counts). */
function runFormat(rPr: string | undefined): RunFormat {
  if (!rPr) return {};
  const out: RunFormat = {};
  const fonts = /<w:rFonts\b[^>]*>/.exec(rPr)?.[0];
  const font = fonts ? (attr(fonts, 'w:eastAsia') ?? attr(fonts, 'w:ascii') ?? attr(fonts, 'w:hAnsi')) : undefined;
  if (font) out.font = decode(font).trim();
  const sz = /<w:sz\b[^>]*>/.exec(rPr)?.[0];
  const halfPoints = sz ? Number(attr(sz, 'w:val')) : NaN;
  if (Number.isFinite(halfPoints) && halfPoints >= 2 && halfPoints <= 3276) out.size = halfPoints / 2;
  const b = /<w:b(?:\s[^>]*)?\/>|<w:b>/.exec(rPr)?.[0];
  if (b) out.bold = !['false', '0', 'off'].includes(attr(b, 'w:val') ?? 'true');
  return out;
}

function parseStyles(xml: string): { defaults: RunFormat; byId: Map<string, StyleEntry>; idOfName: Map<string, string> } {
  const rPrDefault = /<w:rPrDefault>[\s\S]*?<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(xml)?.[1];
  const byId = new Map<string, StyleEntry>();
  const idOfName = new Map<string, string>();
  for (const m of xml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const head = m[1]!;
    const body = m[2]!;
    if (attr(head, 'w:type') !== 'paragraph') continue;
    const id = attr(head, 'w:styleId');
    const name = /<w:name\b[^>]*w:val="([^"]*)"/.exec(body)?.[1];
    if (!id || !name) continue;
    const basedOn = /<w:basedOn\b[^>]*w:val="([^"]*)"/.exec(body)?.[1];
    const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(body.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/, ''))?.[1];
    byId.set(id, { name: decode(name).toLowerCase(), ...(basedOn ? { basedOn } : {}), run: runFormat(rPr) });
    idOfName.set(decode(name).toLowerCase(), id);
  }
  return { defaults: runFormat(rPrDefault), byId, idOfName };
}

/** A style's run formatting as it takes effect: defaults, then the styles it is based on. */
function effective(styles: ReturnType<typeof parseStyles>, id: string | undefined, seen = new Set<string>()): RunFormat {
  const style = id === undefined ? undefined : styles.byId.get(id);
  if (!style || seen.has(id!)) return { ...styles.defaults };
  seen.add(id!);
  return { ...effective(styles, style.basedOn, seen), ...style.run };
}

/** The values a template states, from its styles and its last section's properties. */
export function templateValues(documentXml: string, stylesXml: string | undefined): TemplateValues {
  const values: TemplateValues = { fonts: {}, page: {} };
  if (stylesXml) {
    const styles = parseStyles(stylesXml);
    const byName = (name: string): RunFormat | undefined => {
      const id = styles.idOfName.get(name);
      return id === undefined ? undefined : effective(styles, id);
    };
    values.fonts.body = byName('normal') ?? { ...styles.defaults };
    const title = byName('title');
    if (title) values.fonts.title = title;
    for (const level of [1, 2, 3, 4] as const) {
      const heading = byName(`heading ${level}`);
      if (heading) values.fonts[`heading${level}`] = heading;
    }
  }
  const sections = [...documentXml.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)];
  const sectPr = sections.at(-1)?.[0];
  if (sectPr) {
    const mm = (twips: string | undefined): number | undefined => {
      const n = Number(twips);
      return twips !== undefined && Number.isFinite(n) && n >= 0 && n <= 31680 ? Math.round((n / TWIPS_PER_MM) * 10) / 10 : undefined;
    };
    const set = (key: keyof TemplateValues['page'], value: number | undefined): void => {
      if (value !== undefined) values.page[key] = value;
    };
    const pgSz = /<w:pgSz\b[^>]*>/.exec(sectPr)?.[0];
    if (pgSz) {
      set('widthMm', mm(attr(pgSz, 'w:w')));
      set('heightMm', mm(attr(pgSz, 'w:h')));
    }
    const pgMar = /<w:pgMar\b[^>]*>/.exec(sectPr)?.[0];
    if (pgMar) {
      set('marginTopMm', mm(attr(pgMar, 'w:top')?.replace(/^-/, '')));
      set('marginBottomMm', mm(attr(pgMar, 'w:bottom')?.replace(/^-/, '')));
      set('marginLeftMm', mm(attr(pgMar, 'w:left')));
      set('marginRightMm', mm(attr(pgMar, 'w:right')));
      set('footerMm', mm(attr(pgMar, 'w:footer')));
      set('headerMm', mm(attr(pgMar, 'w:header')));
    }
    const grid = /<w:docGrid\b[^>]*>/.exec(sectPr)?.[0];
    const pitch = grid ? Number(attr(grid, 'w:linePitch')) : NaN;
    if (grid && attr(grid, 'w:type') && attr(grid, 'w:type') !== 'default' && Number.isInteger(pitch) && pitch >= 200 && pitch <= 1440) values.linePitchTwips = pitch;
  }
  return values;
}

/** The two parts of a .docx, read within bounds; a clear Chinese error for anything else. */
export function readTemplateParts(file: string, shown = file): { document: string; styles?: string } {
  const what = `本单位模板“${shown}”`;
  let size: number;
  try {
    const s = statSync(file);
    if (!s.isFile()) throw new UserError(`${what}不是文件：--reference-doc 后面应写一个 Word 文档（.docx）。`, ExitCode.Usage);
    size = s.size;
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`找不到${what}：请检查 --reference-doc 后面的路径。`, ExitCode.Usage);
  }
  if (size > MAX_FILE_BYTES) throw new UserError(`${what}有 ${(size / 1024 / 1024).toFixed(0)} MB，不像是 Word 模板（通常不到 1 MB）：请另存一份只含样式和页面设置的 .docx 再试。`);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new UserError(`无法读取${what}：请检查文件是否被其他程序占用或没有读取权限。`);
  }
  let parts: Record<string, Uint8Array>;
  let tooLarge = false;
  try {
    parts = unzipSync(bytes, {
      filter: (entry) => {
        if (entry.name !== DOCUMENT && entry.name !== STYLES) return false;
        if (entry.originalSize > MAX_PART_BYTES || entry.size > MAX_PART_BYTES) tooLarge = true;
        return !tooLarge;
      },
    });
  } catch {
    throw new UserError(`${what}不是有效的 Word 文档（.docx），无法读取：请在 Word 或 WPS 中打开它，另存为“Word 文档（*.docx）”后再试。`);
  }
  if (tooLarge) throw new UserError(`${what}中的样式或正文部分过大，无法作为模板使用：请另存一份只含样式和页面设置的 .docx 再试。`);
  const text = (data: Uint8Array | undefined): string | undefined => {
    if (!data) return undefined;
    if (data.length > MAX_PART_BYTES) throw new UserError(`${what}中的样式或正文部分过大，无法作为模板使用：请另存一份只含样式和页面设置的 .docx 再试。`);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      throw new UserError(`${what}已损坏（其中的 XML 不是 UTF-8 文字）：请在 Word 或 WPS 中打开它，另存为 .docx 后再试。`);
    }
  };
  const document = text(parts[DOCUMENT]);
  if (document === undefined || !/<w:document\b/.test(document)) {
    throw new UserError(`${what}不是 Word 文档（其中没有 word/document.xml）：--reference-doc 应是 .docx 文件，不能是 .doc、.wps 或 .xlsx。`);
  }
  const styles = text(parts[STYLES]);
  return { document, ...(styles !== undefined ? { styles } : {}) };
}

const FONT_ROLES = {
  body: '正文',
  title: '标题',
  heading1: '一级标题',
  heading2: '二级标题',
  heading3: '三级标题',
  heading4: '四级标题',
} as const;

const PAGE_NAMES: Record<keyof TemplateValues['page'], string> = {
  widthMm: '纸张宽度',
  heightMm: '纸张高度',
  marginTopMm: '上边距（天头）',
  marginBottomMm: '下边距',
  marginLeftMm: '左边距（订口）',
  marginRightMm: '右边距',
  footerMm: '页脚距边界',
  headerMm: '页眉距边界',
};

/** Margins within GB/T 9704's ±1 mm, and rounding, are no departure. */
const MM_TOLERANCE = 1;

/**
 * The profile with the template's values in place of its own, and a warning for each value that
 * departs from the standard's (`standard`: the GB/T 9704 profile, whose sources name the clauses).
 */
export function applyTemplate(profile: LayoutProfile, standard: LayoutProfile, values: TemplateValues, shown: string): { profile: LayoutProfile; warnings: Diagnostic[] } {
  const out = structuredClone(profile);
  const warnings: Diagnostic[] = [];
  const source = `本单位模板 ${shown}`;
  const taken = <T>(value: T): LayoutValue<T> => ({ value, source, strength: '实务' });
  const warn = (message: string): void => {
    warnings.push(diagnosticOf(OUTPUT.referenceDoc, { file: shown }, message));
  };

  for (const role of Object.keys(FONT_ROLES) as (keyof typeof FONT_ROLES)[]) {
    const format = values.fonts[role];
    if (!format) continue;
    const spec: FontSpec = out.fonts[role];
    const norm: FontSpec = standard.fonts[role];
    if (format.font && format.font !== spec.family.value) {
      spec.family = taken(format.font);
      // The template's font names what to use for every character it has; no GB2312 fallback.
      spec.fallback = taken(format.font);
    }
    if (format.size !== undefined && format.size !== spec.size.value) spec.size = taken(format.size);
    if (format.bold !== undefined && format.bold !== Boolean(spec.bold?.value)) spec.bold = taken(format.bold);
    const label = FONT_ROLES[role];
    if (spec.family.value !== norm.family.value) warn(`${label}字体为“${spec.family.value}”，与国标不同（${norm.family.source}：${norm.family.value}）。`);
    if (spec.size.value !== norm.size.value) warn(`${label}字号为 ${spec.size.value} 磅，与国标不同（${norm.size.source}：${norm.size.value} 磅）。`);
    if (Boolean(spec.bold?.value) !== Boolean(norm.bold?.value)) warn(`${label}${spec.bold?.value ? '加粗' : '不加粗'}，与通行做法不同（${norm.bold?.source ?? norm.family.source}）。`);
  }
  // The 发文字号 and the table cells follow the body font where the standard makes them equal.
  if (values.fonts.body?.font) {
    for (const spec of [out.fonts.docNumber, out.table.cellFont]) {
      if (spec.family.value === standard.fonts.body.family.value) {
        spec.family = out.fonts.body.family;
        spec.fallback = out.fonts.body.fallback ?? out.fonts.body.family;
      }
    }
  }

  for (const key of Object.keys(PAGE_NAMES) as (keyof TemplateValues['page'])[]) {
    const value = values.page[key];
    if (value === undefined) continue;
    if (Math.abs(value - out.page[key].value) > 0.05) out.page[key] = taken(value);
    const norm = standard.page[key];
    // The header distance and the footer distance are Word settings, not 版心 values.
    if (key !== 'headerMm' && Math.abs(out.page[key].value - norm.value) > MM_TOLERANCE) {
      warn(`${PAGE_NAMES[key]}为 ${out.page[key].value} mm，与国标不同（${norm.source}：${norm.value} mm）。`);
    }
  }
  if (values.linePitchTwips !== undefined && values.linePitchTwips !== out.grid.linePitchTwips.value) {
    out.grid.linePitchTwips = taken(values.linePitchTwips);
    const norm = standard.grid.linePitchTwips;
    if (Math.abs(values.linePitchTwips - norm.value) > 2) {
      warn(`文档网格行距为 ${twipsToPt(values.linePitchTwips).toFixed(2)} 磅，与国标的每面 22 行不同（${norm.source}：${twipsToPt(norm.value).toFixed(2)} 磅）。`);
    }
  }
  const height = out.page.heightMm.value - out.page.marginTopMm.value - out.page.marginBottomMm.value;
  const width = out.page.widthMm.value - out.page.marginLeftMm.value - out.page.marginRightMm.value;
  if (height < 50 || width < 50) {
    throw new UserError(`本单位模板“${shown}”的页面设置留给正文的版心只有 ${width.toFixed(0)} × ${height.toFixed(0)} mm，无法排版：请检查模板的纸张大小和页边距。`);
  }
  // Lines per page and characters per line follow from the 版心, the line pitch and the body
  // size (GB/T 9704 §5.2.3: 22 × 28 for its values); the page estimate counts with them.
  const lines = Math.floor((height * TWIPS_PER_MM + 1) / out.grid.linePitchTwips.value);
  if (lines !== out.grid.linesPerPage.value) out.grid.linesPerPage = { value: lines, source: `由${source}的版心高度和行距推算`, strength: '推算' };
  // In proportion to the profile's own count: 28 characters of 16 pt fill 156 mm only with the
  // slight condensing the profile sets (grid.runCharSpacing).
  const baseWidth = profile.page.widthMm.value - profile.page.marginLeftMm.value - profile.page.marginRightMm.value;
  const chars = Math.floor((profile.grid.charsPerLine.value * (width / baseWidth) * profile.fonts.body.size.value) / out.fonts.body.size.value + 0.01);
  if (chars !== out.grid.charsPerLine.value) out.grid.charsPerLine = { value: chars, source: `由${source}的版心宽度和正文字号推算`, strength: '推算' };
  out.name = `${profile.name}（${source}）`;
  return { profile: out, warnings };
}

/** `--reference-doc FILE`: the profile with the template's fonts and page setup, and the warnings. */
export function loadReferenceDoc(file: string, profile: LayoutProfile, standard: LayoutProfile, cwd: string): { profile: LayoutProfile; warnings: Diagnostic[] } {
  const shown = path.relative(cwd, file) || file;
  const parts = readTemplateParts(file, shown);
  return applyTemplate(profile, standard, templateValues(parts.document, parts.styles), shown);
}
