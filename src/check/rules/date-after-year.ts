import type { Rule } from '../rule.js';
import { compareDates, isRealDate, parseDate } from '../../dates.js';

export const dateAfterYear: Rule = {
  id: 'date-after-year',
  severity: 'error',
  basis: '年度报告总结的是上一年度，成文日期应在报告年度之后（次年3月1日前报送）',
  check(data, report) {
    const fields = [
      { key: 'date', name: '成文日期' },
      { key: 'printed_date', name: '印发日期' },
    ] as const;
    for (const { key, name } of fields) {
      const text = data[key];
      if (text === undefined) continue;
      const date = parseDate(text);
      if (!date) continue; // the schema reports the format
      if (!isRealDate(date)) {
        report({ pointer: `/${key}`, message: `${name}“${text}”不是真实存在的日期，请核对月份和日。` });
      } else if (date.year <= data.year) {
        report({ pointer: `/${key}`, message: `${name}“${text}”应在报告年度 ${data.year} 年之后（一般是 ${data.year + 1} 年年初）。` });
      }
    }
    const date = data.date ? parseDate(data.date) : undefined;
    const printed = data.printed_date ? parseDate(data.printed_date) : undefined;
    if (date && printed && isRealDate(date) && isRealDate(printed) && compareDates(printed, date) < 0) {
      report({ pointer: '/printed_date', message: `印发日期“${data.printed_date}”早于成文日期“${data.date}”，请核对。` });
    }
  },
};
