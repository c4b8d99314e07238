// Every kind of document the product writes, as document models: each example report (with the
// default profile and the example variant profile), the district's task table and the per-unit
// lists, a batch summary, and a document that uses every block kind with hostile text. Shared by
// the writer comparison and the OOXML validation tests.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { ReportDocument } from '../../src/compose/model.js';
import { summaryDocument } from '../../src/batch/summary-document.js';
import { loadProfile } from '../../src/layout/load-profile.js';
import { GBT9704, type LayoutProfile } from '../../src/layout/profile.js';
import { renderFile } from '../../src/pipeline.js';
import { planTasks, tasksByWrittenName } from '../../src/tasks/index.js';
import { districtTasksDocument, unitTasksDocument } from '../../src/tasks/document.js';
import { ROOT } from './cli.js';

export interface NamedDocument {
  name: string;
  doc: ReportDocument;
  profile: LayoutProfile;
}

export const VARIANT_PROFILE = path.join(ROOT, 'profiles', '示例省变体.yaml');

export const exampleFiles = (): string[] =>
  readdirSync(path.join(ROOT, 'data'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml') && path.basename(f) !== 'units.yaml')
    .map((f) => path.join(ROOT, 'data', f))
    .sort();

/** Every block kind, with the characters that need care: XML specials, GBK-only and astral characters, a tab. */
export function everyBlockDocument(profile: LayoutProfile): ReportDocument {
  return {
    title: '示例 <&> "引号" 报告',
    year: 2024,
    unitName: '示例区 & 堃',
    blocks: [
      { kind: 'doc-number', text: '示发〔2025〕3号', placement: 'left' },
      { kind: 'title', lines: ['关于<2024>年度法治政府', '建设情况的报告'] },
      { kind: 'addressee', text: '示例市人民政府：' },
      { kind: 'heading', level: 1, number: '一、', text: '主要举措 & 成效' },
      { kind: 'heading', level: 2, number: '（一）', text: '堃镕喆的名字' },
      { kind: 'heading', level: 3, number: '1.', text: '𠀀扩展字' },
      { kind: 'heading', level: 4, number: '（1）', text: '第四层' },
      { kind: 'paragraph', runs: [{ text: '一是加强领导。', strong: true }, { text: '办理 <复议> 案件 12 件，"A&B" 组 ' + '很长的正文'.repeat(30) }] },
      { kind: 'attachments', label: '附件：', items: [{ number: '1.', text: '主要指标 <表>' }, { number: '2.', text: '重点任务分工' }] },
      { kind: 'signature', organs: ['中共示例区委员会', '示例区人民政府'], date: '2025年1月20日', seal: true },
      { kind: 'table', label: '附件1', title: '主要指标', columns: ['序号', '指标', '单位', '2024年', '2023年', '同比'], rows: [['1', '复议 <案件> & 堃', '件', '12', '10', '增长20%']], widths: [8, 32, 8, 15, 15, 22] },
      { kind: 'table', label: '附件2', title: '分工', columns: ['序号', '任务', '牵头'], rows: [['1', '任务', '司法局']], widths: [1, 4, 2], leftColumns: [1, 2] },
      { kind: 'colophon', copyTo: { label: '抄送：', text: '示例市司法局 & 堃。' }, printedBy: '示例区人民政府办公室', printedOn: '2025年1月21日印发' },
    ],
  };
}

/** The models of every document the product writes from the bundled examples. */
export async function allDocuments(): Promise<NamedDocument[]> {
  const variant = loadProfile(VARIANT_PROFILE);
  const out: NamedDocument[] = [];
  for (const profile of [GBT9704, variant]) {
    const tag = profile === GBT9704 ? '' : ' (变体)';
    for (const file of exampleFiles()) {
      const result = await renderFile(file, { profile });
      if (!result.document) throw new Error(`${file} did not render`);
      out.push({ name: path.relative(ROOT, file) + tag, doc: result.document, profile });
      if (result.report?.plans) {
        const tasks = planTasks(result.report);
        if (tasks.length) {
          out.push({ name: `tasks ${path.relative(ROOT, file)}${tag}`, doc: districtTasksDocument(result.report, result.document.title, tasks, profile), profile });
          for (const { name, tasks: list } of tasksByWrittenName(tasks)) {
            out.push({ name: `tasks ${name}${tag}`, doc: unitTasksDocument(name, result.report, result.document.title, list, profile), profile });
          }
        }
      }
    }
    const rows = [
      { unit: '示例区人民政府', level: 'district' as const, status: '已生成' as const, errors: 0, warnings: 0, output: 'output/示例区.docx' },
      { unit: '示例区司法局 & <堃>', level: 'department' as const, status: '有错误' as const, errors: 2, warnings: 0 },
      { unit: '示例街道办事处', status: '缺报' as const, errors: 0, warnings: 0 },
    ];
    out.push({ name: `batch summary${tag}`, doc: summaryDocument(rows, '示例区2024年度法治政府建设年度报告报送情况汇总表', profile, 2024, { year: 2025, month: 1, day: 20 }), profile });
    out.push({ name: `every block${tag}`, doc: everyBlockDocument(profile), profile });
  }
  return out;
}
