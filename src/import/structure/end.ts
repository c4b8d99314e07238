// What follows the report's text: closing, 附件, 署名, 成文日期, 抄送, 印发.

import type { CalendarDate } from '../../dates.js';
import { parseAnyDate } from '../clean.js';
import type { SourceLine } from '../read/index.js';
import { CLOSING, isOrgan } from './front.js';

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

const SIGNED_DATE = /^(.+?)\s*((?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*日)$/;

/**
 * The 署名 and the 成文日期 on one line (“示例镇人民政府　　2025年1月20日”, as web pages and PDFs
 * lay them side by side), or two organs on one: each on a line of its own.
 */
function separateSigned(lines: SourceLine[], reference?: CalendarDate): SourceLine[] {
  const out = [...lines];
  for (let i = out.length - 1; i >= Math.max(0, out.length - 6); i--) {
    const l = out[i]!;
    const m = SIGNED_DATE.exec(l.text);
    const dated = m && parseAnyDate(m[2]!, reference) ? m : undefined;
    const organs = (dated ? dated[1]! : l.text).trim().split(/\s+/).flatMap(partyFirst);
    if (!organs.every(isOrgan) || (!dated && organs.length < 2)) continue;
    out.splice(i, 1, ...organs.map((text) => ({ text, at: l.at })), ...(dated ? [{ text: dated[2]!.replace(/\s+/g, ''), at: l.at }] : []));
  }
  return out;
}

/** “中共示例区委员会示例区人民政府”: the party organ and the government signed as one run of text. */
function partyFirst(text: string): string[] {
  const m = /^((?:中共|中国共产党)[\u4e00-\u9fff]{1,20}?(?:委员会|党工委|党委|[区县市旗镇乡]委(?!员)))([\u4e00-\u9fff]{2,30}(?:人民政府|政府|办事处))$/.exec(text);
  return m ? [m[1]!, m[2]!] : [text];
}

/** Closing, attachments, 署名, 成文日期, 抄送, 印发 at the end (and what follows them). */
export function endMatter(original: SourceLine[], reference?: CalendarDate): { end: EndMatter; body: SourceLine[] } {
  const lines = separateSigned(original, reference);
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

