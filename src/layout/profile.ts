// A layout profile: every value the writers use, each with its source. Strength follows the
// standard's own wording: 规定 (shall), 一般 (generally), 实务 (common practice, not the
// standard), 推算 (derived from stated values). Only a 规定 value is "国标规定".

export type Strength = '规定' | '一般' | '实务' | '推算';

export interface LayoutValue<T> {
  value: T;
  /** Clause of GB/T 9704—2012, or a note on where a practice value comes from. */
  source: string;
  strength: Strength;
}

export interface FontSpec {
  /** Font family as Word names it; the .docx always names the official font. */
  family: LayoutValue<string>;
  /** Size in points. */
  size: LayoutValue<number>;
  bold?: LayoutValue<boolean>;
  /** Font for characters outside GB2312 but inside GBK (堃, 镕, 喆…), which the *_GB2312 fonts lack. */
  fallback?: LayoutValue<string>;
}

export interface LayoutProfile {
  name: string;
  /** Font for characters outside GBK (CJK extension B and beyond). */
  rareCharacterFont: LayoutValue<string>;
  page: {
    widthMm: LayoutValue<number>;
    heightMm: LayoutValue<number>;
    marginTopMm: LayoutValue<number>;
    marginBottomMm: LayoutValue<number>;
    marginLeftMm: LayoutValue<number>;
    marginRightMm: LayoutValue<number>;
    /** Page edge to the bottom of the footer, placing the page number below the 版心. */
    footerMm: LayoutValue<number>;
    /** Page edge to the top of the (empty) header: Word's page setup needs one; a 公文 has no header. */
    headerMm: LayoutValue<number>;
  };
  grid: {
    linesPerPage: LayoutValue<number>;
    charsPerLine: LayoutValue<number>;
    /** Exact line pitch in twips (225 mm / 22). */
    linePitchTwips: LayoutValue<number>;
    /**
     * w:docGrid type. `lines` (line grid only) with the run spacing below gives 28 characters in
     * both Word and LibreOffice; `linesAndChars` adds Word's character grid (charSpace).
     */
    gridType: LayoutValue<'default' | 'lines' | 'linesAndChars'>;
    /** w:docGrid w:charSpace, used with `linesAndChars` (4096ths of a point from the body size). */
    wordCharSpace: LayoutValue<number>;
    /** Run character spacing in twentieths of a point, so LibreOffice (no character grid) also fits 28. */
    runCharSpacing: LayoutValue<number>;
    /**
     * 紧排: the tightened run spacing a typesetter uses to pull a line back (a heading's last lone
     * character, a 署名 that would stand alone), in twentieths of a point.
     */
    condensedRunCharSpacing: LayoutValue<number>;
  };
  fonts: {
    body: FontSpec;
    title: FontSpec;
    heading1: FontSpec;
    heading2: FontSpec;
    heading3: FontSpec;
    heading4: FontSpec;
    pageNumber: FontSpec;
    colophon: FontSpec;
    docNumber: FontSpec;
  };
  body: {
    firstLineIndentChars: LayoutValue<number>;
    /**
     * Right indent of the body and grid-line styles, in twips: small enough to keep 28 characters
     * on a line, there so that LibreOffice draws a closing mark hanging past the 版心 edge.
     */
    rightInsetTwips: LayoutValue<number>;
  };
  title: {
    /** Widest title line, in characters of the title size. */
    maxLineChars: LayoutValue<number>;
    blankLinesAfter: LayoutValue<number>;
  };
  signature: {
    blankLinesBefore: LayoutValue<number>;
    /** Without seal: the 署名 ends this many characters from the right edge. */
    unsealedRightChars: LayoutValue<number>;
    /** Without seal: the date starts this many characters right of the 署名's first character. */
    unsealedDateOffsetChars: LayoutValue<number>;
    /** With seal: the date ends this many characters from the right edge. */
    sealedDateRightChars: LayoutValue<number>;
  };
  attachments: {
    indentChars: LayoutValue<number>;
    /** “附件”/“附件N” on an attachment's first page, top left. */
    labelFont: FontSpec;
    /** Blank lines between the label and the title, and between the title and the content. */
    blankLinesAroundTitle: LayoutValue<number>;
  };
  /** 版头 (GB/T 9704 §7.2), printed when the data gives `letterhead`. */
  letterhead: {
    /** 发文机关标志: font; the size shrinks so the longest line fits the 版心 width. */
    organFont: FontSpec;
    /** From the top of the 版心 to the top edge of the 发文机关标志. */
    organTopMm: LayoutValue<number>;
    /** Colour of the 发文机关标志 and the 分隔线 (hex RGB); a profile may print them black. */
    color: LayoutValue<string>;
    /** Blank lines between the 发文机关标志 and the 发文字号 line. */
    blankLinesBeforeDocNumber: LayoutValue<number>;
    /** 上行文: 发文字号 this many characters from the left edge. */
    docNumberLeftChars: LayoutValue<number>;
    /** 签发人 this many characters from the right edge. */
    signerRightChars: LayoutValue<number>;
    signerLabelFont: FontSpec;
    signerNameFont: FontSpec;
    signersPerLine: LayoutValue<number>;
    /** 分隔线: this far below the 发文字号, as wide as the 版心, this thick (eighths of a point). */
    ruleBelowDocNumberMm: LayoutValue<number>;
    ruleEighths: LayoutValue<number>;
    /** 份号 (body font) and 密级和保密期限, 紧急程度 (this font), top left. */
    markFont: FontSpec;
    /** Blank lines between the 分隔线 and the title. */
    blankLinesAfterRule: LayoutValue<number>;
  };
  colophon: {
    sideIndentChars: LayoutValue<number>;
    /** Rule widths in eighths of a point (w:sz). */
    outerRuleEighths: LayoutValue<number>;
    innerRuleEighths: LayoutValue<number>;
    /**
     * Largest height (exact, twips) of the paragraph that ends the numbered section when the text
     * ends in a table; the height used is sectionBreakLineTwips(profile), which keeps it inside
     * what the lines leave of the 版心, so it adds no page.
     */
    sectionBreakLineTwips: LayoutValue<number>;
  };
  /** Tables (附表, 汇总表, 任务分工表): the standard sets no values, only where tables go (§7.3.7, §8). */
  table: {
    cellFont: FontSpec;
    /** Cell line height as a multiple of the cell font size. */
    cellLineRatio: LayoutValue<number>;
    /** Space above and below the text in a cell, in twips. */
    cellPaddingTwips: LayoutValue<number>;
    /** Rule width in eighths of a point (w:sz). */
    ruleEighths: LayoutValue<number>;
  };
  pageNumber: {
    /** Text around the number: "— N —". */
    prefix: LayoutValue<string>;
    suffix: LayoutValue<string>;
    sideIndentChars: LayoutValue<number>;
    /** No number on a blank page before the 版记 page, nor on that 版记 page. */
    noneAroundBlankPage: LayoutValue<boolean>;
    /** Where the number sits on odd and on even pages. */
    oddAlignment: LayoutValue<'left' | 'center' | 'right'>;
    evenAlignment: LayoutValue<'left' | 'center' | 'right'>;
  };
  /**
   * 页眉: a 公文 has none. Printed only when a value gives it text or a rule (an office's Word
   * template that has one, `--reference-doc`).
   */
  header: {
    text: LayoutValue<string>;
    /** A rule below the header, in eighths of a point; 0: none. */
    ruleEighths: LayoutValue<number>;
    alignment: LayoutValue<'left' | 'center' | 'right'>;
    font: FontSpec;
  };
}

const v = <T>(value: T, strength: Strength, source: string): LayoutValue<T> => ({ value, source, strength });

const FALLBACK: Record<string, string> = { '仿宋_GB2312': '仿宋', '楷体_GB2312': '楷体', 方正小标宋简体: '方正小标宋_GBK' };

const font = (family: string, size: number, source: string, bold?: boolean): FontSpec => ({
  family: v(family, '规定', source),
  size: v(size, '规定', source),
  ...(bold === undefined ? {} : { bold: v(bold, '实务', '三级标题仿宋加粗是通行做法') }),
  ...(FALLBACK[family] ? { fallback: v(FALLBACK[family], '实务', 'GB2312 字体缺少的字（如人名用字）用同一字体的 GBK 版本显示') } : {}),
});

/** GB/T 9704—2012《党政机关公文格式》, the default profile. */
export const GBT9704: LayoutProfile = {
  name: 'GB/T 9704—2012',
  rareCharacterFont: v('SimSun-ExtB', '实务', 'GBK 以外的字（扩展 B 区等）用 Windows 自带的 SimSun-ExtB 显示'),
  page: {
    widthMm: v(210, '规定', '§5.1 幅面尺寸：A4'),
    heightMm: v(297, '规定', '§5.1 幅面尺寸：A4'),
    marginTopMm: v(37, '规定', '§5.2.1 天头 37 mm ± 1 mm'),
    marginLeftMm: v(28, '规定', '§5.2.1 订口 28 mm ± 1 mm'),
    marginBottomMm: v(35, '推算', '§5.2.1 版心 156 × 225 mm：297 − 37 − 225'),
    marginRightMm: v(26, '推算', '§5.2.1 版心 156 × 225 mm：210 − 28 − 156'),
    footerMm: v(25.3, '推算', '§7.5 一字线上距版心下边缘 7 mm：量的是一字线（在字高中部），不是页码行顶；页脚距页边 25.3 mm 时 4 号页码的一字线中心距页面上边 269 mm（LibreOffice 实测）'),
    headerMm: v(15, '实务', '公文不用页眉；Word 页面设置须有页眉距边界，15 mm 在天头 37 mm 之内，不影响版心'),
  },
  grid: {
    linesPerPage: v(22, '一般', '§5.2.3 一般每面排 22 行'),
    charsPerLine: v(28, '一般', '§5.2.3 每行排 28 个字，并撑满版心'),
    linePitchTwips: v(579, '推算', '225 mm ÷ 22 ≈ 28.95 pt；580 只能排 21 行'),
    // Exact line spacing alone gives 22 lines in Word and LibreOffice. A line grid adds nothing in
    // Word (exact spacing overrides it) but makes LibreOffice give 2号 title lines two grid lines
    // each (measured); its character grid sets 19 characters per line (measured, LibreOffice 7.4).
    gridType: v('default', '实务', '固定行距 28.95 磅已得 22 行；LibreOffice 对文档网格的处理与 Word 不同（实测）'),
    wordCharSpace: v(-849, '实务', 'Word 公文模板的文档网格：16 pt − 0.207 pt ≈ 156 mm ÷ 28'),
    runCharSpacing: v(-5, '实务', 'LibreOffice 不用字符网格：字距 −0.25 pt 使每行 28 字'),
    condensedRunCharSpacing: v(-30, '实务', '§7.3.5.4 所剩空白处不能容下署名、成文日期时调整字距；标题末行只余一字时同样紧排：字距 −1.5 pt，每行 30 字'),
  },
  fonts: {
    body: font('仿宋_GB2312', 16, '§5.2.2 正文 3 号仿宋体字'),
    title: font('方正小标宋简体', 22, '§7.3.1 标题 2 号小标宋体字'),
    heading1: font('黑体', 16, '§7.3.3 第一层用黑体字'),
    heading2: font('楷体_GB2312', 16, '§7.3.3 第二层用楷体字'),
    heading3: font('仿宋_GB2312', 16, '§7.3.3 第三层和第四层用仿宋体字', true),
    heading4: font('仿宋_GB2312', 16, '§7.3.3 第三层和第四层用仿宋体字'),
    pageNumber: font('宋体', 14, '§7.5 页码 4 号半角宋体阿拉伯数字'),
    colophon: font('仿宋_GB2312', 14, '§7.4.2 抄送机关、印发机关和印发日期用 4 号仿宋体字'),
    docNumber: font('仿宋_GB2312', 16, '§7.2.5 发文字号 3 号仿宋体字'),
  },
  body: {
    firstLineIndentChars: v(2, '规定', '§7.3.3 正文每个自然段左空二字'),
    // LibreOffice's PDF export stops drawing a justified line once it reaches the paragraph's
    // right edge when that edge is the 版心's: a “，。、” hanging past it (as Word hangs it, w:overflowPunct
    // on by default) is laid out but not drawn. Any right indent avoids it (measured, LibreOffice 7.4).
    // w:overflowPunct stays unset: LibreOffice reads it inverted (its DOCX import sets hanging
    // punctuation to !val), so stating it would make Word and LibreOffice break lines differently.
    rightInsetTwips: v(1, '实务', '§5.2.3 每行 28 字并撑满版心：右缩进 1 缇（0.02 mm）不减字数，使 LibreOffice 画出行末悬挂的标点（实测）'),
  },
  title: {
    maxLineChars: v(20, '推算', '156 mm 版心宽 ÷ 22 pt 字号 ≈ 20 字'),
    blankLinesAfter: v(1, '规定', '§7.3.2 主送机关编排于标题下空一行位置'),
  },
  signature: {
    blankLinesBefore: v(1, '规定', '§7.3.5.2 在正文（或附件说明）下空一行编排发文机关署名'),
    unsealedRightChars: v(2, '规定', '§7.3.5.2 不加盖印章的公文：署名右空二字'),
    unsealedDateOffsetChars: v(2, '规定', '§7.3.5.2 成文日期首字比署名首字右移二字'),
    sealedDateRightChars: v(4, '规定', '§7.3.5.1 加盖印章的公文：成文日期右空四字'),
  },
  attachments: {
    indentChars: v(2, '规定', '§7.3.4 在正文下空一行左空二字编排“附件”二字'),
    labelFont: font('黑体', 16, '§8 附件：“附件”二字及附件顺序号用 3 号黑体字顶格编排在版心左上角第一行'),
    blankLinesAroundTitle: v(1, '规定', '§8 附件标题居中编排在版心第三行；附件格式要求同正文'),
  },
  letterhead: {
    organFont: { ...font('方正小标宋简体', 36, '§7.2.4 发文机关标志推荐使用小标宋体字'), size: v(36, '实务', '§7.2.4 字号以醒目、美观、庄重为原则酌定：常用小初号 36 pt，过长时缩小以排入版心') },
    organTopMm: v(35, '规定', '§7.2.4 发文机关标志上边缘至版心上边缘为 35 mm'),
    color: v('FF0000', '一般', '§7.2.4 发文机关标志颜色为红色；§7.2.7 红色分隔线'),
    blankLinesBeforeDocNumber: v(2, '规定', '§7.2.5 发文字号编排在发文机关标志下空二行位置'),
    docNumberLeftChars: v(1, '规定', '§7.2.5 上行文的发文字号居左空一字编排，与最后一个签发人姓名处在同一行'),
    signerRightChars: v(1, '规定', '§7.2.6 签发人居右空一字'),
    signerLabelFont: font('仿宋_GB2312', 16, '§7.2.6 “签发人”三字用 3 号仿宋体字'),
    signerNameFont: font('楷体_GB2312', 16, '§7.2.6 签发人姓名用 3 号楷体字'),
    signersPerLine: v(2, '一般', '§7.2.6 一般每行排两个姓名，回行时与上一行第一个签发人姓名对齐'),
    ruleBelowDocNumberMm: v(4, '规定', '§7.2.7 发文字号之下 4 mm 处居中印一条与版心等宽的红色分隔线'),
    ruleEighths: v(12, '实务', '分隔线粗 1.5 pt（国标未规定粗细）'),
    markFont: font('黑体', 16, '§7.2.2 密级和保密期限、§7.2.3 紧急程度一般用 3 号黑体字，顶格编排在版心左上角'),
    blankLinesAfterRule: v(2, '规定', '§7.3.1 标题编排于红色分隔线下空二行位置'),
  },
  colophon: {
    sideIndentChars: v(1, '规定', '§7.4.2 抄送机关左右各空一字；印发机关左空一字，印发日期右空一字'),
    outerRuleEighths: v(8, '规定', '§7.4.1 首条分隔线和末条分隔线粗 0.35 mm（≈ 1 pt）'),
    innerRuleEighths: v(6, '规定', '§7.4.1 中间的分隔线粗 0.25 mm（≈ 0.75 pt）'),
    sectionBreakLineTwips: v(10, '推算', '§7.5 空白页和版记页不编页码，须另起一节：正文以表格结束时，分节的段落至多高 0.5 磅，排在 22 行之后版心余下的 18 缇里（其他版心和行距按余下的高度缩小）'),
  },
  table: {
    cellFont: {
      family: v('仿宋_GB2312', '实务', '表格内文字用仿宋体（国标未规定）'),
      size: v(14, '实务', '表格内文字常用 4 号，六栏以内可排在 156 mm 版心内（国标未规定）'),
      fallback: v('仿宋', '实务', 'GB2312 字体缺少的字（如人名用字）用同一字体的 GBK 版本显示'),
    },
    cellLineRatio: v(1.25, '实务', '单元格内固定行距为字号的 1.25 倍'),
    cellPaddingTwips: v(40, '实务', '单元格文字上下各留 2 磅'),
    ruleEighths: v(4, '实务', '表格线 0.5 磅（国标未规定）'),
  },
  pageNumber: {
    prefix: v('— ', '规定', '§7.5 数码左右各放一条一字线'),
    suffix: v(' —', '规定', '§7.5 数码左右各放一条一字线'),
    sideIndentChars: v(1, '规定', '§7.5 单页码居右空一字，双页码居左空一字'),
    noneAroundBlankPage: v(true, '规定', '§7.5 公文的版记页前有空白页的，空白页和版记页均不编排页码'),
    oddAlignment: v('right', '规定', '§7.5 单页码居右空一字'),
    evenAlignment: v('left', '规定', '§7.5 双页码居左空一字'),
  },
  header: {
    text: v('', '推算', '§7.1 版心内的公文格式各要素划分为版头、主体、版记三部分，页码位于版心外：公文没有页眉'),
    ruleEighths: v(0, '推算', '§7.1 公文没有页眉，也没有页眉线'),
    alignment: v('center', '实务', '页眉文字居中（Word 的“页眉”样式）'),
    font: { family: v('宋体', '实务', 'Word 的“页眉”样式：小五号宋体'), size: v(9, '实务', 'Word 的“页眉”样式：小五号宋体') },
  },
};

// Unit conversions used by the writers live in units.ts (re-exported for older imports).
export { mmToTwips, TWIPS_PER_MM } from './units.js';
import { mmToTwips, TWIPS_PER_MM } from './units.js';

/**
 * What the lines leave of the 版心 height, in twips, as Word lays the page out: the page and
 * margins as the writer prints them (whole twips), less linesPerPage × the line pitch. 18 for
 * GB/T 9704 (12756 − 22 × 579); a template's or a profile's page and pitch can leave less.
 */
export function textAreaLeftoverTwips(profile: LayoutProfile): number {
  const p = profile.page;
  const height = mmToTwips(p.heightMm.value) - mmToTwips(p.marginTopMm.value) - mmToTwips(p.marginBottomMm.value);
  return height - profile.grid.linesPerPage.value * profile.grid.linePitchTwips.value;
}

/** Room kept between the section-break paragraph and the foot of the 版心 (Word rounds positions). */
const SECTION_BREAK_MARGIN_TWIPS = 2;

/**
 * Height (exact, twips) of the paragraph that ends the numbered section after a closing table:
 * the profile's value, made smaller when the leftover below the last line is less, so that the
 * paragraph still fits on the table's last page. One twip at the least (a page whose lines fill
 * the 版心 to the twip leaves no room at all; the paragraph cannot be avoided).
 */
export function sectionBreakLineTwips(profile: LayoutProfile): number {
  const room = textAreaLeftoverTwips(profile) - SECTION_BREAK_MARGIN_TWIPS;
  return Math.max(1, Math.min(profile.colophon.sectionBreakLineTwips.value, room));
}

/** One character of the body grid, in twips (the 版心 width divided by characters per line). */
/** Width of the 版心 in millimetres (page width less the left and right margins). */
export function textAreaWidthMm(profile: LayoutProfile): number {
  return profile.page.widthMm.value - profile.page.marginLeftMm.value - profile.page.marginRightMm.value;
}

export function bodyCharTwips(profile: LayoutProfile): number {
  return (textAreaWidthMm(profile) * TWIPS_PER_MM) / profile.grid.charsPerLine.value;
}

/** Size of the 发文机关标志: the profile's size, smaller when the longest line would not fit the 版心. */
export function organFontSize(lines: readonly string[], profile: LayoutProfile): number {
  const widthPt = (textAreaWidthMm(profile) / 25.4) * 72;
  const longest = Math.max(1, ...lines.map((l) => [...l].length));
  return Math.min(profile.letterhead.organFont.size.value, Math.floor((widthPt / longest) * 2) / 2);
}
