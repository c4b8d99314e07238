// Placeholders left by `fazhi new-year`: every text that still holds the marker 【待填写】 is an
// error naming it, found in the raw data so that it is listed even while other parts of the file
// (an empty figure, say) do not yet pass the schema: one run shows everything left to do.

import type { Diagnostic } from '../diagnostic.js';
import { normalizeParagraph } from '../compose/text.js';
import { escapePointerToken, type SourceFile } from '../load/index.js';

/** The marker. Full-width brackets and a phrase no report contains: never typed by chance. */
export const PLACEHOLDER = '【待填写】';

function excerpt(text: string): string {
  const plain = normalizeParagraph(text.replace(PLACEHOLDER, ''));
  return plain.length > 36 ? `${plain.slice(0, 36)}…` : plain;
}

function strings(value: unknown, pointer: string, out: { pointer: string; text: string }[]): void {
  if (typeof value === 'string') out.push({ pointer, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${pointer}/${i}`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) strings(v, `${pointer}/${escapePointerToken(k)}`, out);
  }
}

export function findPlaceholders(source: SourceFile): Diagnostic[] {
  const found: { pointer: string; text: string }[] = [];
  strings(source.data, '', found);
  return found
    .filter(({ text }) => text.includes(PLACEHOLDER))
    .map(({ pointer, text }) => ({
      severity: 'error' as const,
      ruleId: 'placeholder',
      message: `尚未填写：“${excerpt(text)}”。请按本年度实际情况改写，并删除“${PLACEHOLDER}”标记。`,
      file: source.path,
      position: source.positions.textAt(source.text, pointer, PLACEHOLDER),
      pointer,
    }));
}
