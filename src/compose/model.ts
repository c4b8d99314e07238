// The document model between compose and the writers (after pandoc's AST): one typed list of
// 公文 blocks. Writers (docx, later html) consume only this.

export interface Run {
  text: string;
  /** Bold, as for level-3 run-in headings. */
  strong?: boolean;
}

export type HeadingLevel = 1 | 2 | 3 | 4;

export type Block =
  | { kind: 'doc-number'; text: string }
  | { kind: 'title'; lines: string[] }
  /** 主送机关 as printed, with its closing full-width colon. */
  | { kind: 'addressee'; text: string }
  | { kind: 'heading'; level: HeadingLevel; number: string; text: string }
  | { kind: 'paragraph'; runs: Run[] }
  /** 附件说明: the label (“附件：”) printed before the first item, then each item with its number (“1.”, or none for one). */
  | { kind: 'attachments'; label: string; items: AttachmentItem[] }
  | { kind: 'signature'; organs: string[]; date?: string; seal: boolean }
  /** 版记: 抄送 (“抄送：” and the list ending in “。”), 印发机关 and “…印发” as printed. */
  | { kind: 'colophon'; copyTo?: { label: string; text: string }; printedBy?: string; printedOn?: string }
  /** A table on its own page after the signature (附表/附件, GB/T 9704 §7.3.7): label, title, cells. */
  | TableBlock;

export interface AttachmentItem {
  /** “1.”, “2.”…, or empty when there is only one attachment. */
  number: string;
  text: string;
}

export interface TableBlock {
  kind: 'table';
  label: string;
  title: string;
  columns: string[];
  rows: string[][];
  /** Relative column widths, set by whoever builds the table (content decides which column is wide); default: equal shares. */
  widths?: number[];
  /** Columns of running text, set flush left; default: the second column (names, 指标). */
  leftColumns?: number[];
  /**
   * `appendix` (default): a new page with label and title. `body`: the table is the document's
   * content (汇总表, 任务分工表), placed under the document's own title block.
   */
  placement?: 'appendix' | 'body';
}

export interface ReportDocument {
  title: string;
  year: number;
  unitName: string;
  blocks: Block[];
}

/** The plain text of a block, as a reader of the document sees it (used by tests and html). */
export function blockText(block: Block): string {
  switch (block.kind) {
    case 'doc-number':
    case 'addressee':
      return block.text;
    case 'title':
      return block.lines.join('');
    case 'heading':
      return block.number + block.text;
    case 'paragraph':
      return block.runs.map((r) => r.text).join('');
    case 'attachments':
      return block.label + block.items.map((i) => i.number + i.text).join('');
    case 'signature':
      return [...block.organs, block.date ?? ''].join('');
    case 'colophon':
      return [block.copyTo ? block.copyTo.label + block.copyTo.text : '', block.printedBy, block.printedOn].filter(Boolean).join('');
    case 'table':
      return [block.label, block.title, ...block.columns, ...block.rows.flat()].join('');
  }
}
