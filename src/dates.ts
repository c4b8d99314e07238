// 成文日期 and 印发日期: accepted as 2025-01-20 or 2025年1月20日, written in the document as
// 2025年1月20日 (GB/T 9704 §7.3.5.2: Arabic numerals, full year, no zero padding).

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function parseDate(text: string): CalendarDate | undefined {
  const m = /^(\d{4})(?:-(\d{1,2})-(\d{1,2})|年(\d{1,2})月(\d{1,2})日)$/.exec(text.trim());
  if (!m) return undefined;
  return { year: Number(m[1]), month: Number(m[2] ?? m[4]), day: Number(m[3] ?? m[5]) };
}

export function isRealDate(d: CalendarDate): boolean {
  if (d.month < 1 || d.month > 12 || d.day < 1) return false;
  const daysInMonth = new Date(Date.UTC(d.year, d.month, 0)).getUTCDate();
  return d.day <= daysInMonth;
}

export function formatChineseDate(d: CalendarDate): string {
  return `${d.year}年${d.month}月${d.day}日`;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
