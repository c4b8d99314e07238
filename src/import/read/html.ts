// HTML → text lines: blocks end lines, <br> breaks, table cells are joined by " | ". A streaming
// parser (htmlparser2), no tree and no recursion, so that a page nested 20 000 elements deep
// cannot overflow the stack. Inline formatting (<b>, <span>, <font>…) carries nothing the import
// needs and is dropped before parsing: 200 000 unclosed <b> would otherwise make every later
// element pay for the open ones.

import { Parser } from 'htmlparser2';
import { UserError } from '../../diagnostic.js';
import { IMPORT_LIMITS } from '../limits.js';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody',
  'thead', 'tfoot', 'tr', 'ul', 'caption', 'title', 'option', 'select', 'button', 'label', 'textarea',
]);
/** Elements whose content is never report text. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'canvas', 'textarea', 'select', 'button']);

const INLINE_TAG =
  /<\/?(?:a|abbr|b|big|cite|code|em|font|i|ins|kbd|mark|q|s|samp|small|span|strike|strong|sub|sup|tt|u|var|o:p|st1:[\w-]+|w:[\w-]+)(?:\s[^<>]*)?\/?>/gi;

export function htmlToLines(html: string, shown: string): string[] {
  let out = '';
  let skipDepth = 0;
  let preDepth = 0;
  let depth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        depth++;
        if (SKIP.has(name)) skipDepth++;
        if (skipDepth > 0) return;
        if (name === 'pre') preDepth++;
        if (name === 'br') out += '\n';
        else if (name === 'td' || name === 'th') out += ' | ';
        else if (BLOCK.has(name)) out += '\n';
      },
      onclosetag(name) {
        depth = Math.max(0, depth - 1);
        if (SKIP.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        if (BLOCK.has(name)) out += '\n';
      },
      ontext(text) {
        if (skipDepth > 0) return;
        out += preDepth > 0 ? text : text.replace(/[ \t\r\n\f]+/g, ' ');
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  const source = html.replace(/<!--[\s\S]*?-->/g, '').replace(INLINE_TAG, '');
  // In slices, so that a page nested too deeply is refused before the parser spends long on it.
  const SLICE = 64 * 1024;
  for (let i = 0; i < source.length; i += SLICE) {
    parser.write(source.slice(i, i + SLICE));
    if (depth > IMPORT_LIMITS.maxHtmlDepth) {
      throw new UserError(`“${shown}”中的网页元素嵌套超过 ${IMPORT_LIMITS.maxHtmlDepth} 层，不像是保存的报告网页，无法导入；请从浏览器中复制报告文字，保存为 .txt 后再导入。`);
    }
  }
  parser.end();
  // Inside a cell, paragraphs stay on the row's line; a row's leading " | " is dropped.
  return out
    .split('\n')
    .map((l) => l.replace(/^\s*\|\s*/, '').replace(/\s*\|\s*$/, ''))
    .filter((l) => l.trim() !== '');
}
