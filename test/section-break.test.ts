// The paragraph that ends the numbered section after a closing table (GB/T 9704 §7.5: the blank
// page and the 版记 page carry no page number) must fit in what the lines leave of the 版心, or
// it pushes an extra page. GB/T 9704 leaves 18 twips; a template's line pitch can leave less.
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { colophonBreaks } from '../src/layout/paginate.js';
import { GBT9704, sectionBreakLineTwips, textAreaLeftoverTwips, type LayoutProfile } from '../src/layout/profile.js';
import { applyTemplate, templateValues } from '../src/layout/reference-doc.js';
import { renderValidated, validateText } from '../src/pipeline.js';
import { wordTemplate } from './helpers/word-template.js';

/** The layout a Word template gives whose 正文 is set at an exact line spacing of `twips`. */
function templateProfile(twips: number): LayoutProfile {
  const bytes = wordTemplate({
    styles: `<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:pPr><w:spacing w:line="${twips}" w:lineRule="exact"/></w:pPr><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:style>`,
  });
  const parts = new Map(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, new TextDecoder().decode(data)]));
  return applyTemplate(GBT9704, GBT9704, templateValues(parts), '模板.docx').profile;
}

function withGrid(lines: number, pitch: number): LayoutProfile {
  const p = structuredClone(GBT9704);
  p.grid.linesPerPage = { ...p.grid.linesPerPage, value: lines };
  p.grid.linePitchTwips = { ...p.grid.linePitchTwips, value: pitch };
  return p;
}

describe('the height of the section-break paragraph', () => {
  it('is the standard 10 twips in the 18 twips GB/T 9704 leaves below line 22', () => {
    expect(textAreaLeftoverTwips(GBT9704)).toBe(18);
    expect(sectionBreakLineTwips(GBT9704)).toBe(10);
  });

  it('shrinks to what a template’s line pitch leaves: 21 lines of 607 twips leave 9', () => {
    const profile = templateProfile(607);
    expect(profile.grid.linePitchTwips.value).toBe(607);
    expect(profile.grid.linesPerPage.value).toBe(21);
    expect(textAreaLeftoverTwips(profile)).toBe(9);
    expect(sectionBreakLineTwips(profile)).toBe(7);
  });

  it.each([
    [22, 579, 10],
    [21, 600, 10], // 12756 − 12600 = 156 left: the profile's 10 is enough
    [21, 607, 7],
    [20, 620, 10],
    [12, 1063, 1], // the lines fill the 版心 to the twip: the least height there is
  ])('%i lines of %d twips → %i twips', (lines, pitch, expected) => {
    expect(sectionBreakLineTwips(withGrid(lines, pitch))).toBe(expected);
  });

  it('is what the writer prints after a closing table with such a template', async () => {
    const profile = templateProfile(607);
    // A text that ends in an appendix table (附表 of the metrics): nothing follows the table, so
    // the section ends in a paragraph of its own.
    const rows = (n: number) =>
      `level: district\nyear: 2024\nunit:\n  name: 测试区人民政府\n  short: 测试区\nrecipients:\n  - 测试市人民政府\n` +
      `measures:\n  groups:\n    - heading: 健全依法决策机制\n      items:\n        - 全年审议重大行政决策事项5项。\n` +
      `shortcomings:\n  intro: 基层执法力量仍然不足。\nduties:\n  intro: 区政府主要负责人带头学法。\nplans:\n  items:\n    - 完善行政执法协调监督工作体系。\n` +
      `signatories:\n  - 测试区人民政府\ndate: 2025-01-15\ncopy_to: [测试市委依法治市办]\nprinted_by: 测试区人民政府办公室\nprinted_date: 2025-01-16\n` +
      `metrics_table: 测试区2024年法治政府建设主要指标\nmetrics:\n` +
      Array.from({ length: n }, (_, i) => `  - id: metric_${i + 1}\n    label: 指标${i + 1}\n    value: ${i + 1}\n    unit: 件\n`).join('');
    let documentXml = '';
    for (let n = 1; n < 80 && !documentXml; n++) {
      const result = await renderValidated(validateText(rows(n), 'r.yaml'), { profile });
      const blocks = result.document!.blocks;
      const colophon = blocks.find((b) => b.kind === 'colophon')!;
      if (colophonBreaks(blocks, colophon, profile).unnumbered && blocks[blocks.indexOf(colophon) - 1]!.kind === 'table') {
        documentXml = new TextDecoder().decode(unzipSync(result.docx!)['word/document.xml']!);
      }
    }
    expect(documentXml, 'no row count ends the text in a table before an unnumbered 版记').not.toBe('');
    // The paragraph that carries the numbered section's properties, right after the table.
    const breakParagraph = /<\/w:tbl>(<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:sectPr[\s\S]*?<\/w:p>)/.exec(documentXml)?.[1] ?? '';
    expect(breakParagraph).toContain('<w:sectPr>');
    expect(/<w:spacing\b[^>]*\bw:line="(\d+)"[^>]*w:lineRule="exact"/.exec(breakParagraph)?.[1]).toBe('7');
  }, 60_000);
});
