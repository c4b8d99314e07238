// Bytes → text. Windows users save YAML from Notepad or WPS as UTF-8 with BOM, UTF-16 or GBK:
// read each correctly and say so, rather than render mojibake.

import type { Diagnostic } from '../diagnostic.js';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  diagnostics: Diagnostic[];
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

export function decodeText(bytes: Uint8Array, file: string): DecodedText | Diagnostic {
  if (startsWith(bytes, UTF8_BOM)) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', diagnostics: [] };
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { text: new TextDecoder(encoding).decode(bytes.subarray(2)), encoding, diagnostics: [] };
  }
  // NUL bytes never occur in UTF-8 or GBK text: this is a binary file (a .docx given by mistake, say).
  if (bytes.includes(0)) {
    return {
      severity: 'error',
      ruleId: 'load/binary',
      message: '这不是文本文件（可能选错了文件，例如 Word 文档或压缩包）。请选择 .yaml 数据文件。',
      file,
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', diagnostics: [] };
  } catch {
    // fall through to GB18030, a superset of GBK and GB2312
  }
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return {
      text,
      encoding: 'gb18030',
      diagnostics: [
        {
          severity: 'warning',
          ruleId: 'load/gbk',
          message: '文件是 GBK（GB18030）编码，已正确读取；建议另存为 UTF-8 编码，以便在其他电脑和编辑器中使用。',
          file,
        },
      ],
    };
  } catch {
    return {
      severity: 'error',
      ruleId: 'load/encoding',
      message: '无法识别文件的文字编码（既不是 UTF-8 也不是 GBK）。请在编辑器中另存为 UTF-8 编码后重试。',
      file,
    };
  }
}
