// Years in next year's draft: the text's year advanced, and where the new file goes.

import { shiftYearPath } from '../data/folders.js';

/** 2024年 → 2025年, not inside a range such as 2021—2025年. */
export function advanceYear(text: string, from: number, to: number): string {
  return text.replace(new RegExp(`(?<![\\d—–\\-~～至])${from}(?=年)`, 'g'), String(to));
}

/** Next year's file by the folder layout of data/: …/2024/… → …/2025/…. */
export function nextYearPath(file: string, year: number): string | undefined {
  return shiftYearPath(file, year, 1);
}
