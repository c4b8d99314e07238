// The report data as the YAML files hold it after loading and schema validation.
// Key names are the public interface (issue #2): keep them stable.

export const LEVELS = ['district', 'department', 'town'] as const;
export type Level = (typeof LEVELS)[number];

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}
export type ItemsStyle = 'inline' | 'paragraphs';

export interface Unit {
  name: string;
  short: string;
  party?: string;
}

/** One unit name, several separated by 、, or a list (牵头单位, 配合单位). */
export type UnitNames = string | string[];

/** An item rendered 一是……。 Either plain text or a lead phrase followed by text. */
export type Item =
  | string
  | {
      lead?: string;
      text: string;
      /** Responsibility breakdown of a plans item (not printed in the report; see `fazhi tasks`). */
      lead_unit?: UnitNames;
      support_units?: UnitNames;
      deadline?: string;
    };

/** Text that is one paragraph or several (a list, or a string with blank lines between). */
export type Paragraphs = string | string[];

export interface Group {
  heading: string;
  paragraphs?: Paragraphs;
  items_style?: ItemsStyle;
  items?: Item[];
  groups?: Group[];
  /** 1. and （1） headings run into their first paragraph: “1.强化内部管理。继续实施……”. */
  run_in?: boolean;
}

export interface Part {
  heading?: string;
  intro?: Paragraphs;
  items_style?: ItemsStyle;
  items?: Item[];
  groups?: Group[];
  /** Paragraphs after the part's items and groups (a past report's “产生这些问题的原因……” after its numbered shortcomings). */
  ending?: Paragraphs;
  /** Suggestions at the part's end, numbered 一是 again (a past report's “针对以上问题，提出如下建议：”). */
  suggestions?: Suggestions;
}

export interface Suggestions {
  intro?: Paragraphs;
  items_style?: ItemsStyle;
  items?: Item[];
}

/** A unit's full name and short name as `init` derives them: 示例区 → 示例区人民政府 and 示例区. */
export function unitNames(level: Level, unit: string): { name: string; short: string } {
  if (level === 'district') {
    if (unit.endsWith('人民政府')) return { name: unit, short: unit.slice(0, -'人民政府'.length) };
    return { name: `${unit}人民政府`, short: unit };
  }
  return { name: unit, short: unit };
}

export const PART_KEYS = ['measures', 'shortcomings', 'duties', 'plans', 'other'] as const;
export type PartKey = (typeof PART_KEYS)[number];

/** What each part is called in messages (as the schema's titles call it). */
export const PART_NAMES: Record<PartKey, string> = {
  measures: '主要举措和成效',
  shortcomings: '存在的不足和原因',
  duties: '第一责任人职责情况',
  plans: '下一年度主要安排',
  other: '其他需要报告的情况',
};

export const ROLLUP_METHODS = ['sum', 'avg', 'max', 'min', 'count'] as const;
export type RollupMethod = (typeof ROLLUP_METHODS)[number];

export interface Metric {
  id: string;
  label: string;
  /**
   * A rolled-up metric (`rollup`) has no value in the file: src/rollup fills it in from the
   * sub-reports right after the check, so every report leaving the pipeline has one.
   */
  value: number;
  unit: string;
  note?: string;
  rollup?: RollupMethod;
  rollup_from?: 'departments' | 'towns';
}

/** The per-unit appendix of rolled-up figures. */
export interface RollupTable {
  title: string;
  metrics?: string[];
}

/** Set by `fazhi import` on a report read from a published past report. */
export interface Imported {
  from: string;
  date?: string;
  /** The original's order of parts, when it differs from the template's. */
  part_order?: PartKey[];
  /** What the original does not have and the document must not add: its closing, its 署名. */
  absent?: ('closing' | 'signatories')[];
}

/** 版头 (GB/T 9704 §7.2): printed when given. */
export interface Letterhead {
  /** 发文机关标志, e.g. 示例区人民政府文件; a list for a joint document (one organ a line). */
  organ: string | string[];
  /** 份号 (§7.2.1), e.g. 000001. */
  copy_number?: string;
  /** 密级和保密期限 (§7.2.2), e.g. 秘密★1年. */
  secrecy?: string;
  /** 紧急程度 (§7.2.3): 特急 or 加急. */
  urgency?: string;
}

/** A table inside an attachment given as content. */
export interface AttachmentTable {
  columns: string[];
  rows: (string | number)[][];
}

/** An attachment given as content: printed after the 署名 block on a page of its own (§8). */
export interface AttachmentContent {
  title: string;
  paragraphs?: Paragraphs;
  tables?: AttachmentTable[];
}

/** An attachment named in 附件说明: its name alone (generated or sent separately), or its content. */
export type Attachment = string | AttachmentContent;

/** The name of an attachment as 附件说明 lists it. */
export const attachmentTitle = (a: Attachment): string => (typeof a === 'string' ? a : a.title);

export interface ReportData {
  level: Level;
  year: number;
  unit: Unit;
  title?: string;
  title_lines?: string[];
  doc_number?: string;
  recipients?: string[];
  preamble?: Paragraphs;
  closing?: string;
  signatories?: string[];
  date?: string;
  seal?: boolean;
  attachments?: Attachment[];
  letterhead?: Letterhead;
  /** 签发人 (§7.2.6) of a 上行文 printed with a 版头. */
  signers?: string[];
  copy_to?: string[];
  printed_by?: string;
  printed_date?: string;
  items_style?: ItemsStyle;
  measures?: Part;
  shortcomings?: Part;
  duties?: Part;
  plans?: Part;
  other?: Part;
  metrics?: Metric[];
  /** Title of the appendix table of figures against last year's (附表); absent: no table. */
  metrics_table?: string;
  rollup_table?: RollupTable;
  imported?: Imported;
}
