import { attachmentTitle, type ReportData } from '../../data/report.js';
import type { Rule } from '../rule.js';

/** Names of the tables the tool generates and can attach: 主要指标 and the rolled-up figures. */
function generatedTitles(data: ReportData): string[] {
  return [...(data.metrics_table !== undefined && data.metrics?.length ? [data.metrics_table] : []), ...(data.rollup_table ? [data.rollup_table.title] : [])].map((t) => t.trim());
}

// An attachment named in 附件说明 must follow the document, or the reader is told it does not.
export const attachmentPresent: Rule = {
  id: 'attachment-present',
  severity: 'warning',
  basis: 'GB/T 9704—2012 §7.3.4、§8：附件说明所列附件应随正文另面编排在版记之前',
  check(data, report) {
    const generated = generatedTitles(data);
    (data.attachments ?? []).forEach((attachment, i) => {
      if (typeof attachment !== 'string') {
        (attachment.tables ?? []).forEach((table, t) =>
          table.rows.forEach((row, r) => {
            if (row.length !== table.columns.length) {
              report({
                pointer: `/attachments/${i}/tables/${t}/rows/${r}`,
                message: `附件“${attachment.title}”的表格第 ${r + 1} 行有 ${row.length} 格，表头有 ${table.columns.length} 栏；请补齐或删去多余的格，使每行与表头对应。`,
              });
            }
          }),
        );
        if (attachment.paragraphs === undefined && attachment.tables === undefined) {
          report({ pointer: `/attachments/${i}`, message: `附件“${attachment.title}”没有内容：请填写 paragraphs（段落）或 tables（表格）。` });
        }
        return;
      }
      if (generated.includes(attachment.trim())) return;
      report({
        pointer: `/attachments/${i}`,
        message: `附件“${attachment}”在数据中没有内容，生成的文档不含此附件，需另行报送。要随文生成，请写成 title 加 paragraphs、tables，或使名称与 metrics_table（主要指标表）的标题一致。`,
      });
    });
  },
};
