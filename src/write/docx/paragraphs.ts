// Paragraph printers shared by the zones: every paragraph sits on the exact line pitch of the
// body grid (22 lines per page, GB/T 9704 §5.2.3).
//
// The formatting most paragraphs share is written once, in paragraph styles of the reference
// package (styles.ts): a paragraph names its style and carries only what differs, and a run in
// the style's font carries no formatting at all.

import { bodyCharTwips, type FontSpec, type LayoutProfile } from '../../layout/profile.js';
import { fontProps, splitByCoverage } from './fonts.js';
import { paragraph, textRun, type ParagraphProps, type RunProps, type Spacing } from './xml.js';

/** Ids of the paragraph styles (names in styles.ts); headings use Word's own Heading1–4. */
export const STYLE = {
  /** A line of the grid in the body font: 发文字号, 主送机关, 署名, blank lines… */
  line: 'FzLine',
  /** 正文: a body paragraph. */
  body: 'FzBody',
} as const;

export function lineSpacing(profile: LayoutProfile): Spacing {
  return { line: profile.grid.linePitchTwips.value, before: 0, after: 0 };
}

/** A width in characters of the body grid, in twips. */
export function charsToTwips(chars: number, profile: LayoutProfile): number {
  return Math.round(chars * bodyCharTwips(profile));
}

/**
 * Runs for a text in a profile font, formatted in full. Characters the GB2312 fonts lack (堃, 镕,
 * 喆 in names) get a run in the font's fallback, so they display instead of as empty boxes.
 */
export function runs(text: string, spec: FontSpec, profile: LayoutProfile, bold?: boolean, extra: RunProps = {}): string {
  let out = '';
  // Object.assign, not `{ ...fontProps(…), … }`: on Node 20 objects made by a leading spread go
  // to V8's old generation (see placeBlocks in layout/paginate.ts), and this runs for every run of
  // every report of a batch. The page estimate's copies were most of it (test/batch-memory.test.ts
  // measures those); these are fewer.
  for (const { text: part, coverage } of splitByCoverage(text)) out += textRun(part, Object.assign({}, fontProps(spec, profile, coverage), bold ? { bold } : undefined, extra));
  return out;
}

/**
 * The same in a paragraph whose style sets this font: the runs carry no font of their own, except
 * those in a fallback font, which state it whole (equal to the style's but for the family).
 */
export function styledRuns(text: string, spec: FontSpec, profile: LayoutProfile, bold?: boolean, extra: RunProps = {}): string {
  let out = '';
  for (const { text: part, coverage } of splitByCoverage(text)) {
    out += textRun(part, Object.assign({}, coverage === 'gb2312' ? undefined : fontProps(spec, profile, coverage), bold ? { bold } : undefined, extra));
  }
  return out;
}

function sameFont(a: FontSpec, b: FontSpec): boolean {
  return a === b || (a.family.value === b.family.value && a.size.value === b.size.value && Boolean(a.bold?.value) === Boolean(b.bold?.value));
}

/**
 * A line of the grid with a text in a profile font, and what differs from the line style
 * (alignment, indents…). A font other than the body's (the title's 小标宋) is formatted in full
 * on a paragraph without style, as the line style's character spacing is not the title's.
 */
export function gridLine(text: string, spec: FontSpec, profile: LayoutProfile, props: Omit<ParagraphProps, 'style'> = {}): string {
  if (sameFont(spec, profile.fonts.body)) return paragraph({ style: STYLE.line, ...props }, styledRuns(text, spec, profile));
  return paragraph({ spacing: lineSpacing(profile), ...props }, runs(text, spec, profile));
}

/** An empty line of the grid, used where the standard says 空一行. */
export function blankLine(profile: LayoutProfile): string {
  return gridLine('', profile.fonts.body, profile);
}
