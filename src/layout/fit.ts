// The typesetter's last pass, on the estimate of where lines and pages fall (paginate.ts):
// 紧排 (tightened character spacing, the profile's value) where the grid alone leaves a fault.
//  - A wrapping heading whose last line would hold one character alone is set 紧排, which pulls
//    that character back (“…政治责/任”).
//  - GB/T 9704 §7.3.5.4: when the space left cannot hold the 署名 and 成文日期, line or character
//    spacing is adjusted so that they share a page with the text: the last paragraphs before
//    them are set 紧排, one at a time, until each has given back a line and the 署名 block fits;
//    when they cannot give back enough, the last paragraph moves to the 署名's page.

import type { Block, ReportDocument } from '../compose/model.js';
import { bodyLines, countLines, placeBlocks } from './paginate.js';
import type { LayoutProfile } from './profile.js';

const textOf = (block: Extract<Block, { kind: 'paragraph' | 'heading' }>): string =>
  block.kind === 'heading' ? block.number + block.text : block.runs.map((r) => r.text).join('');

/** True when the text's last line holds a single character (or a single unbreakable piece). */
export function endsWithLoneCharacter(text: string, profile: LayoutProfile): boolean {
  const perLine = profile.grid.charsPerLine.value;
  const indent = profile.body.firstLineIndentChars.value;
  const lines = countLines(text, perLine - indent, perLine);
  const chars = [...text];
  return lines > 1 && chars.length > 1 && countLines(chars.slice(0, -1).join(''), perLine - indent, perLine) < lines;
}

function tightenHeadings(blocks: Block[], profile: LayoutProfile): Block[] {
  return blocks.map((b) => {
    if (b.kind !== 'heading' || b.condensed) return b;
    const text = textOf(b);
    if (!endsWithLoneCharacter(text, profile)) return b;
    return bodyLines(text, true, profile) < bodyLines(text, false, profile) ? { ...b, condensed: true } : b;
  });
}

/** Index of the 署名 block and of the last line of 正文 before it, when the 署名 stands alone. */
function signatureAlone(blocks: readonly Block[], profile: LayoutProfile): { signature: number; lastText: number } | undefined {
  const signature = blocks.findIndex((b) => b.kind === 'signature');
  if (signature < 0) return undefined;
  let lastText = signature - 1;
  while (lastText >= 0 && blocks[lastText]!.kind !== 'paragraph' && blocks[lastText]!.kind !== 'heading') lastText--;
  if (lastText < 0) return undefined;
  const placed = placeBlocks(blocks, profile);
  return placed[signature]!.firstPage > placed[lastText]!.lastPage ? { signature, lastText } : undefined;
}

/** The most paragraphs set 紧排 to bring the 署名 block back to the text. */
const MAX_TIGHTENED = 8;

function keepSignatureWithText(blocks: Block[], profile: LayoutProfile): Block[] {
  const alone = signatureAlone(blocks, profile);
  if (!alone) return blocks;
  const out = [...blocks];
  const placed = placeBlocks(blocks, profile);
  // Paragraphs on the last page of text: each line given back there moves the 署名 up.
  const lastPage = placed[alone.lastText]!.lastPage;
  let tightened = 0;
  for (let i = alone.lastText; i >= 0 && tightened < MAX_TIGHTENED && placed[i]!.lastPage >= lastPage; i--) {
    const b = out[i]!;
    if (b.kind !== 'paragraph' || b.condensed) continue;
    const text = textOf(b);
    if (bodyLines(text, true, profile) >= bodyLines(text, false, profile)) continue;
    out[i] = { ...b, condensed: true };
    tightened += 1;
    if (!signatureAlone(out, profile)) return out;
  }
  // 紧排 cannot give back enough lines: the last paragraph goes to the 署名's page instead, so
  // that the 署名 still shares its page with text.
  const last = blocks[alone.lastText]!;
  if (last.kind !== 'paragraph') return blocks;
  const kept = [...blocks];
  kept[alone.lastText] = { ...last, keepWithNext: true };
  return signatureAlone(kept, profile) ? blocks : kept;
}

export function fitLayout(doc: ReportDocument, profile: LayoutProfile): ReportDocument {
  const blocks = keepSignatureWithText(tightenHeadings(doc.blocks, profile), profile);
  return blocks === doc.blocks ? doc : { ...doc, blocks };
}
