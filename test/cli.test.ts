// The `fazhi` command as a user runs it: messages, exit codes, files written and never overwritten.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fazhi, ROOT, scratchDir } from './helpers/cli.js';
import { readDocx } from './helpers/docx.js';
import { MINIMAL } from './helpers/minimal.js';

describe('fazhi --help', () => {
  it('explains the commands in Chinese', () => {
    const r = fazhi(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('法治政府建设年度报告生成工具');
    for (const c of ['validate', 'render', 'init']) expect(r.stdout).toContain(c);
  });
  it('has help for each command', () => {
    const r = fazhi(['render', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('用法：fazhi render');
  });
  it('rejects an unknown command or option with exit code 2', () => {
    expect(fazhi(['rendr']).code).toBe(2);
    const r = fazhi(['validate', '--strict', 'x.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知的选项“--strict”');
    expect(fazhi(['validate']).code).toBe(2);
  });
});

describe('fazhi validate', () => {
  it('accepts the example data with exit code 0', () => {
    const r = fazhi(['validate', 'data/示例区/2024/report.yaml', 'data/示例区/2023/report.yaml']);
    expect(r.stdout).toContain('检查了 2 个文件，没有发现问题。');
    expect(r.code).toBe(0);
  });
  it('prints path:line:column 错误 message and exits 1, without a stack trace', () => {
    const dir = scratchDir();
    const file = path.join(dir, '报告.yaml');
    writeFileSync(file, MINIMAL.replace('year: 2024', 'year: 二〇二四'));
    const r = fazhi(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}:2:7 错误 “year”（报告年度）应为整数，现在是文字“二〇二四”。`);
    expect(r.stdout + r.stderr).not.toMatch(/at \w+ \(|node:internal|TypeError/);
  });
  it('exits 0 with warnings only', () => {
    const dir = scratchDir();
    const file = path.join(dir, 'r.yaml');
    writeFileSync(file, MINIMAL.replace('    - heading: 健全依法决策机制', '    - heading: 一、健全依法决策机制'));
    const r = fazhi(['validate', file]);
    expect(r.stdout).toContain('警告');
    expect(r.code).toBe(0);
  });
  it('says so when a file does not exist', () => {
    const r = fazhi(['validate', '没有这个文件.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('没有这个文件.yaml 错误 找不到这个文件，请检查路径和文件名。');
  });
  it('reads a GBK-encoded file and says which encoding it was', () => {
    const dir = scratchDir();
    const file = path.join(dir, 'gbk.yaml');
    // GBK bytes of a one-line report fragment (encoded by hand: Node cannot encode GBK).
    const gbk = Buffer.from([0x75, 0x6e, 0x69, 0x74, 0x3a, 0x20, 0xb2, 0xe2, 0xca, 0xd4, 0x0a]); // "unit: 测试\n"
    writeFileSync(file, gbk);
    const r = fazhi(['validate', file]);
    expect(r.stdout).toContain('文件是 GBK（GB18030）编码，已正确读取');
    expect(r.stdout).toContain('“unit”（报告单位）应为“键: 值”形式的内容，现在是文字“测试”。');
  });
});

describe('fazhi render', () => {
  it('writes the .docx under output/, mirroring the data path, named after the title', () => {
    const dir = scratchDir();
    mkdirSync(path.join(dir, 'data', '测试区', '2024'), { recursive: true });
    const input = path.join(dir, 'data', '测试区', '2024', 'report.yaml');
    writeFileSync(input, MINIMAL.replace(/\n/g, '\r\n'));
    const before = readFileSync(input);
    const r = fazhi(['render', 'data/测试区/2024/report.yaml'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = path.join('output', '测试区', '2024', '测试区人民政府关于2024年度法治政府建设情况的报告.docx');
    expect(r.stdout).toContain(`已生成：${out}`);
    expect(existsSync(path.join(dir, out))).toBe(true);
    expect(readFileSync(input)).toEqual(before);
  });
  it('writes to the file given with -o', async () => {
    const dir = scratchDir();
    const r = fazhi(['render', path.join(ROOT, 'data/示例区/2024/departments/示例区司法局.yaml'), '-o', path.join(dir, '司法局.docx')]);
    expect(r.code).toBe(0);
    const docx = await readDocx(readFileSync(path.join(dir, '司法局.docx')));
    expect(docx.paragraphs.map((p) => p.text)).toContain('示例区司法局2024年法治政府建设年度报告');
  });
  it('refuses invalid data with the same messages and writes nothing', () => {
    const dir = scratchDir();
    const input = path.join(dir, 'r.yaml');
    writeFileSync(input, MINIMAL.replace('level: district', 'level: county'));
    const r = fazhi(['render', input, '-o', path.join(dir, 'out')], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${input}:1:8 错误`);
    expect(r.stderr).toContain('未生成');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
  it('names the template file and line of a template error', () => {
    const dir = scratchDir();
    const templates = path.join(dir, '模板');
    mkdirSync(path.join(templates, 'district'), { recursive: true });
    writeFileSync(path.join(templates, 'district', 'report.hbs'), '@title {{title}}\n@part measures 标题\n{{#if year}}\n@closing 特此报告。\n');
    const input = path.join(dir, 'r.yaml');
    writeFileSync(input, MINIMAL);
    const r = fazhi(['render', input, '--templates', templates, '-o', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/模板[\\/]district[\\/]report\.hbs:\d+:\d+ 错误 模板语法错误/);
  });
  it('reports an unknown directive in a template at its line', () => {
    const dir = scratchDir();
    writeFileSync(path.join(dir, 'report.hbs'), '@title 标题\n@part measures 一\n@sign\n');
    const input = path.join(dir, 'r.yaml');
    writeFileSync(input, MINIMAL);
    const r = fazhi(['render', input, '--templates', dir, '-o', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${path.join(dir, 'report.hbs')}:3:1 错误 模板输出了无法识别的一行“@sign”`);
  });
});

describe('fazhi init', () => {
  it('writes a commented skeleton that validates once filled, and never overwrites', () => {
    const dir = scratchDir();
    const r = fazhi(['init', '--level', 'district', '--unit', '新区', '--year', '2025'], dir);
    expect(r.code).toBe(0);
    const file = path.join(dir, 'data', '新区', '2025', 'report.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*schema\/report\.schema\.json$/);
    expect(text).toContain('# 第一部分：主要举措和成效');

    const unfilled = fazhi(['validate', file], dir);
    expect(unfilled.code).toBe(1);
    expect(unfilled.stdout).toContain('“heading”（小标题）没有填写内容。');

    const filled = text
      .replace('preamble: >-                  # 导语：概述全年工作，以“现将有关情况报告如下：”结尾\n  \n', 'preamble: 2025年，新区扎实推进法治政府建设。\n')
      .replace('    - heading:                # 小标题，例如：深入学习贯彻习近平法治思想', '    - heading: 深入学习贯彻习近平法治思想')
      .replace('        - lead:               # 该项的短语，例如：强化理论武装（可以不写 lead，只写 text）\n          text: >-\n            \n', '        - lead: 强化理论武装\n          text: 开展专题学习4次。\n')
      .replace('shortcomings:\n  intro: >-\n    \n', 'shortcomings:\n  intro: 基层执法力量不足。\n')
      .replace('duties:\n  intro: >-\n    \n', 'duties:\n  intro: 主要负责人带头述法。\n')
      .replace('plans:\n  items:\n    - \n', 'plans:\n  items:\n    - 深化行政执法监督。\n')
      .replace('date:                         # 成文日期，例如 2026-01-20', 'date: 2026-01-20');
    writeFileSync(file, filled);
    const ok = fazhi(['validate', file], dir);
    expect(ok.stdout).toContain('没有发现问题');
    expect(ok.code).toBe(0);
    expect(fazhi(['render', file], dir).code).toBe(0);

    const again = fazhi(['init', '--level', 'district', '--unit', '新区', '--year', '2025'], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('已经存在，未做任何修改');
    expect(readFileSync(file, 'utf8')).toBe(filled);
  });
  it('places department and township skeletons under the district folder', () => {
    const dir = scratchDir();
    expect(fazhi(['init', '--level', 'department', '--unit', '新区司法局', '--district', '新区', '--year', '2025'], dir).code).toBe(0);
    expect(existsSync(path.join(dir, 'data', '新区', '2025', 'departments', '新区司法局.yaml'))).toBe(true);
    expect(fazhi(['init', '--level', 'town', '--unit', '新街道', '--district', '新区', '--year', '2025'], dir).code).toBe(0);
    expect(existsSync(path.join(dir, 'data', '新区', '2025', 'towns', '新街道.yaml'))).toBe(true);
    const r = fazhi(['init', '--level', 'department', '--unit', '新区司法局', '--year', '2025'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--district');
  });
});

describe('fazhi render, several files with the same title', () => {
  it('names the later output after its data file instead of overwriting the first', async () => {
    const dir = scratchDir();
    const a = path.join(dir, '甲.yaml');
    const b = path.join(dir, '乙.yaml');
    writeFileSync(a, MINIMAL);
    writeFileSync(b, MINIMAL.replace('基层执法力量仍然不足。', '乙文件的不足。'));
    const out = path.join(dir, 'out');
    const r = fazhi(['render', a, b, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`“${b}”与“${a}”的标题相同，为免覆盖，输出改名为“测试区人民政府关于2024年度法治政府建设情况的报告（乙.yaml）.docx”。`);
    const first = await readDocx(readFileSync(path.join(out, '测试区人民政府关于2024年度法治政府建设情况的报告.docx')));
    const second = await readDocx(readFileSync(path.join(out, '测试区人民政府关于2024年度法治政府建设情况的报告（乙.yaml）.docx')));
    expect(first.paragraphs.map((p) => p.text)).toContain('基层执法力量仍然不足。');
    expect(second.paragraphs.map((p) => p.text)).toContain('乙文件的不足。');
  });
});
