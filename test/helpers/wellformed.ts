// Is a .docx something Word will open? Unzips it and checks every XML part strictly: only
// characters XML 1.0 allows, matching tags, quoted attributes without duplicates, known entity
// and character references, one root element. (Word refuses a document on any of these;
// LibreOffice is more forgiving, so passing this check is the stricter test.)
import { unzipSync } from 'fflate';

const INVALID_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const NAME = '[A-Za-z_][-A-Za-z0-9_.]*(?::[A-Za-z_][-A-Za-z0-9_.]*)?';
const START_TAG = new RegExp(`^<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`);
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'g');
const END_TAG = new RegExp(`^</(${NAME})\\s*>`);

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** A problem with the references in text or an attribute value, if any. */
function referenceProblem(text: string): string | undefined {
  for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1)) {
    const m = /^&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/.exec(text.slice(i, i + 16));
    if (!m) return `bad reference at “${text.slice(i, i + 12)}”`;
    const code = m[2] !== undefined ? Number(m[2]) : m[3] !== undefined ? Number.parseInt(m[3], 16) : undefined;
    if (code !== undefined && !isXmlChar(code)) return `reference to a character XML forbids: ${m[0]}`;
  }
  return undefined;
}

/** Why `xml` is not well-formed, or undefined when it is. */
export function xmlProblem(xml: string): string | undefined {
  const bad = INVALID_CHAR.exec(xml);
  if (bad) return `character U+${bad[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${bad.index}`;
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) return 'unterminated XML declaration';
    i = end + 2;
  }
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (text !== '') {
      if (stack.length === 0 && text.trim() !== '') return `text outside the root element: “${text.slice(0, 20)}”`;
      if (text.includes(']]>')) return '“]]>” in text';
      const problem = referenceProblem(text);
      if (problem) return problem;
    }
    if (lt < 0) break;
    const rest = xml.slice(lt, lt + 4096);
    if (rest.startsWith('<!--')) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0 || xml.slice(lt + 4, end).includes('--')) return 'bad comment';
      i = end + 3;
    } else if (rest.startsWith('<![CDATA[')) {
      if (stack.length === 0) return 'CDATA outside the root element';
      const end = xml.indexOf(']]>', lt);
      if (end < 0) return 'unterminated CDATA';
      i = end + 3;
    } else if (rest.startsWith('<?')) {
      const end = xml.indexOf('?>', lt);
      if (end < 0) return 'unterminated processing instruction';
      i = end + 2;
    } else if (rest.startsWith('<!')) {
      return 'DOCTYPE or other declaration (a .docx has none)';
    } else if (rest.startsWith('</')) {
      const m = END_TAG.exec(rest);
      if (!m) return `bad end tag at ${lt}`;
      const open = stack.pop();
      if (open !== m[1]) return `</${m[1]}> closes <${open ?? '(nothing)'}>`;
      i = lt + m[0].length;
    } else {
      // Start tags can be long (many attributes): match against the text up to the next '>'.
      const close = xml.indexOf('>', lt);
      if (close < 0) return `unterminated tag at ${lt}`;
      const tag = xml.slice(lt, close + 1);
      const m = START_TAG.exec(tag);
      if (!m || m[0].length !== tag.length) return `bad start tag “${tag.slice(0, 40)}”`;
      const names = new Set<string>();
      for (const a of m[2]!.matchAll(ATTRIBUTE)) {
        if (names.has(a[1]!)) return `duplicate attribute ${a[1]} in <${m[1]}>`;
        names.add(a[1]!);
        const problem = referenceProblem(a[2] ?? a[3] ?? '');
        if (problem) return problem;
      }
      if (stack.length === 0 && ++roots > 1) return 'more than one root element';
      if (m[3] !== '/') stack.push(m[1]!);
      i = close + 1;
    }
  }
  if (stack.length > 0) return `<${stack[stack.length - 1]}> is never closed`;
  if (roots !== 1) return 'no root element';
  return undefined;
}

/** Problems of a .docx: not a zip, a required part missing, or a part that is not well-formed XML. */
export function docxProblems(bytes: Uint8Array): string[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (err) {
    return [`not a zip file: ${String(err)}`];
  }
  const problems: string[] = [];
  for (const required of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml']) {
    if (!entries[required]) problems.push(`missing ${required}`);
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const [name, data] of Object.entries(entries)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    let xml: string;
    try {
      xml = decoder.decode(data);
    } catch {
      problems.push(`${name}: not UTF-8`);
      continue;
    }
    const problem = xmlProblem(xml);
    if (problem) problems.push(`${name}: ${problem}`);
  }
  return problems;
}
