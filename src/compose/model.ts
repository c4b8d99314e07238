// The document model between compose and the writers (after pandoc's AST): one typed list of
// 公文 blocks. Writers (docx, later html) consume only this.

export interface Run {
  text: string;
  /** Bold, as for level-3 run-in headings. */
  strong?: boolean;
}

export type HeadingLevel = 1 | 2 | 3 | 4;

// Blocks are read-only once composed: the layout step makes a new block for one it changes (紧排,
// keep-with-next), and the page estimate keeps each block's line counts by the block object
// (layout/paginate.ts), which a block changed in place would leave stale.
export type Block = Readonly<MutableBlock>;

type MutableBlock =
  | LetterheadBlock
  /** 发文字号 without a 版头: centred, or 居左空一字 in a 上行文 (GB/T 9704 §7.2.5). */
  | { kind: 'doc-number'; text: string; placement: 'centre' | 'left' }
  | { kind: 'title'; lines: readonly string[] }
  /** 主送机关 as printed, with its closing full-width colon. */
  | { kind: 'addressee'; text: string }
  /** `condensed`: set 紧排 (the profile's tightened character spacing), decided by the layout step. */
  | { kind: 'heading'; level: HeadingLevel; number: string; text: string; condensed?: boolean }
  /**
   * `keepWithNext`: kept whole on the page of what follows — the last paragraph before a 署名 that
   * 紧排 could not bring back (GB/T 9704 §7.3.5.4), decided by the layout step.
   */
  | { kind: 'paragraph'; runs: readonly Run[]; condensed?: boolean; keepWithNext?: boolean }
  /** 附件说明: the label (“附件：”) printed before the first item, then each item with its number (“1.”, or none for one). */
  | { kind: 'attachments'; label: string; items: readonly AttachmentItem[] }
  | { kind: 'signature'; organs: readonly string[]; date?: string; seal: boolean }
  /** 版记: 抄送 (“抄送：” and the list ending in “。”), 印发机关 and “…印发” as printed. */
  | { kind: 'colophon'; copyTo?: { label: string; text: string }; printedBy?: string; printedOn?: string }
  /**
   * The start of an attachment given as content (GB/T 9704 §8): a new page after the 署名 block,
   * “附件”/“附件N” top left, the title centred; its paragraphs and tables follow as blocks.
   */
  | { kind: 'attachment-start'; label: string; titleLines: readonly string[] }
  /** A table on its own page after the signature (附表/附件, GB/T 9704 §7.3.7): label, title, cells. */
  | TableBlock;

export interface AttachmentItem {
  /** “1.”, “2.”…, or empty when there is only one attachment. */
  number: string;
  text: string;
}

/** 版头 (GB/T 9704 §7.2), printed when the data gives the 发文机关标志. */
export interface LetterheadBlock {
  kind: 'letterhead';
  /** 份号, 密级和保密期限, 紧急程度, in that order, top left (§7.2.1–7.2.3). */
  marks: string[];
  /** 发文机关标志 (§7.2.4), e.g. 示例区人民政府文件; several lines for a joint document. */
  organs: string[];
  docNumber?: string;
  /** 签发人 (§7.2.6), in a 上行文 only; the 发文字号 then sits left on the last signers' line. */
  signers: string[];
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
   * content (汇总表, 任务分工表), placed under the document's own title block. `inline`: a table
   * inside an attachment given as content, after its paragraphs.
   */
  placement?: 'appendix' | 'body' | 'inline';
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
    case 'letterhead':
      return [...block.marks, ...block.organs, block.docNumber ?? '', ...(block.signers.length ? ['签发人：', ...block.signers] : [])].join('');
    case 'attachment-start':
      return block.label + block.titleLines.join('');
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
