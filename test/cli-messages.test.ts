// The command as a clerk meets it (issue #14): exit codes from one table, messages that name the
// cause in words, results that do not depend on the folder the command runs in, next steps that
// run when pasted, and quiet output when all is well.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fazhi, ROOT, scratchDir } from './helpers/cli.js';
import { MINIMAL } from './helpers/minimal.js';

const scratches: string[] = [];
const scratch = (): string => {
  const dir = scratchDir();
  scratches.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of scratches) rmSync(dir, { recursive: true, force: true });
});

const EXIT_CODES = '退出码：0 成功（可以有警告）；1 数据有错误或文件无法写入；2 命令用法有误；3 工具内部错误（请报告给维护者）。';

describe('exit codes and usage messages', () => {
  it('the main help and every command help list the exit codes', () => {
    expect(fazhi(['--help']).stdout).toContain(EXIT_CODES);
    for (const command of ['validate', 'render', 'watch', 'init', 'new-year', 'import', 'tasks']) {
      expect(fazhi([command, '--help']).stdout, command).toMatch(/退出码：0 .*；2 命令用法有误；3 工具内部错误/);
    }
  });

  it('-o without a value names the option without a stray comma', () => {
    const r = fazhi(['render', 'data/示例区/2024/report.yaml', '-o']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('选项“-o”后面需要写一个值。运行 fazhi render --help 查看用法。');
    expect(fazhi(['render', 'data/示例区/2024/report.yaml', '--output']).stderr).toContain('选项“--output”后面需要写一个值。');
  });

  it('a folder or file named by an option that does not exist is a usage error (2), for --templates as for --profile', () => {
    const templates = fazhi(['render', 'data/示例区/2024/report.yaml', '--templates', '不存在']);
    expect([templates.code, templates.stderr.trim()]).toEqual([2, '找不到模板文件夹“不存在”：请检查 --templates 后面的路径。']);
    const profile = fazhi(['render', 'data/示例区/2024/report.yaml', '--profile', '不存在.yaml']);
    expect(profile.code).toBe(2);
  });

  it('an output place that cannot be created says so without a system error code', () => {
    const r = fazhi(['render', 'data/示例区/2024/report.yaml', '-o', '/proc/不存在/x.docx']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('无法写入“/proc/不存在/x.docx”：');
    expect(r.stdout + r.stderr).not.toMatch(/E[A-Z]{3,}/);
  });

  it('init --level with an unknown level lists the valid ones', () => {
    const dir = scratch();
    const r = fazhi(['init', '--level', 'county', '--unit', '某某县', '--year', '2025'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('层级“county”无法识别：--level 后面只能写 district（区/县政府）、department（政府部门）或 town（乡镇/街道）；县和县级市、区都写 district。');
  });
});

/** A project folder (data/测试区/2024 with a roster and last year's report), in a path with spaces. */
function project(): string {
  const dir = path.join(scratch(), '我的 项目');
  cpSync(path.join(ROOT, 'data', '示例区'), path.join(dir, 'data', '示例区'), { recursive: true });
  return dir;
}

describe('results do not depend on the folder the command runs in', () => {
  it('validate inside the year folder finds the roster and last year as from the project folder', () => {
    const dir = project();
    const file = path.join(dir, 'data', '示例区', '2024', 'report.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('lead_unit: 区市场监管局', 'lead_unit: 区市场监督局'));
    const fromRoot = fazhi(['validate', 'data/示例区/2024/report.yaml'], dir);
    const inside = fazhi(['validate', 'report.yaml'], path.dirname(file));
    expect(fromRoot.code).toBe(1);
    expect(inside.code).toBe(1);
    const problems = (out: string) => out.split('\n').filter((l) => / (错误|警告) /.test(l)).map((l) => l.replace(/^\S+?:(\d+:\d+)/, '$1').replace(/“[^”]*units\.yaml”|（[^）]*units\.yaml）/g, 'ROSTER'));
    expect(problems(inside.stdout)).toEqual(problems(fromRoot.stdout));
    expect(inside.stdout).toContain('不在单位名册（../units.yaml）中');
    expect(inside.stdout).not.toContain('没有找到单位名册');
  });

  it('render inside the year folder writes to the project output folder', () => {
    const dir = project();
    const r = fazhi(['render', 'report.yaml'], path.join(dir, 'data', '示例区', '2024'));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const expected = path.join(dir, 'output', '示例区', '2024', '中共示例区委示例区人民政府关于2024年度法治政府建设情况的报告.docx');
    expect(existsSync(expected)).toBe(true);
    expect(existsSync(path.join(dir, 'data', '示例区', '2024', 'output'))).toBe(false);
  });

  it('new-year inside the year folder writes next year beside it', () => {
    const dir = project();
    const r = fazhi(['new-year', 'report.yaml'], path.join(dir, 'data', '示例区', '2024'));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(existsSync(path.join(dir, 'data', '示例区', '2025', 'report.yaml'))).toBe(true);
    expect(r.stdout).toContain('fazhi validate ../2025/report.yaml');
  });

  it('a year that disagrees with the folder is an error at the year', () => {
    const dir = project();
    const target = path.join(dir, 'data', '示例区', '2025');
    mkdirSync(target);
    writeFileSync(path.join(target, 'report.yaml'), readFileSync(path.join(dir, 'data', '示例区', '2024', 'report.yaml')));
    const r = fazhi(['validate', 'data/示例区/2025/report.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('data/示例区/2025/report.yaml:3:7 错误 报告年度（year）写的是 2024，但这个文件在 2025 年的文件夹中。');
  });
});

describe('next steps run when pasted', () => {
  it('init quotes a path with spaces and, inside the project, prints npx fazhi', () => {
    const outside = scratch();
    const r = fazhi(['init', '--level', 'district', '--unit', '某 区', '--year', '2025'], outside);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`然后运行：fazhi validate "${path.join('data', '某 区', '2025', 'report.yaml')}"`);
    const inside = fazhi(['init', '--level', 'district', '--unit', '某区', '--year', '2025', '-o', path.join(outside, 'x.yaml')], ROOT);
    expect(inside.stdout).toMatch(/然后运行：npx fazhi validate /);
  });
});

describe('quiet when all is well', () => {
  it('render of the example prints what was written and nothing else', () => {
    const dir = scratch();
    const r = fazhi(['render', 'data/示例区/2024/report.yaml', '-o', path.join(dir, 'r.docx')]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([`已生成：${path.relative(ROOT, path.join(dir, 'r.docx'))}`]);
    expect(r.stderr).toBe('');
  });

  it('the GBK note is given once per file: not again for the same unchanged file, again once it changes', () => {
    const dir = scratch();
    const cache = path.join(dir, 'cache');
    const file = path.join(dir, 'gbk.yaml');
    // "unit: 测试\n" in GBK, after an otherwise valid report in ASCII-compatible bytes.
    const gbk = (extra: string) => Buffer.concat([Buffer.from(MINIMAL.replace('unit:\n  name: 测试区人民政府\n  short: 测试区\n', '').replace(/[^\x00-\x7f]/g, 'x')), Buffer.from(extra)]);
    writeFileSync(file, Buffer.concat([Buffer.from([0x23, 0x20, 0xb2, 0xe2, 0xca, 0xd4, 0x0a]), gbk('')]));
    const note = '文件是 GBK（GB18030）编码，已正确读取';
    const env = { FAZHI_CACHE_DIR: cache };
    expect(fazhi(['validate', file], ROOT, env).stdout).toContain(note);
    expect(fazhi(['validate', file], ROOT, env).stdout).not.toContain(note);
    writeFileSync(file, Buffer.concat([Buffer.from([0x23, 0x20, 0xb2, 0xe2, 0xca, 0xd4, 0x0a]), gbk('# 2\n')]));
    expect(fazhi(['validate', file], ROOT, env).stdout).toContain(note);
    expect(fazhi(['validate', file], ROOT, { ...env, FAZHI_CACHE: 'off' }).stdout).toContain(note);
  });
});
