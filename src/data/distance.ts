// How far a name as typed is from a known one, for “是否应为……？”: the Levenshtein distance
// (insertions, deletions, substitutions; a swap of neighbours counts as two edits).
export { distance as editDistance } from 'fastest-levenshtein';

/**
 * Longest name for which "是否应为…" is worked out: a misspelt key or identifier is a word, and
 * the edit distance costs the product of the two lengths (a 60,000-character id against another
 * exhausted the heap). Longer names get the message without a suggestion.
 */
export const MAX_SUGGESTION_LENGTH = 64;
