// Every text of a report that is printed as written: the parts (walk.ts) plus preamble and
// closing. Used by checks that read wording across the whole report.

import type { ReportData } from '../report-data.js';
import { allTexts, paragraphs, type TextVisit } from './walk.js';

export function reportTexts(data: ReportData): TextVisit[] {
  const out: TextVisit[] = [];
  paragraphs(data.preamble, '/preamble', 'preamble', 1, out);
  out.push(...allTexts(data));
  if (data.closing !== undefined) out.push({ pointer: '/closing', text: data.closing, role: 'paragraph', part: 'closing', level: 1 });
  return out;
}
