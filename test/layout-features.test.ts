// Layout features read back from the .docx and .html: local profiles, 署名 with seal, 附件说明,
// rare characters, 发文字号, the 版记 page, and the web page. (Measured placement in LibreOffice is
// in test/layout/, run by npm run test:layout.)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/diagnostic.js';
import { countLines, estimatePages } from '../src/layout/paginate.js';
import { loadProfile } from '../src/layout/load-profile.js';
import { GBT9704 } from '../src/layout/profile.js';
import { renderValidated, validateText, type RenderOptions } from '../src/pipeline.js';
import { writeHtml } from '../src/write/html/index.js';
import { fazhi, ROOT, scratchDir } from './helpers/cli.js';
import { attr, readDocx } from './helpers/docx.js';
import { MINIMAL } from './helpers/minimal.js';

async function render(yaml: string, options: RenderOptions = {}) {
  const result = await renderValidated(validateText(yaml, 'r.yaml'), options);
  expect(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  return { result, docx: await readDocx(result.docx!) };
}
const para = (docx: Awaited<ReturnType<typeof readDocx>>, text: string): string => {
  const found = docx.paragraphs.find((p) => p.text === text);
  if (!found) throw new Error(`no paragraph “${text}”`);
  return found.xml;
};
const CHAR = 8844 / 28;

describe('layout profile', () => {
  it('applies a local variant without code changes', async () => {
    const profile = loadProfile(path.join(ROOT, 'profiles', '示例省变体.yaml'));
    expect(profile.name).toBe('示例省公文版式');
    expect(profile.fonts.title.size.source).toContain('版式文件');
    expect(profile.fonts.body.size.source).toContain('§5.2.2');
    const { docx } = await render(`${MINIMAL}items_style: paragraphs\nmeasures:\n  groups:\n    - heading: 甲\n      groups:\n        - heading: 乙\n          paragraphs: 内容。\n`.replace(/measures:\n  groups:\n    - heading: 健全依法决策机制[\s\S]*?shortcomings:/, 'shortcomings:'), { profile });
    expect(attr(para(docx, '测试区人民政府关于'), 'w:sz', 'w:val')).toBe('36'); // 小二
    const h3 = para(docx, '1.乙');
    expect(attr(h3, 'w:rFonts', 'w:eastAsia')).toBe('楷体_GB2312');
    expect(h3).not.toContain('<w:b/>');
    expect(docx.footers.join('')).toContain('>- </w:t>');
  });

  it('rejects an unknown item or a wrong type in a profile with a Chinese message', () => {
    const dir = scratchDir();
    writeFileSync(path.join(dir, 'a.yaml'), 'fonts:\n  titel:\n    size: 18\n');
    expect(() => loadProfile(path.join(dir, 'a.yaml'), 'a.yaml')).toThrow('a.yaml:2:3 错误 版式文件：未知的键“titel”，是否应为“title”？');
    writeFileSync(path.join(dir, 'b.yaml'), 'fonts:\n  title:\n    size: 小二\n');
    expect(() => loadProfile(path.join(dir, 'b.yaml'), 'b.yaml')).toThrow('b.yaml:3:11 错误 版式文件：“size”（字号（磅））应为数字，现在是文字“小二”。');
    const r = fazhi(['render', path.join(ROOT, 'data/示例区/2023/report.yaml'), '--profile', path.join(dir, 'a.yaml'), '-o', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('版式文件：未知的键“titel”，是否应为“title”？');
  });
});

describe('署名 and 成文日期', () => {
  it('with seal: date 右空四字, each organ centred above it', async () => {
    const { docx } = await render(MINIMAL.replace('date: 2025-01-15', 'date: 2025-01-15\nseal: true'));
    const date = para(docx, '2025年1月15日');
    expect(attr(date, 'w:jc', 'w:val')).toBe('right');
    expect(Number(attr(date, 'w:ind', 'w:right')) / CHAR).toBeCloseTo(4, 1);
    const organ = para(docx, '测试区人民政府'); // 7 wide, above a date 6.5 wide
    const organRight = Number(attr(organ, 'w:ind', 'w:right')) / CHAR;
    expect(28 - organRight - 7 / 2).toBeCloseTo(28 - 4 - 6.5 / 2, 1);
  });

  it('without seal and a long 署名: 署名 右空二字, date two characters in', async () => {
    const { docx } = await render(MINIMAL.replace('  - 测试区人民政府\ndate', '  - 测试区人民政府办公室法治建设科\ndate'));
    const organ = para(docx, '测试区人民政府办公室法治建设科');
    expect(Number(attr(organ, 'w:ind', 'w:right')) / CHAR).toBeCloseTo(2, 1);
    const date = para(docx, '2025年1月15日');
    expect(attr(date, 'w:jc', 'w:val')).toBe('left');
    expect(Number(attr(date, 'w:ind', 'w:left')) / CHAR).toBeCloseTo(28 - 2 - 15 + 2, 1);
  });
});

describe('附件说明', () => {
  it('numbers several attachments and aligns wrapped lines after the colon', async () => {
    const { docx } = await render(`${MINIMAL}attachments:\n  - 主要指标\n  - 重点工作清单\n`);
    const first = para(docx, '附件：1.主要指标');
    const second = para(docx, '2.重点工作清单');
    // 左空二字 + “附件：” (3) + “1.” (1): names start 6 characters in; first lines hang back.
    expect(Number(attr(first, 'w:ind', 'w:left')) / CHAR).toBeCloseTo(6, 1);
    expect(Number(attr(first, 'w:ind', 'w:hanging')) / CHAR).toBeCloseTo(4, 1);
    expect(Number(attr(second, 'w:ind', 'w:hanging')) / CHAR).toBeCloseTo(1, 1);
  });
});

describe('characters missing from the GB2312 fonts', () => {
  it('sets 堃 in the GBK fallback font and extension-B characters in SimSun-ExtB', async () => {
    const { docx } = await render(MINIMAL.replace('  intro: 区政府主要负责人带头学法。', '  intro: 区长王堃、副区长李𠀾带头学法。'));
    const p = docx.paragraphs.find((x) => x.text === '区长王堃、副区长李𠀾带头学法。')!.xml;
    const runs = [...p.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map((m) => ({ font: attr(m[0], 'w:rFonts', 'w:eastAsia'), text: /<w:t[^>]*>([^<]*)</.exec(m[0])![1] }));
    expect(runs).toEqual([
      { font: '仿宋_GB2312', text: '区长王' },
      { font: '仿宋', text: '堃' },
      { font: '仿宋_GB2312', text: '、副区长李' },
      { font: 'SimSun-ExtB', text: '𠀾' },
      { font: '仿宋_GB2312', text: '带头学法。' },
    ]);
  });
});

describe('发文字号', () => {
  it('warns about [] and 第 and leading zeros, and writes 〔〕 in the document', async () => {
    const yaml = `${MINIMAL}doc_number: 测政[2025]第03号\n`;
    const diagnostics = validateText(yaml, 'r.yaml').diagnostics.map(formatDiagnostic);
    expect(diagnostics).toEqual([
      'r.yaml:25:13 警告 发文字号“测政[2025]第03号”应写作“测政〔2025〕3号”（年份用六角括号〔〕，不加“第”，序号不编虚位）；生成的文档中已按此改正。',
    ]);
    const { docx } = await render(yaml);
    expect(docx.paragraphs[0]!.text).toBe('测政〔2025〕3号');
  });
});

describe('版记 on an even page', () => {
  it('counts lines on the 28-character grid, with hanging punctuation and unbreakable numbers', () => {
    expect(countLines('一'.repeat(28), 28, 28)).toBe(1);
    expect(countLines('一'.repeat(29), 28, 28)).toBe(2);
    expect(countLines(`${'一'.repeat(28)}。`, 28, 28)).toBe(1); // 。 hangs
    expect(countLines(`${'一'.repeat(28)}”`, 28, 28)).toBe(2); // ” pulls the last character down
    expect(countLines(`${'一'.repeat(27)}12345`, 28, 28)).toBe(2); // the number moves as a whole
    expect(countLines('一'.repeat(26), 26, 28)).toBe(1);
  });

  it('counts lines as the rules define them, for any text (reference: the rules written with a regex)', () => {
    const HANGING = new Set([...'，。、']);
    const NO_LINE_START = new Set([...'）》”’」』】…—·：；？！']);
    const NO_LINE_END = new Set([...'（《“‘「『【']);
    const width = (piece: string) => [...piece].reduce((w, ch) => w + (/[\u0020-\u007e]/.test(ch) ? 0.5 : 1), 0);
    const reference = (text: string, first: number, rest: number): number => {
      if (text === '') return 1;
      let [lines, room, pending, previous] = [1, first, 0, 0];
      for (const piece of text.match(/[A-Za-z0-9.%+\-_/]+|[\s\S]/gu) ?? []) {
        const w = width(piece);
        if (NO_LINE_END.has(piece)) {
          pending += w;
          continue;
        }
        const need = w + pending;
        pending = 0;
        if (need <= room + 1e-9 || (HANGING.has(piece) && room > -1e-9)) {
          room -= need;
          previous = need;
          continue;
        }
        lines += 1;
        room = rest - need - (NO_LINE_START.has(piece) ? previous : 0);
        previous = need;
      }
      return lines;
    };
    // Short lines and many Latin pieces, so that runs often meet the line end.
    const char = fc.oneof(fc.constantFrom(...'a1.%-_/Z9+'), fc.constantFrom(...'一法，。、（）《》“”…—· 　'), fc.constantFrom('𠀾', '\ud800', '\t'));
    fc.assert(
      fc.property(fc.array(char, { maxLength: 80 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), (chars, first, rest) => {
        const text = chars.join('');
        expect(countLines(text, first, rest)).toBe(reference(text, first, rest));
      }),
      { numRuns: 1000 },
    );
  });

  it('moves the 版记 of a one-page report to the bottom of page 2', async () => {
    const yaml = `${MINIMAL}copy_to:\n  - 测试市司法局\nprinted_by: 测试区人民政府办公室\nprinted_date: 2025-01-16\n`;
    const { result, docx } = await render(yaml);
    const blocks = result.document!.blocks;
    expect(estimatePages(blocks.filter((b) => b.kind !== 'colophon'), GBT9704).lastPage).toBe(1);
    const beforeTable = docx.document.slice(0, docx.document.indexOf('<w:tbl>'));
    expect(beforeTable.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);
  });

  it('keeps the 版记 on the last page when that page is even and has room', async () => {
    const colophon = 'copy_to:\n  - 测试市司法局\nprinted_by: 测试区人民政府办公室\nprinted_date: 2025-01-16\n';
    // Add plans until the text ends early on page 2 (by the estimate the writer uses).
    let yaml = '';
    let found = false;
    for (let n = 1; n < 60 && !found; n++) {
      const items = Array.from({ length: n }, (_, i) => `    - 第${i + 1}项工作任务已经全面完成并取得预期成效。`).join('\n');
      yaml = `${MINIMAL.replace('plans:\n  items:\n    - 完善行政执法协调监督工作体系。', `plans:\n  items_style: paragraphs\n  items:\n${items}`)}${colophon}`;
      const blocks = (await renderValidated(validateText(yaml, 'r.yaml'))).document!.blocks.filter((b) => b.kind !== 'colophon');
      const { lastPage, linesOnLastPage } = estimatePages(blocks, GBT9704);
      found = lastPage === 2 && linesOnLastPage <= 10;
    }
    expect(found).toBe(true);
    const { docx } = await render(yaml);
    expect(docx.document).toContain('<w:tbl>');
    expect(docx.document).not.toContain('<w:pageBreakBefore/>');
  });
});

describe('html', () => {
  it('writes one self-contained page with semantic, numbered headings and literal text', async () => {
    const { result } = await render(MINIMAL.replace('  intro: 基层执法力量仍然不足。', "  intro: '基层<script>alert(1)</script>&执法力量仍然不足。'"));
    const html = writeHtml(result.document!, GBT9704);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<h1><span>测试区人民政府关于</span><span>2024年度法治政府建设情况的报告</span></h1>');
    expect(html).toContain('<h2>一、2024年推进法治政府建设的主要举措和成效</h2>');
    expect(html).toContain('<h3>（一）健全依法决策机制</h3>');
    expect(html).toContain('<p>基层&lt;script&gt;alert(1)&lt;/script&gt;&amp;执法力量仍然不足。</p>');
    expect(html).not.toContain('<script>');
    expect(html).toMatch(/@media print \{\s*@page \{ size: A4; margin: 37mm 26mm 35mm 28mm; \}/);
    expect(html).not.toMatch(/<link|src=/); // self-contained
  });

  it('is written beside the .docx by render --html', () => {
    const dir = scratchDir();
    const r = fazhi(['render', path.join(ROOT, 'data/示例区/2024/towns/示例街道办事处.yaml'), '--html', '-o', path.join(dir, '街道.docx')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('街道.html');
    const html = readFileSync(path.join(dir, '街道.html'), 'utf8');
    expect(html).toContain('<h2>一、');
  });
});

describe('pdf', () => {
  it('says in Chinese that LibreOffice is missing, and still writes the .docx', () => {
    const dir = scratchDir();
    const r = fazhi(['render', path.join(ROOT, 'data/示例区/2023/report.yaml'), '--pdf', '-o', path.join(dir, 'r.docx')], ROOT, {
      FAZHI_SOFFICE: path.join(dir, '没有这个程序'),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('生成 PDF 需要 LibreOffice，但没有找到');
    expect(existsSync(path.join(dir, 'r.docx'))).toBe(true);
    expect(existsSync(path.join(dir, 'r.pdf'))).toBe(false);
  });
});
