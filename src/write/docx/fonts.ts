// Run properties from a profile font. The East Asian slot must be set or Word falls back to its
// theme font; ascii/hAnsi name the same font and hint="eastAsia" so that “”, — and digits use
// the body font rather than a Western fallback.

import type { IRunOptions } from 'docx';
import type { FontSpec, LayoutProfile } from '../../layout/profile.js';

/** Which character set a stretch of text needs: the GB2312 fonts cover `gb2312`. */
export type Coverage = 'gb2312' | 'gbk' | 'beyond';

let gb2312: Set<string> | undefined;
let gbk: Set<string> | undefined;

/** Every character of a double-byte range, decoded once (a few milliseconds, on first need). */
function charset(firstBytes: [number, number], secondBytes: [number, number]): Set<string> {
  const bytes: number[] = [];
  for (let a = firstBytes[0]; a <= firstBytes[1]; a++) for (let b = secondBytes[0]; b <= secondBytes[1]; b++) if (b !== 0x7f) bytes.push(a, b);
  return new Set(new TextDecoder('gbk').decode(new Uint8Array(bytes)));
}

export function coverageOf(ch: string): Coverage {
  if (ch.charCodeAt(0) < 0x80) return 'gb2312';
  gb2312 ??= charset([0xa1, 0xf7], [0xa1, 0xfe]);
  if (gb2312.has(ch)) return 'gb2312';
  gbk ??= charset([0x81, 0xfe], [0x40, 0xfe]);
  return gbk.has(ch) ? 'gbk' : 'beyond';
}

export function splitByCoverage(text: string): { text: string; coverage: Coverage }[] {
  const parts: { text: string; coverage: Coverage }[] = [];
  for (const ch of text) {
    const coverage = coverageOf(ch);
    const last = parts.at(-1);
    if (last && last.coverage === coverage) last.text += ch;
    else parts.push({ text: ch, coverage });
  }
  return parts.length > 0 ? parts : [{ text: '', coverage: 'gb2312' }];
}

export function runFont(
  spec: FontSpec,
  profile: LayoutProfile,
  coverage: Coverage = 'gb2312',
): Pick<IRunOptions, 'font' | 'size' | 'bold' | 'characterSpacing'> {
  const family =
    coverage === 'gb2312' ? spec.family.value : coverage === 'gbk' ? (spec.fallback?.value ?? spec.family.value) : profile.rareCharacterFont.value;
  return {
    font: { eastAsia: family, ascii: family, hAnsi: family, cs: family, hint: 'eastAsia' },
    size: spec.size.value * 2, // half-points
    ...(spec.bold?.value ? { bold: true } : {}),
    // The LibreOffice compensation applies to text set at the body size only.
    ...(spec.size.value === profile.fonts.body.size.value ? { characterSpacing: profile.grid.runCharSpacing.value } : {}),
  };
}
