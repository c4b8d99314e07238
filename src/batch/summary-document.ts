// The summary as a Word document (汇总表) in the official layout: title in 2号小标宋, one
// sentence with the counts, then the table with its header row repeated on every page.

import path from 'node:path';
import type { ReportDocument } from '../compose/model.js';
import { breakTitle } from '../compose/title-lines.js';
import { formatChineseDate, type CalendarDate } from '../dates.js';
import type { LayoutProfile } from '../layout/profile.js';
import { countRows, LEVEL_NAMES, type SummaryRow } from './summary.js';

export function summaryTitle(district: string, year: number | undefined): string {
  return `${district}${year ? `${year}年度` : ''}法治政府建设年度报告报送情况汇总表`;
}

/**
 * The summary as a document. `asOf` (`batch --date`) is the 截至 date, given by the user: taken
 * from the clock, the bytes of the same batch changed by day and by time zone.
 */
export function summaryDocument(rows: readonly SummaryRow[], title: string, profile: LayoutProfile, year: number | undefined, asOf?: CalendarDate): ReportDocument {
  const c = countRows(rows);
  const parts = [`已生成${c.ok}份`, c.errors ? `有错误${c.errors}份` : '', c.writeFailed ? `未能写入${c.writeFailed}份` : '', c.missing ? `缺报${c.missing}个单位` : ''].filter(Boolean);
  const intro = `${asOf ? `截至${formatChineseDate(asOf)}，` : ''}共${c.total}个单位，${parts.join('，')}。`;
  return {
    title,
    year: year ?? asOf?.year ?? 0,
    unitName: '',
    blocks: [
      { kind: 'title', lines: breakTitle(title, profile.title.maxLineChars.value) },
      { kind: 'paragraph', runs: [{ text: intro }] },
      {
        kind: 'table',
        label: '',
        title: '',
        columns: ['序号', '单位', '层级', '状态', '错误数', '输出文件'],
        rows: rows.map((r, i) => [
          String(i + 1),
          r.unit,
          r.level ? LEVEL_NAMES[r.level] : '—',
          r.status,
          r.status === '缺报' ? '—' : String(r.errors),
          r.output ? path.basename(r.output) : '—',
        ]),
        // In millimetres of the 156 mm 版心: four characters of 4号 fit in 24 mm with the cell margins.
        widths: [14, 38, 24, 24, 19, 37],
        leftColumns: [1, 5],
        placement: 'body',
      },
    ],
  };
}
