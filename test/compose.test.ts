// Compose: computed numbering, title breaking, text clean-up, and data text kept literal.
import { describe, expect, it } from 'vitest';
import { chineseNumeral, headingNumber, itemNumber } from '../src/compose/numbering.js';
import { normalizeParagraph, paragraphList } from '../src/data/text.js';
import { breakTitle, textWidth } from '../src/compose/title-lines.js';
import { renderValidated, validateText } from '../src/pipeline.js';
import { readDocx } from './helpers/docx.js';
import { MINIMAL } from './helpers/minimal.js';

async function renderTexts(yaml: string): Promise<{ texts: string[]; xml: string }> {
  const result = await renderValidated(validateText(yaml, 'r.yaml'));
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const docx = await readDocx(result.docx!);
  return { texts: docx.paragraphs.map((p) => p.text), xml: docx.document };
}

describe('numbering', () => {
  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [35, '三十五'],
    [99, '九十九'],
    // Outside 1–99 a heading number is printed in digits, as before the shared counting numerals.
    [100, '100'],
    [0, '0'],
  ])('%i → %s', (n, text) => expect(chineseNumeral(n)).toBe(text));

  it('writes each heading level and item in its own form', () => {
    expect([headingNumber(1, 3), headingNumber(2, 12), headingNumber(3, 2), headingNumber(4, 10), itemNumber(11)]).toEqual([
      '三、',
      '（十二）',
      '2.',
      '（10）',
      '十一是',
    ]);
  });
});

describe('title lines', () => {
  it('keeps a short title on one line', () => {
    expect(breakTitle('示例区司法局2024年法治政府建设年度报告', 20)).toEqual(['示例区司法局2024年法治政府建设年度报告']);
  });
  it('breaks after 关于 for a government title', () => {
    expect(breakTitle('示例区人民政府关于2024年度法治政府建设情况的报告', 20)).toEqual(['示例区人民政府关于', '2024年度法治政府建设情况的报告']);
  });
  it('shapes a joint title as a 梯形, not two equal lines: the organs, then 关于 and the subject', () => {
    const lines = breakTitle('中共示例区委 示例区人民政府关于2024年度法治政府建设情况的报告', 20);
    expect(lines).toEqual(['中共示例区委 示例区人民政府', '关于2024年度法治政府建设情况的报告']);
    expect(Math.abs(textWidth(lines[0]!) - textWidth(lines[1]!))).toBeGreaterThanOrEqual(2);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(20);
  });
  it('shapes a three-line title as a 菱形, the middle line longest', () => {
    expect(breakTitle('示例区人民政府关于推进法治政府建设示范创建工作情况和下一步工作打算的报告', 20)).toEqual([
      '示例区人民政府关于',
      '推进法治政府建设示范创建工作情况和',
      '下一步工作打算的报告',
    ]);
  });
  it('never breaks inside a word of a long department name', () => {
    const lines = breakTitle('示例区市场监督管理局关于2024年度法治政府建设情况的报告', 20);
    expect(lines).toEqual(['示例区市场监督管理局关于', '2024年度法治政府建设情况的报告']);
  });
});

describe('text', () => {
  it('removes the spaces YAML folding puts between Chinese characters', () => {
    expect(normalizeParagraph('全年开展专题学 习4次、交流研讨2次。\n坚持会前学法制度')).toBe('全年开展专题学习4次、交流研讨2次。坚持会前学法制度');
  });
  it('keeps a space between Latin words', () => {
    expect(normalizeParagraph('开通 12345 热线和 Open\nData 平台')).toBe('开通 12345 热线和 Open Data 平台');
  });
  it('starts a new paragraph at a blank line', () => {
    expect(paragraphList('第一段。\n\n第二段。')).toEqual(['第一段。', '第二段。']);
  });
  it('strips characters that would corrupt a Word document', () => {
    expect(normalizeParagraph('依法\u0007行政\ud800')).toBe('依法行政');
  });
});

describe('compose', () => {
  it('numbers items 一是/二是 with the lead phrase, run together or one per paragraph', async () => {
    const inline = await renderTexts(MINIMAL);
    expect(inline.texts).toContain('一是规范决策程序。全年审议重大行政决策事项5项。二是开展合法性审核120件。');
    const separate = await renderTexts(MINIMAL.replace('    - heading: 健全依法决策机制\n', '    - heading: 健全依法决策机制\n      items_style: paragraphs\n'));
    expect(separate.texts).toContain('一是规范决策程序。全年审议重大行政决策事项5项。');
    expect(separate.texts).toContain('二是开展合法性审核120件。');
  });

  it('generates the title and part headings from the year when the data has none', async () => {
    const { texts } = await renderTexts(MINIMAL);
    expect(texts.slice(0, 2)).toEqual(['测试区人民政府关于', '2024年度法治政府建设情况的报告']);
    expect(texts.filter((t) => /^[一二三四五]、/.test(t))).toEqual([
      '一、2024年推进法治政府建设的主要举措和成效',
      '二、2024年推进法治政府建设存在的不足和原因',
      '三、2024年党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况',
      '四、2025年推进法治政府建设的主要安排',
    ]);
    expect(texts).toContain('根据《法治政府建设与责任落实督察工作规定》，现将测试区2024年度法治政府建设情况报告如下：');
    expect(texts).toContain('特此报告。');
  });

  it('uses title_lines when given', async () => {
    const { texts } = await renderTexts(`${MINIMAL}title_lines:\n  - 测试区人民政府\n  - 关于2024年度法治政府建设情况的报告\n`);
    expect(texts.slice(0, 2)).toEqual(['测试区人民政府', '关于2024年度法治政府建设情况的报告']);
  });

  it('keeps data text literal: template syntax, markup and directives are printed as typed', async () => {
    const hostile = '{{year}} {{{unit.name}}} <w:t>粗体</w:t> &amp; <b>加粗</b> @part measures 注入';
    const yaml = MINIMAL.replace('  intro: 基层执法力量仍然不足。', `  intro: '${hostile}'`).replace(
      '  short: 测试区',
      "  short: '测试区{{#each this}}x{{/each}}\n\n    @title 假标题'",
    );
    const { texts, xml } = await renderTexts(yaml);
    expect(texts).toContain(hostile);
    expect(xml).toContain('&lt;w:t&gt;粗体&lt;/w:t&gt; &amp;amp;');
    expect(texts[0]).toBe('测试区人民政府关于');
    expect(texts).toContain('根据《法治政府建设与责任落实督察工作规定》，现将测试区{{#each this}}x{{/each}} @title 假标题2024年度法治政府建设情况报告如下：');
    expect(texts.filter((t) => t === '假标题')).toEqual([]);
  });
});
