// The year a report states must be the year of the folder it is kept in (data/某某区/2025/…):
// a file copied from last year's folder and not updated would otherwise be rendered as last
// year's report, and the year-on-year comparison would read the wrong file.
import type { Rule } from '../rule.js';

export const yearFolder: Rule = {
  id: 'year-folder',
  severity: 'error',
  basis: '数据按 data/单位/年度/ 存放：报告年度必须与所在年度文件夹一致，否则会按错误年度成文并读错上年数据',
  needs: ['folderYear'],
  check(data, report, { folderYear }) {
    if (folderYear === undefined || folderYear === data.year) return;
    report({
      pointer: '/year',
      message: `报告年度（year）写的是 ${data.year}，但这个文件在 ${folderYear} 年的文件夹中。请核对：如果是 ${folderYear} 年的报告，把 year 改为 ${folderYear}；如果是 ${data.year} 年的报告，请把文件移到 ${data.year} 年的文件夹。`,
    });
  },
};
