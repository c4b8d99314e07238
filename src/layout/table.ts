// Table geometry shared by the writer and the page estimate: column widths (4号 text in the
// profile's `table` section; GB/T 9704 sets none). Row heights are estimated in paginate.ts.

import type { TableBlock } from '../compose/model.js';
import { mmToTwips, textAreaWidthMm, type LayoutProfile } from './profile.js';

/** Word's default cell margin, left and right (108 twips), which LibreOffice keeps too. */
export const CELL_MARGIN_TWIPS = 108;

/** Column widths in twips, filling the 版心. */
export function tableColumnWidths(block: TableBlock, profile: LayoutProfile): number[] {
  const total = mmToTwips(textAreaWidthMm(profile));
  const count = block.columns.length;
  const weights = block.widths?.length === count ? block.widths : Array.from({ length: count }, () => 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((w / sum) * total));
}
