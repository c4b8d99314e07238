// `--reference-doc 本单位模板.docx`: an office's own Word or WPS template (.docx or .dotx, an empty
// template or a whole old report), read as pandoc reads a reference.docx. What it defines for the
// parts of the report takes the place of the profile's values: the fonts, sizes, bold, character
// spacing, line spacing and first-line indent of 正文 (Normal), the fonts of 标题 (Title) and
// 标题 1–4 (heading 1–4), the page setup and document grid, the page number footer (its text
// around the number, font, position on odd and even pages) and a header. The result is a layout
// profile like any other — every writer and the page estimate use it alike, each value taken
// naming the template as its source — and every departure from GB/T 9704 is one warning naming
// the clause.
//
// What is not taken, because it would break the document (each is warned about when the template
// has it): spacing before and after paragraphs and a heading's own line spacing (every page runs
// to its last grid line and the 版记 is placed by counting lines, GB/T 9704 §5.2.3, §7.4); a line
// pitch smaller than the body text; a footer without page number (§7.5 requires one); pictures in
// the header. Line spacing is always written as an exact value (固定值) equal to what the
// template's spacing and grid give in Word, and the character grid as run character spacing,
// because LibreOffice and WPS do not lay out Word's grids the same way.

import path from 'node:path';
import { UserError, type Diagnostic } from '../diagnostic.js';
import { diagnosticOf, OUTPUT } from '../messages.js';
import type { FontSpec, LayoutProfile, LayoutValue } from './profile.js';
import { readTemplatePackage } from './reference-template/package.js';
import { templateValues, type Alignment, type PageNumberValues, type RunFormat, type StyleRole, type StyleValues, type TemplateValues } from './reference-template/values.js';
import { TWIPS_PER_MM, twipsToPt } from './units.js';

export { templateValues, type TemplateValues } from './reference-template/values.js';

/**
 * Word's single line spacing of a CJK font, as a multiple of the font size (宋体 12 pt: 15.6 pt;
 * the default grid of Chinese Word, 15.6 pt, is one such line of 五号 text with room). Used only
 * to turn a template's “单倍/多倍行距” without a document grid into an exact pitch.
 */
const SINGLE_LINE_RATIO = 1.3;

const FONT_ROLES = {
  body: '正文',
  title: '标题',
  heading1: '一级标题',
  heading2: '二级标题',
  heading3: '三级标题',
  heading4: '四级标题',
} as const satisfies Record<StyleRole, string>;

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

const ALIGN_NAMES = { left: '居左', center: '居中', right: '居右' } as const;

const pt = (n: number): string => `${Math.round(n * 100) / 100}`;

/** How a template's line spacing reads in Word's paragraph dialog. */
function describeSpacing(rule: string, line: number): string {
  if (rule === 'exact') return `固定值 ${pt(line / 20)} 磅`;
  if (rule === 'atLeast') return `最小值 ${pt(line / 20)} 磅`;
  const m = line / 240;
  return m === 1 ? '单倍行距' : m === 1.5 ? '1.5 倍行距' : m === 2 ? '2 倍行距' : `多倍行距 ${pt(m)}`;
}

/**
 * The exact line pitch Word gives the body text: an exact spacing as it is; a multiple of single
 * spacing on a line grid takes whole grid lines (a 3号 line of 20.8 pt on Word's default 15.6 pt
 * grid takes two), times the multiple; without a grid, the font's single spacing times the multiple.
 */
function bodyLinePitch(body: StyleValues, grid: TemplateValues['grid'], sizePt: number): { twips: number; described: string } | undefined {
  const { line, lineRule } = body.paragraph.spacing;
  const rule = lineRule ?? 'auto';
  const value = line ?? 240;
  if (value <= 0) return undefined;
  const gridPitch = grid && grid.type !== 'default' && grid.linePitch !== undefined && body.paragraph.snapToGrid !== false ? grid.linePitch : undefined;
  const single = sizePt * 20 * SINGLE_LINE_RATIO;
  const onGrid = gridPitch === undefined ? single : Math.ceil(single / gridPitch - 1e-6) * gridPitch;
  const gridNote = gridPitch === undefined ? '' : `，文档网格每行 ${pt(gridPitch / 20)} 磅`;
  if (rule === 'exact') return { twips: Math.round(value), described: describeSpacing(rule, value) };
  if (rule === 'atLeast') return { twips: Math.round(Math.max(value, onGrid)), described: describeSpacing(rule, value) + gridNote };
  return { twips: Math.round((onGrid * value) / 240), described: describeSpacing('auto', value) + gridNote };
}

/** What of a style's paragraph spacing is not taken (before/after; a heading's own line spacing). */
function spacingNotTaken(style: StyleValues, body: StyleValues | undefined, role: StyleRole, sizePt: number): string[] {
  const s = style.paragraph.spacing;
  const out: string[] = [];
  const amount = (twips: number | undefined, lines: number | undefined): string | undefined =>
    lines !== undefined && lines > 0 ? `${pt(lines / 100)} 行` : twips !== undefined && twips > 0 ? `${pt(twips / 20)} 磅` : undefined;
  // What a heading inherits from the body unchanged was said for the body already.
  const b = body && style !== body ? body.paragraph.spacing : undefined;
  const before = b && amount(b.before, b.beforeLines) === amount(s.before, s.beforeLines) ? undefined : amount(s.before, s.beforeLines);
  const after = b && amount(b.after, b.afterLines) === amount(s.after, s.afterLines) ? undefined : amount(s.after, s.afterLines);
  if (before) out.push(`段前 ${before}`);
  if (after) out.push(`段后 ${after}`);
  if (body && style !== body) {
    const b = body.paragraph.spacing;
    if ((s.lineRule ?? 'auto') !== (b.lineRule ?? 'auto') || (s.line ?? 240) !== (b.line ?? 240)) out.push(`行距（${describeSpacing(s.lineRule ?? 'auto', s.line ?? 240)}）`);
    // Headings are indented as the body is (GB/T 9704 §7.3.3: 左空二字 like every paragraph);
    // the title is centred, its indent does not matter.
    if (role !== 'title') {
      const indent = (p: StyleValues['paragraph']): number => (p.ind.firstLineChars !== undefined ? p.ind.firstLineChars / 100 : p.ind.firstLine !== undefined ? Math.round((p.ind.firstLine / (sizePt * 20)) * 2) / 2 : 0);
      const own = indent(style.paragraph);
      if (own !== indent(body.paragraph)) out.push(own === 0 ? '首行不缩进' : `首行缩进 ${own} 字`);
    }
  }
  return out;
}

/** Alignment on odd and even pages of a page number as the template places it. */
function sides(pn: { odd: PageNumberValues; even?: PageNumberValues }): { odd: 'left' | 'center' | 'right'; even: 'left' | 'center' | 'right' } {
  const on = (a: Alignment, odd: boolean): 'left' | 'center' | 'right' => (a === 'outside' ? (odd ? 'right' : 'left') : a === 'inside' ? (odd ? 'left' : 'right') : a);
  return { odd: on(pn.odd.alignment, true), even: on((pn.even ?? pn.odd).alignment, false) };
}

/**
 * The profile with the template's values in place of its own, and a warning for each value that
 * departs from the standard's (`standard`: the GB/T 9704 profile, whose sources name the clauses).
 */
export function applyTemplate(profile: LayoutProfile, standard: LayoutProfile, values: TemplateValues, shown: string): { profile: LayoutProfile; warnings: Diagnostic[] } {
  const out = structuredClone(profile);
  const warnings: Diagnostic[] = [];
  const source = `本单位模板 ${shown}`;
  const taken = <T>(value: T, strength: LayoutValue<T>['strength'] = '实务'): LayoutValue<T> => ({ value, source, strength });
  const warn = (message: string): void => {
    warnings.push(diagnosticOf(OUTPUT.referenceDoc, { file: shown }, message));
  };
  const takeFont = (spec: FontSpec, format: RunFormat): void => {
    if (format.font && format.font !== spec.family.value) {
      spec.family = taken(format.font);
      // The template's font names what to use for every character it has; no GB2312 fallback.
      spec.fallback = taken(format.font);
    }
    if (format.size !== undefined && format.size !== spec.size.value) spec.size = taken(format.size);
    if (format.bold !== undefined && format.bold !== Boolean(spec.bold?.value)) spec.bold = taken(format.bold);
  };
  const fontWarnings = (label: string, spec: FontSpec, norm: FontSpec): void => {
    if (spec.family.value !== norm.family.value) warn(`${label}字体为“${spec.family.value}”，与国标不同（${norm.family.source}：${norm.family.value}）。`);
    if (spec.size.value !== norm.size.value) warn(`${label}字号为 ${spec.size.value} 磅，与国标不同（${norm.size.source}：${norm.size.value} 磅）。`);
    if (Boolean(spec.bold?.value) !== Boolean(norm.bold?.value)) warn(`${label}${spec.bold?.value ? '加粗' : '不加粗'}，与通行做法不同（${norm.bold?.source ?? norm.family.source}）。`);
  };

  if (values.stockStyles) {
    const names = values.stockStyles.map((role) => `“${role === 'title' ? '标题' : `标题 ${role.slice(-1)}`}”`).join('');
    const labels = values.stockStyles.map((role) => FONT_ROLES[role]).join('、');
    const sources = [...new Set(values.stockStyles.map((role) => standard.fonts[role].family.source))].join('；');
    warn(`模板中的${names}样式是 Word 或 WPS 自带的默认样式（未改动，也未设置中文字体），未采用：${labels}按国标排（${sources}）；要用本单位的格式，请在模板中修改这些样式。`);
  }
  if (values.directFormatting) {
    const describe = (r: RunFormat): string => `“${r.font ?? '未指定字体'}” ${r.size ?? '?'} 磅${r.bold ? '加粗' : ''}`;
    const parts = (Object.keys(FONT_ROLES) as StyleRole[]).flatMap((role) => {
      const d = values.directFormatting?.[role];
      if (!d) return [];
      const style = d.style.font || d.style.size ? `（${role === 'body' ? '“正文”' : ''}样式为${describe(d.style)}）` : '';
      return [`${FONT_ROLES[role]}${describe(d.shown)}${style}`];
    });
    warn(`模板是一份完整的文档，其中的文字直接设置了格式，按文中所见排版：${parts.join('；')}。`);
  }
  for (const role of Object.keys(FONT_ROLES) as StyleRole[]) {
    const style = values.styles[role];
    if (!style) continue;
    takeFont(out.fonts[role], style.run);
    fontWarnings(FONT_ROLES[role], out.fonts[role], standard.fonts[role]);
    const notTaken = spacingNotTaken(style, values.styles.body, role, values.styles.body?.run.size ?? profile.fonts.body.size.value);
    if (notTaken.length > 0) {
      const reasons = [
        ...(notTaken.some((x) => !x.startsWith('首行')) ? [`公文每面排满 22 行、行行对齐（${standard.grid.linesPerPage.source}），段落之间不另加空白`] : []),
        ...(notTaken.some((x) => x.startsWith('首行')) ? [`各级标题与正文一样缩进（${standard.body.firstLineIndentChars.source}）`] : []),
      ];
      warn(`${FONT_ROLES[role]}样式（${style.styleName}）的${notTaken.join('、')}未采用：${reasons.join('；')}。`);
    }
  }
  // The 发文字号 and the table cells follow the body font where the standard makes them equal
  // (the table's own, when the template has one: GB/T 9704 sets no table values, so no warning).
  if (values.table) {
    takeFont(out.table.cellFont, { ...values.table.run, bold: values.table.run.bold ?? false });
    if (values.table.ruleEighths !== undefined && values.table.ruleEighths !== out.table.ruleEighths.value) out.table.ruleEighths = taken(values.table.ruleEighths);
  }
  if (values.styles.body?.run.font) {
    for (const spec of values.table?.run.font ? [out.fonts.docNumber] : [out.fonts.docNumber, out.table.cellFont]) {
      if (spec.family.value === standard.fonts.body.family.value) {
        spec.family = out.fonts.body.family;
        spec.fallback = out.fonts.body.fallback ?? out.fonts.body.family;
      }
    }
  }

  for (const key of Object.keys(PAGE_NAMES) as (keyof TemplateValues['page'])[]) {
    const value = values.page[key];
    // The header distance of a template without header is no choice (LibreOffice writes 0 there).
    if (value === undefined || (key === 'headerMm' && !values.header)) continue;
    if (Math.abs(value - out.page[key].value) > 0.05) out.page[key] = taken(value);
    const norm = standard.page[key];
    // The header distance and the footer distance are Word settings, not 版心 values.
    if (key !== 'headerMm' && Math.abs(out.page[key].value - norm.value) > MM_TOLERANCE) {
      warn(`${PAGE_NAMES[key]}为 ${out.page[key].value} mm，与国标不同（${norm.source}：${norm.value} mm）。`);
    }
  }
  const height = out.page.heightMm.value - out.page.marginTopMm.value - out.page.marginBottomMm.value;
  const width = out.page.widthMm.value - out.page.marginLeftMm.value - out.page.marginRightMm.value;
  if (height < 50 || width < 50) {
    throw new UserError(`本单位模板“${shown}”的页面设置留给正文的版心只有 ${width.toFixed(0)} × ${height.toFixed(0)} mm，无法排版：请检查模板的纸张大小和页边距。`);
  }

  const body = values.styles.body;
  const size = out.fonts.body.size.value;
  // Line pitch: what the body style's spacing and the grid give in Word, written as 固定值.
  const pitch = body ? bodyLinePitch(body, values.grid, size) : undefined;
  if (pitch && pitch.twips !== out.grid.linePitchTwips.value) {
    if (pitch.twips < size * 20) {
      warn(`正文行距为${pitch.described}，小于正文字号 ${size} 磅，文字会重叠，未采用；仍按每行 ${pt(twipsToPt(out.grid.linePitchTwips.value))} 磅（${standard.grid.linePitchTwips.source}）。`);
    } else if (pitch.twips > 1440 * 2) {
      warn(`正文行距为${pitch.described}（${pt(pitch.twips / 20)} 磅），每面不足 5 行，未采用；仍按每行 ${pt(twipsToPt(out.grid.linePitchTwips.value))} 磅（${standard.grid.linePitchTwips.source}）。`);
    } else out.grid.linePitchTwips = taken(pitch.twips, '推算');
  }
  // Every line is set at this exact pitch: a heading or title larger than it would be cut off.
  for (const role of ['title', 'heading1', 'heading2', 'heading3', 'heading4'] as const) {
    const spec = out.fonts[role];
    if (spec.size.value * 20 <= out.grid.linePitchTwips.value || spec.size.source !== source) continue;
    const label = FONT_ROLES[role];
    const shownSize = spec.size.value;
    spec.size = profile.fonts[role].size;
    const earlier = warnings.findIndex((w) => w.message.startsWith(`${label}字号为`));
    if (earlier >= 0) warnings.splice(earlier, 1);
    warn(`${label}字号为 ${shownSize} 磅，大于每行 ${pt(twipsToPt(out.grid.linePitchTwips.value))} 磅的行距，文字会被截去，未采用；仍按 ${spec.size.value} 磅（${spec.size.source}）。`);
  }
  // Lines per page follow from the 版心 and the pitch; characters per line from the 版心, the body
  // size, the character grid (w:charSpace, 4096ths of a point added to each character) and the
  // style's character spacing.
  const lines = Math.floor((height * TWIPS_PER_MM + 1) / out.grid.linePitchTwips.value);
  if (lines !== out.grid.linesPerPage.value) out.grid.linesPerPage = { value: lines, source: `由${source}的版心高度和行距推算`, strength: '推算' };
  const widthPt = (width / 25.4) * 72;
  let chars: number;
  if (body && (values.grid !== undefined || body.run.charSpacing !== undefined || body.run.size !== undefined)) {
    const charGrid = (values.grid?.type === 'linesAndChars' || values.grid?.type === 'snapToChars') && values.grid.charSpace !== undefined ? values.grid.charSpace / 4096 : 0;
    const pitchPt = size + charGrid + (body.run.charSpacing ?? 0) / 20;
    chars = Math.max(1, Math.floor(widthPt / pitchPt + 1e-3));
    // Run spacing that fits the same count in Word and in LibreOffice (which has no character
    // grid): the template's own spacing when it has no grid, else what the grid amounts to.
    const runSpacing = charGrid === 0 ? (body.run.charSpacing ?? 0) : Math.floor((widthPt / chars - size) * 20);
    if (runSpacing !== out.grid.runCharSpacing.value) out.grid.runCharSpacing = taken(runSpacing, '推算');
  } else {
    // No grid and no body size stated: as the profile, in proportion to the 版心 width.
    const baseWidth = profile.page.widthMm.value - profile.page.marginLeftMm.value - profile.page.marginRightMm.value;
    chars = Math.floor((profile.grid.charsPerLine.value * (width / baseWidth) * profile.fonts.body.size.value) / size + 0.01);
  }
  if (chars !== out.grid.charsPerLine.value) out.grid.charsPerLine = { value: chars, source: `由${source}的版心宽度、正文字号和字符网格推算`, strength: '推算' };
  const normLines = standard.grid.linesPerPage.value;
  const normPitch = standard.grid.linePitchTwips.value;
  if (lines !== normLines || Math.abs(out.grid.linePitchTwips.value - normPitch) > 2) {
    const how = pitch && out.grid.linePitchTwips.value === pitch.twips ? `正文行距为${pitch.described}，即每行 ${pt(twipsToPt(pitch.twips))} 磅` : `行距为每行 ${pt(twipsToPt(out.grid.linePitchTwips.value))} 磅`;
    const fill = lines === normLines ? '，排不满版心' : '';
    warn(`${how}，每面 ${lines} 行${fill}，与国标不同（${standard.grid.linesPerPage.source}，并撑满版心：行距 ${pt(twipsToPt(normPitch))} 磅）。`);
  }
  if (chars !== standard.grid.charsPerLine.value) {
    warn(`正文每行排 ${chars} 个字，与国标不同（${standard.grid.charsPerLine.source}；Word 中可用文档网格“指定行和字符网格”每行 28 字）。`);
  }

  // First-line indent, in characters of the body size.
  if (body) {
    const ind = body.paragraph.ind;
    const chars = ind.firstLineChars !== undefined ? ind.firstLineChars / 100 : ind.firstLine !== undefined ? Math.round((ind.firstLine / (size * 20)) * 2) / 2 : ind.hanging !== undefined || ind.hangingChars !== undefined ? 0 : 0;
    if (chars !== out.body.firstLineIndentChars.value && chars >= 0 && chars <= 10) out.body.firstLineIndentChars = taken(chars);
    const norm = standard.body.firstLineIndentChars;
    if (out.body.firstLineIndentChars.value !== norm.value) {
      warn(`正文首行${out.body.firstLineIndentChars.value === 0 ? '不缩进' : `缩进 ${out.body.firstLineIndentChars.value} 字`}，与国标不同（${norm.source}）。`);
    }
  }

  // The page number: text around it, font, and where it sits on odd and even pages.
  if (values.pageNumber) {
    const pn = values.pageNumber;
    const odd = pn.odd;
    const n = out.pageNumber;
    const norm = standard.pageNumber;
    takeFont(out.fonts.pageNumber, odd.run);
    fontWarnings('页码', out.fonts.pageNumber, standard.fonts.pageNumber);
    if (odd.otherFields.length > 0) {
      // “第 1 页 共 5 页”: the total is another field, which the page number footer does not print.
      warn(`模板页码“${odd.shown.slice(0, 30)}”中有页码以外的域（${[...new Set(odd.otherFields)].join('、')}），页码两边的文字未采用：仍写作“${n.prefix.value}1${n.suffix.value}”（${norm.prefix.source}）。`);
    } else {
      if (odd.prefix !== n.prefix.value) n.prefix = taken(odd.prefix);
      if (odd.suffix !== n.suffix.value) n.suffix = taken(odd.suffix);
    }
    if (n.prefix.value !== norm.prefix.value || n.suffix.value !== norm.suffix.value) {
      warn(`页码写作“${n.prefix.value}1${n.suffix.value}”，与国标不同（${norm.prefix.source}：“${norm.prefix.value}1${norm.suffix.value}”）。`);
    }
    const at = sides(pn);
    if (at.odd !== n.oddAlignment.value) n.oddAlignment = taken(at.odd);
    if (at.even !== n.evenAlignment.value) n.evenAlignment = taken(at.even);
    const pnSize = out.fonts.pageNumber.size.value;
    const indent = odd.indentChars !== undefined ? odd.indentChars / 100 : odd.indentTwips !== undefined ? Math.round((odd.indentTwips / (pnSize * 20)) * 2) / 2 : 0;
    if (indent !== n.sideIndentChars.value && indent >= 0 && indent <= 10) n.sideIndentChars = taken(indent);
    const place = (a: 'left' | 'center' | 'right'): string => ALIGN_NAMES[a] + (a === 'center' ? '' : n.sideIndentChars.value === 0 ? '不空字' : `空${n.sideIndentChars.value === 1 ? '一' : n.sideIndentChars.value}字`);
    if (n.oddAlignment.value !== norm.oddAlignment.value || n.evenAlignment.value !== norm.evenAlignment.value || (n.oddAlignment.value !== 'center' && n.sideIndentChars.value !== norm.sideIndentChars.value)) {
      warn(`页码单页${place(n.oddAlignment.value)}、双页${place(n.evenAlignment.value)}，与国标不同（${norm.sideIndentChars.source}）。`);
    }
  } else if (values.footerText) {
    warn(`模板页脚“${values.footerText.slice(0, 30)}”中没有页码，未采用：公文页码按国标编排（${standard.pageNumber.prefix.source}，${standard.pageNumber.sideIndentChars.source}）。`);
  }

  // A header: taken as the template has it (text, rule, font), as it is the office's choice.
  if (values.header) {
    const h = values.header;
    const hd = out.header;
    if (h.text !== hd.text.value) hd.text = taken(h.text);
    if (h.rule !== hd.ruleEighths.value) hd.ruleEighths = taken(h.rule);
    if (h.alignment !== hd.alignment.value) hd.alignment = taken(h.alignment);
    takeFont(hd.font, h.run);
    const what = [h.text ? `页眉“${h.text.slice(0, 30)}”` : '', h.rule > 0 ? (h.text ? '页眉下有横线' : '页眉横线') : ''].filter(Boolean).join('，');
    if (what) warn(`模板有${what}，已照模板加上，与国标不同（${standard.header.text.source}）；如不需要，请在模板中删除页眉${h.rule > 0 ? '和页眉横线（页眉样式的下框线）' : ''}。`);
    if (h.hasPicture) warn(`模板页眉中的图片未采用：生成的文档只用模板页眉的文字和横线（${standard.header.text.source}）。`);
  }

  out.name = `${profile.name}（${source}）`;
  return { profile: out, warnings };
}

/** `--reference-doc FILE`: the profile with the template's formatting, and the warnings. */
export function loadReferenceDoc(file: string, profile: LayoutProfile, standard: LayoutProfile, cwd: string): { profile: LayoutProfile; warnings: Diagnostic[] } {
  const shown = path.relative(cwd, file) || file;
  const { parts } = readTemplatePackage(file, shown);
  return applyTemplate(profile, standard, templateValues(parts), shown);
}
