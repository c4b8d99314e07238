// `--reference-doc` with templates as Word and WPS write them: theme fonts, basedOn chains,
// Chinese style names, line spacing and document grids, page number footers and headers, .dotx,
// a whole old report. Each test renders the example with the template and reads the output back
// as Word resolves it (effective formatting); the printed warnings are asserted line by line, and
// every output passes the OOXML validator.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { fazhi, ROOT, scratchDir } from './helpers/cli.js';
import { attr, readDocx, type DocxParts } from './helpers/docx.js';
import { GB_SECTION, pageField, part, theme, wordTemplate, WPS_NS, type TemplateSpec } from './helpers/word-template.js';

const EXAMPLE = path.join(ROOT, 'data', '示例区', '2024', 'report.yaml');
// ../shared beside the project (CI), or two levels up from a helper's worktree.
const VALIDATOR =
  process.env.FAZHI_OOXML_VALIDATE ?? [path.join(ROOT, '..', 'shared', 'ooxml', 'validate'), path.join(ROOT, '..', '..', 'shared', 'ooxml', 'validate')].find((f) => existsSync(f)) ?? '';
const canValidate = spawnSync('xmllint', ['--version']).status === 0 && existsSync(VALIDATOR);
const dir = scratchDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Rendered {
  code: number;
  /** Warning lines of the template, as printed. */
  warnings: string[];
  docx: DocxParts;
  headers: string[];
  /** Relationship id → header part name (e.g. "header1.xml"). */
  headerTargets: Record<string, string>;
  /** Header part name → its XML. */
  headerXml: Record<string, string>;
  file: string;
}

let count = 0;
/** Renders the example with a template saved under `name`; the output is checked by the OOXML validator. */
async function render(name: string, spec: TemplateSpec | Uint8Array, example = EXAMPLE): Promise<Rendered> {
  const template = path.join(dir, name);
  writeFileSync(template, spec instanceof Uint8Array ? spec : wordTemplate(spec));
  const out = path.join(dir, `out${(count += 1)}.docx`);
  const r = fazhi(['render', example, '--reference-doc', template, '-o', out]);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  const bytes = readFileSync(out);
  if (canValidate) {
    const v = spawnSync(VALIDATOR, ['-q', out], { encoding: 'utf8' });
    expect(v.status, v.stdout + v.stderr).toBe(0);
  }
  const zip = await JSZip.loadAsync(bytes);
  const headerNames = Object.keys(zip.files).filter((n) => /^word\/header\d*\.xml$/.test(n)).sort();
  return {
    code: r.code ?? -1,
    warnings: r.stdout.split('\n').filter((l) => l.startsWith(`${path.relative(ROOT, template)} 警告`)),
    docx: await readDocx(bytes),
    headers: await Promise.all(headerNames.map((n) => zip.file(n)!.async('string'))),
    headerTargets: Object.fromEntries(
      [...(await zip.file('word/_rels/document.xml.rels')!.async('string')).matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="(header\d*\.xml)"/g)].map((m) => [m[1]!, m[2]!]),
    ),
    headerXml: Object.fromEntries(await Promise.all(headerNames.map(async (n) => [n.slice('word/'.length), await zip.file(n)!.async('string')] as const))),
    file: path.relative(ROOT, template),
  };
}

const bodyOf = (docx: DocxParts) => docx.paragraphs.find((p) => p.text.startsWith('2024年，'))!;
const headingOf = (docx: DocxParts, re: RegExp) => docx.paragraphs.find((p) => re.test(p.text))!;
const runFont = (xml: string): string | undefined => attr(/<w:r>[\s\S]*?<\/w:r>/.exec(xml)![0], 'w:rFonts', 'w:eastAsia');
const runSize = (xml: string): string | undefined => attr(/<w:r>[\s\S]*?<\/w:r>/.exec(xml)![0], 'w:sz', 'w:val');
/** The footers with the page number (the blank page's section has empty ones). */
const pageFooters = (docx: DocxParts): string[] => docx.footers.filter((f) => /PAGE/.test(f));
const isBold = (xml: string): boolean => /<w:r><w:rPr>(?:(?!<\/w:rPr>).)*<w:b\/>/.test(xml);

const NORMAL_GB = '<w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr>';

describe('Word template: theme fonts, basedOn chains, Chinese style names', () => {
  it('resolves fonts through the theme (Hans script) and the basedOn chain, and the body’s exact spacing', async () => {
    const r = await render('主题字体 模板.docx', {
      theme: theme('仿宋', '黑体'),
      settings: '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>',
      docDefaults:
        '<w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/><w:kern w:val="2"/><w:sz w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault/>',
      styles:
        // 正文 is based on an office's own base style, which sets the size, the indent and 固定值 28 磅.
        '<w:style w:type="paragraph" w:customStyle="1" w:styleId="fz"><w:name w:val="公文基础"/><w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/></w:pPr><w:rPr><w:sz w:val="32"/></w:rPr></w:style>' +
        '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:basedOn w:val="fz"/><w:qFormat/></w:style>' +
        '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:eastAsiaTheme="majorEastAsia"/><w:b/></w:rPr></w:style>' +
        // A chain of three: 标题 2 (its Chinese name) on heading 1 on Normal; a named font overrides the theme one.
        '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="标题 2"/><w:basedOn w:val="1"/><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/><w:b w:val="0"/></w:rPr></w:style>',
    });
    const body = bodyOf(r.docx).xml;
    expect(runFont(body)).toBe('仿宋');
    expect(runSize(body)).toBe('32');
    expect(body).toMatch(/<w:spacing [^>]*w:line="560"[^>]*w:lineRule="exact"/);
    expect(body).toMatch(/<w:ind [^>]*w:firstLineChars="200"/);
    const h1 = headingOf(r.docx, /^一、/).xml;
    expect(runFont(h1)).toBe('黑体');
    expect(isBold(h1)).toBe(true);
    const h2 = headingOf(r.docx, /^（一）/).xml;
    expect(runFont(h2)).toBe('楷体_GB2312');
    expect(isBold(h2)).toBe(false);
    expect(r.warnings).toEqual([
      `${r.file} 警告 正文字体为“仿宋”，与国标不同（§5.2.2 正文 3 号仿宋体字：仿宋_GB2312）。`,
      `${r.file} 警告 一级标题加粗，与通行做法不同（§7.3.3 第一层用黑体字）。`,
      `${r.file} 警告 正文行距为固定值 28 磅，即每行 28 磅，每面 22 行，排不满版心，与国标不同（§5.2.3 一般每面排 22 行，并撑满版心：行距 28.95 磅）。`,
    ]);
  });

  it('reads a .dotx like a .docx; a template that follows GB/T 9704 gives no warning and the standard’s layout', async () => {
    const r = await render('公文模板.dotx', {
      dotx: true,
      styles: `<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/>${NORMAL_GB}</w:style>`,
      footers: { default: part('ftr', pageField('— ', ' —', '<w:rFonts w:ascii="宋体" w:eastAsia="宋体" w:hAnsi="宋体"/><w:sz w:val="28"/>', '<w:jc w:val="right"/><w:ind w:right="280"/>')), even: part('ftr', pageField('— ', ' —', '<w:rFonts w:ascii="宋体" w:eastAsia="宋体" w:hAnsi="宋体"/><w:sz w:val="28"/>', '<w:ind w:left="280"/>')) },
      settings: '<w:evenAndOddHeaders/>',
    });
    expect(r.warnings).toEqual([]);
    expect(runFont(bodyOf(r.docx).xml)).toBe('仿宋_GB2312');
    expect(bodyOf(r.docx).xml).toMatch(/<w:spacing [^>]*w:line="579"/);
    expect(r.headers).toEqual([]);
  });
});

describe('Word template: spacing and grid', () => {
  it('turns single spacing on Word’s default 15.6 pt grid into two grid lines; spacing before/after is not taken, with one warning each', async () => {
    const r = await render('间距.docx', {
      docDefaults: '<w:rPrDefault><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:rPrDefault>',
      styles:
        '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:pPr><w:spacing w:after="156" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="640"/></w:pPr></w:style>' +
        // Word's own 标题 1, untouched: 2号 bold, 17 pt before, 16.5 pt after, 2.41 lines.
        '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="340" w:after="330" w:line="578" w:lineRule="auto"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:kern w:val="44"/><w:sz w:val="44"/></w:rPr></w:style>' +
        // 标题 2 set flush left (顶格) by the office.
        '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:pPr><w:ind w:firstLineChars="0" w:firstLine="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr></w:style>',
      section: '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="992" w:gutter="0"/><w:docGrid w:type="lines" w:linePitch="312"/>',
    });
    const body = bodyOf(r.docx).xml;
    expect(body).toMatch(/<w:spacing [^>]*w:line="624"[^>]*w:lineRule="exact"/);
    expect(attr(body, 'w:spacing', 'w:after')).toBe('0');
    const h1 = headingOf(r.docx, /^一、/).xml;
    expect(runSize(h1)).toBe('44');
    expect(attr(h1, 'w:spacing', 'w:before')).toBe('0');
    expect(attr(h1, 'w:spacing', 'w:line')).toBe('624');
    expect(attr(headingOf(r.docx, /^（一）/).xml, 'w:ind', 'w:firstLineChars')).toBe('200');
    expect(r.warnings).toEqual([
      `${r.file} 警告 正文样式（normal）的段后 7.8 磅未采用：公文每面排满 22 行、行行对齐（§5.2.3 一般每面排 22 行），段落之间不另加空白。`,
      `${r.file} 警告 一级标题字号为 22 磅，与国标不同（§7.3.3 第一层用黑体字：16 磅）。`,
      `${r.file} 警告 一级标题加粗，与通行做法不同（§7.3.3 第一层用黑体字）。`,
      `${r.file} 警告 一级标题样式（heading 1）的段前 17 磅、段后 16.5 磅、行距（多倍行距 2.41）未采用：公文每面排满 22 行、行行对齐（§5.2.3 一般每面排 22 行），段落之间不另加空白。`,
      `${r.file} 警告 二级标题样式（heading 2）的首行不缩进未采用：各级标题与正文一样缩进（§7.3.3 正文每个自然段左空二字）。`,
      `${r.file} 警告 页脚距边界为 17.5 mm，与国标不同（${'§7.5 一字线上距版心下边缘 7 mm：量的是一字线（在字高中部），不是页码行顶；页脚距页边 25.3 mm 时 4 号页码的一字线中心距页面上边 269 mm（LibreOffice 实测）'}：25.3 mm）。`,
      `${r.file} 警告 正文行距为单倍行距，文档网格每行 15.6 磅，即每行 31.2 磅，每面 20 行，与国标不同（§5.2.3 一般每面排 22 行，并撑满版心：行距 28.95 磅）。`,
      `${r.file} 警告 正文每行排 27 个字，与国标不同（§5.2.3 每行排 28 个字，并撑满版心；Word 中可用文档网格“指定行和字符网格”每行 28 字）。`,
    ]);
  });

  it('takes a character grid and the style’s character spacing as characters per line', async () => {
    const spaced = await render('字距.docx', {
      styles: `<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/>${NORMAL_GB.replace('<w:sz w:val="32"/>', '<w:spacing w:val="-10"/><w:sz w:val="32"/>')}</w:style>`,
      section: GB_SECTION.replace('w:charSpace="-849"', 'w:charSpace="0"'),
    });
    // 442.2 pt ÷ (16 − 0.5) pt = 28.5: 28 per line, runs condensed as the template says.
    expect(bodyOf(spaced.docx).xml).toMatch(/<w:spacing w:val="-10"\/>/);
    expect(spaced.warnings).toEqual([]);
    const wide = await render('宽字符网格.docx', {
      styles: `<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/>${NORMAL_GB}</w:style>`,
      section: GB_SECTION.replace('w:charSpace="-849"', 'w:charSpace="4096"'),
    });
    // A grid of 16 + 1 pt: 26 per line, written as run spacing (+1 pt) that LibreOffice lays out too.
    expect(bodyOf(wide.docx).xml).toMatch(/<w:spacing w:val="20"\/>/);
    expect(wide.warnings).toEqual([`${wide.file} 警告 正文每行排 26 个字，与国标不同（§5.2.3 每行排 28 个字，并撑满版心；Word 中可用文档网格“指定行和字符网格”每行 28 字）。`]);
  });
});

describe('Word template: page number footer and header', () => {
  it('takes the footer’s page number (text, font, centred) and the header with its rule, with one warning each', async () => {
    const r = await render('页眉页脚.docx', {
      styles:
        `<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/>${NORMAL_GB}</w:style>` +
        // Chinese Word's 页眉 style: centred, with the bottom border that draws the 页眉线.
        '<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="header"/><w:basedOn w:val="a"/><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="a4"><w:name w:val="footer"/><w:basedOn w:val="a"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4153"/><w:tab w:val="right" w:pos="8306"/></w:tabs></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>' +
        '<w:style w:type="character" w:styleId="a5"><w:name w:val="page number"/><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr></w:style>',
      headers: { default: part('hdr', '<w:p><w:pPr><w:pStyle w:val="a3"/></w:pPr><w:r><w:t>示例区司法局</w:t></w:r></w:p>') },
      footers: { default: part('ftr', pageField('- ', ' -', '<w:rStyle w:val="a5"/>', '<w:pStyle w:val="a4"/><w:jc w:val="center"/>')) },
    });
    expect(pageFooters(r.docx)).toHaveLength(2);
    for (const footer of pageFooters(r.docx)) {
      expect(attr(footer, 'w:jc', 'w:val')).toBe('center');
      expect(footer).toContain('>- <');
      expect(footer).toContain('> -<');
      expect(attr(footer, 'w:rFonts', 'w:eastAsia')).toBe('Times New Roman');
      expect(attr(footer, 'w:sz', 'w:val')).toBe('28');
    }
    // Two headers with the template's text (odd and even pages of the text) and two empty ones for
    // the section of a blank page before the 版记, which must stay blank.
    const withText = r.headers.filter((h) => h.includes('<w:t'));
    expect(withText).toHaveLength(2);
    expect(r.headers.filter((h) => !h.includes('<w:t') && !h.includes('w:pBdr'))).toHaveLength(2);
    for (const header of withText) {
      expect(header).toContain('>示例区司法局<');
      expect(attr(header, 'w:bottom', 'w:sz')).toBe('6');
      expect(attr(header, 'w:jc', 'w:val')).toBe('center');
      expect(attr(header, 'w:sz', 'w:val')).toBe('18');
    }
    expect(r.warnings).toEqual([
      `${r.file} 警告 页码字体为“Times New Roman”，与国标不同（§7.5 页码 4 号半角宋体阿拉伯数字：宋体）。`,
      `${r.file} 警告 页码写作“- 1 -”，与国标不同（§7.5 数码左右各放一条一字线：“— 1 —”）。`,
      `${r.file} 警告 页码单页居中、双页居中，与国标不同（§7.5 单页码居右空一字，双页码居左空一字）。`,
      `${r.file} 警告 模板有页眉“示例区司法局”，页眉下有横线，已照模板加上，与国标不同（§7.1 版心内的公文格式各要素划分为版头、主体、版记三部分，页码位于版心外：公文没有页眉）；如不需要，请在模板中删除页眉和页眉横线（页眉样式的下框线）。`,
    ]);
  });

  it('leaves the template’s header off the blank page before the 版记 and the 版记 page (GB/T 9704 §7.5)', async () => {
    // The 2023 example ends its text on an odd page: a blank page and the 版记 page follow in a
    // section of their own, which must not inherit the header of the text's section.
    const r = await render('页眉 空白页.docx', {
      styles: `<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/>${NORMAL_GB}</w:style>`,
      headers: { default: part('hdr', '<w:p><w:r><w:t>示例区司法局</w:t></w:r></w:p>') },
    }, path.join(ROOT, 'data', '示例区', '2023', 'report.yaml'));
    const sections = [...r.docx.document.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sections).toHaveLength(2);
    const headerTexts = (sectPr: string): string[] =>
      [...sectPr.matchAll(/<w:headerReference [^>]*r:id="([^"]+)"/g)].map((m) => r.headerXml[r.headerTargets[m[1]!]!]!).map((x) => [...x.matchAll(/<w:t[^>]*>([^<]*)</g)].map((t) => t[1]).join(''));
    expect(headerTexts(sections[0]!)).toEqual(['示例区司法局', '示例区司法局']);
    expect(headerTexts(sections[1]!)).toEqual(['', '']);
  });

  it('takes a page number placed with tabs (⇥⇥N: right) and warns about a footer without page number', async () => {
    const tabs = await render('制表位页码.docx', {
      styles: `<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/>${NORMAL_GB}</w:style>`,
      footers: { default: part('ftr', pageField('', '', '<w:rFonts w:eastAsia="宋体"/><w:sz w:val="28"/>').replace('<w:p>', '<w:p><w:r><w:tab/><w:tab/></w:r>')) },
    });
    expect(pageFooters(tabs.docx)).toHaveLength(2);
    for (const footer of pageFooters(tabs.docx)) expect(attr(footer, 'w:jc', 'w:val')).toBe('right');
    expect(tabs.warnings).toContain(`${tabs.file} 警告 页码单页居右不空字、双页居右不空字，与国标不同（§7.5 单页码居右空一字，双页码居左空一字）。`);
    // “第 1 页 共 5 页”: the total pages field is not printed; the text around stays the standard's.
    const total = await render('共几页.docx', {
      styles: `<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/>${NORMAL_GB}</w:style>`,
      footers: {
        default: part('ftr', pageField('第 ', ' 页 共 ', '<w:rFonts w:eastAsia="宋体"/><w:sz w:val="28"/>', '<w:jc w:val="center"/>').replace('</w:p>', '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> NUMPAGES </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>5</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> 页</w:t></w:r></w:p>')),
      },
    });
    expect(pageFooters(total.docx).join('')).not.toContain('共');
    expect(pageFooters(total.docx)[0]).toContain('>— <');
    expect(total.warnings).toEqual([
      `${total.file} 警告 模板页码“第 1 页 共 5 页”中有页码以外的域（NUMPAGES），页码两边的文字未采用：仍写作“— 1 —”（§7.5 数码左右各放一条一字线）。`,
      `${total.file} 警告 页码单页居中、双页居中，与国标不同（§7.5 单页码居右空一字，双页码居左空一字）。`,
    ]);
    const text = await render('页脚文字.docx', {
      styles: `<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/>${NORMAL_GB}</w:style>`,
      footers: { default: part('ftr', '<w:p><w:r><w:t>示例区人民政府办公室印制</w:t></w:r></w:p>') },
    });
    expect(text.warnings).toEqual([`${text.file} 警告 模板页脚“示例区人民政府办公室印制”中没有页码，未采用：公文页码按国标编排（§7.5 数码左右各放一条一字线，§7.5 单页码居右空一字，双页码居左空一字）。`]);
    expect(text.docx.footers.join('')).toContain('— ');
  });
});

describe('WPS template', () => {
  it('reads numeric style ids, w:cstheme, and a page number in a text box aligned “outside” on odd/even footers', async () => {
    // WPS puts the page number in a floating text box (mc:AlternateContent with a VML fallback that repeats the text).
    const box = (align: string): string =>
      '<w:p><w:pPr><w:pStyle w:val="4"/></w:pPr><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>' +
      `<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:align>${align}</wp:align></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="1828800" cy="1828800"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="1" name="文本框 1"/><wp:cNvGraphicFramePr/>` +
      '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx><w:txbxContent>' +
      pageField('— ', ' —', '<w:rFonts w:hint="eastAsia" w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体" w:cs="宋体"/><w:sz w:val="28"/><w:szCs w:val="28"/>', '<w:pStyle w:val="4"/>') +
      '</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>' +
      '<mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent><w:p><w:r><w:t>— 9 —</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>';
    const r = await render('WPS模板.docx', {
      ns: WPS_NS,
      theme: theme('宋体'),
      settings: '<w:evenAndOddHeaders w:val="1"/><w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>',
      docDefaults: '<w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" w:cstheme="minorBidi"/><w:kern w:val="2"/><w:sz w:val="21"/></w:rPr></w:rPrDefault>',
      styles:
        '<w:style w:type="paragraph" w:default="1" w:styleId="1"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:spacing w:line="579" w:lineRule="exact"/><w:ind w:firstLine="200" w:firstLineChars="200"/><w:jc w:val="both"/></w:pPr><w:rPr><w:rFonts w:hint="eastAsia" w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:cs="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 1"/><w:basedOn w:val="1"/><w:next w:val="1"/><w:qFormat/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="4"><w:name w:val="footer"/><w:basedOn w:val="1"/><w:pPr><w:snapToGrid w:val="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>',
      footers: { default: part('ftr', box('outside'), WPS_NS), even: part('ftr', box('outside'), WPS_NS) },
    });
    expect(runFont(bodyOf(r.docx).xml)).toBe('仿宋_GB2312');
    expect(runFont(headingOf(r.docx, /^一、/).xml)).toBe('黑体');
    const [odd, even] = pageFooters(r.docx);
    expect(attr(odd!, 'w:jc', 'w:val')).toBe('right');
    expect(attr(even!, 'w:jc', 'w:val')).toBe('left');
    expect(odd).not.toContain('9');
    // In a text box at the margin the number has no 空一字: the one departure.
    expect(r.warnings).toEqual([`${r.file} 警告 页码单页居右不空字、双页居左不空字，与国标不同（§7.5 单页码居右空一字，双页码居左空一字）。`]);
  });
});

describe('what would break the document', () => {
  it('keeps the standard’s size for a heading larger than the line pitch, and the pitch when it is smaller than the text', async () => {
    const r = await render('大字号.docx', {
      styles:
        `<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/>${NORMAL_GB.replace('<w:ind', '<w:spacing w:line="240" w:lineRule="exact"/><w:ind')}</w:style>` +
        '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:rPr><w:rFonts w:eastAsia="黑体"/><w:sz w:val="72"/></w:rPr></w:style>',
    });
    const h1 = headingOf(r.docx, /^一、/).xml;
    expect(runSize(h1)).toBe('32');
    expect(bodyOf(r.docx).xml).toMatch(/<w:spacing [^>]*w:line="579"/);
    expect(r.warnings).toEqual([
      `${r.file} 警告 正文行距为固定值 12 磅，小于正文字号 16 磅，文字会重叠，未采用；仍按每行 28.95 磅（225 mm ÷ 22 ≈ 28.95 pt；580 只能排 21 行）。`,
      `${r.file} 警告 一级标题字号为 36 磅，大于每行 28.95 磅的行距，文字会被截去，未采用；仍按 16 磅（§7.3.3 第一层用黑体字）。`,
    ]);
  });
});

describe('a new document’s own heading styles', () => {
  it('leaves Word’s and WPS’s untouched 标题 and 标题 1 (unused, no Chinese font) to the standard, with one warning', async () => {
    const r = await render('新建文档.docx', {
      ns: WPS_NS,
      theme: theme('宋体', '宋体'),
      docDefaults: '<w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" w:cstheme="minorBidi"/><w:sz w:val="21"/></w:rPr></w:rPrDefault>',
      styles:
        `<w:style w:type="paragraph" w:default="1" w:styleId="1"><w:name w:val="Normal"/>${NORMAL_GB}</w:style>` +
        '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 1"/><w:basedOn w:val="1"/><w:next w:val="1"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="340" w:after="330" w:line="578" w:lineRule="auto"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:kern w:val="44"/><w:sz w:val="44"/></w:rPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="5"><w:name w:val="Title"/><w:basedOn w:val="1"/><w:next w:val="1"/><w:qFormat/><w:pPr><w:spacing w:before="240" w:after="60"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:eastAsiaTheme="majorEastAsia" w:hAnsiTheme="majorHAnsi"/><w:b/><w:sz w:val="32"/></w:rPr></w:style>',
    });
    const h1 = headingOf(r.docx, /^一、/).xml;
    expect(runFont(h1)).toBe('黑体');
    expect(runSize(h1)).toBe('32');
    expect(isBold(h1)).toBe(false);
    expect(r.warnings).toEqual([
      `${r.file} 警告 模板中的“标题”“标题 1”样式是 Word 或 WPS 自带的默认样式（未改动，也未设置中文字体），未采用：标题、一级标题按国标排（§7.3.1 标题 2 号小标宋体字；§7.3.3 第一层用黑体字）；要用本单位的格式，请在模板中修改这些样式。`,
    ]);
  });
});

describe('a whole old report as the template', () => {
  it('takes the page setup of its first portrait section, not of a landscape table section at the end', async () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `<w:p><w:r><w:t>去年报告第${i + 1}段的文字。</w:t></w:r></w:p>`).join('');
    const r = await render('2023年报告.docx', {
      styles: `<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/>${NORMAL_GB}</w:style>`,
      body: `${paragraphs}<w:p><w:pPr><w:sectPr>${GB_SECTION}</w:sectPr></w:pPr></w:p><w:p><w:r><w:t>附表</w:t></w:r></w:p>`,
      section: '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1587" w:right="2098" w:bottom="1474" w:left="1984" w:header="851" w:footer="992" w:gutter="0"/>',
    });
    expect(attr(r.docx.document, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(r.docx.document, 'w:pgMar', 'w:left')).toBe('1587');
    expect(r.warnings).toEqual([]);
  });
});

describe('a whole old report formatted by hand', () => {
  it('takes what its text shows (body, title, 一、 headings set directly) over its untouched styles, and says so once', async () => {
    const run = (text: string, rPr: string): string => `<w:r><w:rPr>${rPr}</w:rPr><w:t>${text}</w:t></w:r>`;
    const fs = '<w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/><w:sz w:val="32"/>';
    const bodyPPr = '<w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr>';
    const paragraph = (text: string): string => `<w:p>${bodyPPr}${run(text, fs)}</w:p>`;
    const centred = (text: string, rPr: string): string => `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${run(text, rPr)}</w:p>`;
    const body =
      // A 版头 in red, then the 发文字号 and the title, all centred: the title is the last before the body.
      centred('示例区人民政府文件', '<w:rFonts w:eastAsia="方正小标宋简体"/><w:color w:val="FF0000"/><w:sz w:val="72"/>') +
      centred('示政〔2024〕3号', fs) +
      centred('示例区人民政府关于2023年法治政府建设情况的报告', '<w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/>') +
      '<w:p><w:r><w:t>市人民政府：</w:t></w:r></w:p>' +
      paragraph('2023年，示例区坚持以法治思想为指导，全面推进依法行政，法治政府建设取得新进展。现将有关情况报告如下：') +
      `<w:p>${bodyPPr}${run('一、主要举措和成效', '<w:rFonts w:eastAsia="黑体"/><w:sz w:val="32"/>')}</w:p>` +
      Array.from({ length: 6 }, (_, i) => paragraph(`第${i + 1}项工作：健全依法决策机制，严格落实重大行政决策程序，全年审核规范性文件和重大行政决策事项若干件。`)).join('') +
      `<w:p>${bodyPPr}${run('二、存在的不足', '<w:rFonts w:eastAsia="黑体"/><w:sz w:val="32"/>')}</w:p>` +
      paragraph('一些工作人员运用法治思维和法治方式解决问题的能力还有待提高，基层执法规范化水平仍需提升。') +
      // A table set in 小四 by hand.
      `<w:tbl><w:tblPr><w:tblStyle w:val="a6"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>${Array.from(
        { length: 4 },
        (_, i) => `<w:tr><w:tc><w:p>${run(`第${i + 1}项重点工作`, '<w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="24"/>')}</w:p></w:tc><w:tc><w:p>${run('已完成并通过验收', '<w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="24"/>')}</w:p></w:tc></w:tr>`,
      ).join('')}</w:tbl>`;
    const r = await render('2023年报告 手排.docx', {
      // Word's untouched defaults: 宋体 五号, single spacing.
      docDefaults: '<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体" w:hAnsi="Times New Roman"/><w:kern w:val="2"/><w:sz w:val="21"/></w:rPr></w:rPrDefault>',
      styles:
        '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>' +
        '<w:style w:type="table" w:styleId="a6"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="8" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="8" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="8" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="8" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="8" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>',
      body,
    });
    const out = bodyOf(r.docx).xml;
    expect(runFont(out)).toBe('仿宋_GB2312');
    expect(runSize(out)).toBe('32');
    expect(out).toMatch(/<w:spacing [^>]*w:line="560"[^>]*w:lineRule="exact"/);
    expect(runFont(headingOf(r.docx, /^一、/).xml)).toBe('黑体');
    const title = r.docx.paragraphs.find((p) => p.text.includes('法治政府建设') && p.text.includes('报告') && !p.text.startsWith('2024'))!;
    expect(runFont(title.xml)).toBe('方正小标宋简体');
    expect(runSize(title.xml)).toBe('44');
    // The example's tables in the old report's table font and rule width (GB/T 9704 sets neither: no warning).
    const cell = r.docx.paragraphs.find((p) => p.text === '序号')!;
    expect(runFont(cell.xml)).toBe('仿宋_GB2312');
    expect(runSize(cell.xml)).toBe('24');
    expect(attr(/<w:tbl>[\s\S]*?<\/w:tbl>/.exec(r.docx.document)![0], 'w:insideH', 'w:sz')).toBe('8');
    expect(r.warnings).toEqual([
      `${r.file} 警告 模板是一份完整的文档，其中的文字直接设置了格式，按文中所见排版：正文“仿宋_GB2312” 16 磅（“正文”样式为“宋体” 10.5 磅）。`,
      `${r.file} 警告 正文行距为固定值 28 磅，即每行 28 磅，每面 22 行，排不满版心，与国标不同（§5.2.3 一般每面排 22 行，并撑满版心：行距 28.95 磅）。`,
    ]);
  });
});

describe('a report this tool wrote, as the template', () => {
  it('gives no warning and the same document, part for part', async () => {
    const first = path.join(dir, '去年生成的报告.docx');
    expect(fazhi(['render', EXAMPLE, '-o', first]).code).toBe(0);
    const r = await render('去年生成的报告 副本.docx', readFileSync(first));
    expect(r.warnings).toEqual([]);
    const before = await readDocx(readFileSync(first));
    expect(r.docx.document).toBe(before.document);
    expect(r.docx.styles).toBe(before.styles);
    expect(r.docx.footers).toEqual(before.footers);
    expect(r.headers).toEqual([]);
  });
});

describe('templates that cannot be read', () => {
  // The first bytes of an OLE compound file, as .doc, .wps and password-protected .docx files begin.
  const compound = (stream: string): Uint8Array => {
    const bytes = new Uint8Array(4096);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(Buffer.from(stream, 'utf16le'), 1024);
    return bytes;
  };
  it.each([
    ['密码.docx', compound('EncryptedPackage'), '设置了打开密码，无法读取'],
    ['旧模板.doc', compound('WordDocument'), '是旧版 Word 或 WPS 文档（.doc、.wps、.dot），不是 .docx'],
  ])('%s: one Chinese sentence, exit code 1, nothing written', (name, bytes, message) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    const out = path.join(dir, `none-${name}.docx`);
    const r = fazhi(['render', EXAMPLE, '--reference-doc', file, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(`本单位模板“${path.relative(ROOT, file)}”${message}`);
    expect(r.stderr).not.toMatch(/at .*\.(c?js|ts):\d+|Error:/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('none-'))).toEqual([]);
  });
});
