import type { Rule } from '../rule.js';

const compact = (text: string): string => text.replace(/\s+/g, '');

// title_lines is what the document prints as the title; title is what names the file and the
// web page. Lines that do not spell the title print another title than the one written.
export const titleLines: Rule = {
  id: 'title-lines',
  severity: 'error',
  basis: '标题分行只改变换行位置，不改变标题文字（GB/T 9704 §7.3.1）',
  check(data, report) {
    if (data.title === undefined || data.title_lines === undefined) return;
    const joined = compact(data.title_lines.join(''));
    if (joined === compact(data.title)) return;
    report({
      pointer: '/title_lines',
      message: `标题分行（title_lines）合起来是“${joined}”，与标题（title）“${compact(data.title)}”不一致，文档中会印出分行的文字。请把两处改成一致，或删去 title_lines，由工具自动分行。`,
    });
  },
};

// Without `title`, the title comes from the template and is known only once the report is
// composed: the pipeline runs this rule then, with the composed title in its context.
export const titleLinesComposed: Rule = {
  id: 'title-lines/composed',
  severity: 'error',
  basis: '没有写 title 时标题由模板生成，标题分行须与生成的标题文字一致（GB/T 9704 §7.3.1）',
  needs: ['composedTitle'],
  check(data, report, { composedTitle }) {
    if (composedTitle === undefined || data.title !== undefined || data.title_lines === undefined) return;
    const joined = compact(data.title_lines.join(''));
    if (joined === compact(composedTitle)) return;
    report({
      pointer: '/title_lines',
      message: `标题分行（title_lines）合起来是“${joined}”，与按模板生成的标题“${compact(composedTitle)}”不一致，文档中会印出分行的文字。请把标题写在 title 中并与分行一致，或删去 title_lines，由工具自动分行。`,
    });
  },
};
