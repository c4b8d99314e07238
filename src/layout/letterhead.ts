// Geometry of the 版头 (GB/T 9704 §7.2) on the 22-line grid, for every writer: where the
// 发文机关标志 sits (its top edge 35 mm below the 版心 top), which grid line holds the 发文字号 and
// 签发人, where the 分隔线 falls (4 mm below the 发文字号), and how many grid lines the whole
// takes, so that the title and body after it stay on the grid.

import type { LetterheadBlock } from '../compose/model.js';
import { mmToTwips, organFontSize, type LayoutProfile } from './profile.js';
import { ptToTwips } from './units.js';

export interface LetterheadGeometry {
  /** Lines of 份号/密级/紧急程度 at the top left. */
  markLines: number;
  /** Exact height of the space between the marks and the 发文机关标志 line(s), in twips. */
  organSpacerTwips: number;
  organSizePt: number;
  /** Exact height of one 发文机关标志 line, in twips. */
  organLineTwips: number;
  /** Space after the 发文机关标志 up to the 发文字号 line (two blank lines, to the grid). */
  afterOrganTwips: number;
  /** Grid lines holding 签发人 (and the 发文字号 on the last). */
  signerLines: string[][];
  /** Exact height of the strip below the 发文字号 line whose foot carries the 分隔线. */
  ruleGapTwips: number;
  /** Space after the 分隔线 back to the grid, then the blank lines before the title. */
  afterRuleTwips: number;
  /** Grid lines the 版头 takes in all. */
  totalLines: number;
}

/** Where the text of a line sits in its exact-height line box (LibreOffice 7.4, measured). */
const GLYPH_TOP_IN_LINE = 0.08; // of the line height, above the glyph top
/** The 标志's single line: its font size times the font's line height (exact rule, 小标宋). */
const ORGAN_LINE_HEIGHT = 1.15;
const TEXT_BOTTOM_IN_GRID_LINE_MM = 1.3; // from the glyph foot of 3号 text to its grid line's foot

export function letterheadGeometry(block: LetterheadBlock, profile: LayoutProfile): LetterheadGeometry {
  const l = profile.letterhead;
  const pitch = profile.grid.linePitchTwips.value;
  const markLines = block.marks.length;
  const organSizePt = organFontSize(block.organs, profile);
  const organLineTwips = ptToTwips(organSizePt * ORGAN_LINE_HEIGHT);
  const organTop = mmToTwips(l.organTopMm.value) - Math.round(organLineTwips * GLYPH_TOP_IN_LINE);
  const organSpacerTwips = Math.max(0, organTop - markLines * pitch);
  const organBottom = markLines * pitch + organSpacerTwips + block.organs.length * organLineTwips;
  // 发文字号 编排在发文机关标志下空二行位置 (§7.2.5): two blank lines after the grid line the
  // 标志 ends in.
  const docLine = Math.ceil(organBottom / pitch - 1e-6) + l.blankLinesBeforeDocNumber.value;
  const afterOrganTwips = docLine * pitch - organBottom;
  const perLine = Math.max(1, l.signersPerLine.value);
  const signerLines: string[][] = [];
  for (let i = 0; i < block.signers.length; i += perLine) signerLines.push(block.signers.slice(i, i + perLine));
  const lines = Math.max(1, signerLines.length);
  const ruleGapTwips = Math.max(20, mmToTwips(l.ruleBelowDocNumberMm.value - TEXT_BOTTOM_IN_GRID_LINE_MM));
  const ruleTwips = ptToTwips(l.ruleEighths.value / 8);
  // The strip with the rule and the space after it make whole grid lines again.
  const stripLines = Math.ceil((ruleGapTwips + ruleTwips) / pitch);
  const afterRuleTwips = stripLines * pitch - ruleGapTwips - ruleTwips;
  const totalLines = docLine + lines + stripLines + l.blankLinesAfterRule.value;
  return { markLines, organSpacerTwips, organSizePt, organLineTwips, afterOrganTwips, signerLines, ruleGapTwips, afterRuleTwips, totalLines };
}

/** Grid lines the 版头 takes (for the page estimate). */
export function letterheadLines(block: LetterheadBlock, profile: LayoutProfile): number {
  return letterheadGeometry(block, profile).totalLines;
}
