// The breakdown as Word documents in the official layout: a title (2号小标宋), one sentence of
// introduction, then the table (GB/T 9704 §7.3.1 for the title; the table as the body).

import type { Block, ReportDocument, TableBlock } from '../compose/model.js';
import { breakTitle } from '../compose/title-lines.js';
import type { LayoutProfile } from '../layout/profile.js';
import type { ReportData } from '../data/report.js';
import type { Task, UnitTask } from './index.js';

const EMPTY = '—';

function documentOf(title: string, year: number, unitName: string, intro: string, table: TableBlock, profile: LayoutProfile): ReportDocument {
  const blocks: Block[] = [
    { kind: 'title', lines: breakTitle(title, profile.title.maxLineChars.value) },
    { kind: 'paragraph', runs: [{ text: intro }] },
    table,
  ];
  return { title, year, unitName, blocks };
}

/** 《示例区人民政府关于2024年度法治政府建设情况的报告》 */
const sourceTitle = (title: string): string => `《${title}》`;

export function districtTasksTitle(report: ReportData): string {
  return `${report.unit.short}${report.year + 1}年法治政府建设重点任务分工`;
}

export function districtTasksDocument(report: ReportData, reportTitle: string, tasks: readonly Task[], profile: LayoutProfile): ReportDocument {
  const title = districtTasksTitle(report);
  const intro = `为落实${sourceTitle(reportTitle)}提出的${report.year + 1}年推进法治政府建设主要安排，现将重点任务分工如下。各牵头单位要会同配合单位制定具体措施，按时限完成，并在下一年度法治政府建设年度报告中报告落实情况。`;
  const table: TableBlock = {
    kind: 'table',
    label: '',
    title: '',
    columns: ['序号', '工作任务', '牵头单位', '配合单位', '完成时限'],
    rows: tasks.map((t) => [String(t.number), t.text, t.lead.join('、') || EMPTY, t.support.join('、') || EMPTY, t.deadline ?? EMPTY]),
    widths: [14, 52, 28, 32, 30],
    leftColumns: [1],
    placement: 'body',
  };
  return documentOf(title, report.year + 1, report.unit.name, intro, table, profile);
}

export function unitTasksTitle(unitName: string, year: number): string {
  return `${unitName}${year}年法治政府建设任务清单`;
}

export function unitTasksDocument(unitName: string, report: ReportData, reportTitle: string, list: readonly UnitTask[], profile: LayoutProfile): ReportDocument {
  const year = report.year + 1;
  const leads = list.filter((t) => t.role === '牵头').length;
  const supports = list.length - leads;
  const counts = [leads ? `牵头${leads}项` : '', supports ? `配合${supports}项` : ''].filter(Boolean).join('、');
  const intro = `根据${sourceTitle(reportTitle)}和${districtTasksTitle(report)}，本单位${year}年承担法治政府建设任务${list.length}项（${counts}），请逐项落实，并在本单位${year}年法治政府建设年度报告中报告完成情况。`;
  const table: TableBlock = {
    kind: 'table',
    label: '',
    title: '',
    columns: ['序号', '工作任务', '职责', '牵头单位', '完成时限'],
    rows: list.map(({ task, role }, i) => [String(i + 1), task.text, role, task.lead.join('、') || EMPTY, task.deadline ?? EMPTY]),
    widths: [14, 58, 18, 36, 30],
    leftColumns: [1],
    placement: 'body',
  };
  return documentOf(unitTasksTitle(unitName, year), year, unitName, intro, table, profile);
}
