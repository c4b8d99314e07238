// YAML syntax errors in Chinese, at the place of their cause. The yaml library's codes are
// stable; its English text is not shown to users. The library reports where it noticed the
// problem (an unclosed quote: at the end of the file); the clerk needs where it was made, and
// why in the words of what was typed: a colon inside text, a line that lost its indentation.

import { Lexer, type YAMLError } from 'yaml';
import { lineOf, positionIn } from './positions.js';

const BY_CODE: Record<string, string> = {
  BAD_INDENT: '缩进不对：同一层级的内容要对齐，下一层级要多缩进两个空格。',
  TAB_AS_INDENT: '缩进不能使用 Tab 键，请改用空格（每一层两个空格）。',
  MISSING_CHAR: '这一行缺少冒号或冒号后的空格：应写成“键: 值”（英文冒号，后面加一个空格）。',
  MULTILINE_IMPLICIT_KEY: '这一行格式不对：应写成“键: 值”（英文冒号，后面加一个空格）；如果是上一行文字的延续，请检查缩进。',
  BLOCK_AS_IMPLICIT_KEY: '列表项（以“- ”开头的行）的缩进不对，请与同一列表的其他项对齐。',
  UNEXPECTED_TOKEN: '这里出现了多余或无法识别的字符，请检查引号、括号和冒号是否成对、是否用了英文符号。',
  BAD_SCALAR_START: '文字不能以这个符号开头；请给这段文字加上引号，例如 "…"。',
  BAD_DQ_ESCAPE: '双引号内的反斜杠“\\”写法不对；如果不需要特殊符号，请去掉反斜杠或改用单引号。',
  MULTIPLE_DOCS: '一个文件只能包含一份报告（文件中出现了“---”分隔的多个文档）。',
  KEY_OVER_1024_CHARS: '键名太长（超过 1024 个字符），可能是缺少了冒号。',
  BLOCK_IN_FLOW: '方括号或花括号内不能换行书写列表或多行文字。',
  BAD_ALIAS: '锚点或别名（&、*）写法不对。',
  MULTIPLE_ANCHORS: '同一个值上有多个锚点（&）。',
  MULTIPLE_TAGS: '同一个值上有多个标记（!）。',
  BAD_PROP_ORDER: '锚点（&）或标记（!）的位置不对。',
  TAG_RESOLVE_FAILED: '无法识别这个标记（以“!”开头）；请去掉它，或给文字加上引号。',
  BAD_COLLECTION_TYPE: '这里的列表或键值写法与上下文不符。',
  NON_STRING_KEY: '键名只能是文字。',
  ALIAS_PROPS: '别名（*）上不能再加锚点或标记。',
  BAD_DIRECTIVE: '无法识别以“%”开头的指令行。',
  IMPOSSIBLE: '文件结构无法解析，请检查这一行附近的缩进和符号。',
};

/** The message for a code, refined by what the line holds (full-width colon, missing space…). */
export function yamlErrorMessage(code: string, lineText: string): string {
  // “level：district”: a key, then a full-width colon. Text that merely contains “：” (the end of
  // a preamble, “报告如下：”) is not this slip.
  if (/^\s*(?:-\s+)?[A-Za-z_][\w-]*\s*：/.test(lineText) && !/:\s/.test(lineText)) {
    return '键和值之间用了中文冒号“：”，请改为英文冒号“:”，后面加一个空格。';
  }
  if (/^\s*(?:-\s+)?[A-Za-z_]+:[^\s]/.test(lineText)) {
    return '冒号后面缺少空格：应写成“键: 值”（英文冒号，后面加一个空格）。';
  }
  if (/^\u3000/.test(lineText)) {
    return '行首用了全角空格缩进，请改用半角空格。';
  }
  return BY_CODE[code] ?? `YAML 格式错误（${code}），请检查这一行附近的缩进和符号。`;
}

// The lexer's own marker tokens, which are not source text.
const LEXER_MARKERS = new Set(['\x02', '\x18', '\x1f', '\ufeff']);

/** The offset of the quote that opens a quoted text never closed, if there is one. */
function unclosedQuote(text: string): number | undefined {
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token.length === 1 && LEXER_MARKERS.has(token)) continue; // not source text
    const q = token[0];
    if (q === '"' || q === "'") {
      const closed =
        token.length > 1 && token.endsWith(q) && (q === "'" || /(^|[^\\])(\\\\)*"$/.test(token.slice(1)));
      if (!closed) return offset;
    }
    offset += token.length;
  }
  return undefined;
}

function indentOf(line: string): number {
  return /^ */.exec(line)![0].length;
}

/** The nearest line above `line` (1-based) that holds something other than a comment. */
function previousContentLine(text: string, line: number): string {
  for (let n = line - 1; n >= 1; n--) {
    const l = lineOf(text, n);
    if (l.trim() !== '' && !/^\s*#/.test(l)) return l;
  }
  return '';
}

/** The offset where the nearest content line above `line` starts. */
function previousContentLineStart(text: string, line: number): number | undefined {
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0 && starts.length < line; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  for (let n = line - 1; n >= 1; n--) {
    const l = lineOf(text, n);
    if (l.trim() !== '' && !/^\s*#/.test(l)) return starts[n - 1];
  }
  return undefined;
}

/** The nearest line below `line` that holds something other than a comment, with its offset. */
function nextContentLine(text: string, line: number): { text: string; offset: number } | undefined {
  let start = 0;
  for (let n = 1; n <= line; n++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  for (;;) {
    const nl = text.indexOf('\n', start);
    const l = (nl < 0 ? text.slice(start) : text.slice(start, nl)).replace(/\r$/, '');
    if (l.trim() !== '' && !/^\s*#/.test(l)) return { text: l, offset: start };
    if (nl < 0) return undefined;
    start = nl + 1;
  }
}

/** The column (0-based) where the key of a `key: value` or `- key: value` line starts. */
function keyColumn(line: string): number {
  return /^[\s-]*/.exec(line)![0].length;
}

const KEY_THEN_TEXT = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):\s+([^"'\s|>[{].*)$/;

/**
 * The message for the first syntax error of a file and the offset it belongs at.
 */
export function explainSyntaxError(err: YAMLError, text: string): { message: string; offset: number } {
  const offset = err.pos[0];
  const at = positionIn(text, offset);
  const line = lineOf(text, at.line);

  // An unclosed quote is noticed at the end of the file; the cause is where the quote opens.
  if (err.code === 'MISSING_CHAR' && /Missing closing/.test(err.message)) {
    const open = unclosedQuote(text);
    if (open !== undefined) {
      const q = text[open];
      return {
        message: `这里的引号 ${q} 没有配对的结束引号，后面的内容都被当成了这段文字。请在这段文字末尾补上 ${q}（与开头同一种英文引号），或删去开头的引号。`,
        offset: open,
      };
    }
  }

  // `- !着力…` / `text: &重点…`: YAML reads “!” and “&” at the start of a value as a tag or anchor.
  if (/Tags and anchors must be separated/.test(err.message) || err.code === 'TAG_RESOLVE_FAILED') {
    const m = /^(\s*(?:-\s+|[^:#]+:\s+))([!&])/.exec(line);
    if (m) {
      return {
        message: `文字不能以“${m[2]}”开头（YAML 把它当作特殊标记）；请给这段文字加上引号，例如 "${m[2]}…"，或删去这个符号。`,
        offset: offset - (at.column - 1) + m[1]!.length,
      };
    }
  }

  // `text: 主要做法: 学法12次。`: a colon and a space inside the text make YAML see a second key.
  const keyed = KEY_THEN_TEXT.exec(line);
  if (keyed && (err.code === 'BLOCK_AS_IMPLICIT_KEY' || err.code === 'MULTILINE_IMPLICIT_KEY') && /:\s/.test(keyed[3]!)) {
    const value = keyed[3]!.replace(/\s+#.*$/, '');
    const inner = value.indexOf(': ');
    const colonAt = offset - (at.column - 1) + keyed[1]!.length + keyed[2]!.length + line.slice(keyed[1]!.length + keyed[2]!.length).indexOf(value) + inner;
    return {
      message: `文字中的英文冒号后面跟着空格（“${value.slice(Math.max(0, inner - 6), inner + 2)}”），YAML 会把它当作又一个“键: 值”。请给整段文字加上引号，例如 ${keyed[2]}: "${value.replace(/"/g, '\\"')}"，或改用中文冒号“：”。`,
      offset: colonAt >= 0 ? colonAt : offset,
    };
  }

  // `text: 全年 #审议…` followed by the rest of the paragraph: the comment ended the text, and the
  // next line cannot continue it. The cause is the “ #” above.
  {
    const aboveAt = previousContentLineStart(text, at.line);
    if (aboveAt !== undefined) {
      const aboveLine = lineOf(text, positionIn(text, aboveAt).line);
      const cut = /^(\s*(?:-\s+)?(?:[A-Za-z_][\w-]*:\s+)?)([^\s#"'>|&!*][^#]*?)[ \t]#/.exec(aboveLine);
      if (cut && line.trim() !== '' && indentOf(line) > indentOf(aboveLine) && /[^\x00-\x7f]/.test(cut[2]!)) {
        const hash = cut[0].length - 1;
        return {
          message: `“#”前面有空格，从“#”起到行末被当作注释，这段文字在这里断开了，下一行因此接不上。如果“${aboveLine.slice(hash, hash + 12).trim()}”是正文，请给整段文字加上引号，或去掉“#”前的空格。`,
          offset: aboveAt + hash,
        };
      }
    }
  }

  // The same colon on the second line of a paragraph written without >-: the parser stops at the
  // paragraph's first line; the cause is the colon below.
  if (err.code === 'BLOCK_AS_IMPLICIT_KEY' || err.code === 'MULTILINE_IMPLICIT_KEY') {
    const next = nextContentLine(text, at.line);
    const colon = next && !/^\s*(?:-\s+)?[A-Za-z_][\w-]*:(\s|$)/.test(next.text) ? /[^\x00-\x7f]:(\s|$)/.exec(next.text) : null;
    if (next && colon && indentOf(next.text) > indentOf(line)) {
      const at2 = colon.index + 1;
      return {
        message: `文字中的英文冒号后面跟着空格（“${next.text.slice(Math.max(0, at2 - 6), at2 + 1).trim()} ”），YAML 会把它当作“键: 值”。请给整段文字加上引号，或改用“>-”另起一行书写，或改用中文冒号“：”。`,
        offset: next.offset + at2,
      };
    }
  }

  // A line that lost its indentation inside or after a paragraph: it is not `key: value`, and
  // it is less indented than the line above (the last line of a preamble moved to column 1).
  if (err.code === 'MULTILINE_IMPLICIT_KEY' || err.code === 'BLOCK_AS_IMPLICIT_KEY' || err.code === 'MISSING_CHAR') {
    const above = previousContentLine(text, at.line);
    const noKey = !/^\s*(?:-\s+)?[^\s#][^#]*?:(\s|$)/.test(line);
    if (noKey && line.trim() !== '' && indentOf(line) < indentOf(above)) {
      return {
        message: `这一行“${line.trim().slice(0, 16)}${line.trim().length > 16 ? '…' : ''}”的缩进比上一行（第 ${positionIn(text, previousContentLineStart(text, at.line) ?? 0).line} 行）少，又不是“键: 值”：如果它是上面那段文字的一部分，请让两行左端对齐（一段文字的各行缩进要相同）。`,
        offset: offset - (at.column - 1),
      };
    }
    // `lead: 规范决策程序` followed by `text: …` indented two spaces too far: the parser stops
    // at the line above; the cause is the line below.
    const next = nextContentLine(text, at.line);
    const opener = /^\s*(?:-\s+)?([A-Za-z_][\w-]*):\s*(#.*)?$/.exec(above);
    const ownKey = /^\s*([A-Za-z_][\w-]*):(\s|$)/.exec(line)?.[1];
    if (err.code === 'BLOCK_AS_IMPLICIT_KEY' && next && opener && ownKey && indentOf(above) === indentOf(line) && indentOf(next.text) > indentOf(line)) {
      // `unit:` / `name: …` (lost its indentation) / `  short: …`: the cause is this line.
      return {
        message: `这一行的键“${ownKey}”没有缩进，与上一行的“${opener[1]}:”对齐了，因此不属于“${opener[1]}”；如果它属于“${opener[1]}”，请在行首加空格，与下一行对齐。`,
        offset: offset - (at.column - 1) + indentOf(line),
      };
    }
    if (err.code === 'BLOCK_AS_IMPLICIT_KEY' && next && /^\s*[A-Za-z_][\w-]*:(\s|$)/.test(next.text) && indentOf(next.text) > keyColumn(line)) {
      const aboveKey = /^\s*(?:-\s+)?([A-Za-z_][\w-]*):/.exec(line)?.[1];
      return {
        message: `这一行的键“${/[A-Za-z_][\w-]*/.exec(next.text)![0]}”比上一行（第 ${at.line} 行）的${aboveKey ? `键“${aboveKey}”` : '内容'}缩进得多，被当成了上一行文字的延续；同一层级的键要左端对齐，请检查这两行哪一行的缩进多了或少了。`,
        offset: next.offset + indentOf(next.text),
      };
    }
  }
  // Two lines that should align and do not: either may be the one that moved, so both are named.
  if (err.code === 'BAD_INDENT') {
    const aboveAt = previousContentLineStart(text, at.line);
    const generic = yamlErrorMessage(err.code, line);
    if (aboveAt !== undefined && generic === BY_CODE.BAD_INDENT) {
      const aboveNumber = positionIn(text, aboveAt).line;
      return {
        message: `这一行与上一行（第 ${aboveNumber} 行）的缩进对不上：同一层级的内容要左端对齐，下一层级要多缩进两个空格。请检查这两行哪一行的缩进多了或少了。`,
        offset,
      };
    }
  }
  return { message: yamlErrorMessage(err.code, line), offset };
}
