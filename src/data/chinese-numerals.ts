// Chinese counting numerals (一 … 十 十一 … 九十九 一百 一百零一 …), one implementation for the
// heading numbers compose prints and the Word numbering formats import reads back.

/** Counting digits 零 … 九, as headings and Word's chineseCounting formats write them. */
export const COUNTING_DIGITS = '零一二三四五六七八九';
/** The units of 十, 百, 千 as ordinary text writes them. */
export const COUNTING_UNITS = ['十', '百', '千'] as const;

/**
 * n (1–9999) in counting numerals with the given digits (零一二… or the legal 零壹贰…) and units
 * (十百千 or 拾佰仟). `omitLeadingOne`: 10–19 as 十, 十一 … (ordinary text) rather than 一十 ….
 * Undefined outside 1–9999.
 */
export function chineseCounting(n: number, digits: string = COUNTING_DIGITS, units: readonly [string, string, string] = COUNTING_UNITS, omitLeadingOne = true): string | undefined {
  if (!Number.isInteger(n) || n <= 0 || n >= 10000) return undefined;
  const parts: string[] = [];
  const thousands = Math.floor(n / 1000);
  const hundreds = Math.floor(n / 100) % 10;
  const tens = Math.floor(n / 10) % 10;
  const ones = n % 10;
  const zero = digits[0]!;
  if (thousands) parts.push(digits[thousands]! + units[2]);
  if (hundreds) parts.push(digits[hundreds]! + units[1]);
  else if (thousands && (tens || ones)) parts.push(zero);
  if (tens) parts.push((tens === 1 && n < 20 && omitLeadingOne ? '' : digits[tens]!) + units[0]);
  else if (hundreds && ones) parts.push(zero);
  if (ones) parts.push(digits[ones]!);
  return parts.join('');
}
