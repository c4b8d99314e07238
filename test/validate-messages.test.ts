// Each broken input produces the expected Chinese message at the expected line:column
// (the table doubles as documentation of what users see).
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/diagnostic.js';
import { validateText } from '../src/pipeline.js';
import { MINIMAL } from './helpers/minimal.js';

function messages(text: string): string[] {
  return validateText(text, 'r.yaml').diagnostics.map(formatDiagnostic);
}

const replace = (from: string, to: string): string => {
  if (!MINIMAL.includes(from)) throw new Error(`fixture lacks ${from}`);
  return MINIMAL.replace(from, to);
};

describe('validate: broken inputs', () => {
  it('accepts the minimal report', () => {
    expect(messages(MINIMAL)).toEqual([]);
  });

  const cases: [string, string, string[]][] = [
    ['year written in Chinese', replace('year: 2024', 'year: 二〇二四'), ['r.yaml:2:7 错误 “year”（报告年度）应为整数，现在是文字“二〇二四”。']],
    ['misspelt key', replace('year: 2024', 'yaer: 2024'), ['r.yaml:2:1 错误 未知的键“yaer”，是否应为“year”？']],
    [
      'unknown level',
      replace('level: district', 'level: county'),
      ['r.yaml:1:8 错误 “level”（报告主体层级）的值“county”无效，只能是：district（区/县政府）、department（政府部门）、town（乡镇/街道）。'],
    ],
    ['date before the year ends', replace('date: 2025-01-15', 'date: 2024-12-30'), ['r.yaml:24:7 错误 成文日期“2024-12-30”应在报告年度 2024 年之后（一般是 2025 年年初）。']],
    ['impossible date', replace('date: 2025-01-15', 'date: 2025-02-30'), ['r.yaml:24:7 错误 成文日期“2025-02-30”不是真实存在的日期，请核对月份和日。']],
    [
      'date in another format',
      replace('date: 2025-01-15', 'date: 2025.1.15'),
      ['r.yaml:24:7 错误 “date”（成文日期）的写法不对：“2025.1.15”。成文日期，写作 2025-01-20 或 2025年1月20日，应在报告年度之后。'],
    ],
    ['date left empty', replace('date: 2025-01-15', 'date:'), ['r.yaml:24:1 警告 还没有填写成文日期（date），生成的文档中署名下方将没有日期。']],
    ['missing part', replace('shortcomings:\n  intro: 基层执法力量仍然不足。\n', ''), ['r.yaml:1:1 错误 缺少必填项“shortcomings”（存在的不足和原因）。']],
    [
      'part left empty',
      replace('  intro: 基层执法力量仍然不足。', '  intro:'),
      ['r.yaml:15:1 错误 “shortcomings”（存在的不足和原因）没有内容：请填写 intro（段落）、items（分项）或 groups（标题分组）。'],
    ],
    ['required key left empty', replace('  short: 测试区', '  short:'), ['r.yaml:5:3 错误 “short”（单位简称）没有填写内容。']],
    ['full-width colon', replace('year: 2024', 'year：2024'), ['r.yaml:2:1 错误 键和值之间用了中文冒号“：”，请改为英文冒号“:”，后面加一个空格。']],
    ['missing space after colon', replace('year: 2024', 'year:2024'), ['r.yaml:2:1 错误 冒号后面缺少空格：应写成“键: 值”（英文冒号，后面加一个空格）。']],
    ['tab indentation', replace('  - 测试市人民政府', '\t- 测试市人民政府'), ['r.yaml:7:1 错误 缩进不能使用 Tab 键，请改用空格（每一层两个空格）。']],
    ['duplicate key', `${MINIMAL}level: town\n`, ['r.yaml:25:1 错误 键“level”在同一层级重复出现，后一个会覆盖前一个；请删除或合并重复的键。']],
    ['unknown key in an item', replace('          text: 全年审议重大行政决策事项5项。', '          txet: 全年审议重大行政决策事项5项。'), [
      'r.yaml:13:11 错误 未知的键“txet”，是否应为“text”？',
    ]],
    [
      'hand-typed heading number',
      replace('    - heading: 健全依法决策机制', '    - heading: （一）健全依法决策机制'),
      ['r.yaml:10:16 警告 标题开头手写了序号“（一）”；序号会自动生成，请删除，否则会重复。'],
    ],
    ['hand-typed item number', replace('        - 开展合法性审核120件。', '        - 二是开展合法性审核120件。'), ['r.yaml:14:11 警告 分项开头手写了序号“二是”；序号会自动生成，请删除，否则会重复。']],
    [
      'plans naming the wrong year',
      replace('plans:\n', 'plans:\n  heading: 2024年工作安排\n'),
      ['r.yaml:20:12 警告 下一年度主要安排应写 2025 年的打算，这里写的是 2024 年，请核对年份。'],
    ],
    [
      'percentage over 100 and a duplicate metric id',
      `${MINIMAL}metrics:\n  - id: rate\n    label: 出庭应诉率\n    value: 120\n    unit: "%"\n  - id: rate\n    label: 应诉\n    value: 3\n    unit: 件\n`,
      ['r.yaml:28:12 错误 “出庭应诉率”是百分比，数值 120 应在 0 到 100 之间。', 'r.yaml:30:9 错误 数据项标识“rate”重复（第 1 项已使用），请改用不同的标识。'],
    ],
    ['text instead of a list', replace('recipients:\n  - 测试市人民政府', 'recipients: 测试市人民政府'), ['r.yaml:6:13 错误 “recipients”（主送机关）应为列表（每项一行，以“- ”开头），现在是文字“测试市人民政府”。']],
    ['number where a paragraph belongs', replace('  intro: 基层执法力量仍然不足。', '  intro:\n    a: 1'), ['r.yaml:17:5 错误 “intro”（导语段落）应为文字或文字列表，现在是“键: 值”形式的内容。']],
    ['anchors and aliases', replace('  - 测试区人民政府\ndate', '  - &a 测试区人民政府\n  - *a\ndate'), ['r.yaml:23:8 错误 不支持 YAML 锚点和别名（&、*），请把内容直接写出来。']],
    ['not a map', '- 一\n- 二\n', ['r.yaml:1:1 错误 文件内容应是“键: 值”形式的报告数据（例如 level: district），而不是一段文字或一个列表。']],
    ['only comments', '# 只有注释\n\n# 没有内容\n', ['r.yaml 错误 文件是空的（或只有注释），没有报告内容。可以用 fazhi init 生成一份带说明的模板。']],
  ];

  it.each(cases)('%s', (_name, text, expected) => {
    expect(messages(text)).toEqual(expected);
  });

  it('reports every problem at once, in line order', () => {
    const text = replace('year: 2024', 'year: 二〇二四').replace('level: district', 'level: county').replace('  short: 测试区', '  shrot: 测试区');
    const lines = messages(text).map((m) => m.split(' ')[0]);
    expect(lines).toEqual(['r.yaml:1:8', 'r.yaml:2:7', 'r.yaml:5:3']);
  });

  it('keeps text that looks like a number as text, and reads year as an integer', () => {
    const text = replace('  short: 测试区', '  short: 1.10').replace('year: 2024', 'year: "2024"');
    const result = validateText(text, 'r.yaml');
    expect(result.diagnostics).toEqual([]);
    expect(result.report?.unit.short).toBe('1.10');
    expect(result.report?.year).toBe(2024);
  });

  it('reads CRLF line endings and a UTF-8 BOM', () => {
    const result = validateText(`\ufeff${MINIMAL.replace(/\n/g, '\r\n')}`, 'r.yaml');
    expect(result.diagnostics).toEqual([]);
    expect(result.report?.unit.name).toBe('测试区人民政府');
  });
});
