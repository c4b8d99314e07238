// A clerk's Word file whose headings are numbered by Word's automatic numbering (numbering.xml)
// rather than typed: import must read the numbers as Word shows them — counted per list and
// level, from the paragraph or its style, with overrides, restarts, legal numbering and the
// Chinese formats — and say so when it cannot reproduce one rather than invent it.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importReport } from '../src/import/index.js';
import { extract } from '../src/import/read/index.js';
import { formatNumber } from '../src/import/read/docx-numbering.js';
import { fazhi, ROOT, scratchDir } from './helpers/cli.js';
import { autoNumberedDocx, docxPackage, shape, textLines, wLevel, wParagraph, wpsNumberedDocx, type PartNode } from './helpers/import-formats.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'import', 'shapes');
const dir = scratchDir();

describe('number formats as Word prints them', () => {
  const cases: [string, number, string | undefined][] = [
    ['chineseCounting', 1, '一'],
    ['chineseCounting', 9, '九'],
    ['chineseCounting', 10, '十'],
    ['chineseCounting', 11, '十一'],
    ['chineseCounting', 20, '二十'],
    ['chineseCounting', 21, '二十一'],
    ['chineseCounting', 99, '九十九'],
    ['chineseCounting', 100, '一百'],
    ['chineseCounting', 101, '一百零一'],
    ['chineseCounting', 110, '一百一十'],
    ['chineseCountingThousand', 15, '十五'],
    ['japaneseCounting', 12, '十二'],
    ['chineseLegalSimplified', 11, '壹拾壹'],
    ['ideographDigital', 10, '一〇'],
    ['ideographTraditional', 1, '甲'],
    ['ideographTraditional', 10, '癸'],
    ['ideographTraditional', 11, undefined],
    ['ideographZodiac', 2, '丑'],
    ['decimal', 7, '7'],
    ['decimalZero', 7, '07'],
    ['decimalFullWidth', 12, '１２'],
    ['decimalEnclosedCircle', 3, '③'],
    ['decimalEnclosedCircleChinese', 20, '⑳'],
    ['decimalEnclosedCircle', 21, undefined],
    ['upperRoman', 14, 'XIV'],
    ['lowerLetter', 28, 'bb'],
    ['none', 3, ''],
    ['hebrew2', 1, undefined],
  ];
  it.each(cases)('%s %i → %s', (format, n, shown) => expect(formatNumber(n, format)).toBe(shown));
  it('counts 一 to 九十九 without a gap or a repeat', () => {
    const all = Array.from({ length: 99 }, (_, i) => formatNumber(i + 1, 'chineseCounting'));
    expect(new Set(all).size).toBe(99);
    expect(all.slice(9, 13)).toEqual(['十', '十一', '十二', '十三']);
    expect(all.slice(88)).toEqual(['八十九', '九十', '九十一', '九十二', '九十三', '九十四', '九十五', '九十六', '九十七', '九十八', '九十九']);
  });
});

/** The paragraphs import reads from a .docx, and its notes. */
async function read(name: string, bytes: Uint8Array): Promise<{ lines: string[]; notes: string[] }> {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  const extracted = await extract(file, name);
  expect(extracted.kind).toBe('docx');
  return { lines: extracted.lines.map((l) => l.text.trim()), notes: extracted.notes };
}

describe('a Word file numbered by lists and styles', () => {
  // Styles: H1 numbered through its style (level from the list's w:pStyle), H1x based on it; LS a numbering style.
  const styles =
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="H1x"><w:name w:val="heading 1 x"/><w:basedOn w:val="H1"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="H2x"><w:name w:val="heading 2 x"/><w:basedOn w:val="H2"/></w:style>' +
    '<w:style w:type="numbering" w:styleId="LS"><w:name w:val="list style"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>';
  const numbering =
    // The headings: 一、（一）1.（1）; （1） restarts only after a 一、 (lvlRestart 1).
    '<w:abstractNum w:abstractNumId="10">' +
    wLevel(0, 'chineseCounting', '%1、', '<w:pStyle w:val="H1"/>') +
    wLevel(1, 'chineseCounting', '（%2）', '<w:pStyle w:val="H2"/>') +
    wLevel(2, 'decimal', '%3.') +
    wLevel(3, 'decimal', '（%4）', '<w:lvlRestart w:val="1"/>') +
    '</w:abstractNum>' +
    `<w:abstractNum w:abstractNumId="20">${wLevel(0, 'ideographTraditional', '%1.')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="30">${wLevel(0, 'decimal', '%1.')}${wLevel(1, 'chineseCounting', '%1.%2', '<w:isLgl/>')}</w:abstractNum>` +
    '<w:abstractNum w:abstractNumId="40"><w:numStyleLink w:val="LS"/></w:abstractNum>' +
    `<w:abstractNum w:abstractNumId="41"><w:styleLink w:val="LS"/>${wLevel(0, 'decimalEnclosedCircle', '%1')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="50">${wLevel(0, 'hebrew2', '%1.')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="60">${wLevel(0, 'bullet', '●')}</w:abstractNum>` +
    '<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>' +
    // Another w:num of the same list without overrides: Word continues the same numbers.
    '<w:num w:numId="2"><w:abstractNumId w:val="10"/></w:num>' +
    // “Restart numbering” at 98: a list of its own.
    '<w:num w:numId="3"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="98"/></w:lvlOverride></w:num>' +
    '<w:num w:numId="4"><w:abstractNumId w:val="20"/></w:num>' +
    '<w:num w:numId="5"><w:abstractNumId w:val="41"/></w:num>' +
    '<w:num w:numId="6"><w:abstractNumId w:val="40"/></w:num>' +
    '<w:num w:numId="7"><w:abstractNumId w:val="30"/></w:num>' +
    '<w:num w:numId="8"><w:abstractNumId w:val="50"/></w:num>' +
    '<w:num w:numId="9"><w:abstractNumId w:val="60"/></w:num>';
  const body: [string, string][] = [
    [wParagraph('总体情况', { style: 'H1' }), '一、总体情况'],
    [wParagraph('依法行政', { style: 'H1x' }), '二、依法行政'],
    [wParagraph('决策', { numId: '1', ilvl: 1 }), '（一）决策'],
    [wParagraph('执法', { style: 'H1', ilvl: 1 }), '（二）执法'],
    [wParagraph('制度', { numId: '2', ilvl: 2 }), '1.制度'],
    [wParagraph('细则', { numId: '1', ilvl: 3 }), '（1）细则'],
    [wParagraph('程序', { numId: '1', ilvl: 2 }), '2.程序'],
    [wParagraph('听证', { numId: '1', ilvl: 3 }), '（2）听证'],
    [wParagraph('不编号的标题', { style: 'H1', numId: '0' }), '不编号的标题'],
    [wParagraph('正文段落。'), '正文段落。'],
    [wParagraph('存在的不足', { numId: '1', ilvl: 0 }), '三、存在的不足'],
    [wParagraph('问题', { numId: '1', ilvl: 2 }), '1.问题'],
    [wParagraph('原因', { numId: '1', ilvl: 3 }), '（1）原因'],
    [wParagraph('甲项', { numId: '3', ilvl: 0 }), '九十八、甲项'],
    [wParagraph('乙项', { numId: '3', ilvl: 0 }), '九十九、乙项'],
    [wParagraph('丙项', { numId: '3', ilvl: 0 }), '一百、丙项'],
    [wParagraph('下一步', { numId: '1', ilvl: 0 }), '四、下一步'],
    [wParagraph('天干一', { numId: '4' }), '甲.天干一'],
    [wParagraph('天干二', { numId: '4' }), '乙.天干二'],
    [wParagraph('总则', { numId: '7', ilvl: 0 }), '1.总则'],
    [wParagraph('条款', { numId: '7', ilvl: 1 }), '1.1 条款'],
    [wParagraph('圈号', { numId: '6', ilvl: 0 }), '① 圈号'],
    [wParagraph('未知格式的标题', { numId: '8', ilvl: 0 }), '未知格式的标题'],
    [wParagraph('要点', { numId: '9', ilvl: 0 }), '要点'],
    // An empty numbered paragraph is shown (and counted) by Word, but has no text to import.
    ['<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p>', ''],
    [wParagraph('其他 & 附则', { numId: '1', ilvl: 0 }), '六、其他 & 附则'],
    // A style based on one the list names (w:pStyle) takes that style's level.
    [wParagraph('附属规定', { style: 'H2x' }), '（一）附属规定'],
  ];

  it('reads every number as Word shows it, and names the one it cannot reproduce', async () => {
    const { lines, notes } = await read('lists.docx', docxPackage(body.map(([xml]) => xml), styles, numbering));
    expect(lines).toEqual(body.map(([, shown]) => shown).filter((s) => s !== ''));
    expect(notes).toEqual([expect.stringContaining('“未知格式的标题……”一段的自动编号（格式“hebrew2”）无法还原')]);
  });

  it('says so in the output of `fazhi import`', () => {
    const file = path.join(dir, '编号 报告.docx');
    writeFileSync(file, docxPackage(body.map(([xml]) => xml), styles, numbering));
    const r = fazhi(['import', file, '-o', path.join(dir, 'lists.yaml')]);
    expect(r.stdout + r.stderr).toContain('提示 Word 文档中“未知格式的标题……”一段的自动编号（格式“hebrew2”）无法还原，该段保留了文字但没有序号');
  });

  it('counts a numbered paragraph in a text box once, though the file holds it twice', async () => {
    const box = (text: string) => `<w:txbxContent>${wParagraph(text, { numId: '1', ilvl: 0 })}</w:txbxContent>`;
    const mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"';
    const textBox = `<w:p><w:r><mc:AlternateContent ${mc}><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box('框内')}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>${box('框内')}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    const { lines } = await read('textbox.docx', docxPackage([wParagraph('甲', { numId: '1', ilvl: 0 }), textBox, wParagraph('乙', { numId: '1', ilvl: 0 })], styles, numbering));
    expect(lines.filter((l) => l.endsWith('甲') || l.endsWith('乙'))).toEqual(['一、甲', '三、乙']);
  });

  it('leaves a Word file without numbering as it was', async () => {
    const { lines, notes } = await read('plain.docx', docxPackage([wParagraph('一、总体情况'), wParagraph('正文。')], '', ''));
    expect(lines).toEqual(['一、总体情况', '正文。']);
    expect(notes).toEqual([]);
  });
});

describe.each(['standard', 'numbered-items', 'flat-list'])('%s written with automatic numbering', (name) => {
  const lines = textLines(path.join(FIXTURES, `${name}.txt`));
  const expected = JSON.parse(readFileSync(path.join(FIXTURES, `${name}.expect.json`), 'utf8')) as { parts: { key: string; groups: string[]; allGroups: number; items: number }[] };

  it.each(['docx library', 'WPS'])('as %s writes it: every paragraph comes back with its number, and the parts, groups and items with it', async (writer) => {
    const made = writer === 'WPS' ? wpsNumberedDocx(lines) : await autoNumberedDocx(lines);
    expect(made.numbered).toBeGreaterThanOrEqual(5);
    const file = `${name}.${writer === 'WPS' ? 'wps' : 'lib'}.docx`;
    const { lines: back, notes } = await read(file, made.docx);
    expect(back).toEqual(lines.map((l) => l.trim()).filter((l) => l !== ''));
    expect(notes).toEqual([]);

    const result = await importReport(path.join(dir, file), { label: file, schemaRef: '../schema/report.schema.json', today: { year: 2026, month: 3, day: 1 } });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const data = parse(result.yaml) as Record<string, PartNode> & { imported?: { part_order?: string[] } };
    const order = data.imported?.part_order ?? ['measures', 'shortcomings', 'duties', 'plans', 'other'].filter((k) => data[k] !== undefined);
    expect(order).toEqual(expected.parts.map((p) => p.key));
    for (const part of expected.parts) {
      const node = data[part.key]!;
      expect((node.groups ?? []).map((g) => String(g.heading).replace(/\s+/g, '')), part.key).toEqual(part.groups);
      expect(shape(node), part.key).toEqual({ groups: part.allGroups, items: part.items });
    }
  });
});
