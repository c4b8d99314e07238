// Next year's data file from last year's: what carries over stays (unit, recipients, signatories,
// 版记, headings), what belongs to a year is cleared (dates, document number, figures), and
// every promise of last year's plans and every shortcoming becomes a marked placeholder in the
// place where this year's report must account for it. This module assembles the new file:
// match.ts pairs promises with headings, carry.ts builds the parts, yaml-edit.ts edits the YAML.

import { isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import { PLACEHOLDER } from '../data/placeholder.js';
import { formatValue } from '../data/metric-format.js';
import type { Part, PartKey, ReportData } from '../data/report.js';
import { commentAbove, pairOf, parseForEditing, setIn, textScalar, toNode, yamlText } from '../yaml-out/index.js';
import { carriedPart, measuresPart, otherPart, rectification, type AssignedTask, type Context } from './carry.js';
import { emptyWithComment, header } from './yaml-edit.js';
import { advanceYear } from './years.js';

export type { AssignedTask } from './carry.js';
export { nextYearPath } from './years.js';

export interface NewYearSummary {
  headings: number;
  plans: number;
  /** Tasks of the district's breakdown carried in (see AssignedTask). */
  tasks: number;
  shortcomings: number;
  metrics: number;
}

export interface NewYearResult {
  text: string;
  summary: NewYearSummary;
}

export interface NewYearOptions {
  /** The source file as the user named it, for the header comment. */
  sourceLabel: string;
  /** $schema path relative to the new file. */
  schemaRef: string;
  /** Tasks the district assigned to this unit for the new year, each to be reported on. */
  assignedTasks?: readonly AssignedTask[];
}

export function newYearText(sourceText: string, last: ReportData, options: NewYearOptions): NewYearResult {
  // failsafe: every scalar stays text, so 1.10 or a phone number is written back as it was.
  const doc = parseForEditing(sourceText);
  const root = doc.contents;
  if (!isMap(root)) throw new Error('report file is not a map');
  const year = last.year;
  const next = year + 1;
  const ctx: Context = { year, next, headings: 0 };

  header(
    doc,
    options.schemaRef,
    `由 fazhi new-year 根据 ${year} 年的报告（${options.sourceLabel}）生成。\n每一处“${PLACEHOLDER}”都要改写成 ${next} 年的实际内容并删除该标记；运行 fazhi validate 会逐条列出。\n成文日期、发文字号、印发日期和主要数据的数值已清空，上年的内容写在各自的注释中。`,
  );

  setIn(root, 'year', new Scalar(String(next)));
  const title = pairOf(root, 'title');
  if (title && isScalar(title.value)) title.value = new Scalar(advanceYear(String(title.value.value), year, next));
  const titleLines = pairOf(root, 'title_lines');
  if (titleLines && isSeq(titleLines.value)) {
    titleLines.value.items = titleLines.value.items.map((n) => (isScalar(n) ? new Scalar(advanceYear(String(n.value), year, next)) : n));
  }
  if (last.doc_number) emptyWithComment(root, 'doc_number', `发文字号；上年为“${last.doc_number}”`, ['title_lines', 'title', 'unit']);
  const preamble = setIn(root, 'preamble', textScalar(`${PLACEHOLDER}${next}年，${last.unit.short}……现将有关情况报告如下：`), ['recipients', 'doc_number', 'title', 'unit']);
  if (!preamble.key.commentBefore) commentAbove(preamble, '导语：概述全年工作，以“现将有关情况报告如下：”结尾', false);
  emptyWithComment(root, 'date', `成文日期，例如 ${next + 1}-01-20`, ['signatories', 'closing', 'preamble']);
  if (last.printed_date) emptyWithComment(root, 'printed_date', `印发日期，例如 ${next + 1}-01-21`, ['printed_by', 'copy_to']);
  const attachments = pairOf(root, 'attachments');
  if (attachments && isSeq(attachments.value)) {
    attachments.value.items = attachments.value.items.map((n) => (isScalar(n) ? new Scalar(advanceYear(String(n.value), year, next)) : n));
  }
  if (last.metrics_table) setIn(root, 'metrics_table', new Scalar(advanceYear(last.metrics_table, year, next)));
  if (pairOf(root, 'imported')) root.items = root.items.filter((p) => !(isScalar(p.key) && p.key.value === 'imported'));

  const measures = measuresPart(last, ctx, options.assignedTasks);
  const checklist = rectification(last);
  const parts: [PartKey, Part | undefined, string][] = [
    [
      'measures',
      measures.part,
      `第一部分：主要举措和成效。小标题沿用 ${year} 年的报告；${year} 年报告提出的每一项安排都列在最接近的小标题下，\n请写明落实情况，再删除“${PLACEHOLDER}”。不需要的标题可以删除，也可以增加新的标题。`,
    ],
    ['shortcomings', carriedPart(last.shortcomings, ctx, `${next}年推进法治政府建设存在的不足和原因`), `第二部分：${next} 年推进法治政府建设存在的不足和原因`],
    [
      'duties',
      // A township written in three parts keeps that form (the first responsible person is in measures).
      last.level === 'town' && !last.duties ? undefined : carriedPart(last.duties, ctx, `${next}年党政主要负责人履行推进法治建设第一责任人职责的情况`),
      '第三部分：党政主要负责人履行推进法治建设第一责任人职责情况',
    ],
    ['plans', carriedPart(last.plans, ctx, `${next + 1}年推进法治政府建设的主要安排`, [next, next + 1]), `第四部分：${next + 1} 年推进法治政府建设的主要安排，只写 ${next + 1} 年的打算`],
    ['other', otherPart(last, ctx), `第五部分：其他需要报告的情况（可选）${checklist.length ? `；${year} 年报告所列的每一项不足都要写明整改情况` : ''}`],
  ];
  let previousKey = 'printed_date';
  for (const [key, part, note] of parts) {
    if (!part) {
      if (pairOf(root, key)) root.items = root.items.filter((p) => !(isScalar(p.key) && p.key.value === key));
      continue;
    }
    const existed = pairOf(root, key) !== undefined;
    const pair = setIn(root, key, toNode(part), [previousKey, 'items_style', 'printed_by', 'copy_to', 'attachments', 'date', 'signatories']);
    if (!existed || !pair.key.commentBefore) commentAbove(pair, note);
    else pair.key.spaceBefore = true;
    previousKey = key;
  }

  let metricCount = 0;
  const metrics = pairOf(root, 'metrics');
  if (metrics && isSeq(metrics.value)) {
    for (const node of metrics.value.items as Node[]) {
      if (!isMap(node)) continue;
      const value = pairOf(node, 'value');
      const id = pairOf(node, 'id');
      const old = last.metrics?.find((m) => isScalar(id?.value) && m.id === String(id.value.value));
      if (!value) continue;
      const empty = new Scalar(null);
      empty.comment = old ? ` ${year}年：${formatValue(old.value, old.unit)}；请填写 ${next} 年的数值` : ' 请填写本年数值';
      value.value = empty;
      metricCount += 1;
    }
  }

  return {
    text: yamlText(doc),
    summary: { headings: ctx.headings, plans: measures.promises, tasks: options.assignedTasks?.length ?? 0, shortcomings: checklist.length, metrics: metricCount },
  };
}

