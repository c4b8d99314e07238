// Every text of a report that is printed as written: the parts (walk.ts) plus preamble and
// closing. Used by checks that read wording across the whole report.

import type { ReportData } from '../report-data.js';
import { allTexts, type TextVisit } from './walk.js';

export function reportTexts(data: ReportData): TextVisit[] {
  const out: TextVisit[] = [];
  const preamble = data.preamble;
  if (typeof preamble === 'string') out.push({ pointer: '/preamble', text: preamble, role: 'paragraph', part: 'preamble', level: 1 });
  else preamble?.forEach((text, i) => out.push({ pointer: `/preamble/${i}`, text, role: 'paragraph', part: 'preamble', level: 1 }));
  out.push(...allTexts(data));
  if (data.closing !== undefined) out.push({ pointer: '/closing', text: data.closing, role: 'paragraph', part: 'closing', level: 1 });
  return out;
}
