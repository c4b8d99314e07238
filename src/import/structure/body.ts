// The body: preamble and the tree of numbered sections.

import type { SourceLine } from '../read/index.js';
import { asHeading, L1, L2, type HeadingLine, type NumberKind } from './numbering.js';

export interface Section {
  heading: HeadingLine;
  paragraphs: SourceLine[];
  children: Section[];
}

export interface Body {
  preamble: SourceLine[];
  sections: Section[];
}

const ENDS_SENTENCE = /[。！？；：”’）」』…]$/;

/** Paragraphs broken in copying (a line ending mid-sentence) are joined again. */
function joinBroken(lines: SourceLine[], expected: () => Record<NumberKind, number>): SourceLine[] {
  const out: SourceLine[] = [];
  for (const l of lines) {
    const prev = out.at(-1);
    // A heading (一、 （一）) ends its line even without a full stop.
    if (prev && prev.text.length >= 40 && !ENDS_SENTENCE.test(prev.text) && !L1.test(prev.text) && !L2.test(prev.text) && !asHeading(l, expected()) && !L1.test(l.text)) {
      prev.text += l.text;
      continue;
    }
    out.push({ ...l });
  }
  return out;
}

/**
 * Preamble and the tree of numbered sections. `flat`: a report written as a flat list (1.…2.…,
 * no 一、 at all), whose 1. are its sections and （1） their sub-headings.
 */
function parseWith(lines: SourceLine[], flat: boolean): Body {
  const expected: Record<NumberKind, number> = { 1: 1, 2: 1, 3: 1, 4: 1 };
  const body: Body = { preamble: [], sections: [] };
  const stack: Section[] = [];
  const joined = joinBroken(lines, () => expected);
  for (const line of joined) {
    const found = asHeading(line, expected);
    const h = !flat ? found : found && (found.kind === 3 || found.kind === 4) ? { ...found, kind: (found.kind - 2) as NumberKind } : undefined;
    // Sub-headings count only inside a section: before the first 一、 they are preamble text.
    if (found && h && (h.kind === 1 || body.sections.length > 0)) {
      expected[found.kind] = found.num + 1;
      for (let k = found.kind + 1; k <= 4; k++) expected[k as NumberKind] = 1;
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

export function parseBody(lines: SourceLine[]): Body {
  const body = parseWith(lines, false);
  if (body.sections.length > 0) return body;
  const flat = parseWith(lines, true);
  return flat.sections.length >= 2 ? flat : body;
}
