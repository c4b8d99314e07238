// What stands before the preamble: title (over one or more lines), 发文字号, 主送, a covering letter.

import type { CalendarDate } from '../../dates.js';
import { parseAnyDate, type PageMeta } from '../clean.js';
import type { SourceLine } from '../read/index.js';
import { cnValue, L1, L2 } from './numbering.js';

export interface FrontMatter {
  title?: string;
  titleLines?: string[];
  docNumber?: string;
  recipients?: string[];
  /** Paragraphs of a covering letter (呈报函) printed before the report itself. */
  cover: SourceLine[];
  coverSignatories: string[];
  coverDate?: CalendarDate;
  date?: CalendarDate;
  /** Lines before the title that are not the report (site name, menus): dropped. */
  skipped: SourceLine[];
}

// Traditional forms too (報告, 總結, 建設): a Big5 original is read as written.
export const TITLE = /(法治政府|依法行政|法治[建设設]|法制).*([报報]告|[总總][结結])|([报報]告|[总總][结結])$/;
export const ORGAN = /^(中共|中国共产党)?[\u4e00-\u9fff（）()·]{2,40}(人民政府|委员会|区委|县委|市委|办事处|局|委|办公室|办公厅|厅|院|中心|党委|党组|政府|管委会|管理委员会|街道|镇|乡|所|部|处|署)$/;
const DOC_NUMBER = /^[\u4e00-\u9fff]{1,12}\s*[〔\[［(（]\s*(\d{4})\s*[〕\]］)）]\s*(\d{1,4})\s*号$/;
export const CLOSING = /^(特此报告|以上报告|专此报告|现予报告|特此报告如上)[。.]?$/;

export function isOrgan(text: string): boolean {
  return text.length <= 40 && ORGAN.test(text) && !/[，。；：、]/.test(text);
}

export function normalizeDocNumber(text: string): string | undefined {
  const m = DOC_NUMBER.exec(text.replace(/\s+/g, ''));
  if (!m) return undefined;
  return text.replace(/\s+/g, '').replace(/[\[［(（]\s*(\d{4})\s*[\]］)）]/, '〔$1〕');
}

function isTitleLine(text: string): boolean {
  return text.length <= 90 && TITLE.test(text) && !/[。：:！？]$/.test(text) && !L1.test(text) && !L2.test(text);
}

/** Title and what stands before the preamble: 发文字号, 主送, a covering letter. */
export function frontMatter(lines: SourceLine[], meta: PageMeta): { front: FrontMatter; rest: SourceLine[] } {
  const front: FrontMatter = { cover: [], coverSignatories: [], skipped: [] };
  const firstHeading = lines.findIndex((l) => L1.test(l.text) && cnValue(L1.exec(l.text)![1]!) === 1);
  const limit = firstHeading < 0 ? Math.min(lines.length, 12) : firstHeading;
  let titleAt = lines.slice(0, limit).findIndex((l) => isTitleLine(l.text));
  const titleEnd = titleAt;
  if (titleAt >= 0) {
    // A title broken over lines (Word: “…人民政府关于” / “2024年度…报告”): join the short lines above it.
    while (titleAt > 0) {
      const above = lines[titleAt - 1]!.text;
      if (above.length > 30 || /[。，；：:！？]$/.test(above) || normalizeDocNumber(above) || parseAnyDate(above)) break;
      // “示例县市场监督管理局2024年度法治政府建设” / “工作报告”: the year or the subject says it is the title's start.
      if (!/(关于|人民政府|委员会|区委|县委|办事处|局|\d{4}年度?|^中共)$/.test(above) && !/关于|\d{4}年|法治|依法行政/.test(above)) break;
      titleAt--;
    }
    front.titleLines = lines.slice(titleAt, titleEnd + 1).map((l) => l.text);
    front.title = front.titleLines.join('');
  }
  let start = titleAt >= 0 ? titleEnd + 1 : 0;
  for (const l of lines.slice(0, Math.max(titleAt, 0))) {
    const dn = normalizeDocNumber(l.text);
    if (dn) front.docNumber = dn;
    else front.skipped.push(l);
  }
  if (titleAt < 0) {
    // No title: what precedes the 主送 or the first real sentence is page furniture, unless it is a 文号.
    const first = lines.findIndex((l) => (/[：:]$/.test(l.text) && l.text.length <= 60) || (/[。：:]/.test(l.text) && l.text.length >= 20) || L1.test(l.text));
    start = first < 0 ? 0 : first;
    for (const l of lines.slice(0, start)) {
      const dn = normalizeDocNumber(l.text);
      if (dn) front.docNumber = dn;
      else front.skipped.push(l);
    }
  }
  const takeRecipients = (at: number): boolean => {
    const t = lines[at]?.text ?? '';
    // “……，现将有关情况报告如下：” ends with a colon too, but is the preamble's sentence.
    if (!/[：:]$/.test(t) || t.length > 60 || /[。]/.test(t) || /如下[：:]$|现将|报告/.test(t) || L1.test(t)) return false;
    front.recipients = t
      .replace(/[：:]$/, '')
      .split(/[、，,]/)
      .map((s) => s.trim())
      .filter(Boolean);
    return true;
  };
  const dateLine = (at: number): CalendarDate | undefined => {
    const t = lines[at]?.text ?? '';
    return /^[（(].*[）)]$/.test(t) ? parseAnyDate(t, meta.published) : undefined;
  };
  const d = dateLine(start);
  if (d) {
    front.date = d;
    start++;
  }
  if (takeRecipients(start)) start++;
  // A covering letter: the title again further down, with 署名 and date before it.
  if (front.title) {
    const again = lines.findIndex((l, i) => i >= start && i < (firstHeading < 0 ? lines.length : firstHeading) && l.text === front.title);
    if (again > start) {
      for (const l of lines.slice(start, again)) {
        const date = parseAnyDate(l.text, meta.published);
        if (date) front.coverDate = date;
        else if (isOrgan(l.text)) front.coverSignatories.push(l.text);
        else front.cover.push(l);
      }
      start = again + 1;
      if (takeRecipients(start)) start++;
    }
  }
  return { front, rest: lines.slice(start) };
}

