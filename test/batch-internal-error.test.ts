// A bug of the tool's in one report of a batch (an error that is not the user's: no UserError) is
// the tool's failure: exit 3, a Chinese 内部错误 line naming the file, and yet every other report
// and the summary are written. The bug is made by the batch's own seam for its render step.
import { cpSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { batchCommand } from '../src/cli/batch.js';
import { renderFile } from '../src/pipeline.js';
import { ROOT, scratchDir } from './helpers/cli.js';
import { STACK_TRACE } from './helpers/hostile.js';

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe('fazhi batch when the tool fails inside one report', () => {
  it('exits 3 naming the file, and still writes the other reports and the summary', async () => {
    const dir = scratchDir();
    scratch.push(dir);
    cpSync(path.join(ROOT, 'test', 'fixtures', 'batch', '测试区'), path.join(dir, 'data', '测试区'), { recursive: true });
    const out = path.join(dir, 'out');
    const stdout: string[] = [];
    const stderr: string[] = [];
    const broken = path.join(dir, 'data', '测试区', '2024', 'departments', '测试区财政局.yaml');
    const run = batchCommand({
      render: (file, options) => {
        // A programming slip, as a bug in a rule or the composer would throw it.
        if (file === broken) throw new TypeError("Cannot read properties of undefined (reading 'items')");
        return renderFile(file, options);
      },
    });
    const code = await run(['data/测试区/2024'], { output: out }, { out: (l) => stdout.push(l), err: (l) => stderr.push(l), cwd: dir, terminal: false });
    const all = [...stdout, ...stderr].join('\n');
    expect(code, all).toBe(3);
    expect(stdout).toContain(
      `${path.join('data', '测试区', '2024', 'departments', '测试区财政局.yaml')} 错误 fazhi 内部错误：Cannot read properties of undefined (reading 'items')（请报告给维护者）`,
    );
    expect(all).not.toMatch(STACK_TRACE);
    // The other reports that have no errors (the fixture's 西城镇 has some), each in its place,
    // and the summary as CSV and .docx.
    expect(readdirSync(path.join(out, 'departments'))).toEqual(['测试区司法局2024年法治政府建设年度报告.docx']);
    expect(readdirSync(path.join(out, 'towns'))).toEqual(['测试区东城街道办事处关于2024年度法治政府建设情况的报告.docx']);
    expect(readdirSync(out).filter((f) => f.endsWith('.docx') && !f.includes('汇总表'))).toEqual(['测试区人民政府关于2024年度法治政府建设情况的报告.docx']);
    expect(readdirSync(out).filter((f) => f.includes('汇总表')).sort()).toEqual([
      '测试区2024年度法治政府建设年度报告报送情况汇总表.csv',
      '测试区2024年度法治政府建设年度报告报送情况汇总表.docx',
    ]);
    expect(all).toContain('共 6 个单位：已生成 3 份，有错误 2 份，缺报 1 个');
  });
});
