// The responsibility breakdown: plans items with 牵头单位, 配合单位 and 完成时限 → a Word table for
// the district and a short list per unit; unit names checked against the roster; next year's
// reports of the units carry their tasks as placeholders. Expected rows come from the YAML.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fazhi, ROOT, scratchDir } from './helpers/cli.js';
import { readDocx } from './helpers/docx.js';

type Item = { lead?: string; text: string; lead_unit?: string; support_units?: string[]; deadline?: string };
type RosterUnit = { name: string; short: string; level: 'department' | 'town'; aliases?: string[] };

const DISTRICT = path.join(ROOT, 'data', '示例区', '2024', 'report.yaml');
const items = (parse(readFileSync(DISTRICT, 'utf8')) as { plans: { items: Item[] } }).plans.items;
const roster = (parse(readFileSync(path.join(ROOT, 'data', '示例区', 'units.yaml'), 'utf8')) as { units: RosterUnit[] }).units;
const squash = (s: string): string => s.replace(/\s+/g, '');
const taskText = (i: Item): string => `${i.lead}。${squash(i.text)}`;

/** Does a name written in a plan cover this unit? The collective names reach every unit of a kind. */
function covers(written: string, unit: RosterUnit): boolean {
  if (written === '各镇（街道）') return unit.level === 'town';
  if (written === '区直各部门') return unit.level === 'department';
  return [unit.name, unit.short, ...(unit.aliases ?? [])].includes(written);
}

function tableRows(document: string): string[][] {
  const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(document)![0];
  return [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
    [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => [...c[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
  );
}

describe('fazhi tasks', () => {
  it('writes the district’s table of tasks and one list per unit, in the official layout', async () => {
    const dir = scratchDir();
    const r = fazhi(['tasks', DISTRICT, '-o', dir, '--per-unit']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const main = path.join(dir, '示例区2025年法治政府建设重点任务分工.docx');
    expect(r.stdout).toContain(`已生成：${path.relative(ROOT, main)}`);
    const docx = await readDocx(readFileSync(main));
    expect(docx.paragraphs[0]!.text).toBe('示例区2025年法治政府建设重点任务分工');
    // 2号小标宋 title, as every 公文 of the tool.
    expect(docx.paragraphs[0]!.xml).toContain('w:ascii="方正小标宋简体"');
    expect(docx.paragraphs[0]!.xml).toContain('<w:sz w:val="44"/>');
    const rows = tableRows(docx.document);
    expect(rows[0]).toEqual(['序号', '工作任务', '牵头单位', '配合单位', '完成时限']);
    expect(rows.slice(1)).toEqual(items.map((i, n) => [String(n + 1), taskText(i), i.lead_unit!, i.support_units!.join('、'), i.deadline!]));
    // The header row repeats on every page.
    expect(/<w:tr[ >][\s\S]*?<\/w:tr>/.exec(docx.document)![0]).toContain('<w:tblHeader/>');

    for (const unit of roster) {
      const mine = items.filter((i) => [i.lead_unit!, ...i.support_units!].some((n) => covers(n, unit)));
      const file = path.join(dir, '任务清单', `${unit.name}2025年法治政府建设任务清单.docx`);
      if (mine.length === 0) continue;
      const list = await readDocx(readFileSync(file));
      const unitRows = tableRows(list.document);
      expect(unitRows[0]).toEqual(['序号', '工作任务', '职责', '牵头单位', '完成时限']);
      expect(unitRows.slice(1), unit.name).toEqual(
        mine.map((i, n) => [String(n + 1), taskText(i), covers(i.lead_unit!, unit) ? '牵头' : '配合', i.lead_unit!, i.deadline!]),
      );
      const leads = mine.filter((i) => covers(i.lead_unit!, unit)).length;
      expect(list.paragraphs.map((p) => p.text).join('')).toContain(`本单位2025年承担法治政府建设任务${mine.length}项`);
      if (leads) expect(list.paragraphs.map((p) => p.text).join('')).toContain(`牵头${leads}项`);
    }
  });

  it('is an error at its line to name a unit the roster does not know, with the closest name', () => {
    const dir = scratchDir();
    cpSync(path.join(ROOT, 'data'), path.join(dir, 'data'), { recursive: true });
    const file = path.join(dir, 'data', '示例区', '2024', 'report.yaml');
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    // The third task's lead unit, and one of the fifth task's supporting units.
    const leadLine = lines.findIndex((l) => l === '      lead_unit: 区市场监管局');
    const supportLine = lines.findIndex((l, i) => i > leadLine && l.startsWith('      support_units: [区直各部门]'));
    lines[leadLine] = '      lead_unit: 区市场监督局';
    lines[supportLine] = '      support_units:\n        - 区直各部门\n        - 区城管局';
    writeFileSync(file, lines.join('\n'));

    const validate = fazhi(['validate', 'data/示例区/2024/report.yaml'], dir);
    expect(validate.code).toBe(1);
    const roster = path.join('data', '示例区', 'units.yaml');
    expect(validate.stdout).toContain(`data/示例区/2024/report.yaml:${leadLine + 1}:18 错误 牵头单位“区市场监督局”不在单位名册（${roster}）中，是否应为“区市场监管局”？`);
    expect(validate.stdout).toContain(
      `data/示例区/2024/report.yaml:${supportLine + 3}:11 错误 配合单位“区城管局”不在单位名册（${roster}）中，请使用名册中的名称或简称，或把这个单位加入名册。`,
    );
    const tasks = fazhi(['tasks', 'data/示例区/2024/report.yaml'], dir);
    expect(tasks.code).toBe(1);
    expect(tasks.stdout).toContain('错误 牵头单位“区市场监督局”不在单位名册');
    expect(tasks.stderr).toContain('未生成：data/示例区/2024/report.yaml 有错误');
  });

  it('needs one file with plans written as items', () => {
    expect(fazhi(['tasks']).code).toBe(2);
    const dir = scratchDir();
    writeFileSync(path.join(dir, 'r.yaml'), readFileSync(path.join(ROOT, 'test', 'fixtures', 'batch', '测试区', '2023', 'report.yaml'), 'utf8').replace(/plans:\n  items:\n    - (.*)\n/, 'plans:\n  intro: $1\n'));
    const r = fazhi(['tasks', 'r.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('r.yaml 的“下一年度主要安排”（plans）中没有分项（items），无法分解任务。');
  });

  it('honours --profile as render does: the variant’s page numbers and title size in the table and the lists', async () => {
    const dir = scratchDir();
    const r = fazhi(['tasks', DISTRICT, '-o', dir, '--per-unit', '--profile', path.join(ROOT, 'profiles', '示例省变体.yaml')]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const table = await readDocx(readFileSync(path.join(dir, '示例区2025年法治政府建设重点任务分工.docx')));
    const list = await readDocx(readFileSync(path.join(dir, '任务清单', '示例区司法局2025年法治政府建设任务清单.docx')));
    for (const docx of [table, list]) {
      expect(docx.footers.join('')).toContain('>- </w:t>');
      expect(docx.paragraphs[0]!.xml).toContain('<w:sz w:val="36"/>');
    }
    const national = fazhi(['tasks', DISTRICT, '-o', path.join(dir, 'national')]);
    expect(national.code).toBe(0);
    const plain = await readDocx(readFileSync(path.join(dir, 'national', '示例区2025年法治政府建设重点任务分工.docx')));
    expect(plain.footers.join('')).not.toContain('>- </w:t>');
    expect(plain.paragraphs[0]!.xml).toContain('<w:sz w:val="44"/>');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('next year, each unit’s report accounts for its tasks', () => {
  it('carries the tasks given to a unit into its new report as placeholders, which validate lists', () => {
    const dir = scratchDir();
    cpSync(path.join(ROOT, 'data'), path.join(dir, 'data'), { recursive: true });
    const r = fazhi(['new-year', 'data/示例区/2024'], dir);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const unit = roster.find((u) => u.short === '区教育局')!;
    const mine = items.filter((i) => [i.lead_unit!, ...i.support_units!].some((n) => covers(n, unit)));
    expect(r.stdout).toContain(`已生成：data/示例区/2025/departments/示例区教育局.yaml（沿用 4 个小标题，上年 3 项工作安排待写落实情况，责任分工中的 ${mine.length} 项任务待写完成情况`);
    const file = path.join(dir, 'data', '示例区', '2025', 'departments', '示例区教育局.yaml');
    const text = squash(readFileSync(file, 'utf8'));
    for (const i of mine) {
      const role = covers(i.lead_unit!, unit) ? '牵头' : '配合';
      expect(text).toContain(`【待填写】示例区2025年法治政府建设重点任务分工分配给本单位的任务（${role}）：${taskText(i)}——请填写完成情况`);
    }
    const v = fazhi(['validate', 'data/示例区/2025/departments/示例区教育局.yaml'], dir);
    expect(v.code).toBe(1);
    expect(v.stdout.split('\n').filter((l) => l.includes('错误 尚未填写：“示例区2025年法治政府建设重点任务分工分配给本单位的任务'))).toHaveLength(mine.length);
  });
});
