// `--reference-doc 本单位模板.docx`: the fonts and page setup of an office's Word template, with a
// warning for each departure from GB/T 9704; a file that is no usable .docx stops with one
// Chinese sentence and exit code 1, and nothing is written.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { GBT9704 } from '../src/layout/profile.js';
import { applyTemplate, templateValues } from '../src/layout/reference-doc.js';
import { DOCUMENT } from '../src/layout/reference-template/package.js';
import { fazhi, ROOT, scratchDir } from './helpers/cli.js';
import { readDocx } from './helpers/docx.js';

const EXAMPLE = path.join(ROOT, 'data', '示例区', '2024', 'report.yaml');
const dir = scratchDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A Word template as an office keeps one: styles for 正文 and 标题 1, and its page setup. */
function template(options: { normalFont?: string; normalHalfPoints?: number; heading1?: string; margins?: [number, number, number, number]; linePitch?: number; charGrid?: boolean } = {}): Uint8Array {
  const [top, bottom, left, right] = options.margins ?? [2098, 1984, 1587, 1474];
  const styles =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W}>` +
    `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体"/><w:sz w:val="21"/></w:rPr></w:rPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr><w:rPr><w:rFonts w:eastAsia="${options.normalFont ?? '仿宋_GB2312'}"/><w:sz w:val="${options.normalHalfPoints ?? 32}"/></w:rPr></w:style>` +
    (options.heading1 ?? '') +
    `</w:styles>`;
  const document =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body><w:p/><w:sectPr>` +
    `<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="${top}" w:right="${right}" w:bottom="${bottom}" w:left="${left}" w:header="851" w:footer="1434" w:gutter="0"/>` +
    `<w:docGrid w:type="${options.charGrid === false ? 'lines' : 'linesAndChars'}" w:linePitch="${options.linePitch ?? 579}" w:charSpace="-849"/></w:sectPr></w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(document),
    'word/styles.xml': strToU8(styles),
  });
}

/** `template()` with parts replaced, added, or removed (undefined). */
function withParts(changes: Record<string, string | undefined>): Uint8Array {
  const files = unzipSync(template());
  for (const [name, text] of Object.entries(changes)) {
    if (text === undefined) delete files[name];
    else files[name] = strToU8(text);
  }
  return zipSync(files);
}

const FOOTER_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>';

function save(name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

describe('template values', () => {
  it('reads fonts through the style chain and the page setup; a template matching GB/T 9704 gives no warning', () => {
    const files = unzipSync(template({ linePitch: 579, charGrid: true }));
    const values = templateValues(new Map([[DOCUMENT, Buffer.from(files[DOCUMENT]!).toString()], ['word/styles.xml', Buffer.from(files['word/styles.xml']!).toString()]]));
    expect(values.styles.body?.run).toEqual({ font: '仿宋_GB2312', size: 16 });
    expect(values.page).toMatchObject({ marginTopMm: 37, marginLeftMm: 28, widthMm: 210, heightMm: 297 });
    const { profile, warnings } = applyTemplate(GBT9704, GBT9704, values, '模板.docx');
    expect(warnings).toEqual([]);
    expect(profile.fonts.body.family.value).toBe('仿宋_GB2312');
    expect(profile.grid.linesPerPage.value).toBe(22);
    expect(profile.grid.charsPerLine.value).toBe(28);
  });
});

describe('theme fonts', () => {
  const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const themeXml = (ea: string, hans: string, hant: string): string =>
    `<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:themeElements><a:fontScheme name="x"><a:majorFont><a:latin typeface="Cambria"/><a:ea typeface=""/><a:font script="Hans" typeface="黑体"/></a:majorFont>` +
    `<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface="${ea}"/><a:font script="Hans" typeface="${hans}"/><a:font script="Hant" typeface="${hant}"/></a:minorFont></a:fontScheme></a:themeElements></a:theme>`;
  const bodyFont = (rFonts: string, theme: string, settings = ''): string | undefined => {
    const styles = `<w:styles ${W_NS}><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:rPr>${rFonts}<w:sz w:val="32"/></w:rPr></w:style></w:styles>`;
    const parts = new Map([[DOCUMENT, `<w:document ${W_NS}><w:body/></w:document>`], ['word/styles.xml', styles], ['word/theme/theme1.xml', theme], ['word/settings.xml', `<w:settings ${W_NS}>${settings}</w:settings>`]]);
    return templateValues(parts).styles.body?.run.font;
  };
  it.each([
    ['eastAsiaTheme: the Hans script font when <a:ea> is empty', '<w:rFonts w:eastAsiaTheme="minorEastAsia"/>', themeXml('', '仿宋', '新細明體'), '', '仿宋'],
    ['eastAsiaTheme: <a:ea> when it names a font', '<w:rFonts w:eastAsiaTheme="minorEastAsia"/>', themeXml('华文仿宋', '仿宋', '新細明體'), '', '华文仿宋'],
    ['a theme font wins over a named one in the same element', '<w:rFonts w:eastAsia="宋体" w:eastAsiaTheme="minorEastAsia"/>', themeXml('', '仿宋', '新細明體'), '', '仿宋'],
    ['zh-TW documents take the Hant script font', '<w:rFonts w:eastAsiaTheme="minorEastAsia"/>', themeXml('', '仿宋', '新細明體'), '<w:themeFontLang w:val="en-US" w:eastAsia="zh-TW"/>', '新細明體'],
    ['“+中文正文” written as a font name', '<w:rFonts w:eastAsia="+中文正文"/>', themeXml('', '仿宋', '新細明體'), '', '仿宋'],
    ['majorEastAsia', '<w:rFonts w:eastAsiaTheme="majorEastAsia"/>', themeXml('', '仿宋', '新細明體'), '', '黑体'],
    ['no East Asian slot: the Latin theme font', '<w:rFonts w:asciiTheme="minorHAnsi"/>', themeXml('', '仿宋', '新細明體'), '', 'Calibri'],
  ])('%s', (_what, rFonts, theme, settings, font) => {
    expect(bodyFont(rFonts, theme, settings)).toBe(font);
  });
});

describe('the line pitch a template’s 正文 gives in Word, written as 固定值', () => {
  const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const pitchOf = (spacing: string, grid: string, extraPPr = ''): number => {
    const styles = `<w:styles ${W_NS}><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:pPr>${spacing}${extraPPr}<w:ind w:firstLineChars="200"/></w:pPr><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:style></w:styles>`;
    const document = `<w:document ${W_NS}><w:body><w:p/><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="1435"/>${grid}</w:sectPr></w:body></w:document>`;
    const values = templateValues(new Map([[DOCUMENT, document], ['word/styles.xml', styles]]));
    return applyTemplate(GBT9704, GBT9704, values, 't.docx').profile.grid.linePitchTwips.value;
  };
  const grid579 = '<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-849"/>';
  const grid312 = '<w:docGrid w:type="lines" w:linePitch="312"/>';
  it.each([
    ['固定值 28 磅', '<w:spacing w:line="560" w:lineRule="exact"/>', grid579, '', 560],
    ['单倍行距 on the 公文 grid: one grid line', '<w:spacing w:line="240" w:lineRule="auto"/>', grid579, '', 579],
    ['no spacing stated: single', '', grid579, '', 579],
    ['1.5 倍 on the 公文 grid', '<w:spacing w:line="360" w:lineRule="auto"/>', grid579, '', 869],
    ['单倍 on Word’s 15.6 pt grid: a 3号 line takes two', '<w:spacing w:line="240" w:lineRule="auto"/>', grid312, '', 624],
    ['单倍 without a grid: 1.3 × 16 pt', '<w:spacing w:line="240" w:lineRule="auto"/>', '<w:docGrid w:linePitch="312"/>', '', 416],
    ['单倍, 不对齐到网格', '<w:spacing w:line="240" w:lineRule="auto"/>', grid579, '<w:snapToGrid w:val="0"/>', 416],
    ['最小值 20 磅 on the 公文 grid', '<w:spacing w:line="400" w:lineRule="atLeast"/>', grid579, '', 579],
    ['最小值 30 磅 on the 公文 grid', '<w:spacing w:line="600" w:lineRule="atLeast"/>', grid579, '', 600],
    ['固定值 12 磅, smaller than the text: not taken', '<w:spacing w:line="240" w:lineRule="exact"/>', grid579, '', 579],
  ])('%s', (_what, spacing, grid, extra, pitch) => {
    expect(pitchOf(spacing, grid, extra)).toBe(pitch);
  });
});

describe('fazhi render --reference-doc', () => {
  it('sets the report in the template’s body font, heading font and margins, and warns where they depart from GB/T 9704', async () => {
    const file = save('本单位 模板.docx', template({
      normalFont: '仿宋',
      margins: [2098, 1984, 1701, 1361], // left 30 mm, right 24 mm
      heading1: `<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:rPr><w:rFonts w:eastAsia="方正黑体_GBK"/><w:b/></w:rPr></w:style>`,
    }));
    const out = path.join(dir, 'out1');
    const r = fazhi(['render', EXAMPLE, '--reference-doc', file, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('警告 正文字体为“仿宋”，与国标不同（§5.2.2 正文 3 号仿宋体字：仿宋_GB2312）。');
    expect(r.stdout).toContain('警告 一级标题字体为“方正黑体_GBK”');
    expect(r.stdout).toContain('一级标题加粗');
    expect(r.stdout).toContain('左边距（订口）为 30 mm，与国标不同（§5.2.1 订口 28 mm ± 1 mm：28 mm）。');
    const docx = await readDocx(readFileSync(path.join(out, readdirSync(out).find((f) => f.endsWith('.docx'))!)));
    const body = docx.paragraphs.find((p) => p.text.startsWith('2024年，'))!;
    expect(body.xml).toContain('w:eastAsia="仿宋"');
    const heading = docx.paragraphs.find((p) => /^一、/.test(p.text))!;
    expect(heading.xml).toContain('w:eastAsia="方正黑体_GBK"');
    expect(heading.xml).toMatch(/<w:b\/>/);
    expect(docx.document).toMatch(/<w:pgMar [^>]*w:left="1701"/);
    expect(docx.document).toMatch(/<w:pgMar [^>]*w:right="1361"/);
  });

  it('applies to every report and the summary of a batch', async () => {
    const file = save('batch模板.docx', template({ normalFont: '仿宋' }));
    const out = path.join(dir, 'batch');
    const r = fazhi(['batch', path.join(ROOT, 'data', '示例区', '2024'), '--reference-doc', file, '-o', out, '--jobs', '1']);
    expect(r.stderr).not.toMatch(/at .*\.(c?js|ts):\d+/);
    expect(r.stdout).toContain('正文字体为“仿宋”');
    const summary = readdirSync(out).find((f) => f.endsWith('.docx'))!;
    expect((await readDocx(readFileSync(path.join(out, summary)))).styles).toContain('w:eastAsia="仿宋"');
    const report = readdirSync(path.join(out, 'departments')).find((f) => f.endsWith('.docx'))!;
    expect((await readDocx(readFileSync(path.join(out, 'departments', report)))).styles).toContain('w:eastAsia="仿宋"');
  });

  const hostile: [string, () => string, string, number][] = [
    ['a missing file', () => path.join(dir, '没有这个文件.docx'), '找不到本单位模板', 2],
    ['a folder', () => (mkdirSync(path.join(dir, '文件夹.docx'), { recursive: true }), path.join(dir, '文件夹.docx')), '不是文件', 2],
    ['text renamed .docx', () => save('文字.docx', '这不是 Word 文档'), '不是有效的 Word 文档（.docx）', 1],
    ['a truncated .docx', () => save('截断.docx', template().subarray(0, 300)), '不是有效的 Word 文档（.docx）', 1],
    ['a workbook (.xlsx parts)', () => save('表格.docx', zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') })), '不是 Word 文档（其中没有 word/document.xml）', 1],
    ['a document.xml that is not UTF-8', () => save('乱码.docx', zipSync({ 'word/document.xml': new Uint8Array([0x3c, 0xff, 0xfe, 0x3e]) })), '已损坏', 1],
    ['a decompression bomb', () => save('炸弹.docx', zipSync({ 'word/document.xml': new Uint8Array(9 * 1024 * 1024) }, { level: 9 })), '过大', 1],
    ['margins leaving no room', () => save('页边距.docx', template({ margins: [8000, 8000, 1587, 1474] })), '无法排版', 1],
    // Regexes read a damaged part as "no formatting" and Word's defaults came out as the office's choice.
    ['a truncated styles.xml', () => save('样式截断.docx', withParts({ 'word/styles.xml': `<w:styles ${W}><w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/>` })), '已损坏：其中的样式部分（word/styles.xml）第 1 行不是完整的 XML', 1],
    ['a styles.xml with mismatched tags', () => save('样式错标签.docx', withParts({ 'word/styles.xml': `<w:styles ${W}><w:style></w:styles></w:style>` })), '样式部分（word/styles.xml）第 1 行不是完整的 XML', 1],
    ['no styles.xml at all', () => save('无样式.docx', withParts({ 'word/styles.xml': undefined })), '中没有样式部分（word/styles.xml），取不到本单位的字体、字号和行距', 1],
    ['a broken settings.xml', () => save('设置损坏.docx', withParts({ 'word/settings.xml': `<w:settings ${W}>\n<w:evenAndOddHeaders/>\n<w:zoom w:percent="100" w:percent="90"/></w:settings>` })), '文档设置部分（word/settings.xml）第 3 行不是完整的 XML', 1],
    ['a broken theme', () => save('主题损坏.docx', withParts({ 'word/theme/theme1.xml': '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:themeElements>' })), '主题部分（word/theme/theme1.xml）', 1],
    ['a referenced footer that is broken', () => save('页脚损坏.docx', withParts({ 'word/_rels/document.xml.rels': FOOTER_RELS, 'word/footer1.xml': `<w:ftr ${W}><w:p><w:r><w:t>- 1 -</w:t></w:r></w:ftr>` })), '页脚部分（word/footer1.xml）第 1 行不是完整的 XML', 1],
    ['broken relationships', () => save('关系损坏.docx', withParts({ 'word/_rels/document.xml.rels': FOOTER_RELS.slice(0, -10) })), '部件关系部分（word/_rels/document.xml.rels）', 1],
  ];
  it.each(hostile)('%s: one Chinese sentence, the documented exit code, nothing written', (_what, make, message, code) => {
    const out = path.join(dir, `hostile-${Math.random().toString(36).slice(2)}`);
    const r = fazhi(['render', EXAMPLE, '--reference-doc', make(), '-o', out]);
    expect(r.code).toBe(code);
    expect(r.stdout + r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/at .*\.(c?js|ts):\d+|Error:/);
    expect(existsSync(out)).toBe(false);
  });

  it('ignores a broken footer part nothing refers to (neither Word nor we read it)', () => {
    const out = path.join(dir, 'unreferenced.docx');
    const r = fazhi(['render', EXAMPLE, '--reference-doc', save('多余页脚.docx', withParts({ 'word/footer9.xml': `<w:ftr ${W}><w:p>` })), '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});
