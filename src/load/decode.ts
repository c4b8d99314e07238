// Bytes → text. Windows users save YAML from Notepad or WPS as UTF-8 with BOM, UTF-16 or GBK:
// read each correctly and say so, rather than render mojibake.

import type { Diagnostic } from '../diagnostic.js';
import { diagnosticOf, LOAD } from '../messages.js';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  diagnostics: Diagnostic[];
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function binaryFile(file: string): Diagnostic {
  return diagnosticOf(LOAD.binary, { file });
}

/**
 * UTF-16 without a BOM (some editors' "Unicode" export): YAML keys, spaces and line breaks are
 * ASCII, so many units have a NUL byte, nearly always on the same side. Binary files have NULs
 * on both sides.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  const pairs = sample.length / 2;
  // A few zeros on the other side are CJK characters such as 开 (U+5F00).
  if (oddZeros >= pairs / 8 && evenZeros <= oddZeros / 16) return 'utf-16le';
  if (evenZeros >= pairs / 8 && oddZeros <= evenZeros / 16) return 'utf-16be';
  return undefined;
}

/** The characters `looksBinary` counts. */
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]/;

/**
 * Control characters (other than tab and line breaks) never occur in typed text: more than a
 * few means a binary file that happens to contain no NUL bytes. A stray one or two from a paste
 * are removed later, with a warning at their position.
 */
function looksBinary(text: string): boolean {
  // Typed text has none at all: one native scan instead of a loop over every character, which
  // a fresh process would run in the interpreter.
  if (!CONTROL.test(text)) return false;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd) controls++;
  }
  return controls > 16 && controls > text.length / 200;
}

function checked(decoded: DecodedText, file: string): DecodedText | Diagnostic {
  return looksBinary(decoded.text) ? binaryFile(file) : decoded;
}

export function decodeText(bytes: Uint8Array, file: string): DecodedText | Diagnostic {
  if (startsWith(bytes, UTF8_BOM)) {
    return checked({ text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', diagnostics: [] }, file);
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return checked({ text: new TextDecoder(encoding).decode(bytes.subarray(2)), encoding, diagnostics: [] }, file);
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return checked({ text: new TextDecoder(utf16).decode(bytes), encoding: utf16, diagnostics: [] }, file);
  // NUL bytes never occur in UTF-8 or GBK text: this is a binary file (a .docx given by mistake, say).
  if (bytes.includes(0)) return binaryFile(file);
  try {
    return checked({ text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', diagnostics: [] }, file);
  } catch {
    // fall through to GB18030, a superset of GBK and GB2312
  }
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    if (looksBinary(text)) return binaryFile(file);
    return {
      text,
      encoding: 'gb18030',
      diagnostics: [diagnosticOf(LOAD.gbk, { file })],
    };
  } catch {
    // Invalid in both encodings: random bytes look like a binary file, not a text in some
    // third encoding.
    if (looksBinary(new TextDecoder('gb18030').decode(bytes))) return binaryFile(file);
    return diagnosticOf(LOAD.encoding, { file });
  }
}
