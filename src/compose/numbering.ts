// Heading numbers and the 一是/二是 sequence are computed here, never typed in data or
// templates (GB/T 9704 §7.3.3: 一、 → （一） → 1. → （1）).

import { chineseCounting } from '../data/chinese-numerals.js';
import type { HeadingLevel } from './model.js';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (1–99; other numbers in digits). */
export function chineseNumeral(n: number): string {
  return (n <= 99 && chineseCounting(n)) || String(n);
}

export function headingNumber(level: HeadingLevel, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

/** 一是, 二是, … 十一是. */
export function itemNumber(n: number): string {
  return `${chineseNumeral(n)}是`;
}
