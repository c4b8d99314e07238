// Layout profiles are input too: every value typed and within a sane range, the page left with a
// 版心, no control characters in texts that reach the footer; messages like a report's, at
// file:line:column, exit 1 — never the docx library's English error, a hang or out of memory.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProfile } from '../src/layout/load-profile.js';
import { GBT9704 } from '../src/layout/profile.js';
import { fazhi, ROOT, scratchDir } from './helpers/cli.js';
import { STACK_TRACE } from './helpers/hostile.js';

const dir = scratchDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function messages(yaml: string): string[] {
  writeFileSync(path.join(dir, 'p.yaml'), yaml);
  try {
    loadProfile(path.join(dir, 'p.yaml'), 'p.yaml');
  } catch (err) {
    return (err as Error).message.split('\n');
  }
  return [];
}

describe('a profile’s values', () => {
  it.each([
    ['page:\n  marginTopMm: -5\n', 'p.yaml:2:16 错误 版式文件：“marginTopMm”（上边距（毫米））的值 -5 超出范围，应在 0 到 150 之间。'],
    ['grid:\n  linesPerPage: 0\n', 'p.yaml:2:17 错误 版式文件：“linesPerPage”（每页行数）的值 0 超出范围，应在 5 到 60 之间。'],
    ['grid:\n  linesPerPage: -5\n', 'p.yaml:2:17 错误 版式文件：“linesPerPage”（每页行数）的值 -5 超出范围，应在 5 到 60 之间。'],
    ['grid:\n  linesPerPage: .nan\n', 'p.yaml:2:17 错误 版式文件：“linesPerPage”（每页行数）应为整数，现在是文字“.nan”。'],
    ['grid:\n  charsPerLine: 0\n', 'p.yaml:2:17 错误 版式文件：“charsPerLine”（每行字数）的值 0 超出范围，应在 5 到 60 之间。'],
    ['grid:\n  linePitchTwips: 0\n', 'p.yaml:2:19 错误 版式文件：“linePitchTwips”（行距（缇））的值 0 超出范围，应在 100 到 2000 之间。'],
    ['fonts:\n  body:\n    size: .inf\n', 'p.yaml:3:11 错误 版式文件：“size”（字号（磅））应为数字，现在是文字“.inf”。'],
    ['fonts:\n  title:\n    size: 1000000000\n', 'p.yaml:3:11 错误 版式文件：“size”（字号（磅））的值 1000000000 超出范围，应在 5 到 72 之间。'],
    ['colophon:\n  outerRuleEighths: 1000000000\n', 'p.yaml:2:21 错误 版式文件：“outerRuleEighths”（首末分隔线粗细（1/8 磅））的值 1000000000 超出范围，应在 2 到 96 之间。'],
    ['signature:\n  blankLinesBefore: 10000000\n', 'p.yaml:2:21 错误 版式文件：“blankLinesBefore”（署名前空行数）的值 10000000 超出范围，应在 0 到 10 之间。'],
    ['pageNumber:\n  suffix: " —\\u0007"\n', 'p.yaml:2:11 错误 版式文件：这里有 1 个无法写入 Word 文档的不可见字符（U+0007），版式中不能有这种字符，请删除。'],
    ['pageNumber:\n  suffix: " —\\n"\n', 'p.yaml:2:11 错误 版式文件：“suffix”（页码后的文字）的写法不对：“ —\\u000a”。例如“ —”；最多 10 个字符，不能含有换行符等控制字符。'],
    ['page:\n  widthMm: 100\n  marginLeftMm: 60\n', 'p.yaml:3:17 错误 版式文件：页面宽 100 毫米减去左右边距（60 + 26 毫米）后，版心只剩 14 毫米宽，至少应有 50 毫米。'],
    ['page:\n  heightMm: 100\n', 'p.yaml:2:13 错误 版式文件：页面高 100 毫米减去上下边距（37 + 35 毫米）后，版心只剩 28 毫米高，至少应有 50 毫米。'],
    ['page:\n  footerMm: 40\n', 'p.yaml:2:13 错误 版式文件：页码位置（距页面下边缘 40 毫米）应在下边距（35 毫米）之内，否则页码会压住正文。'],
    ['fonts:\n  titel:\n    size: 18\n', 'p.yaml:2:3 错误 版式文件：未知的键“titel”，是否应为“title”？'],
  ])('%j → one Chinese message at its line', (yaml, message) => {
    const out = messages(yaml);
    expect(out[0]).toBe(message);
    expect(out.at(-1)).toBe('版式文件“p.yaml”有错误，未生成文档；请按上面的提示修改。');
  });

  it('an empty profile is the standard; a sane one applies', () => {
    writeFileSync(path.join(dir, 'empty.yaml'), '# 没有设置\n');
    expect(loadProfile(path.join(dir, 'empty.yaml'))).toBe(GBT9704);
    writeFileSync(path.join(dir, 'ok.yaml'), 'table:\n  cellFont:\n    bold: true\npage:\n  marginTopMm: 30\n');
    const p = loadProfile(path.join(dir, 'ok.yaml'));
    expect(p.page.marginTopMm.value).toBe(30);
    expect(p.table.cellFont.bold?.value).toBe(true);
  });

  it('through the CLI: exit 1, the messages, no stack trace, no output written', () => {
    writeFileSync(path.join(dir, 'bad.yaml'), 'grid:\n  linesPerPage: 0\nsignature:\n  blankLinesBefore: 10000000\n');
    const out = path.join(dir, 'out');
    const r = fazhi(['render', path.join(ROOT, 'data/示例区/2024/report.yaml'), '--profile', path.join(dir, 'bad.yaml'), '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.yaml:2:17 错误 版式文件：“linesPerPage”（每页行数）的值 0 超出范围');
    expect(r.stderr).toContain('bad.yaml:4:21 错误 版式文件：“blankLinesBefore”（署名前空行数）的值 10000000 超出范围');
    expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
  });
});
