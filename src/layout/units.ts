// Units of WordprocessingML, named once. Every measure a writer prints comes from the layout
// profile through one of these: the profile speaks in millimetres and points (as GB/T 9704 does),
// the file format in twips (1/20 pt), half-points (font sizes) and eighths of a point (rules).

export const TWIPS_PER_MM = 1440 / 25.4;

/** Millimetres → twips (page size, margins, positions). */
export const mmToTwips = (mm: number): number => Math.round(mm * TWIPS_PER_MM);

/** Points → twips (one character of a font size, line heights). */
export const ptToTwips = (pt: number): number => Math.round(pt * 20);

/** Points → half-points (w:sz of a run). */
export const ptToHalfPoints = (pt: number): number => Math.round(pt * 2);

/** Points → eighths of a point (w:sz of a border). */
export const ptToEighths = (pt: number): number => Math.round(pt * 8);

/** Twips → points (for estimates in points). */
export const twipsToPt = (twips: number): number => twips / 20;

/** Millimetres → points. */
export const mmToPt = (mm: number): number => (mm / 25.4) * 72;
