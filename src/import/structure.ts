// The shape of a report in its lines: title, 主送, preamble, numbered sections (一、（一）1.（1）),
// closing, 署名, 成文日期, 抄送, 印发. Numbers are accepted only in sequence (一、 then 二、), so a
// sentence that happens to start with “一、” or “2” inside a paragraph is not taken for a heading.

import type { CalendarDate } from '../dates.js';
import { parseAnyDate, type PageMeta } from './clean.js';
import type { SourceLine } from './extract.js';

export type NumberKind = 1 | 2 | 3 | 4;

export interface HeadingLine {
  kind: NumberKind;
  num: number;
  /** Heading text: the line without its number, up to the end of its first sentence. */
  text: string;
  /** Text on the same line after the heading's first sentence (a run-in heading). */
  rest?: string;
  at: number;
}

export interface Section {
  heading: HeadingLine;
  paragraphs: SourceLine[];
  children: Section[];
}

export interface Body {
  preamble: SourceLine[];
  sections: Section[];
}

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

export interface EndMatter {
  closing?: string;
  attachments: string[];
  signatories: string[];
  date?: CalendarDate;
  copyTo: string[];
  printedBy?: string;
  printedDate?: CalendarDate;
  /** Lines after the report that are none of these (kept, with a warning). */
  unrecognised: SourceLine[];
}

const CN_NUM = '[一二三四五六七八九十]{1,3}';
const CN_VALUES = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function cnValue(text: string): number {
  if (text === '十') return 10;
  const m = /^([一二三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(text);
  if (m) return (m[1] ? CN_VALUES.indexOf(m[1]) + 1 : 1) * 10 + (m[2] ? CN_VALUES.indexOf(m[2]) + 1 : 0);
  return CN_VALUES.indexOf(text) + 1;
}

const L1 = new RegExp(`^(${CN_NUM})\\s*[、.．，]\\s*(?!是)(.+)$`);
const L2 = new RegExp(`^[（(]\\s*(${CN_NUM})\\s*[）)]\\s*(.+)$`);
const L3 = /^(\d{1,2})\s*[.．、](?!\d)\s*(.+)$/;
// “2在区级…”: a number whose separator was lost in copying; only taken when it is the next in sequence.
const L3_BARE = /^(\d{1,2})(?![\d年月日个件项次名人万亿元%％号届期批场家户份条篇级类岁])(?=[\u4e00-\u9fff“《])(.+)$/;
const L4 = /^[（(]\s*(\d{1,2})\s*[）)]\s*(.+)$/;

const SENTENCE_END = /[。！？]/;

/** Split at the end of the first sentence (outside quotes and brackets). */
export function firstSentence(text: string): { sentence: string; rest: string } {
  let depth = 0;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if ('“‘《（【〔'.includes(c)) depth++;
    else if ('”’》）】〕'.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && SENTENCE_END.test(c)) {
      return { sentence: chars.slice(0, i + 1).join(''), rest: chars.slice(i + 1).join('').trim() };
    }
  }
  return { sentence: text, rest: '' };
}

function headingOf(kind: NumberKind, num: number, body: string, at: number): HeadingLine {
  const { sentence, rest } = firstSentence(body.trim());
  const text = sentence.replace(/[。！？]$/, '').trim();
  return { kind, num, text, ...(rest ? { rest } : {}), at };
}

/** The line as a numbered heading, if its number is the one expected at its level. */
export function asHeading(line: SourceLine, expected: Record<NumberKind, number>): HeadingLine | undefined {
  const t = line.text;
  let m = L1.exec(t);
  if (m && cnValue(m[1]!) === expected[1]) return headingOf(1, expected[1], m[2]!, line.at);
  m = L2.exec(t);
  if (m && cnValue(m[1]!) === expected[2]) return headingOf(2, expected[2], m[2]!, line.at);
  m = L4.exec(t);
  if (m && Number(m[1]) === expected[4]) return headingOf(4, expected[4], m[2]!, line.at);
  m = L3.exec(t) ?? L3_BARE.exec(t);
  if (m && Number(m[1]) === expected[3]) return headingOf(3, expected[3], m[2]!, line.at);
  return undefined;
}

const TITLE = /(法治政府|依法行政|法治建设|法制).*(报告|总结)|(报告|总结)$/;
const ORGAN = /^(中共|中国共产党)?[\u4e00-\u9fff（）()·]{2,40}(人民政府|委员会|区委|县委|市委|办事处|局|委|办公室|办公厅|厅|院|中心|党委|党组|政府|管委会|管理委员会|街道|镇|乡|所|部|处|署)$/;
const DOC_NUMBER = /^[\u4e00-\u9fff]{1,12}\s*[〔\[［(（]\s*(\d{4})\s*[〕\]］)）]\s*(\d{1,4})\s*号$/;
const CLOSING = /^(特此报告|以上报告|专此报告|现予报告|特此报告如上)[。.]?$/;

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
      if (!/(关于|人民政府|委员会|区委|县委|办事处|局|^中共)$/.test(above) && !/关于/.test(above)) break;
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
    if (!/[：:]$/.test(t) || t.length > 60 || /[。]/.test(t) || L1.test(t)) return false;
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

/** Closing, attachments, 署名, 成文日期, 抄送, 印发 at the end (and what follows them). */
export function endMatter(lines: SourceLine[], reference?: CalendarDate): { end: EndMatter; body: SourceLine[] } {
  const end: EndMatter = { attachments: [], signatories: [], copyTo: [], unrecognised: [] };
  const printed = (t: string) => /^(.*?)\s*([\d〇零○一二三四五六七八九十年月日 ]{5,})\s*印发$/.exec(t);
  const isEndLine = (t: string): boolean =>
    CLOSING.test(t) || isOrgan(t) || !!parseAnyDate(t, reference) || /^抄送[:：]/.test(t) || !!printed(t) || /^附件[:：]/.test(t) || /^附件\d*$/.test(t);
  // Where the report ends: the closing if there is one, else the run of end lines at the bottom.
  let cut = lines.findIndex((l) => CLOSING.test(l.text));
  if (cut < 0) {
    cut = lines.length;
    while (cut > 0 && isEndLine(lines[cut - 1]!.text)) cut--;
    // Past the last end line there may be unrecognised lines; look back over a few of them.
    if (cut === lines.length) {
      let lastEnd = -1;
      for (let i = lines.length - 1; i > lines.length - 12 && i >= 0; i--) {
        if (isEndLine(lines[i]!.text)) {
          lastEnd = i;
          break;
        }
      }
      if (lastEnd >= 0) {
        cut = lastEnd;
        while (cut > 0 && isEndLine(lines[cut - 1]!.text)) cut--;
      }
    }
  }
  let inAttachments = false;
  for (const l of lines.slice(cut)) {
    const t = l.text;
    const p = printed(t);
    const date = parseAnyDate(t, reference);
    if (CLOSING.test(t) && end.closing === undefined) end.closing = t;
    else if (/^附件[:：]/.test(t)) {
      inAttachments = true;
      const first = t.replace(/^附件[:：]\s*/, '').replace(/^\d+\s*[.．、]\s*/, '');
      if (first) end.attachments.push(first);
    } else if (inAttachments && /^\d+\s*[.．、]\s*\S/.test(t)) end.attachments.push(t.replace(/^\d+\s*[.．、]\s*/, ''));
    else if (/^抄送[:：]/.test(t)) {
      end.copyTo = t
        .replace(/^抄送[:：]\s*/, '')
        .replace(/[。.]$/, '')
        .split(/[，,、]/)
        .map((s) => s.trim())
        .filter(Boolean);
    } else if (p) {
      if (p[1]) end.printedBy = p[1].trim();
      const d = parseAnyDate(p[2]!.trim(), reference);
      if (d) end.printedDate = d;
    } else if (date && !end.date) {
      end.date = date;
      inAttachments = false;
    } else if (isOrgan(t) && !end.date) {
      end.signatories.push(t);
      inAttachments = false;
    } else end.unrecognised.push(l);
  }
  return { end, body: lines.slice(0, cut) };
}

const ENDS_SENTENCE = /[。！？；：”’）」』…]$/;

/** Paragraphs broken in copying (a line ending mid-sentence) are joined again. */
function joinBroken(lines: SourceLine[], expected: () => Record<NumberKind, number>): SourceLine[] {
  const out: SourceLine[] = [];
  for (const l of lines) {
    const prev = out.at(-1);
    if (prev && prev.text.length >= 40 && !ENDS_SENTENCE.test(prev.text) && !asHeading(l, expected()) && !L1.test(l.text)) {
      prev.text += l.text;
      continue;
    }
    out.push({ ...l });
  }
  return out;
}

/** Preamble and the tree of numbered sections. */
export function parseBody(lines: SourceLine[]): Body {
  const expected: Record<NumberKind, number> = { 1: 1, 2: 1, 3: 1, 4: 1 };
  const body: Body = { preamble: [], sections: [] };
  const stack: Section[] = [];
  const joined = joinBroken(lines, () => expected);
  for (const line of joined) {
    const h = asHeading(line, expected);
    // Sub-headings count only inside a section: before the first 一、 they are preamble text.
    if (h && (h.kind === 1 || body.sections.length > 0)) {
      expected[h.kind] = h.num + 1;
      for (let k = h.kind + 1; k <= 4; k++) expected[k as NumberKind] = 1;
      const section: Section = { heading: h, paragraphs: [], children: [] };
      while (stack.length > 0 && stack.at(-1)!.heading.kind >= h.kind) stack.pop();
      if (stack.length === 0) body.sections.push(section);
      else stack.at(-1)!.children.push(section);
      stack.push(section);
      continue;
    }
    const current = stack.at(-1);
    if (current) current.paragraphs.push(line);
    else body.preamble.push(line);
  }
  return body;
}


