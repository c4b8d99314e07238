import type { Rule } from '../rule.js';
import { parseDate } from '../../dates.js';

// A report reused from another year keeps that year in its opening words or its date: the
// document then says one year on the title and another in its first sentence.
export const yearMentions: Rule = {
  id: 'year-mentions',
  severity: 'warning',
  basis: '年度报告总结报告年度的工作，导语首句写明该年度，成文于次年年初',
  check(data, report) {
    const first = typeof data.preamble === 'string' ? data.preamble : data.preamble?.[0];
    const said = first === undefined ? undefined : /^\s*(\d{4})年/.exec(first)?.[1];
    if (said !== undefined && Number(said) !== data.year) {
      const pointer = typeof data.preamble === 'string' ? '/preamble' : '/preamble/0';
      report({ pointer, snippet: `${said}年`, message: `导语开头写的是 ${said} 年，报告年度（year）是 ${data.year} 年，请核对哪一个对。` });
    }
    const date = data.date === undefined ? undefined : parseDate(data.date);
    if (date && date.year > data.year + 1) {
      report({ pointer: '/date', message: `成文日期是 ${date.year} 年，报告年度（year）是 ${data.year} 年：年度报告一般在次年（${data.year + 1} 年）年初成文，请核对年度和日期。` });
    }
  },
};
