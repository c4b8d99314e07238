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
 * Preamble and the tree of numbered sections, the top level being `top`: 1 (一、), or for a report
 * with no 一、 at all, 2 (its （一） are its sections) or 3 (a flat list 1.…2.…, its （1） their
 * sub-headings). Numbers above the top level are text.
 */
function parseWith(lines: SourceLine[], top: NumberKind): Body {
  const expected: Record<NumberKind, number> = { 1: 1, 2: 1, 3: 1, 4: 1 };
  const body: Body = { preamble: [], sections: [] };
  const stack: Section[] = [];
  const joined = joinBroken(lines, () => expected);
  for (const line of joined) {
    const found = asHeading(line, expected);
    const h = found && found.kind >= top ? { ...found, kind: (found.kind - top + 1) as NumberKind } : undefined;
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
  const body = parseWith(lines, 1);
  if (body.sections.length > 0) return body;
  for (const top of [2, 3] as const) {
    const flat = parseWith(lines, top);
    if (flat.sections.length >= 2) return flat;
  }
  return body;
}
