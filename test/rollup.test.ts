// Roll-up: district figures declared `rollup: sum|avg|max|min|count` are computed from the year's
// department and township reports. Expected values are computed here from the sub-reports' own
// YAML, and read back from the rendered .docx.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fazhi, ROOT, scratchDir, workspace } from './helpers/cli.js';
import { readDocx } from './helpers/docx.js';

type Metric = { id: string; label: string; value?: number; unit: string; rollup?: string };
type Report = { unit: { name: string; short: string }; metrics?: Metric[] };

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'batch', '测试区');

/** The sub-reports of a year folder, parsed independently of the tool. */
function subReports(yearDir: string, skip: string[] = []): { file: string; report: Report }[] {
  return ['departments', 'towns'].flatMap((folder) =>
    readdirSync(path.join(yearDir, folder))
      .filter((f) => f.endsWith('.yaml') && !skip.includes(f))
      .map((f) => ({ file: `${folder}/${f}`, report: parse(readFileSync(path.join(yearDir, folder, f), 'utf8')) as Report })),
  );
}

const valueOf = (r: Report, id: string): number | undefined => r.metrics?.find((m) => m.id === id)?.value;

/** Rows of every table in the document body, each row as its cells' text. */
function tables(document: string): string[][][] {
  return [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => [...c[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
    ),
  );
}

describe('roll-up in the 示例区 example', () => {
  it('sums each figure over the departments and townships, says who contributed and who lacked it, and compares with last year', async () => {
    const dir = workspace();
    const file = path.join(dir, 'data', '示例区', '2024', 'report.yaml');
    const district = parse(readFileSync(file, 'utf8')) as Report;
    const rolled = district.metrics!.filter((m) => m.rollup === 'sum');
    expect(rolled.map((m) => m.id)).toEqual(['penalty_cases', 'publicity_events', 'disclosed_items']);
    // The appendix of figures per unit and the 附表 of figures against last year (the example's
    // attachment), and a sentence quoting two of them.
    const text = readFileSync(file, 'utf8')
      .replace('2025年，区委、区政府将坚持', '2024年，全区各部门和镇街办理行政处罚案件〔penalty_cases〕，〔penalty_cases 同比〕。2025年，区委、区政府将坚持')
      .concat('rollup_table:\n  title: 示例区各部门和镇街主要数据\n');
    writeFileSync(file, text);
    const out = path.join(dir, 'r.docx');
    // Quiet when all is well: the figures are explained only with --verbose.
    const plain = fazhi(['render', 'data/示例区/2024/report.yaml', '-o', out], dir);
    expect(plain.code, plain.stdout + plain.stderr).toBe(0);
    expect(plain.stdout).toContain(`已生成：${path.relative(dir, out)}`);
    expect(plain.stdout).not.toContain('汇总数据');
    const r = fazhi(['render', 'data/示例区/2024/report.yaml', '-o', out, '--verbose'], dir);
    expect(r.code, r.stdout + r.stderr).toBe(0);

    const subs = subReports(path.join(dir, 'data', '示例区', '2024'));
    const roster = parse(readFileSync(path.join(dir, 'data', '示例区', 'units.yaml'), 'utf8')) as { units: { name: string; short: string }[] };
    const previous = parse(readFileSync(path.join(dir, 'data', '示例区', '2023', 'report.yaml'), 'utf8')) as Report;
    const sums = Object.fromEntries(rolled.map((m) => [m.id, subs.reduce((s, { report }) => s + (valueOf(report, m.id) ?? 0), 0)]));

    for (const m of rolled) {
      const contributors = subs.filter(({ report }) => valueOf(report, m.id) !== undefined).map(({ report }) => report.unit.name);
      const lacking = subs.filter(({ report }) => valueOf(report, m.id) === undefined).map(({ report }) => report.unit.name);
      const line = r.stdout.split('\n').find((l) => l.startsWith(`汇总数据“${m.label}”（${m.id}，合计） = ${sums[m.id]}${m.unit}：来自 ${contributors.length} 个单位`))!;
      expect(line, m.id).toBeDefined();
      for (const name of contributors) expect(line).toContain(`${name} ${valueOf(subs.find((s) => s.report.unit.name === name)!.report, m.id)}${m.unit}`);
      if (lacking.length) expect(line).toContain(`没有这一项的单位：${lacking.join('、')}`);
    }

    const docx = await readDocx(readFileSync(out));
    const before = valueOf(previous, 'penalty_cases')!;
    const change = Math.round(((sums.penalty_cases! - before) / before) * 1000) / 10;
    expect(docx.paragraphs.map((p) => p.text).join('')).toContain(`全区各部门和镇街办理行政处罚案件${sums.penalty_cases}件，同比增长${change}%。`);

    const [figures, perUnit] = tables(docx.document);
    const row = figures!.find((cells) => cells[1] === rolled[0]!.label)!;
    expect(row.slice(2)).toEqual(['件', String(sums.penalty_cases), String(before), `增长${change}%`]);

    expect(perUnit![0]).toEqual(['序号', '单位', ...rolled.map((m) => `${m.label}（${m.unit}）`)]);
    // One row per roster unit, in roster order, then the totals.
    expect(perUnit!.slice(1, -1).map((cells) => cells[1])).toEqual(roster.units.map((u) => u.short));
    for (const [i, unit] of roster.units.entries()) {
      const sub = subs.find((s) => s.report.unit.name === unit.name)!.report;
      expect(perUnit![i + 1]!.slice(2)).toEqual(rolled.map((m) => String(valueOf(sub, m.id) ?? '—')));
    }
    expect(perUnit!.at(-1)).toEqual(['', '合计', ...rolled.map((m) => String(sums[m.id]))]);
  });
});

describe('roll-up with other aggregations, reports with errors and missing reports', () => {
  it('averages, takes the maximum and counts; leaves out a broken report and lists a missing one', async () => {
    const dir = scratchDir();
    cpSync(FIXTURE, path.join(dir, '测试区'), { recursive: true });
    const out = path.join(dir, 'r.docx');
    const r = fazhi(['render', '测试区/2024/report.yaml', '-o', out], dir);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    // 西城镇 does not even parse (it is the fixture's broken report); 测试区教育局 sent nothing.
    const valid = subReports(path.join(dir, '测试区', '2024'), ['西城镇.yaml']);
    const values = (id: string): number[] => valid.flatMap(({ report }) => (valueOf(report, id) === undefined ? [] : [valueOf(report, id)!]));
    const sum = values('penalty_cases').reduce((a, b) => a + b, 0);
    const avg = Math.round((values('mediation_rate').reduce((a, b) => a + b, 0) / values('mediation_rate').length) * 100) / 100;
    const max = Math.max(...values('mediation_rate_max'));
    const count = values('legal_advisers').length;

    expect(r.stdout).toContain('测试区/2024/report.yaml:28:5 警告 以下下级报告没有计入汇总数据：西城镇（有 1 个错误）。请先用 fazhi validate 检查并修改这些报告。');
    expect(r.stdout).toContain('测试区/2024/report.yaml:28:5 警告 单位名册中有 1 个单位没有报告，汇总数据不包含：测试区教育局。');
    const texts = (await readDocx(readFileSync(out))).paragraphs.map((p) => p.text).join('');
    expect(texts).toContain(`全区各部门和镇街办理行政处罚案件${sum}件，`);
    expect(texts).toContain(`调解成功率平均为${avg}%，最高的单位达到${max}%；${count}个单位聘请了法律顾问。`);

    const [perUnit] = tables((await readDocx(readFileSync(out))).document);
    expect(perUnit![0]).toEqual(['序号', '单位', '行政处罚案件（件）', '调解成功率（%，平均）']);
    expect(perUnit!.map((cells) => cells[1])).toEqual(['单位', '区司法局', '区财政局', '区教育局（未报送）', '东城街道', '西城镇（报告有错误）', '全区汇总']);
    expect(perUnit!.at(-1)).toEqual(['', '全区汇总', String(sum), String(avg)]);
  });

  it('uses last year’s rolled-up value for 同比 and 上年', async () => {
    const dir = scratchDir();
    cpSync(FIXTURE, path.join(dir, '测试区'), { recursive: true });
    const y2025 = path.join(dir, '测试区', '2025');
    mkdirSync(path.join(y2025, 'departments'), { recursive: true });
    mkdirSync(path.join(y2025, 'towns'), { recursive: true });
    const nextYear = (from: string, to: string, penalty: number): void => {
      const text = readFileSync(path.join(dir, '测试区', '2024', from), 'utf8')
        .replace('year: 2024', 'year: 2025')
        .replace('date: 2025-01-10', 'date: 2026-01-10')
        .replace(/(id: penalty_cases, label: 行政处罚案件, value: )\d+/, `$1${penalty}`);
      writeFileSync(path.join(y2025, to), text);
    };
    nextYear('departments/测试区财政局.yaml', 'departments/测试区财政局.yaml', 11);
    nextYear('towns/东城街道.yaml', 'towns/东城街道.yaml', 150);
    writeFileSync(
      path.join(y2025, 'report.yaml'),
      readFileSync(path.join(dir, '测试区', '2024', 'report.yaml'), 'utf8')
        .replace('year: 2024', 'year: 2025')
        .replace('date: 2025-01-15', 'date: 2026-01-15')
        .replace(/measures:\n  intro: .*\n/, 'measures:\n  intro: 办理行政处罚案件〔penalty_cases〕，上年为〔penalty_cases 上年〕，〔penalty_cases 增减〕。\n')
        .replace(/2025年(6|12)月底前/g, '2026年$1月底前'),
    );
    const last = subReports(path.join(dir, '测试区', '2024'), ['西城镇.yaml']).reduce((s, { report }) => s + (valueOf(report, 'penalty_cases') ?? 0), 0);
    const out = path.join(dir, 'r.docx');
    const r = fazhi(['render', '测试区/2025/report.yaml', '-o', out], dir);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const texts = (await readDocx(readFileSync(out))).paragraphs.map((p) => p.text).join('');
    expect(texts).toContain(`办理行政处罚案件${11 + 150}件，上年为${last}件，同比增长${11 + 150 - last}件。`);
  });

  it('is an error when the text quotes a figure no sub-report has, and quietly absent before any unit has reported', () => {
    const dir = scratchDir();
    cpSync(FIXTURE, path.join(dir, '测试区'), { recursive: true });
    const file = path.join(dir, '测试区', '2024', 'report.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('{ id: legal_advisers, label: 聘请法律顾问的单位, unit: 个, rollup: count }', '{ id: legal_advisors, label: 聘请法律顾问的单位, unit: 个, rollup: count }').replace('〔legal_advisers〕', '〔legal_advisors〕'));
    const typo = fazhi(['validate', '测试区/2024/report.yaml'], dir);
    expect(typo.code).toBe(1);
    expect(typo.stdout).toContain(
      '测试区/2024/report.yaml:31:62 错误 无法汇总“聘请法律顾问的单位”：下级报告中没有标识为“legal_advisors”的数据项（请检查标识是否与部门、乡镇街道报告中的一致）；正文引用了这一项，无法生成。',
    );

    // A new year with no sub-reports yet: nothing to warn about unless the text needs the figure.
    const early = path.join(dir, '测试区', '2026');
    mkdirSync(early, { recursive: true });
    writeFileSync(
      path.join(early, 'report.yaml'),
      text
        .replace('year: 2024', 'year: 2026')
        .replace('date: 2025-01-15', 'date: 2027-01-15')
        .replace(/measures:\n  intro: .*\n/, 'measures:\n  intro: 工作有序开展。\n')
        .replace(/2025年(6|12)月底前/g, '2027年$1月底前'),
    );
    const quiet = fazhi(['render', '测试区/2026/report.yaml', '-o', path.join(dir, 'early.docx'), '--verbose'], dir);
    expect(quiet.code, quiet.stdout + quiet.stderr).toBe(0);
    expect(quiet.stdout).not.toContain('警告');
    expect(quiet.stdout).toContain('汇总数据“行政处罚案件”（penalty_cases，合计）：无法汇总，还没有下级报告');
  });
});
