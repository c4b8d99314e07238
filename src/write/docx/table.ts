// Tables. As an appendix (附表, GB/T 9704 §7.3.7): on a new page, “附件”/“附表” in 3号黑体 flush
// left on the first line, the title centred in 2号小标宋 on the third, then the table. As a
// document's body (汇总表, 任务分工表): the table alone, under the document's title block. The
// header row repeats on every page; a row never splits across pages. Cell font, rules and
// spacing come from the profile's `table` section (the standard sets none).

import type { TableBlock } from '../../compose/model.js';
import { textAreaWidthMm, type LayoutProfile } from '../../layout/profile.js';
import { mmToTwips, ptToTwips } from '../../layout/units.js';
import { tableColumnWidths } from '../../layout/table.js';
import { blankLine, gridLine, runs } from './paragraphs.js';
import { borders, paragraph, tableCell, tableGrid, tableProps, tableRow, type Border } from './xml.js';

/**
 * The table's XML piece by piece, a row at a time: a batch's 汇总表 of 5,000 units is 13 million
 * characters of XML, which writeDocx deflates as it is printed instead of holding it whole.
 */
export function* tableParts(block: TableBlock, profile: LayoutProfile): Generator<string> {
  const t = profile.table;
  const width = mmToTwips(textAreaWidthMm(profile));
  const widths = tableColumnWidths(block, profile);
  const left = new Set(block.leftColumns ?? [1]);
  const cellFont = t.cellFont;
  const spacing = { line: Math.round(ptToTwips(cellFont.size.value) * t.cellLineRatio.value), before: t.cellPaddingTwips.value, after: t.cellPaddingTwips.value };
  const line: Border = { eighths: t.ruleEighths.value };
  const cell = (text: string, i: number, header: boolean): string =>
    tableCell(
      { width: widths[i]!, verticalCenter: true },
      // Names and tasks read left to right; numbers and short codes centre.
      paragraph({ spacing, alignment: left.has(i) && !header ? 'left' : 'center' }, runs(text, cellFont, profile, header || undefined)),
    );
  if (block.placement === 'inline') yield blankLine(profile);
  else if (block.placement !== 'body') {
    yield gridLine(block.label, profile.attachments.labelFont, profile, { pageBreakBefore: true }) +
      blankLine(profile) +
      gridLine(block.title, profile.fonts.title, profile, { alignment: 'center' }) +
      blankLine(profile);
  }
  yield `<w:tbl>${tableProps({
    width,
    borders: borders('w:tblBorders', { top: line, left: line, bottom: line, right: line, insideH: line, insideV: line }),
  })}${tableGrid(widths)}${tableRow({ header: true }, block.columns.map((c, i) => cell(c, i, true)).join(''))}`;
  for (const r of block.rows) yield tableRow({ cantSplit: true }, r.map((c, i) => cell(c, i, false)).join(''));
  yield '</w:tbl>';
  // A paragraph after the table keeps Word from merging it with whatever follows (as the body or
  // inline; an appendix table is followed by nothing of the attachment's).
  if (block.placement === 'body' || block.placement === 'inline') yield '<w:p/>';
}
