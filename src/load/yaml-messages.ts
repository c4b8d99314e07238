// YAML syntax errors in Chinese. The yaml library's codes are stable; its English text is not
// shown to users. Hints cover what clerks actually type: full-width colons and spaces, tabs.

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

export function yamlErrorMessage(code: string, lineText: string): string {
  if (/^\s*[^#\s][^:]*：/.test(lineText) && !/:\s/.test(lineText)) {
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
