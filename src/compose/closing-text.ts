// The fixed words GB/T 9704 puts around the user's text — the colon after 主送机关, “附件：” and
// the numbers of several attachments (§7.3.4), “抄送：…。” and “…印发” (§7.4.2) — added here,
// once, so that every writer (docx, html) and the page estimate print the same strings.

import { formatChineseDate, type CalendarDate } from '../dates.js';
import type { Block } from './model.js';

/** 主送机关 ends with a full-width colon (a half-width one typed by the user becomes full-width). */
export function addresseeBlock(text: string): Extract<Block, { kind: 'addressee' }> {
  return { kind: 'addressee', text: /[：:]$/.test(text) ? text.replace(/:$/, '：') : `${text}：` };
}

/** “附件：” before the first name; several attachments are numbered “1.” “2.”… (§7.3.4). */
export function attachmentsBlock(items: string[]): Extract<Block, { kind: 'attachments' }> {
  const numbered = items.length > 1;
  return { kind: 'attachments', label: '附件：', items: items.map((text, i) => ({ number: numbered ? `${i + 1}.` : '', text })) };
}

/** 抄送机关 separated by “，” and closed by “。”; the 印发日期 followed by “印发” (§7.4.2). */
export function colophonBlock(copyTo: string[], printedBy: string | undefined, printed: CalendarDate | undefined): Extract<Block, { kind: 'colophon' }> | undefined {
  const list = copyTo.filter((c) => c !== '').join('，');
  if (!list && !printedBy && !printed) return undefined;
  return {
    kind: 'colophon',
    ...(list ? { copyTo: { label: '抄送：', text: `${list.replace(/[。．.]$/, '')}。` } } : {}),
    ...(printedBy ? { printedBy } : {}),
    ...(printed ? { printedOn: `${formatChineseDate(printed)}印发` } : {}),
  };
}
