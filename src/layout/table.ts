// Table geometry shared by the writer and the page estimate: column widths, and the height of
// each row once its cells wrap (4号 text in the profile's `table` section; GB/T 9704 sets none).

import type { TableBlock } from '../compose/model.js';
import { countLines } from './paginate.js';
import { mmToTwips, textAreaWidthMm, type LayoutProfile } from './profile.js';

/** Word's default cell margin, left and right (108 twips), which LibreOffice keeps too. */
const CELL_MARGIN_TWIPS = 108;

/** Column widths in twips, filling the 版心. */
export function tableColumnWidths(block: TableBlock, profile: LayoutProfile): number[] {
  const total = mmToTwips(textAreaWidthMm(profile));
  const count = block.columns.length;
  const weights = block.widths?.length === count ? block.widths : Array.from({ length: count }, () => 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((w / sum) * total));
}

/** Height of the header row and of each row, in points. */
export function tableRowHeights(block: TableBlock, profile: LayoutProfile): number[] {
  const t = profile.table;
  const size = t.cellFont.size.value;
  const line = size * t.cellLineRatio.value;
  const padding = (2 * t.cellPaddingTwips.value) / 20;
  const rule = t.ruleEighths.value / 8;
  const chars = tableColumnWidths(block, profile).map((w) => Math.max(1, Math.floor((w - 2 * CELL_MARGIN_TWIPS) / 20 / size)));
  const height = (cells: readonly string[]): number => {
    const lines = Math.max(1, ...cells.map((c, i) => countLines(c, chars[i] ?? 1, chars[i] ?? 1)));
    return lines * line + padding + rule;
  };
  return [height(block.columns), ...block.rows.map(height)];
}
