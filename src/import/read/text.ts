// Bytes of a text file or saved page → text. UTF-8 (with or without BOM), UTF-16 with a BOM and
// GBK are read as the data loader reads them. Beyond it: UTF-16 without a BOM, which holds few
// NUL bytes when the text is nearly all Chinese; and Big5 or Shift-JIS, which GB18030 would
// accept byte for byte and turn into mojibake. Each possible reading is scored by how many of
// the characters every report is full of it contains; the best reading wins, and Japanese text
// is refused (it is no report of a Chinese government).

import { decodeText } from '../../load/decode.js';
import { UserError } from '../../diagnostic.js';

export interface DecodedImport {
  text: string;
  /** What was noticed about the encoding, for the user. */
  note?: string;
}

// Characters found many times in any report, in simplified and traditional forms, and the
// punctuation of Chinese text. A mis-decoded file contains almost none of them.
const COMMON = new Set([...'的年和政府法治工作建设推进行依一二三四五六七八九十是在了有为等區政為與國會發務關進設規報告，。、：；“”（）']);
// Kana: Japanese text read as Japanese has many of them.
const KANA = /[\u3041-\u30ff]/g;

function decodeAs(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function score(text: string): number {
  let n = 0;
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  for (const c of sample) if (COMMON.has(c)) n++;
  // Control characters never occur in a report: a UTF-16 reading of the wrong byte order has many.
  const controls = sample.match(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]/g)?.length ?? 0;
  return n - 4 * controls;
}

export function decodeImportText(bytes: Uint8Array, shown: string): DecodedImport {
  const readings: { encoding: string; text: string; score: number }[] = [];
  const consider = (encoding: string, offset = 0) => {
    const text = decodeAs(offset ? bytes.subarray(offset) : bytes, encoding);
    if (text !== undefined) readings.push({ encoding, text, score: score(text) });
  };
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!hasBom && bytes.length % 2 === 0 && bytes.includes(0)) {
    consider('utf-16le');
    consider('utf-16be');
  }
  if (hasBom || readings.length === 0) {
    const base = decodeText(bytes, shown);
    if (!('severity' in base)) {
      if (base.encoding !== 'gb18030') return { text: base.text };
      readings.push({ encoding: 'gb18030', text: base.text, score: score(base.text) });
      consider('big5');
      consider('shift_jis');
    } else if (readings.length === 0) {
      throw new UserError(`无法读取“${shown}”：${base.message.replace('请选择 .yaml 数据文件。', '请选择报告的文字、Word、PDF 或网页文件。')}`);
    }
  }
  const best = readings.sort((a, b) => b.score - a.score)[0];
  if (!best || best.score <= 0) throw new UserError(`无法识别“${shown}”的文字编码（不是 UTF-8、UTF-16、GBK 或 Big5 的中文文本）。请在编辑器中另存为 UTF-8 编码后重试。`);
  if (best.encoding === 'shift_jis' || (best.text.match(KANA)?.length ?? 0) > best.text.length / 50) {
    throw new UserError(`“${shown}”像是日文（Shift-JIS 编码）的文件，不是中文报告，未导入。如果选错了文件，请重新选择。`);
  }
  const notes: Record<string, string> = {
    gb18030: '原文是 GBK（GB18030）编码，已正确读取。',
    big5: '原文是繁体中文 Big5 编码，已按 Big5 读取（文字保持繁体）；请核对各部分是否识别正确。',
    'utf-16le': '原文是不带 BOM 的 UTF-16 编码，已正确读取。',
    'utf-16be': '原文是不带 BOM 的 UTF-16 编码，已正确读取。',
  };
  return { text: best.text, ...(notes[best.encoding] ? { note: notes[best.encoding] } : {}) };
}
