// How far a name as typed is from a known one, for “是否应为……？”: the Levenshtein distance
// (insertions, deletions, substitutions; a swap of neighbours counts as two edits).
export { distance as editDistance } from 'fastest-levenshtein';
