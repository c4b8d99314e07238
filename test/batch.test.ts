// `fazhi batch DIR`: every report under a folder validated and rendered on all cores, past broken
// files and locked outputs; the summary (unit, level, status, errors, output) on screen, as CSV
// and as a Word document; units of the roster without a report listed as 缺报.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { JOBS_PER_WORKER, workerCount } from '../src/batch/pool.js';
import { displayWidth, progressLine } from '../src/batch/progress.js';
import { fazhi, ROOT, scratchDir } from './helpers/cli.js';
import { readDocx } from './helpers/docx.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'batch', '测试区');
const LEVELS: Record<string, string> = { district: '区县政府', department: '政府部门', town: '乡镇街道' };

/** CSV as Excel reads it: BOM, CRLF, quoted fields. */
function readCsv(file: string): string[][] {
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

function tableRows(document: string): string[][] {
  const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(document)![0];
  return [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
    [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => [...c[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
  );
}

type Roster = { district: string; units: { name: string; level: string; contact?: string }[] };

describe('fazhi batch on the 示例区 examples', () => {
  it('renders every report, finds every unit of the roster, and writes the summary as CSV and .docx', async () => {
    const out = scratchDir();
    const r = fazhi(['batch', 'data/示例区/2024', '-o', out]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const roster = parse(readFileSync(path.join(ROOT, 'data', '示例区', 'units.yaml'), 'utf8')) as Roster;
    expect(roster.units.length).toBeGreaterThanOrEqual(8);
    const total = roster.units.length + 1;
    // Not a terminal: one plain line per report.
    for (let i = 1; i <= total; i++) expect(r.stdout).toContain(`[${i}/${total}] 已生成：`);

    const base = path.join(out, '示例区2024年度法治政府建设年度报告报送情况汇总表');
    const csv = readCsv(`${base}.csv`);
    expect(csv[0]).toEqual(['序号', '单位', '层级', '状态', '错误数', '警告数', '输出文件', '数据文件', '联系人', '说明']);
    expect(csv.slice(1).map((row) => row[1])).toEqual(['示例区人民政府', ...roster.units.map((u) => u.name)]);
    expect(csv.slice(1).map((row) => row[2])).toEqual(['区县政府', ...roster.units.map((u) => LEVELS[u.level])]);
    for (const row of csv.slice(1)) {
      expect(row.slice(3, 6), row[1]).toEqual(['已生成', '0', '0']);
      expect(existsSync(path.resolve(ROOT, row[6]!)), row[6]).toBe(true);
      expect(parse(readFileSync(path.resolve(ROOT, row[7]!), 'utf8')).unit.name).toBe(row[1]);
    }
    expect(csv.slice(2).map((row) => row[8])).toEqual(roster.units.map((u) => u.contact));

    const docx = await readDocx(readFileSync(`${base}.docx`));
    expect(docx.paragraphs[0]!.text + docx.paragraphs[1]!.text).toBe('示例区2024年度法治政府建设年度报告报送情况汇总表');
    // No 截至 date unless given (--date): the summary's bytes do not depend on the day.
    expect(docx.paragraphs.map((p) => p.text).join('')).toContain(`汇总表共${total}个单位，已生成${total}份。`);
    const rows = tableRows(docx.document);
    expect(rows[0]).toEqual(['序号', '单位', '层级', '状态', '错误数', '输出文件']);
    expect(rows.slice(1)).toEqual(csv.slice(1).map((row) => [row[0], row[1], row[2], row[3], row[4], path.basename(row[6]!)]));
    // On the screen, the same table.
    for (const row of csv.slice(1)) expect(r.stdout).toMatch(new RegExp(`^${row[0]}\\s+${row[1]}\\s+${row[2]}\\s+已生成\\s+0\\s+`, 'm'));
  });
});

describe('fazhi batch with broken, missing and locked reports', () => {
  function setUp(): { dir: string; out: string; locked: string } {
    const dir = scratchDir();
    cpSync(FIXTURE, path.join(dir, '测试区'), { recursive: true });
    const out = path.join(dir, '输出');
    // 财政局's report is open in Word, as it were: a folder stands where its .docx must go.
    const locked = path.join(out, 'departments', '测试区财政局2024年法治政府建设年度报告.docx');
    mkdirSync(locked, { recursive: true });
    return { dir, out, locked };
  }

  it('carries on past them, lists each, and exits 1', async () => {
    const { dir, out, locked } = setUp();
    const r = fazhi(['batch', '测试区/2024', '-o', '输出'], dir);
    expect(r.code).toBe(1);
    const broken = fazhi(['validate', '测试区/2024/towns/西城镇.yaml'], dir);
    const brokenErrors = broken.stdout.split('\n').filter((l) => l.includes(' 错误 '));
    expect(brokenErrors.length).toBeGreaterThan(0);
    for (const line of brokenErrors) expect(r.stdout).toContain(line);
    expect(r.stderr).toContain(`无法写入“${locked}”：已有同名的文件夹。`);

    const roster = parse(readFileSync(path.join(FIXTURE, 'units.yaml'), 'utf8')) as Roster;
    const csv = readCsv(path.join(out, '测试区2024年度法治政府建设年度报告报送情况汇总表.csv'));
    const byUnit = new Map(csv.slice(1).map((row) => [row[1], row]));
    expect([...byUnit.keys()]).toEqual(['测试区人民政府', ...roster.units.map((u) => u.name)]);
    expect(byUnit.get('测试区人民政府')!.slice(3, 5)).toEqual(['已生成', '0']);
    expect(byUnit.get('测试区司法局')!.slice(3, 5)).toEqual(['已生成', '0']);
    expect(byUnit.get('测试区财政局')!.slice(3, 5)).toEqual(['未能写入', '0']);
    expect(byUnit.get('测试区财政局')![9]).toContain('已有同名的文件夹');
    expect(byUnit.get('测试区教育局')!.slice(3, 9)).toEqual(['缺报', '0', '0', '', '', '丙某 0000-0003']);
    const west = byUnit.get('测试区西城镇人民政府')!;
    expect(west.slice(2, 5)).toEqual(['乡镇街道', '有错误', String(brokenErrors.length)]);
    expect(west[9]).toBe(`第8行：${/ 错误 (.*)$/.exec(brokenErrors[0]!)![1]}`);
    // The reports that could be written, were.
    for (const name of ['测试区司法局', '测试区人民政府', '测试区东城街道办事处']) {
      const row = byUnit.get(name)!;
      expect(existsSync(path.join(dir, row[6]!)), name).toBe(true);
    }

    const docx = await readDocx(readFileSync(path.join(out, '测试区2024年度法治政府建设年度报告报送情况汇总表.docx')));
    const rows = tableRows(docx.document);
    expect(rows.slice(1).map((row) => row.slice(1, 5))).toEqual(csv.slice(1).map((row) => [row[1], row[2] || '—', row[3], row[3] === '缺报' ? '—' : row[4]]));
    expect(docx.paragraphs.map((p) => p.text).join('')).toContain('共6个单位，已生成3份，有错误1份，未能写入1份，缺报1个单位。');
  });

  it('gives the same summary with worker threads, child processes and one thread', () => {
    const runs = (['thread', 'process', 'inline'] as const).map((kind) => {
      const { dir, out } = setUp();
      const r = fazhi(['batch', '测试区/2024', '-o', '输出'], dir, { FAZHI_BATCH_WORKERS: kind });
      expect(r.code, kind).toBe(1);
      return readFileSync(path.join(out, '测试区2024年度法治政府建设年度报告报送情况汇总表.csv'), 'utf8').replaceAll(dir, '<dir>');
    });
    expect(runs[1]).toBe(runs[0]);
    expect(runs[2]).toBe(runs[0]);
  });

  it('reports a broken roster at its lines, in Chinese', () => {
    const dir = scratchDir();
    cpSync(FIXTURE, path.join(dir, '测试区'), { recursive: true });
    const file = path.join(dir, '测试区', 'units.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('    level: department\n    contact: 乙某', '    levle: department\n    contact: 乙某')
        .replace('    level: town\n    contact: 戊某', '    level: village\n    contact: 戊某')
        .replace('  - name: 测试区教育局', '  - name: 测试区司法局'),
    );
    const r = fazhi(['batch', '测试区/2024', '-o', '输出'], dir);
    expect(r.code).toBe(1);
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = (text: string): number => lines.findIndex((l) => l.includes(text)) + 1;
    expect(r.stdout).toContain(`测试区/units.yaml:${at('levle:')}:5 错误 单位名册：未知的键“levle”，是否应为“level”？`);
    expect(r.stdout).toContain(`测试区/units.yaml:${at('village')}:12 错误 单位名册：“level”（层级）的值“village”无效，只能是：department（政府部门）、town（乡镇/街道）。`);
    expect(r.stderr).toContain('单位名册 测试区/units.yaml 有错误，本次无法列出缺报的单位');
    // validate knows a roster when it sees one.
    const v = fazhi(['validate', '测试区/units.yaml'], dir);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain(`测试区/units.yaml:${at('levle:')}:5 错误 单位名册：未知的键“levle”，是否应为“level”？`);
    expect(fazhi(['validate', path.join(ROOT, 'data', '示例区', 'units.yaml')]).stdout).toContain('没有发现问题');

    writeFileSync(file, readFileSync(path.join(FIXTURE, 'units.yaml'), 'utf8').replace('  - name: 测试区教育局', '  - name: 测试区司法局'));
    const dup = fazhi(['batch', '测试区/2024', '-o', '输出'], dir);
    const dupLine = readFileSync(file, 'utf8').split('\n').findIndex((l, i, all) => l === '  - name: 测试区司法局' && all.indexOf(l) !== i) + 1;
    expect(dup.stdout).toContain(`测试区/units.yaml:${dupLine}:11 错误 单位名册：“测试区司法局”与第 1 个单位（测试区司法局）的名称重复；每个名称只能指一个单位。`);
  });

  it('says how to call it, with exit code 2', () => {
    expect(fazhi(['batch']).code).toBe(2);
    expect(fazhi(['batch', 'data/示例区/2024', '--jobs', '0']).code).toBe(2);
    const district = fazhi(['batch', 'data/示例区']);
    expect(district.code).toBe(2);
    expect(district.stderr).toContain('“data/示例区”中有多个年度的文件夹（2023、2024），请指定其中一个，例如：fazhi batch data/示例区/2024');
    const missing = fazhi(['batch', '没有这个文件夹']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('找不到文件夹“没有这个文件夹”');
    const help = fazhi(['--help']);
    expect(help.stdout).toMatch(/^ {2}batch +批量校验并生成/m);
    expect(help.stdout).toMatch(/^ {2}tasks +把下一年度主要安排分解为责任分工表/m);
  });
});

describe('how many workers', () => {
  it('starts one per core only when each has enough reports to pay for its start', () => {
    const cores = os.availableParallelism();
    expect(workerCount(9)).toBe(1);
    expect(workerCount(JOBS_PER_WORKER * 2 - 1)).toBe(1);
    expect(workerCount(200)).toBe(Math.min(cores, Math.floor(200 / JOBS_PER_WORKER)));
    expect(workerCount(9, undefined, true)).toBe(Math.min(9, cores));
    expect(workerCount(200, 1)).toBe(1);
    expect(workerCount(3, 8)).toBe(Math.min(3, cores));
  });
});

describe('progress on a terminal', () => {
  it('fits the terminal’s width however long the unit’s name', () => {
    const name = '示例区人民政府河西街道办事处'.repeat(5);
    for (const columns of [40, 60, 80, 120]) {
      const line = progressLine(3, 200, name, columns);
      expect(displayWidth(line)).toBeLessThan(columns);
      expect(line).toContain('3/200');
    }
    expect(progressLine(200, 200, '完成', 80)).toMatch(/^\[#+\] 200\/200 完成$/);
    expect(progressLine(0, 200, '开始', 80)).toMatch(/^\[-+\] 0\/200 开始$/);
  });
});

describe('fazhi batch with two reports of the same title', () => {
  it.each(['thread', 'inline'])('keeps both outputs (workers: %s)', async (kind) => {
    const dir = path.join(scratchDir(), '同名区', '2024');
    mkdirSync(path.join(dir, 'departments'), { recursive: true });
    const dept = readFileSync(path.join(ROOT, 'data', '示例区', '2024', 'departments', '示例区司法局.yaml'), 'utf8').replace(/^# yaml-language-server.*\n/, '');
    // 40 units' reports with one title, so that workers race for the same output name (each its
    // own unit: one unit's report twice is an error of its own).
    for (let i = 1; i <= 40; i++) {
      const text = dept.replace('坚持党的领导，落实法治建设主体责任', `坚持党的领导，落实法治建设主体责任第${i}份`).replace(/^  name: 示例区司法局$/m, `  name: 示例区第${i}司法局`);
      writeFileSync(path.join(dir, 'departments', `副本${i}.yaml`), text);
    }
    const out = path.join(dir, '..', '输出');
    const r = fazhi(['batch', dir, '-o', out], path.dirname(dir), { FAZHI_BATCH_WORKERS: kind });
    expect(r.stdout + r.stderr).toContain('已生成 40 份');
    const written = readdirSync(path.join(out, 'departments')).filter((f) => f.endsWith('.docx'));
    expect(written).toHaveLength(40);
    const texts = await Promise.all(written.map(async (f) => (await readDocx(readFileSync(path.join(out, 'departments', f)))).paragraphs.map((p) => p.text).join('')));
    for (let i = 1; i <= 40; i++) expect(texts.filter((t) => t.includes(`主体责任第${i}份`))).toHaveLength(1);
  }, 60_000);
});
