// Keyboard slips that YAML accepts but that would change what the clerk typed, and syntax errors
// whose cause is elsewhere than where the parser noticed them: each gets one Chinese sentence at
// the line of its cause (issue #14).
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/diagnostic.js';
import { validateText } from '../src/pipeline.js';
import { MINIMAL } from './helpers/minimal.js';

const messages = (text: string): string[] => validateText(text, 'r.yaml').diagnostics.map(formatDiagnostic);

const replace = (from: string, to: string): string => {
  if (!MINIMAL.includes(from)) throw new Error(`fixture lacks ${from}`);
  return MINIMAL.replace(from, to);
};

describe('slips YAML accepts', () => {
  const cases: [string, string, string[]][] = [
    [
      'a list item indented too far is folded into the item above',
      replace('    - 完善行政执法协调监督工作体系。', '    - 完善行政执法协调监督工作体系。\n      - 着力提升行政执法质量。'),
      [
        'r.yaml:22:7 错误 这一行“- 着力提升行政执法质量。”以“- ”开头，像是一个新的列表项，但它比上面第 21 行的“- ”缩进得多，被并入了那一项的文字（文档中会出现“ - ”，序号也会少一个）。请让两行的“- ”对齐；如果它确实是上一项文字的一部分，请给整段文字加上引号。',
      ],
    ],
    [
      'a full-width comma between the items of a [ ] list',
      replace('recipients:\n  - 测试市人民政府', 'recipients: [中共测试市委，测试市人民政府]'),
      ['r.yaml:6:20 警告 方括号中的“中共测试市委，测试市人民政府”是一项：各项之间要用英文逗号“,”分隔，中文逗号“，”不起分隔作用。如果这是几项，请把“，”改为“,”；如果确是一项，请给它加上引号。'],
    ],
    [
      'text after " #" is a comment',
      replace('    - 完善行政执法协调监督工作体系。', '    - 着力提升行政执法质量 #重点 和效能。'),
      [
        'r.yaml:21:18 警告 “#重点 和效能。”被当作注释（“#”前有空格时，从“#”起到行末都是注释），没有进入文档。如果它是正文的一部分，请给整段文字加上引号，例如 "…#重点 和效能。"；如果确是说明，请在“#”前空两格、后空一格。',
      ],
    ],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(messages(text)).toEqual(expected);
  });

  it('a comment written as a comment (two spaces, "# ") or after a code is not flagged', () => {
    expect(messages(replace('    - 完善行政执法协调监督工作体系。', '    - 完善行政执法协调监督工作体系。  # 重点'))).toEqual([]);
    expect(messages(replace('level: district', 'level: district #区'))).toEqual([]);
    expect(messages(replace('date: 2025-01-15', 'date: 2025-01-15 #成文'))).toEqual([]);
  });

  it('a "- " inside a >- block or quoted text is text as typed', () => {
    expect(messages(replace('  intro: 基层执法力量仍然不足。', '  intro: >-\n    基层执法力量仍然不足：\n    - 人员少。'))).toEqual([]);
  });
});

describe('syntax errors at their cause', () => {
  const cases: [string, string, string[]][] = [
    [
      'unclosed quote',
      replace('  short: 测试区', '  short: "测试区'),
      ['r.yaml:5:10 错误 这里的引号 " 没有配对的结束引号，后面的内容都被当成了这段文字。请在这段文字末尾补上 "（与开头同一种英文引号），或删去开头的引号。'],
    ],
    [
      'a colon and a space inside text',
      replace('          text: 全年审议重大行政决策事项5项。', '          text: 主要做法: 学法12次。'),
      ['r.yaml:13:21 错误 文字中的英文冒号后面跟着空格（“主要做法: ”），YAML 会把它当作又一个“键: 值”。请给整段文字加上引号，例如 text: "主要做法: 学法12次。"，或改用中文冒号“：”。'],
    ],
    [
      'the last line of a preamble lost its indentation',
      replace('recipients:', 'preamble: >-\n  2024年，测试区扎实推进法治政府建设。\n现将有关情况报告如下：\nrecipients:'),
      ['r.yaml:8:1 错误 这一行“现将有关情况报告如下：”的缩进比上一行（第 7 行）少，又不是“键: 值”：如果它是上面那段文字的一部分，请让两行左端对齐（一段文字的各行缩进要相同）。'],
    ],
    [
      'text starting with "!"',
      replace('        - 开展合法性审核120件。', '        - !开展合法性审核120件。'),
      ['r.yaml:14:11 错误 文字不能以“!”开头（YAML 把它当作特殊标记）；请给这段文字加上引号，例如 "!…"，或删去这个符号。'],
    ],
    [
      'a key indented too far under an item',
      replace('          text: 全年审议重大行政决策事项5项。', '            text: 全年审议重大行政决策事项5项。'),
      ['r.yaml:13:13 错误 这一行的键“text”比上一行（第 12 行）的键“lead”缩进得多，被当成了上一行文字的延续；同一层级的键要左端对齐，请检查这两行哪一行的缩进多了或少了。'],
    ],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(messages(text)).toEqual(expected);
  });
});

describe('positions inside >- blocks point at the line holding the words', () => {
  it('an unknown reference on the third line of a paragraph', () => {
    const text = replace('  intro: 基层执法力量仍然不足。', '  intro: >-\n    基层执法力量仍然不足，\n    人员配备不够，\n    全年收案〔review_cases〕。');
    expect(messages(text)).toEqual([
      'r.yaml:19:9 错误 引用了未定义的数据项“〔review_cases〕”：metrics 中没有标识为“review_cases”的数据项，请在 metrics 中添加这一项，或检查拼写。',
    ]);
  });

  it('a placeholder in a block is reported at its line', () => {
    const text = replace('  intro: 区政府主要负责人带头学法。', '  intro: >-\n    区政府主要负责人带头学法，\n    【待填写】全年述法情况。');
    expect(messages(text)[0]).toMatch(/^r\.yaml:20:5 错误 尚未填写/);
  });

  it('a type error about a block value points at its first line of text', () => {
    const text = replace('  intro: 基层执法力量仍然不足。', '  intro: >-\n    一是基层执法力量仍然不足。');
    expect(messages(text)).toEqual([
      'r.yaml:17:5 警告 段落开头手写了序号“一是”。段落不会自动编号；如果这里是并列的几项，请把它们移到 items 中（每项一行“- ”，工具会自动编为“一是”“二是”或（一）（二）），并删去手写的序号。',
    ]);
  });
});

describe('years and titles that disagree', () => {
  it('title_lines that do not spell the title', () => {
    const text = replace('recipients:', 'title: 测试区人民政府关于2024年度法治政府建设情况的报告\ntitle_lines:\n  - 测试区人民政府关于2024年度\n  - 法治政府建设情况报告\nrecipients:');
    expect(messages(text)).toEqual([
      'r.yaml:8:3 错误 标题分行（title_lines）合起来是“测试区人民政府关于2024年度法治政府建设情况报告”，与标题（title）“测试区人民政府关于2024年度法治政府建设情况的报告”不一致，文档中会印出分行的文字。请把两处改成一致，或删去 title_lines，由工具自动分行。',
    ]);
  });

  it('a preamble and a date from other years', () => {
    const text = replace('recipients:', 'preamble: >-\n  2025年，测试区扎实推进法治政府建设。\nrecipients:').replace('date: 2025-01-15', 'date: 2026-01-15');
    expect(messages(text)).toEqual([
      'r.yaml:7:3 警告 导语开头写的是 2025 年，报告年度（year）是 2024 年，请核对哪一个对。',
      'r.yaml:26:7 警告 成文日期是 2026 年，报告年度（year）是 2024 年：年度报告一般在次年（2025 年）年初成文，请核对年度和日期。',
    ]);
  });
});
