// 版头 (GB/T 9704 §7.2) and the 发文字号 without one. A 法治政府建设年度报告 is a 报告, a 上行文:
// with a 版头 the 发文字号 sits 居左空一字 on the line of the last 签发人 (§7.2.5, §7.2.6); without
// one it is still placed 居左空一字 rather than centred as in a 下行文.

import type { ReportData } from '../data/report.js';
import type { Block, LetterheadBlock } from './model.js';
import { normalizeParagraph } from '../data/text.js';

/** The 版头 block for the data's `letterhead`, holding the 发文字号 the template produced. */
export function letterheadBlock(data: ReportData, docNumber: string | undefined): LetterheadBlock | undefined {
  const head = data.letterhead;
  if (!head) return undefined;
  const organs = (Array.isArray(head.organ) ? head.organ : [head.organ]).map(normalizeParagraph).filter((o) => o !== '');
  return {
    kind: 'letterhead',
    marks: [head.copy_number?.trim(), head.secrecy && normalizeParagraph(head.secrecy), head.urgency].filter((m): m is string => Boolean(m)),
    organs,
    ...(docNumber ? { docNumber } : {}),
    signers: (data.signers ?? []).map(normalizeParagraph).filter((s) => s !== ''),
  };
}

/**
 * With a 版头, the 发文字号 moves into it: the 版头 takes the place of the template's @doc-number
 * line, or opens the document when the template has none.
 */
export function withLetterhead(blocks: Block[], data: ReportData): Block[] {
  if (!data.letterhead) return blocks;
  const at = blocks.findIndex((b) => b.kind === 'doc-number');
  const docNumber = at >= 0 ? (blocks[at] as Extract<Block, { kind: 'doc-number' }>).text : undefined;
  const head = letterheadBlock(data, docNumber)!;
  const rest = blocks.filter((b) => b.kind !== 'doc-number');
  return [head, ...rest];
}
