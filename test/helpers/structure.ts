// Counting a report's numbered units in its paragraphs, independently of the importer: sections
// start at 一、二、… (in sequence); inside them, sub-headings （一） 1. 1、（1） at the start of a
// paragraph and items 一是/二是 at the start of a sentence are counted.

export interface Section {
  heading: string;
  paragraphs: string[];
}

export interface UnitCounts {
  headings: number;
  items: number;
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const cn = (n: number): string => (n <= 10 ? CN[n - 1]! : `十${CN[n - 11]!}`);

/** Paragraphs split at level-1 headings; the text after the closing (特此报告) is left out. */
export function sectionsOf(paragraphs: readonly string[]): { before: string[]; sections: Section[] } {
  const out: Section[] = [];
  const before: string[] = [];
  for (const p of paragraphs) {
    const t = p.trim();
    if (/^(特此报告|以上报告)/.test(t)) break;
    if (t.startsWith(`${cn(out.length + 1)}、`) || t.startsWith(`${cn(out.length + 1)}.`)) {
      out.push({ heading: t, paragraphs: [] });
      continue;
    }
    (out.at(-1)?.paragraphs ?? before).push(t);
  }
  return { before, sections: out };
}

const SUB_HEADING = /^(?:[（(][一二三四五六七八九十]+[）)]|\d{1,2}(?!\d)(?:[.．、]|(?=[\u4e00-\u9fff“《]))|[（(]\d{1,2}[）)])/u;
const ITEM = /(?:^|[。；;！？!?：:])\s*[一二三四五六七八九十]{1,3}是/gu;

export function countUnits(paragraphs: readonly string[]): UnitCounts {
  let headings = 0;
  let items = 0;
  for (const p of paragraphs) {
    if (SUB_HEADING.test(p)) headings++;
    items += [...p.matchAll(ITEM)].length;
  }
  return { headings, items };
}
