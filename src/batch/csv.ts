// The summary as CSV for Excel and WPS: UTF-8 with a byte-order mark (without it Excel on
// Chinese Windows reads the file as GBK and shows mojibake), CRLF line ends, fields quoted
// when they hold a comma, quote or line break. A leading = + - @ is escaped so that a cell is
// never taken for a formula.

import { LEVEL_NAMES, type SummaryRow } from './summary.js';

const COLUMNS = ['序号', '单位', '层级', '状态', '错误数', '警告数', '输出文件', '数据文件', '联系人', '说明'];

function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function summaryCsv(rows: readonly SummaryRow[]): Uint8Array {
  const lines = [
    COLUMNS,
    ...rows.map((r, i) => [
      String(i + 1),
      r.unit,
      r.level ? LEVEL_NAMES[r.level] : '',
      r.status,
      String(r.errors),
      String(r.warnings),
      r.output ?? '',
      r.file ?? '',
      r.contact ?? '',
      r.note ?? '',
    ]),
  ].map((cells) => cells.map(field).join(','));
  return new TextEncoder().encode(`\ufeff${lines.join('\r\n')}\r\n`);
}
