// Reading an office's Word template (`--reference-doc`) as untrusted input: only the parts that
// carry formatting are taken out of the zip — document, styles, theme, settings, the
// relationships and the headers and footers the document refers to — each bounded in size before
// and after decompression. Anything that is not a readable .docx/.dotx (an old .doc or .wps, a
// file with an opening password, a renamed or damaged file) is one Chinese sentence and exit
// code 1; a path that names no file is a usage error (2), as for --profile.

import { readFileSync, statSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { ExitCode, UserError } from '../../diagnostic.js';

/** A Word template is some tens of kilobytes; a few megabytes allow for embedded fonts or images (not read). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Any one part we read, decompressed (a whole old report's document.xml stays well below). */
const MAX_PART_BYTES = 8 * 1024 * 1024;
/** All parts we read together. */
const MAX_TOTAL_BYTES = 24 * 1024 * 1024;

export const DOCUMENT = 'word/document.xml';
export const STYLES = 'word/styles.xml';
const RELS = 'word/_rels/document.xml.rels';

/** Parts that may carry formatting the template defines. */
const WANTED = /^word\/(document\.xml|styles\.xml|settings\.xml|_rels\/document\.xml\.rels|theme\/theme\d*\.xml|(header|footer)\d*\.xml)$/;

/** The first bytes of an OLE compound file: .doc, .wps, .dot, and a .docx saved with a password. */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export interface TemplateParts {
  /** Text of each part read, by its name in the package. */
  parts: Map<string, string>;
}

function isCompoundFile(bytes: Uint8Array): boolean {
  return COMPOUND_FILE.every((b, i) => bytes[i] === b);
}

/** A password-protected .docx is a compound file holding the stream "EncryptedPackage". */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const name = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name);
}

/** The formatting parts of a .docx or .dotx, read within bounds; a clear Chinese error for anything else. */
export function readTemplatePackage(file: string, shown = file): TemplateParts {
  const what = `本单位模板“${shown}”`;
  let size: number;
  try {
    const s = statSync(file);
    if (!s.isFile()) throw new UserError(`${what}不是文件：--reference-doc 后面应写一个 Word 文档（.docx）。`, ExitCode.Usage);
    size = s.size;
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`找不到${what}：请检查 --reference-doc 后面的路径。`, ExitCode.Usage);
  }
  if (size > MAX_FILE_BYTES) throw new UserError(`${what}有 ${(size / 1024 / 1024).toFixed(0)} MB，不像是 Word 模板（通常不到 1 MB）：请另存一份只含样式和页面设置的 .docx 再试。`);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new UserError(`无法读取${what}：请检查文件是否被其他程序占用或没有读取权限。`);
  }
  if (isCompoundFile(bytes)) {
    if (isEncryptedPackage(bytes)) throw new UserError(`${what}设置了打开密码，无法读取：请在 Word 或 WPS 中打开它，取消密码（文件→信息→保护文档→用密码进行加密，清空密码）后另存为 .docx 再试。`);
    throw new UserError(`${what}是旧版 Word 或 WPS 文档（.doc、.wps、.dot），不是 .docx：请在 Word 或 WPS 中打开它，另存为“Word 文档（*.docx）”后再试。`);
  }
  let raw: Record<string, Uint8Array>;
  let tooLarge = false;
  let total = 0;
  try {
    raw = unzipSync(bytes, {
      filter: (entry) => {
        if (!WANTED.test(entry.name)) return false;
        total += entry.originalSize;
        if (entry.originalSize > MAX_PART_BYTES || entry.size > MAX_PART_BYTES || total > MAX_TOTAL_BYTES) tooLarge = true;
        return !tooLarge;
      },
    });
  } catch {
    throw new UserError(`${what}不是有效的 Word 文档（.docx），无法读取：请在 Word 或 WPS 中打开它，另存为“Word 文档（*.docx）”后再试。`);
  }
  const tooLargeMessage = `${what}中的样式或正文部分过大，无法作为模板使用：请另存一份只含样式和页面设置的 .docx 再试。`;
  if (tooLarge) throw new UserError(tooLargeMessage);
  const parts = new Map<string, string>();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const [name, data] of Object.entries(raw)) {
    // The size the zip declares may lie; what came out is checked again.
    if (data.length > MAX_PART_BYTES) throw new UserError(tooLargeMessage);
    try {
      parts.set(name, decoder.decode(data));
    } catch {
      throw new UserError(`${what}已损坏（其中的 XML 不是 UTF-8 文字）：请在 Word 或 WPS 中打开它，另存为 .docx 后再试。`);
    }
  }
  const document = parts.get(DOCUMENT);
  if (document === undefined || !/<w:document\b/.test(document)) {
    throw new UserError(`${what}不是 Word 文档（其中没有 word/document.xml）：--reference-doc 应是 .docx 文件，不能是 .doc、.wps 或 .xlsx。`);
  }
  checkWellFormed(parts, what);
  // A package without styles is legal OOXML (Word then applies its built-in defaults), but as a
  // template it carries none of the office's fonts, sizes or line spacing: taking Word's defaults
  // as the office's choice would silently give a very different document, so it stops here.
  if (!parts.has(STYLES)) {
    throw new UserError(`${what}中没有样式部分（word/styles.xml），取不到本单位的字体、字号和行距：请换用单位排好版式的 Word 模板（.docx 或 .dotx）。`);
  }
  return { parts };
}

/** What each part holds, for the user. */
function partLabel(name: string): string {
  if (name === DOCUMENT) return '正文';
  if (name === STYLES) return '样式';
  if (name === RELS) return '部件关系';
  if (name === 'word/settings.xml') return '文档设置';
  if (name.startsWith('word/theme/')) return '主题';
  if (name.startsWith('word/header')) return '页眉';
  if (name.startsWith('word/footer')) return '页脚';
  return '部件';
}

/**
 * The first well-formedness error of an XML text, with its line; undefined when well-formed.
 * saxes is a strict, non-recursive XML parser: a truncated or hand-damaged part fails here
 * instead of being read by the regular expressions of values.ts as "no formatting".
 */
function xmlError(xml: string, onOpenTag?: (name: string, attributes: Record<string, string>) => void): { line: number } | undefined {
  // Namespaces are not checked: WPS writes prefixes Word tolerates; only well-formedness counts.
  const parser = new SaxesParser({ xmlns: false, position: true });
  let failed: { line: number } | undefined;
  parser.on('error', () => {
    failed ??= { line: parser.line };
  });
  if (onOpenTag) parser.on('opentag', (tag) => onOpenTag(tag.name, tag.attributes as Record<string, string>));
  try {
    parser.write(xml).close();
  } catch {
    failed ??= { line: parser.line };
  }
  return failed;
}

/**
 * The parts the template's formatting is read from must be well-formed XML: the document, its
 * styles, settings and relationships, and the theme, headers and footers the relationships name
 * (a broken part nothing refers to is not used, by Word nor by us).
 */
function checkWellFormed(parts: Map<string, string>, what: string): void {
  const fail = (name: string, line: number): never => {
    throw new UserError(`${what}已损坏：其中的${partLabel(name)}部分（${name}）第 ${line} 行不是完整的 XML，无法读取；请在 Word 或 WPS 中打开它（提示修复时选“是”），另存为 .docx 后再试。`);
  };
  const referenced = new Set<string>();
  const rels = parts.get(RELS);
  if (rels !== undefined) {
    const bad = xmlError(rels, (name, attributes) => {
      const target = attributes.Target;
      if (name !== 'Relationship' || !target || attributes.TargetMode === 'External') return;
      referenced.add(target.startsWith('/') ? target.slice(1) : `word/${target}`.replace(/\/[^/]+\/\.\.\//g, '/'));
    });
    if (bad) fail(RELS, bad.line);
  }
  for (const [name, text] of parts) {
    if (name === RELS) continue;
    // theme1 is read even when unreferenced (values.ts falls back to it).
    const always = name === DOCUMENT || name === STYLES || name === 'word/settings.xml' || name === 'word/theme/theme1.xml';
    if (!always && !referenced.has(name)) continue;
    const bad = xmlError(text);
    if (bad) fail(name, bad.line);
  }
}
