// 附表 (GB/T 9704 §7.3.7): on a new page, “附件”/“附表” in 3号黑体 flush left on the first line,
// the title centred in 2号小标宋 on the third, then the table. Cells are 4号仿宋, the size
// reports commonly use so that six columns fit the 156 mm 版心 (实务, not set by the standard).

import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableRow, VerticalAlign, WidthType } from 'docx';
import type { Block } from '../../compose/model.js';
import { mmToTwips, type LayoutProfile } from '../../layout/profile.js';
import { blankLine, lineSpacing, run } from './paragraphs.js';

type TableBlock = Extract<Block, { kind: 'table' }>;

/** Shares of the 版心 width: 序号, 指标 (the long labels), 单位, two years, 同比 (“提高1.5个百分点”). */
const COLUMN_SHARES = [0.08, 0.32, 0.08, 0.15, 0.15, 0.22];

function columnWidths(count: number, total: number): number[] {
  const shares = count === COLUMN_SHARES.length ? COLUMN_SHARES : Array.from({ length: count }, () => 1 / count);
  return shares.map((s) => Math.floor(s * total));
}

export function table(block: TableBlock, profile: LayoutProfile): (Paragraph | Table)[] {
  const p = profile.page;
  const width = mmToTwips(p.widthMm.value - p.marginLeftMm.value - p.marginRightMm.value);
  const widths = columnWidths(block.columns.length, width);
  const cellFont = { ...profile.fonts.body, size: profile.fonts.colophon.size };
  const cellSpacing = { line: Math.round(cellFont.size.value * 20 * 1.25), lineRule: LineRuleType.EXACT, before: 40, after: 40 };
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (text: string, i: number, header: boolean): TableCell =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      children: [
        new Paragraph({
          children: run(text, cellFont, profile, header ? { bold: true } : {}),
          // Names read left to right; numbers and short codes centre.
          alignment: i === 1 && !header ? AlignmentType.LEFT : AlignmentType.CENTER,
          spacing: cellSpacing,
        }),
      ],
    });
  return [
    new Paragraph({ children: run(block.label, profile.fonts.heading1, profile), spacing: lineSpacing(profile), pageBreakBefore: true }),
    blankLine(profile),
    new Paragraph({ children: run(block.title, profile.fonts.title, profile), alignment: AlignmentType.CENTER, spacing: lineSpacing(profile) }),
    blankLine(profile),
    new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: widths,
      borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
      rows: [
        new TableRow({ tableHeader: true, children: block.columns.map((c, i) => cell(c, i, true)) }),
        ...block.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
      ],
    }),
  ];
}
