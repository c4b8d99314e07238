// The rendered .docx, read back from its XML: every part's text in order, computed numbering,
// the 公文 fonts and page set-up.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderFile } from '../src/pipeline.js';
import { attr, readDocx, type DocxParts } from './helpers/docx.js';
import { ROOT } from './helpers/cli.js';

const FILE = `${ROOT}/data/示例区/2024/report.yaml`;
let docx: DocxParts;
let texts: string[];

beforeAll(async () => {
  const result = await renderFile(FILE);
  expect(result.diagnostics).toEqual([]);
  docx = await readDocx(result.docx!);
  texts = docx.paragraphs.map((p) => p.text);
});

const squash = (s: string): string => s.replace(/\s+/g, '');

/** Every string of the data file, in file order, read independently of the tool's compose code. */
function dataStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => dataStrings(v, out));
  // The responsibility breakdown of plans items is for `fazhi tasks`, not printed in the report.
  else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => NOT_PRINTED.has(k) || dataStrings(v, out));
  return out;
}
const NOT_PRINTED = new Set(['lead_unit', 'support_units', 'deadline']);

describe('示例区 2024 district report', () => {
  it('has the document parts in the conventional order', () => {
    expect(texts[0]).toBe('示发〔2025〕3号');
    expect(texts.slice(2, 4)).toEqual(['中共示例区委 示例区人民政府', '关于2024年度法治政府建设情况的报告']);
    expect(texts[5]).toBe('中共示例市委、示例市人民政府：');
    const headings = texts.filter((t) => /^[一二三四五六七八九十]+、/.test(t));
    expect(headings).toEqual([
      '一、聚焦重点任务，推动法治政府建设提质增效',
      '二、2024年推进法治政府建设存在的不足和原因',
      '三、坚持以上率下，扛牢推进法治建设第一责任人职责',
      '四、2025年推进法治政府建设的主要安排',
      '五、其他需要报告的情况',
    ]);
    const shown = texts.filter((t) => t !== '');
    const date = shown.indexOf('2025年1月20日');
    expect(shown.slice(date - 4, date + 1)).toEqual(['特此报告。', '附件：示例区2024年法治政府建设主要指标', '中共示例区委员会', '示例区人民政府', '2025年1月20日']);
    // The attachment named is present: on its own page after the 署名 block, before the 版记.
    expect(shown.slice(date + 1, date + 3)).toEqual(['附件', '示例区2024年法治政府建设主要指标']);
    expect(shown.slice(-2)).toEqual(['抄送：示例市委全面依法治市委员会办公室，示例区人大常委会。', '示例区人民政府办公室\t2025年1月21日印发']);
  });

  it('contains every text of the data file, in order', () => {
    const data = parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;
    const skip = new Set(['metrics_table', 'level', 'title', 'date', 'printed_date', 'metrics', 'items_style', 'unit', 'signatories', 'recipients', 'copy_to', 'attachments', 'closing', 'printed_by', 'doc_number']);
    const strings = Object.entries(data)
      .filter(([k]) => !skip.has(k))
      .flatMap(([, v]) => dataStrings(v))
      .filter((s) => s !== 'inline' && s !== 'paragraphs');
    expect(strings.length).toBeGreaterThan(100);
    const whole = squash(texts.join(''));
    let from = 0;
    // A figure referenced as 〔id〕 is printed as the figure: the text around it is checked.
    for (const s of strings.flatMap((t) => squash(t).split(/〔[a-z][a-z0-9_]*(?:[^〕]*)〕/).filter((p) => p !== ''))) {
      const at = whole.indexOf(s, from);
      expect(at, `“${s.slice(0, 20)}” missing or out of order`).toBeGreaterThanOrEqual(0);
      from = at + s.length;
    }
  });

  it('numbers groups （一）… and nested levels 1. and （1）', () => {
    const data = parse(readFileSync(FILE, 'utf8')) as { measures: { groups: unknown[] }; duties: { groups: unknown[] } };
    const level2 = texts.filter((t) => /^（[一二三四五六七八九十]+）/.test(t)).map((t) => /^（(.+?)）/.exec(t)![1]);
    // Each part restarts at （一）.
    const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
    expect(data.measures.groups.length).toBeGreaterThanOrEqual(11);
    expect(level2).toEqual([...numerals.slice(0, data.measures.groups.length), ...numerals.slice(0, data.duties.groups.length)]);
    const body = texts.slice(0, texts.indexOf('2025年1月20日')); // not the attachment's table
    const level3 = body.filter((t) => /^\d+\./.test(t));
    const level4 = body.filter((t) => /^（\d+）/.test(t));
    // Expected numbers from the data: each nested list counts from 1.
    type G = { groups?: G[] };
    const nested = (groups: G[] | undefined, depth: number): string[] =>
      (groups ?? []).flatMap((g) => [...(depth === 0 ? (g.groups ?? []).map((_, i) => String(i + 1)) : []), ...nested(g.groups, depth - 1)]);
    const parts = Object.values(data) as { groups?: G[] }[];
    const expected3 = parts.flatMap((p) => (p && typeof p === 'object' ? nested(p.groups, 0) : []));
    const expected4 = parts.flatMap((p) => (p && typeof p === 'object' ? nested(p.groups, 1) : []));
    expect(expected3.length).toBeGreaterThan(1);
    expect(expected4.length).toBeGreaterThan(1);
    expect(level3.map((t) => t.split('.')[0])).toEqual(expected3);
    expect(level4.map((t) => /^（(\d+)）/.exec(t)![1])).toEqual(expected4);
  });

  it('writes items one per paragraph or run together, as each group asks', () => {
    expect(texts).toContain(
      '一是强化理论武装。把习近平法治思想作为区委理论学习中心组和区政府党组学习的重要内容，全年开展专题学习4次、交流研讨2次。坚持区政府常务会议会前学法制度，围绕新修订的行政复议法、突发事件应对法以及优化营商环境、安全生产等领域法律法规开展学法12次。举办全区领导干部法治专题培训班2期，培训处级以上干部300余人次，组织全区公务员参加年度学法考试，参考率、合格率均达到100%。',
    );
    expect(texts.some((t) => t.startsWith('二是健全统筹机制。'))).toBe(true);
    // A group written run-together: its items in one paragraph, 一是……。二是……。, as the data has them.
    const group = (parse(readFileSync(FILE, 'utf8')) as { measures: { groups: { groups?: { items?: (string | { lead: string; text: string })[]; items_style?: string }[] }[] } }).measures.groups
      .flatMap((g) => g.groups ?? [])
      .find((g) => g.items_style !== 'paragraphs' && (g.items?.length ?? 0) >= 3)!;
    const numbers = ['一是', '二是', '三是', '四是', '五是', '六是', '七是', '八是'];
    const expected = group.items!.map((item, i) => numbers[i] + (typeof item === 'string' ? squash(item) : `${item.lead}。${squash(item.text)}`)).join('');
    expect(texts).toContain(expected);
  });

  it('uses the 公文 fonts: 小标宋 title, 黑体/楷体/仿宋 headings, 仿宋 body', () => {
    const byText = (prefix: string) => docx.paragraphs.find((p) => p.text.startsWith(prefix))!.xml;
    const title = byText('中共示例区委 示例区人民政府');
    expect(attr(title, 'w:rFonts', 'w:eastAsia')).toBe('方正小标宋简体');
    expect(attr(title, 'w:sz', 'w:val')).toBe('44');
    expect(attr(title, 'w:jc', 'w:val')).toBe('center');
    expect(attr(byText('一、'), 'w:rFonts', 'w:eastAsia')).toBe('黑体');
    expect(attr(byText('（一）'), 'w:rFonts', 'w:eastAsia')).toBe('楷体_GB2312');
    const h3 = byText('1.');
    expect(attr(h3, 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
    expect(h3).toContain('<w:b/>');
    const body = byText('一是强化理论武装');
    expect(attr(body, 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
    expect(attr(body, 'w:rFonts', 'w:hint')).toBe('eastAsia');
    expect(attr(body, 'w:sz', 'w:val')).toBe('32');
    expect(attr(body, 'w:spacing', 'w:line')).toBe('579');
    expect(attr(body, 'w:spacing', 'w:lineRule')).toBe('exact');
    expect(attr(body, 'w:ind', 'w:firstLineChars')).toBe('200');
    expect(attr(byText('中共示例市委'), 'w:ind', 'w:firstLine')).toBeUndefined();
  });

  it('writes the shared formatting once, in styles: a body paragraph is a style reference and plain text', () => {
    const body = docx.paragraphs.find((p) => p.text.startsWith('一是强化理论武装'))!;
    expect(body.raw).toMatch(/^<w:p><w:pPr><w:pStyle w:val="FzBody"\/><\/w:pPr><w:r><w:t xml:space="preserve">一是强化理论武装/);
    expect(body.raw).not.toContain('<w:rPr>');
    const heading = docx.paragraphs.find((p) => p.text.startsWith('一、'))!;
    expect(heading.raw).toMatch(/^<w:p><w:pPr><w:pStyle w:val="Heading1"\/><\/w:pPr><w:r><w:t/);
    // As the style gives it: 黑体, not bold, kept with the next paragraph, indented two characters.
    expect(attr(heading.xml, 'w:b', 'w:val')).toBe('false');
    expect(heading.xml).toContain('<w:keepNext/>');
    expect(attr(heading.xml, 'w:ind', 'w:firstLineChars')).toBe('200');
    expect(attr(/<w:rPr>[\s\S]*?<\/w:rPr>/.exec(heading.xml)![0], 'w:spacing', 'w:val')).toBe('-5');
  });

  it('sets up A4 with the GB/T 9704 margins and a 22-line grid', () => {
    expect(attr(docx.document, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(docx.document, 'w:pgSz', 'w:h')).toBe('16838');
    expect(attr(docx.document, 'w:pgMar', 'w:top')).toBe('2098');
    expect(attr(docx.document, 'w:pgMar', 'w:left')).toBe('1587');
    expect(attr(docx.document, 'w:pgMar', 'w:bottom')).toBe('1984');
    expect(attr(docx.document, 'w:pgMar', 'w:right')).toBe('1474');
    expect(attr(docx.document, 'w:docGrid', 'w:linePitch')).toBe('579');
  });

  it('prints page numbers — N — on the right of odd pages and the left of even pages', () => {
    expect(docx.settings).toContain('<w:evenAndOddHeaders/>');
    const numbered = docx.footers.filter((f) => f.includes('PAGE'));
    expect(numbered).toHaveLength(2);
    // The other pair, for a blank page before the 版记 and that page (GB/T 9704 §7.5), is empty.
    expect(docx.footers).toHaveLength(4);
    for (const blank of docx.footers.filter((f) => !numbered.includes(f))) expect(blank).not.toMatch(/<w:t[ >]|<w:fldSimple|<w:instrText/);
    const sides = numbered.map((f) => attr(f, 'w:jc', 'w:val')).sort();
    expect(sides).toEqual(['left', 'right']);
    for (const footer of numbered) {
      expect(footer).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*> —<\/w:t>/);
      expect(attr(footer, 'w:rFonts', 'w:eastAsia')).toBe('宋体');
      expect(attr(footer, 'w:sz', 'w:val')).toBe('28');
    }
  });

  it('places the unsealed signature 右空二字 and the date two characters right of it', () => {
    const organ = docx.paragraphs.find((p) => p.text === '中共示例区委员会')!.xml;
    const organ2 = docx.paragraphs.find((p) => p.text === '示例区人民政府')!.xml;
    const date = docx.paragraphs.find((p) => p.text === '2025年1月20日')!.xml;
    const charTwips = 8844 / 28;
    for (const xml of [organ, organ2, date]) expect(attr(xml, 'w:jc', 'w:val')).toBe('right');
    // In characters from the left edge. The date (6.5 wide: digits are half) started two
    // characters right of the 署名 (8 wide, 右空二字 at 18–26) would end at 26.5, past 右空二字:
    // so the date stands 右空二字 and the 署名 moves left to keep the two-character offset.
    expect(Number(attr(date, 'w:ind', 'w:right')) / charTwips).toBeCloseTo(2, 1);
    const dateStart = 28 - 2 - 6.5;
    const organStart = 28 - Number(attr(organ, 'w:ind', 'w:right')) / charTwips - 8;
    const organ2Start = 28 - Number(attr(organ2, 'w:ind', 'w:right')) / charTwips - 7;
    expect(dateStart - organStart).toBeCloseTo(2, 1);
    expect(organ2Start).toBeCloseTo(organStart, 1);
  });

  it('puts the 版记 between rules in a table floated to the bottom of the text area', () => {
    // The last table: the 附件 of figures comes before it.
    const table = [...docx.document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].at(-1)![0];
    expect(attr(table, 'w:tblpPr', 'w:tblpYSpec')).toBe('bottom');
    expect(attr(table, 'w:tblpPr', 'w:vertAnchor')).toBe('margin');
    // Page-relative at the left margin, so that LibreOffice floats it too.
    expect(attr(table, 'w:tblpPr', 'w:horzAnchor')).toBe('page');
    expect(attr(table, 'w:tblpPr', 'w:tblpX')).toBe('1587');
    expect(attr(table, 'w:tblW', 'w:w')).toBe('8844');
    const cells = [...table.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
    expect(cells).toHaveLength(2);
    expect(attr(cells[0]!, 'w:top', 'w:sz')).toBe('8');
    expect(attr(cells[0]!, 'w:bottom', 'w:sz')).toBe('6');
    expect(attr(cells[1]!, 'w:bottom', 'w:sz')).toBe('8');
    expect(attr(cells[0]!, 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
    expect(attr(cells[0]!, 'w:sz', 'w:val')).toBe('28');
  });
});
