// The report data as the YAML files hold it after loading and schema validation.
// Key names are the public interface (issue #2): keep them stable.

export type Level = 'district' | 'department' | 'town';
export type ItemsStyle = 'inline' | 'paragraphs';

export interface Unit {
  name: string;
  short: string;
  party?: string;
}

/** An item rendered 一是……。 Either plain text or a lead phrase followed by text. */
export type Item = string | { lead?: string; text: string };

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
}

export const PART_KEYS = ['measures', 'shortcomings', 'duties', 'plans', 'other'] as const;
export type PartKey = (typeof PART_KEYS)[number];

export interface Metric {
  id: string;
  label: string;
  value: number;
  unit: string;
  note?: string;
}

/** Set by `fazhi import` on a report read from a published past report. */
export interface Imported {
  from: string;
  date?: string;
  /** The original's order of parts, when it differs from the template's. */
  part_order?: PartKey[];
}

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
  attachments?: string[];
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
  imported?: Imported;
}
