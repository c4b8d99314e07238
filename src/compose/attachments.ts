// Attachments (GB/T 9704 §7.3.4, §8): every attachment named in 附件说明 either follows the 署名
// block on a page of its own — a generated table (主要指标, 汇总表) or content given in the data —
// or is flagged by validate as sent separately (check/rules/attachment-present.ts).

import { attachmentTitle, type Attachment, type ReportData } from '../data/report.js';
import type { Block, TableBlock } from './model.js';
import { normalizeParagraph, paragraphList } from '../data/text.js';
import { breakTitle } from './title-lines.js';

/** 附件 when there is one attachment, 附件N for the N-th of several (§7.3.4, §8). */
export function attachmentLabel(list: readonly Attachment[], index: number): string {
  return list.length > 1 ? `附件${index + 1}` : '附件';
}

function contentBlocks(attachment: Exclude<Attachment, string>, label: string, titleWidth: number): Block[] {
  const title = normalizeParagraph(attachment.title);
  const tables: TableBlock[] = (attachment.tables ?? []).map((t) => ({
    kind: 'table',
    label,
    title,
    columns: t.columns.map(normalizeParagraph),
    rows: t.rows.map((row) => row.map((cell) => normalizeParagraph(String(cell)))),
    placement: 'inline',
  }));
  return [
    { kind: 'attachment-start', label, titleLines: breakTitle(title, titleWidth) },
    ...paragraphList(attachment.paragraphs).map((text): Block => ({ kind: 'paragraph', runs: [{ text }] })),
    ...tables,
  ];
}

/**
 * The pages after the 署名 block, in the order of 附件说明: content given in the data, and the
 * generated tables named there; generated tables not named (附表) follow.
 */
export function attachmentBlocks(data: ReportData, tables: readonly TableBlock[], titleWidth: number): Block[] {
  const list = data.attachments ?? [];
  const used = new Set<TableBlock>();
  const out: Block[] = [];
  list.forEach((attachment, i) => {
    if (typeof attachment !== 'string') {
      out.push(...contentBlocks(attachment, attachmentLabel(list, i), titleWidth));
      return;
    }
    const table = tables.find((t) => !used.has(t) && t.title === attachmentTitle(attachment).trim());
    if (table) {
      used.add(table);
      out.push(table);
    }
  });
  return [...out, ...tables.filter((t) => !used.has(t))];
}
