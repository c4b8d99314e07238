// Last year's promises (each plans item, or a group's heading with its text) and the measures
// heading each most likely reports under, for next year's draft.

import { endSentence, itemText, normalizeParagraph, paragraphList } from '../data/text.js';
import { visitGroups, visitPart } from '../data/visit.js';
import type { Group, Part, PartKey } from '../data/report.js';
import { fingerprint } from '../reuse/similar.js';

/** Each promise of a plans part: an item, or a group's heading with its text. */
export function promisesOf(part: Part | undefined, key: PartKey): string[] {
  if (!part) return [];
  const listed: string[] = [];
  visitPart(part, key, {
    item: (item) => listed.push(itemText(item)),
    // A group without items is one promise: its heading with its text (a group holding only
    // groups is their heading, not a promise).
    group: (g) => {
      if (!g.items?.length && (g.paragraphs !== undefined || !g.groups)) listed.push(endSentence(normalizeParagraph(g.heading)) + paragraphList(g.paragraphs).join(''));
    },
  });
  // Without items, each paragraph of the introduction is one, except one that announces the
  // list (“重点做好以下工作：”): that frames the promises and is none.
  return listed.length > 0 ? listed : paragraphList(part.intro).filter((p) => !ANNOUNCES_LIST.test(p.trim()));
}

/** A paragraph ending in a colon introduces what follows. */
const ANNOUNCES_LIST = /[：:]$/;

/** All text under a group, for matching promises to the heading they belong under. */
function groupText(group: Group): string {
  const out: string[] = [];
  visitGroups([group], { pointer: '', part: 'measures', level: 2, headings: [] }, {
    group: (g) => out.push(g.heading, ...paragraphList(g.paragraphs)),
    item: (item) => out.push(itemText(item)),
  });
  return out.join('');
}

/**
 * The measures group each promise most likely reports under: overlap of character pairs,
 * weighted by how rare a pair is among the groups (法治、行政 are everywhere and say nothing).
 * Index −1: no group is a clear match.
 */
export function matchPromises(promises: readonly string[], groups: readonly Group[]): number[] {
  const grams = groups.map((g) => new Set(fingerprint(groupText(g)).grams.keys()));
  const df = new Map<number, number>();
  for (const set of grams) for (const g of set) df.set(g, (df.get(g) ?? 0) + 1);
  const weight = (g: number): number => Math.log((groups.length + 1) / ((df.get(g) ?? 0) + 0.5));
  return promises.map((p) => {
    const own = [...new Set(fingerprint(p).grams.keys())].filter((g) => df.has(g));
    const total = own.reduce((s, g) => s + weight(g), 0);
    if (total <= 0) return -1;
    let best = -1;
    let bestScore = 0;
    grams.forEach((set, i) => {
      const score = own.filter((g) => set.has(g)).reduce((s, g) => s + weight(g), 0) / total;
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    return bestScore >= 0.3 ? best : -1;
  });
}
