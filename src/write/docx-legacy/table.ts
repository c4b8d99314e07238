// Tables. As an appendix (附表, GB/T 9704 §7.3.7): on a new page, “附件”/“附表” in 3号黑体 flush
// left on the first line, the title centred in 2号小标宋 on the third, then the table. As a
// document's body (汇总表, 任务分工表): the table alone, under the document's title block. The
// header row repeats on every page; a row never splits across pages. Cell font, rules and
// spacing come from the profile's `table` section (the standard sets none).

import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableRow, VerticalAlign, WidthType } from 'docx';
import type { TableBlock } from '../../compose/model.js';
import { mmToTwips, textAreaWidthMm, type LayoutProfile } from '../../layout/profile.js';
import { blankLine, gridLine, run } from './paragraphs.js';
import { tableColumnWidths } from '../../layout/table.js';

export function table(block: TableBlock, profile: LayoutProfile): (Paragraph | Table)[] {
  const t = profile.table;
  const width = mmToTwips(textAreaWidthMm(profile));
  const widths = tableColumnWidths(block, profile);
  const left = new Set(block.leftColumns ?? [1]);
  const cellFont = t.cellFont;
  const cellSpacing = {
    line: Math.round(cellFont.size.value * 20 * t.cellLineRatio.value),
    lineRule: LineRuleType.EXACT,
    before: t.cellPaddingTwips.value,
    after: t.cellPaddingTwips.value,
  };
  const line = { style: BorderStyle.SINGLE, size: t.ruleEighths.value, color: '000000' };
  const cell = (text: string, i: number, header: boolean): TableCell =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      children: [
        new Paragraph({
          children: run(text, cellFont, profile, header ? { bold: true } : {}),
          // Names and tasks read left to right; numbers and short codes centre.
          alignment: left.has(i) && !header ? AlignmentType.LEFT : AlignmentType.CENTER,
          spacing: cellSpacing,
        }),
      ],
    });
  const grid = new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      new TableRow({ tableHeader: true, children: block.columns.map((c, i) => cell(c, i, true)) }),
      ...block.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
  // A paragraph after the table keeps Word from merging it with whatever follows.
  if (block.placement === 'body') return [grid, new Paragraph({ children: [] })];
  // Inside an attachment given as content: after its paragraphs, one blank line above.
  if (block.placement === 'inline') return [blankLine(profile), grid, new Paragraph({ children: [] })];
  return [
    gridLine(block.label, profile.attachments.labelFont, profile, { pageBreakBefore: true }),
    blankLine(profile),
    gridLine(block.title, profile.fonts.title, profile, { alignment: AlignmentType.CENTER }),
    blankLine(profile),
    grid,
  ];
}
