// A batch that one bad file cannot sink: a worker that runs out of memory costs only its own
// report (every other report is written, the summary too, exit 1 naming the file); the pool never
// starts more workers than the cores this process may use; the worker mode is not a command.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { workerCount } from '../src/batch/pool.js';
import { fazhi, scratchDir } from './helpers/cli.js';
import { STACK_TRACE } from './helpers/hostile.js';
import { MINIMAL } from './helpers/minimal.js';

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function department(name: string, short: string): string {
  return MINIMAL.replace('level: district', 'level: department').replaceAll('测试区人民政府', name).replace('short: 测试区', `short: ${short}`);
}

describe('a batch worker that runs out of memory', () => {
  it('costs only its own report: the others and the summary are written, exit 1 names the file', () => {
    const dir = scratchDir();
    scratch.push(dir);
    const year = path.join(dir, 'data', '测试区', '2024', 'departments');
    mkdirSync(year, { recursive: true });
    for (let i = 0; i < 3; i++) writeFileSync(path.join(year, `局${i}.yaml`), department(`测试区第${i}局`, `区第${i}局`));
    // Under the file size and value-count limits (4.9 MB, 19,000 values), yet far more than a
    // 16 MB heap holds once parsed with positions.
    const items = Array.from({ length: 19_000 }, (_, i) => `        - 第${i}项${'依法行政推进'.repeat(13)}\n`).join('');
    writeFileSync(path.join(year, '庞大.yaml'), department('测试区庞大局', '区庞大局').replace('        - 开展合法性审核120件。\n', items));

    for (const kind of ['thread', 'process']) {
      const out = path.join(dir, `out-${kind}`);
      const r = fazhi(['batch', 'data/测试区/2024', '-o', out, '--jobs', '2'], dir, { FAZHI_BATCH_WORKERS: kind, FAZHI_BATCH_WORKER_MEMORY_MB: '16' });
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.stdout).toContain('data/测试区/2024/departments/庞大.yaml 错误 处理这个文件时用尽了内存（上限 16 MB）');
      expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
      const written = readdirSync(path.join(out, 'departments')).sort();
      expect(written).toEqual([0, 1, 2].map((i) => `测试区第${i}局2024年法治政府建设年度报告.docx`));
      expect(readdirSync(out).filter((f) => f.includes('汇总表')).sort()).toEqual([
        '测试区2024年度法治政府建设年度报告报送情况汇总表.csv',
        '测试区2024年度法治政府建设年度报告报送情况汇总表.docx',
      ]);
      expect(r.stdout).toMatch(/共 4 个单位：已生成 3 份，有错误 1 份/);
    }
  });
});

describe('the worker pool', () => {
  it('never starts more workers than the cores this process may use, whatever --jobs asks', () => {
    const cores = os.availableParallelism();
    expect(workerCount(5000, 1000)).toBe(cores);
    expect(workerCount(3, 1000)).toBe(Math.min(3, cores));
    expect(workerCount(5000, 1)).toBe(1);
  });

  it('is started only by a batch: `fazhi __batch-worker` typed by hand is an unknown command', () => {
    const r = fazhi(['__batch-worker']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知的命令“__batch-worker”');
    expect(r.stdout).toBe('');
  });
});

describe('the summary’s bytes', () => {
  it('do not depend on the day or the time zone; a 截至 date only when given with --date', async () => {
    const { readFileSync } = await import('node:fs');
    const { readDocx } = await import('./helpers/docx.js');
    const dir = scratchDir();
    scratch.push(dir);
    const folder = path.join(dir, 'data', '测试区', '2024', 'departments');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, '局.yaml'), department('测试区司法局', '区司法局'));
    const summary = (out: string): Buffer => readFileSync(path.join(out, '测试区2024年度法治政府建设年度报告报送情况汇总表.docx'));
    // UTC+14 and UTC−12: at any moment, two different calendar days.
    const zones = ['Pacific/Kiritimati', 'Etc/GMT+12'];
    for (const tz of zones) expect(fazhi(['batch', 'data/测试区/2024', '-o', path.join(dir, tz.replace('/', '-'))], dir, { TZ: tz }).code).toBe(0);
    expect(summary(path.join(dir, 'Pacific-Kiritimati')).equals(summary(path.join(dir, 'Etc-GMT+12')))).toBe(true);
    const dated = fazhi(['batch', 'data/测试区/2024', '-o', path.join(dir, 'dated'), '--date', '2025-01-20'], dir);
    expect(dated.code).toBe(0);
    const text = (await readDocx(summary(path.join(dir, 'dated')))).paragraphs.map((p) => p.text).join('');
    expect(text).toContain('截至2025年1月20日，共1个单位，已生成1份。');
    const wrong = fazhi(['batch', 'data/测试区/2024', '--date', '2025-02-30'], dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--date 后面应写汇总的截至日期');
  });
});
