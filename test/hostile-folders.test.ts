// Folders and links: a batch stays inside the data folder (links out of it are reported and
// skipped, link loops detected), a report never rolls up itself, and one unit's report present
// twice is an error naming both files, counted once.
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fazhi, ROOT, scratchDir } from './helpers/cli.js';
import { STACK_TRACE } from './helpers/hostile.js';

const scratch: string[] = [];
/** A copy of the 示例区 data in a scratch folder; returns the folder. */
function example(): string {
  const d = scratchDir();
  scratch.push(d);
  cpSync(path.join(ROOT, 'data', '示例区'), path.join(d, 'data', '示例区'), { recursive: true });
  return d;
}
afterAll(() => {
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});
const YEAR = path.join('data', '示例区', '2024');

describe('batch discovery stays inside the data folder', () => {
  it('reports and skips a link out of it and a link loop, and still renders everything inside', () => {
    const d = example();
    // Outside the data folder, a folder full of report-looking files.
    const outside = path.join(d, 'elsewhere');
    mkdirSync(outside);
    for (let i = 0; i < 5; i++) writeFileSync(path.join(outside, `外${i}.yaml`), readFileSync(path.join(d, YEAR, 'departments', '示例区司法局.yaml')));
    symlinkSync(outside, path.join(d, YEAR, 'departments', '外部'));
    symlinkSync('/usr', path.join(d, YEAR, 'departments', 'usr'));
    symlinkSync('..', path.join(d, YEAR, 'towns', '循环'));
    const r = fazhi(['batch', YEAR, '-o', path.join(d, 'out')], d);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stderr).toContain(`${YEAR}/departments/外部 警告 是指向文件夹之外（${outside}）的链接，已跳过。`);
    expect(r.stderr).toContain(`${YEAR}/departments/usr 警告 是指向文件夹之外（/usr）的链接，已跳过。`);
    expect(r.stderr).toContain(`${YEAR}/towns/循环 警告 是指向已查看过的文件夹的链接（链接循环），已跳过。`);
    expect(r.stdout).not.toContain('外0');
    expect(r.stdout).toMatch(/共 9 个单位：已生成 9 份/);
  });
});

describe('a report never rolls up itself', () => {
  it('the district report copied into departments/ and linked under towns/: two errors, no internal error', () => {
    const d = example();
    cpSync(path.join(d, YEAR, 'report.yaml'), path.join(d, YEAR, 'departments', '区政府.yaml'));
    symlinkSync('../report.yaml', path.join(d, YEAR, 'towns', '链接.yaml'));
    const r = fazhi(['validate', `${YEAR}/report.yaml`], d);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toMatch(/内部错误|toFixed/);
    expect(r.stdout).toContain(`错误 下级报告文件夹中的“${YEAR}/towns/链接.yaml”是指向本报告的链接：一份报告不能汇总自己，请删除这个链接。`);
    expect(r.stdout).toContain(`错误 “${YEAR}/departments/区政府.yaml”是区县的报告（level: district），不是部门或乡镇街道的报告：一份报告不能汇总自己`);
  });
});

describe('one unit’s report present twice', () => {
  it('in departments/ and towns/: an error naming both files; the batch counts the unit once', () => {
    const d = example();
    cpSync(path.join(d, YEAR, 'departments', '示例区市场监督管理局.yaml'), path.join(d, YEAR, 'towns', '市场监管局副本.yaml'));
    const r = fazhi(['validate', `${YEAR}/report.yaml`], d);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `错误 “${YEAR}/departments/示例区市场监督管理局.yaml”和“${YEAR}/towns/市场监管局副本.yaml”是同一个单位（示例区市场监督管理局）的报告，汇总时只计入前一份；请删除多余的一份。`,
    );
    const b = fazhi(['batch', YEAR, '-o', path.join(d, 'out')], d);
    expect(b.code).toBe(1);
    expect(b.stdout + b.stderr).not.toMatch(STACK_TRACE);
    expect(b.stdout).toContain(`${YEAR}/towns/市场监管局副本.yaml 错误 与“${YEAR}/departments/示例区市场监督管理局.yaml”是同一个单位的报告（重复），只应保留一份。`);
    // Nine units (the district and eight of the roster), whatever the number of files.
    expect(b.stdout).toMatch(/共 9 个单位：/);
  });
});
