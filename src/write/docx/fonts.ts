// Run properties from a profile font. The East Asian slot must be set or Word falls back to its
// theme font; ascii/hAnsi name the same font and hint="eastAsia" so that “”, — and digits use
// the body font rather than a Western fallback.

import type { IRunOptions } from 'docx';
import type { FontSpec, LayoutProfile } from '../../layout/profile.js';
import { ptToHalfPoints } from '../../layout/units.js';
import type { RunProps } from './xml.js';

/** Which character set a stretch of text needs: the GB2312 fonts cover `gb2312`. */
export type Coverage = 'gb2312' | 'gbk' | 'beyond';

/** 1 for each UTF-16 code unit in GB2312 (ASCII included), else 0: one array read per character. */
let gb2312: Uint8Array | undefined;
let gbk: Set<string> | undefined;

/** Every character of a double-byte range, decoded once, as one string (all in the BMP). */
function decodeRange(firstBytes: [number, number], secondBytes: [number, number]): string {
  const bytes: number[] = [];
  for (let a = firstBytes[0]; a <= firstBytes[1]; a++) for (let b = secondBytes[0]; b <= secondBytes[1]; b++) if (b !== 0x7f) bytes.push(a, b);
  return new TextDecoder('gbk').decode(new Uint8Array(bytes));
}

/** Every character of a double-byte range, as a set (a few milliseconds, on first need). */
function charset(firstBytes: [number, number], secondBytes: [number, number]): Set<string> {
  return new Set(decodeRange(firstBytes, secondBytes));
}

// Filled from the decoded string by code unit, not through a Set: every render needs this table,
// and building a Set of its 7,000 characters cost 2–10 ms of a cold render against 0.2 ms.
function gb2312Table(): Uint8Array {
  if (gb2312) return gb2312;
  gb2312 = new Uint8Array(0x10000);
  gb2312.fill(1, 0, 0x80);
  const chars = decodeRange([0xa1, 0xf7], [0xa1, 0xfe]);
  for (let i = 0; i < chars.length; i++) gb2312[chars.charCodeAt(i)] = 1;
  return gb2312;
}

/** Outside GB2312: in GBK, or beyond (astral characters, whose surrogates are in neither). */
function wider(ch: string): Coverage {
  gbk ??= charset([0x81, 0xfe], [0x40, 0xfe]);
  return gbk.has(ch) ? 'gbk' : 'beyond';
}

export function coverageOf(ch: string): Coverage {
  return ch.length === 1 && gb2312Table()[ch.charCodeAt(0)] === 1 ? 'gb2312' : wider(ch);
}

/**
 * The text in stretches of one coverage. Most text is all GB2312: it is scanned by code unit
 * against a table (this runs for every run the writer makes), and only other characters are
 * looked up one code point at a time.
 */
export function splitByCoverage(text: string): { text: string; coverage: Coverage }[] {
  const table = gb2312Table();
  const parts: { text: string; coverage: Coverage }[] = [];
  let start = 0; // start of the pending GB2312 stretch
  const push = (part: string, coverage: Coverage): void => {
    const last = parts.at(-1);
    if (last && last.coverage === coverage) last.text += part;
    else parts.push({ text: part, coverage });
  };
  for (let i = 0; i < text.length; i++) {
    if (table[text.charCodeAt(i)] === 1) continue;
    if (i > start) push(text.slice(start, i), 'gb2312');
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    push(ch, wider(ch));
    i += ch.length - 1;
    start = i + 1;
  }
  if (text.length > start) push(text.slice(start), 'gb2312');
  return parts.length > 0 ? parts : [{ text: '', coverage: 'gb2312' }];
}

/** The run properties of a profile font for text of one coverage. */
export function fontProps(spec: FontSpec, profile: LayoutProfile, coverage: Coverage = 'gb2312'): RunProps {
  const family =
    coverage === 'gb2312' ? spec.family.value : coverage === 'gbk' ? (spec.fallback?.value ?? spec.family.value) : profile.rareCharacterFont.value;
  return {
    font: family,
    halfPoints: ptToHalfPoints(spec.size.value),
    ...(spec.bold?.value ? { bold: true } : {}),
    // The LibreOffice compensation applies to text set at the body size only.
    ...(spec.size.value === profile.fonts.body.size.value ? { characterSpacing: profile.grid.runCharSpacing.value } : {}),
  };
}

/** The same as options of the docx library, which builds the reference package's styles and footers. */
export function runFont(spec: FontSpec, profile: LayoutProfile, coverage: Coverage = 'gb2312'): Pick<IRunOptions, 'font' | 'size' | 'bold' | 'characterSpacing'> {
  const p = fontProps(spec, profile, coverage);
  const family = p.font!;
  return {
    font: { eastAsia: family, ascii: family, hAnsi: family, cs: family, hint: 'eastAsia' },
    size: p.halfPoints!,
    ...(p.bold ? { bold: true } : {}),
    ...(p.characterSpacing !== undefined ? { characterSpacing: p.characterSpacing } : {}),
  };
}
