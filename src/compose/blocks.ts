// The document model's blocks for the data's parts: paragraphs, items numbered 一是/二是 (run
// together or one per paragraph), and headings numbered by level, run-in where the data asks.

import type { Group, Item, ItemsStyle, Part } from '../data/report.js';
import { endSentence, itemText, normalizeParagraph, paragraphList } from '../data/text.js';
import type { Block } from './model.js';
import { headingNumber, itemNumber } from './numbering.js';

function itemBlocks(items: Item[] | undefined, style: ItemsStyle): Block[] {
  if (!items || items.length === 0) return [];
  const texts = items.map((item, i) => itemNumber(i + 1) + itemText(item));
  if (style === 'inline') return [{ kind: 'paragraph', runs: [{ text: texts.join('') }] }];
  return texts.map((text) => ({ kind: 'paragraph', runs: [{ text }] }));
}

export const paragraphBlocks = (texts: string[]): Block[] => texts.map((text) => ({ kind: 'paragraph', runs: [{ text }] }));

function groupBlocks(groups: Group[] | undefined, level: 2 | 3 | 4, inherited: ItemsStyle): Block[] {
  if (!groups) return [];
  return groups.flatMap((group, i) => {
    const style = group.items_style ?? inherited;
    const deeper = level === 2 ? 3 : 4;
    const content = [...paragraphBlocks(paragraphList(group.paragraphs)), ...itemBlocks(group.items, style)];
    return [
      // A run-in 1. or （1） heading opens its first paragraph (bold at level 3, as a heading line would be).
      ...(group.run_in && level >= 3
        ? [runIn(`${headingNumber(level, i + 1)}${endSentence(normalizeParagraph(group.heading))}`, level === 3, content.shift())]
        : [{ kind: 'heading', level, number: headingNumber(level, i + 1), text: normalizeParagraph(group.heading) } satisfies Block]),
      ...content,
      // heading-depth forbids groups under （1）; the schema check runs before compose.
      ...(level < 4 ? groupBlocks(group.groups, deeper, style) : []),
    ];
  });
}

function runIn(heading: string, strong: boolean, first: Block | undefined): Block {
  const rest = first?.kind === 'paragraph' ? first.runs : [];
  return { kind: 'paragraph', runs: [{ text: heading, ...(strong ? { strong: true } : {}) }, ...rest] };
}

export function partBlocks(part: Part, style: ItemsStyle): Block[] {
  const partStyle = part.items_style ?? style;
  return [
    ...paragraphBlocks(paragraphList(part.intro)),
    ...itemBlocks(part.items, partStyle),
    ...groupBlocks(part.groups, 2, partStyle),
    ...paragraphBlocks(paragraphList(part.ending)),
    // Suggestions close the part, numbered 一是 again.
    ...paragraphBlocks(paragraphList(part.suggestions?.intro)),
    ...itemBlocks(part.suggestions?.items, part.suggestions?.items_style ?? partStyle),
  ];
}
