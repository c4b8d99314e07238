// `fazhi new-year`: next year's file from last year's, with everything that belongs to a year
// cleared or marked, and validate naming each placeholder left at its line.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fazhi, ROOT, scratchDir, workspace } from './helpers/cli.js';
import { readDocx } from './helpers/docx.js';

const MARK = '【待填写】';

type Group = { heading: string; items?: unknown[]; groups?: Group[]; items_style?: string };
type Data = Record<string, unknown> & {
  measures: { heading?: string; groups: Group[] };
  other: { groups: Group[] };
  plans: { intro?: string };
  metrics: { id: string; value: unknown; rollup?: string }[];
};

describe('fazhi new-year FILE', () => {
  let dir: string;
  let run: ReturnType<typeof fazhi>;
  let text: string;
  let data: Data;
  const target = () => path.join(dir, 'data', '示例区', '2025', 'report.yaml');

  beforeAll(() => {
    dir = workspace();
    run = fazhi(['new-year', 'data/示例区/2024/report.yaml'], dir);
    text = readFileSync(target(), 'utf8');
    data = parse(text) as Data;
  });

  it('writes data/示例区/2025/report.yaml and says what is left to fill in', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('已生成：data/示例区/2025/report.yaml（沿用 20 个小标题，上年 8 项工作安排待写落实情况，上年 5 项不足待写整改情况，16 项数据待填数值）');
  });

  it('keeps the schema line for editors, pointing at the same schema from the new place', () => {
    const first = text.split('\n')[0]!;
    expect(first).toBe('# yaml-language-server: $schema=../../../schema/report.schema.json');
    expect(text.match(/yaml-language-server/g)).toHaveLength(1);
  });

  it('advances the year and carries over unit, 主送, 署名, 版记 and headings', () => {
    const last = parse(readFileSync(path.join(dir, 'data', '示例区', '2024', 'report.yaml'), 'utf8')) as Data;
    expect(data.year).toBe(2025);
    expect(data.title).toBe('中共示例区委 示例区人民政府关于2025年度法治政府建设情况的报告');
    expect(data.attachments).toEqual(['示例区2025年法治政府建设主要指标']);
    for (const key of ['unit', 'recipients', 'signatories', 'copy_to', 'printed_by', 'closing', 'seal', 'level']) expect(data[key], key).toEqual(last[key]);
    expect(data.measures.heading).toBe(last.measures.heading);
    const headings = (g: Group[]): string[] => g.flatMap((x) => [x.heading, ...headings(x.groups ?? [])]);
    expect(headings(data.measures.groups).slice(0, headings(last.measures.groups).length)).toEqual(headings(last.measures.groups));
  });

  it('clears dates, the document number and the figures, with last year’s values in comments', () => {
    expect(data.date).toBeNull();
    expect(data.printed_date).toBeNull();
    expect(data.doc_number).toBeNull();
    expect(text).toContain('doc_number: # 发文字号；上年为“示发〔2025〕3号”');
    expect(text).toContain('date: # 成文日期，例如 2026-01-20');
    // Rolled-up figures have no value of their own: they stay as declared (see test/rollup.test.ts).
    const own = data.metrics.filter((m) => m.rollup === undefined);
    expect(own.map((m) => m.value)).toEqual(own.map(() => null));
    expect(text).toContain('value: # 2024年：186件；请填写 2025 年的数值');
    expect(text).toContain('value: # 2024年：12.1%；请填写 2025 年的数值');
  });

  it('puts each of last year’s plans into measures as a placeholder, under the closest heading', () => {
    const last = parse(readFileSync(path.join(dir, 'data', '示例区', '2024', 'report.yaml'), 'utf8')) as { plans: { items: { lead: string }[] } };
    const all = (g: Group[]): string[] => g.flatMap((x) => [...((x.items ?? []) as string[]), ...all(x.groups ?? [])]);
    const placeholders = all(data.measures.groups).filter((t) => t.includes('2024年报告提出的安排'));
    expect(placeholders).toHaveLength(last.plans.items.length);
    for (const plan of last.plans.items) {
      expect(placeholders.some((p) => p.startsWith(`${MARK}2024年报告提出的安排：${plan.lead}。`) && p.endsWith('——请填写落实情况'))).toBe(true);
    }
    const disputes = data.measures.groups.find((g) => g.heading.includes('矛盾纠纷'))!;
    expect(((disputes.items ?? []) as string[]).some((t) => t.includes('健全矛盾纠纷化解机制'))).toBe(true);
    expect(data.plans.intro).toBe(`${MARK}2026年推进法治政府建设的主要安排`);
  });

  it('lists last year’s shortcomings as a checklist for 整改情况', () => {
    const group = data.other.groups.find((g) => g.heading === '2024年报告所列不足的整改情况')!;
    expect(group.items).toHaveLength(5);
    // Read back, the line breaks of a folded text are spaces, which the document never prints.
    expect((group.items as string[])[0]!.replace(/\s+/g, '')).toMatch(/^【待填写】2024年报告所列不足：部分领导干部法治思维有待强化。少数领导干部.*——请填写整改情况$/);
  });

  it('writes long texts as folded blocks of short lines that print exactly as the text', () => {
    const lines = text.split('\n');
    expect(lines.filter((l) => / >-$/.test(l)).length).toBeGreaterThan(10);
    expect(Math.max(...lines.map((l) => [...l.trim()].length))).toBeLessThanOrEqual(70);
  });

  it('is flagged by validate: each placeholder an error at its line, each empty figure too', () => {
    const v = fazhi(['validate', 'data/示例区/2025/report.yaml'], dir);
    expect(v.code).toBe(1);
    const lines = text.split('\n');
    const errors = v.stdout.split('\n').filter((l) => l.includes(' 错误 尚未填写：'));
    const marked = (value: unknown): number =>
      typeof value === 'string' ? (value.includes(MARK) ? 1 : 0) : value && typeof value === 'object' ? Object.values(value).reduce((n: number, v) => n + marked(v), 0) : 0;
    expect(errors.length).toBe(marked(data));
    expect(errors.length).toBeGreaterThan(20);
    for (const e of errors) {
      const [, line] = /^data\/示例区\/2025\/report\.yaml:(\d+):\d+ /.exec(e)!;
      // The line named is the placeholder's own (or the >- line that starts it).
      expect(lines[Number(line) - 1]).toMatch(/【待填写】|>-$/);
    }
    expect(v.stdout).toContain('data/示例区/2025/report.yaml:18:11 错误 尚未填写：“2025年，示例区……现将有关情况报告如下：”。请按本年度实际情况改写，并删除“【待填写】”标记。');
    expect(v.stdout.split('\n').filter((l) => l.includes(' 错误 “value”（数值）没有填写内容。'))).toHaveLength(16);
  });

  it('validates and renders once every placeholder and figure is filled in', async () => {
    const filled = text
      .replace(/【待填写】[^\n]*(\n {2,}(?!- )[^\n:]+(?=\n))*/g, '本年度完成了这项工作，情况良好。')
      .replace(/value: # 2024年：(\d+(?:\.\d+)?)[^\n]*/g, (_m, v: string) => `value: ${v}`)
      .replace('date: # 成文日期，例如 2026-01-20', 'date: 2026-01-20');
    const file = path.join(dir, 'data', '示例区', '2025', 'filled.yaml');
    writeFileSync(file, filled);
    // Last year's figures for the 附件 table: the filled copy is not named report.yaml.
    const previous = ['--previous', path.join(dir, 'data', '示例区', '2024', 'report.yaml')];
    const v = fazhi(['validate', file, ...previous], dir);
    expect(v.stdout).not.toContain('错误');
    expect(v.code).toBe(0);
    const out = path.join(dir, 'filled.docx');
    expect(fazhi(['render', file, '-o', out, ...previous], dir).code).toBe(0);
    const texts = (await readDocx(readFileSync(out))).paragraphs.map((p) => p.text);
    expect(texts).toContain('关于2025年度法治政府建设情况的报告');
    expect(texts).toContain('2026年1月20日');
  });

  it('never overwrites the new file without --force', () => {
    writeFileSync(target(), '# 已经开始填写\n');
    const again = fazhi(['new-year', 'data/示例区/2024/report.yaml'], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('“data/示例区/2025/report.yaml”已经存在，未做任何修改。如确需重新生成并覆盖，请加 --force。');
    expect(readFileSync(target(), 'utf8')).toBe('# 已经开始填写\n');
    expect(fazhi(['new-year', 'data/示例区/2024/report.yaml', '--force'], dir).code).toBe(0);
    expect(readFileSync(target(), 'utf8')).toBe(text);
  });
});

describe('fazhi new-year DIR', () => {
  it('converts every report of the year, departments and towns included, to the same places', () => {
    const dir = workspace();
    const r = fazhi(['new-year', 'data/示例区/2024'], dir);
    expect(r.code).toBe(0);
    for (const f of ['report.yaml', 'departments/示例区司法局.yaml', 'towns/示例街道办事处.yaml']) {
      const file = path.join(dir, 'data', '示例区', '2025', f);
      expect(existsSync(file), f).toBe(true);
      const data = parse(readFileSync(file, 'utf8')) as { year: number; level: string };
      expect(data.year).toBe(2025);
      expect(r.stdout).toContain(`已生成：data/示例区/2025/${f}`);
    }
    expect((parse(readFileSync(path.join(dir, 'data/示例区/2025/towns/示例街道办事处.yaml'), 'utf8')) as { level: string }).level).toBe('town');
  });

  it('skips files that exist, converts the rest, and exits 1', () => {
    const dir = workspace();
    const existing = path.join(dir, 'data', '示例区', '2025', 'report.yaml');
    cpSync(path.join(dir, 'data', '示例区', '2023', 'report.yaml'), existing);
    const before = readFileSync(existing, 'utf8');
    const r = fazhi(['new-year', 'data/示例区/2024'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('已经存在，未做任何修改');
    expect(readFileSync(existing, 'utf8')).toBe(before);
    expect(existsSync(path.join(dir, 'data', '示例区', '2025', 'towns', '示例街道办事处.yaml'))).toBe(true);
  });

  it('refuses a file with errors, and a path without a year folder unless -o is given', () => {
    const dir = scratchDir();
    writeFileSync(path.join(dir, 'bad.yaml'), 'level: county\n');
    const bad = fazhi(['new-year', 'bad.yaml'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('未转换：bad.yaml 有错误');
    cpSync(path.join(ROOT, 'data', '示例区', '2024', 'report.yaml'), path.join(dir, 'r.yaml'));
    const noYear = fazhi(['new-year', 'r.yaml'], dir);
    expect(noYear.code).toBe(1);
    expect(noYear.stderr).toContain('路径中没有名为 2024 的文件夹），请用 -o 指定');
    expect(fazhi(['new-year', 'r.yaml', '-o', 'r2025.yaml'], dir).code).toBe(0);
    expect(readFileSync(path.join(dir, 'r2025.yaml'), 'utf8').split('\n')[0]).toMatch(/schema\/report\.schema\.json$/);
  });
});
