// Output names: whatever the titles and data file names, the outputs of one run never overwrite
// each other (x.yaml, x.yml and x.YAML with one title; units whose names make one file name), and
// a renamed output stays within the 255 bytes file systems allow.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { taggedPath } from '../src/write/output-file.js';
import { fazhi, scratchDir } from './helpers/cli.js';
import { runCli } from './helpers/hostile.js';
import { MINIMAL } from './helpers/minimal.js';

/** A scratch folder, removed after this file by test/helpers/cleanup.ts. */
const dir = scratchDir;

const docxIn = (d: string): string[] => readdirSync(d).filter((f) => f.endsWith('.docx')).sort();

describe('reports with one title', () => {
  it('render x.yaml x.yml x.YAML: three documents, none overwritten', async () => {
    const d = dir();
    for (const f of ['x.yaml', 'x.yml', 'x.YAML']) writeFileSync(path.join(d, f), MINIMAL);
    const out = path.join(d, 'out');
    const r = await runCli(['render', ...['x.yaml', 'x.yml', 'x.YAML'].map((f) => path.join(d, f)), '-o', out], d);
    expect(r.code, r.stdout.join('\n') + r.stderr.join('\n')).toBe(0);
    const title = '测试区人民政府关于2024年度法治政府建设情况的报告';
    // Names told apart without letter case too (Windows and macOS would merge x.yaml and x.YAML).
    const files = docxIn(out);
    expect(files).toHaveLength(3);
    expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(3);
    expect(files).toContain(`${title}.docx`);
    expect(files).toContain(`${title}（x.yml）.docx`);
    expect(r.stdout.filter((l) => l.startsWith('已生成：'))).toHaveLength(3);
  });

  it('batch over x.yaml, x.yml and x.YAML: three documents', () => {
    const d = dir();
    const folder = path.join(d, 'data', '测试区', '2024', 'departments');
    mkdirSync(folder, { recursive: true });
    // Three units' reports with one title (one unit's report twice would be an error of its own).
    const dept = (unit: string): string =>
      MINIMAL.replace('level: district', 'level: department').replaceAll('测试区人民政府', unit).replace('recipients:', 'title: 测试区司法局2024年法治政府建设年度报告\nrecipients:');
    ['x.yaml', 'x.yml', 'x.YAML'].forEach((f, i) => writeFileSync(path.join(folder, f), dept(`测试区第${i}司法局`)));
    const out = path.join(d, 'out');
    const r = fazhi(['batch', 'data/测试区/2024', '-o', out], d);
    expect(r.stdout).toMatch(/已生成 3 份/);
    const files = docxIn(path.join(out, 'departments'));
    expect(files).toHaveLength(3);
    expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(3);
  });

  it('two identical 80-character titles: the renamed one stays within 255 bytes and both are written', async () => {
    const d = dir();
    const title = '法'.repeat(80);
    for (const f of ['甲报告.yaml', '乙报告.yaml']) writeFileSync(path.join(d, f), MINIMAL.replace('recipients:', `title: ${title}\nrecipients:`));
    const out = path.join(d, 'out');
    const r = await runCli(['render', path.join(d, '甲报告.yaml'), path.join(d, '乙报告.yaml'), '-o', out], d);
    expect(r.stderr.join('\n')).not.toContain('文件路径太长');
    const files = docxIn(out);
    expect(files).toHaveLength(2);
    for (const f of files) expect(Buffer.byteLength(f, 'utf8')).toBeLessThanOrEqual(255);
    expect(Buffer.byteLength(path.basename(taggedPath(`/x/${'法'.repeat(80)}.docx`, '很'.repeat(90))), 'utf8')).toBeLessThanOrEqual(255);
  });
});

describe('tasks --per-unit', () => {
  it('writes as many lists as it reports, when unit names make the same file name', async () => {
    const d = dir();
    const long = '某'.repeat(85);
    const names = ['办公室A', '办公室a', '信访局?', '信访局', `${long}甲`, `${long}乙`];
    const items = names.map((n, i) => `    - text: 第${i + 1}项任务。\n      lead_unit: ${JSON.stringify(n)}\n      deadline: 2025年12月底前\n`).join('');
    writeFileSync(path.join(d, 'r.yaml'), MINIMAL.replace('plans:\n  items:\n    - 完善行政执法协调监督工作体系。\n', `plans:\n  items:\n${items}`));
    const out = path.join(d, 'out');
    const r = await runCli(['tasks', path.join(d, 'r.yaml'), '--per-unit', '-o', out], d);
    expect(r.code, r.stdout.join('\n') + r.stderr.join('\n')).toBe(0);
    const reported = r.stdout.filter((l) => l.startsWith('已生成：') && l.includes('任务清单'));
    expect(reported).toHaveLength(names.length);
    expect(docxIn(path.join(out, '任务清单'))).toHaveLength(names.length);
  });
});
