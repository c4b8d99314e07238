// `fazhi import`: a published report (text, .docx, saved page) → a data file marked as an
// imported past report, with comments saying where each part came from, and a short account of
// what was recognised.

import { isMap, type YAMLMap } from 'yaml';
import { formatChineseDate, type CalendarDate } from '../dates.js';
import { PART_KEYS, PART_NAMES, type PartKey, type ReportData } from '../data/report.js';
import { commentAbove, newDocument, pairOf, yamlText } from '../yaml-out/index.js';
import { buildReport, candidateMetrics, type Built, type ImportWarning } from './build.js';
import { clean, fullWidthPunctuation } from './clean.js';
import { extract, type SourceKind } from './extract.js';
import { endMatter, frontMatter, parseBody } from './structure.js';

export interface ImportOptions {
  /** The input as the user named it (recorded in `imported.from` and messages). */
  label: string;
  /** $schema path relative to the output file. */
  schemaRef: string;
  today: CalendarDate;
}

export interface ImportResult {
  data: ReportData;
  yaml: string;
  /** Formatted `文件:行:1 警告 …` lines. */
  warnings: string[];
  summary: string[];
}

const LEVEL_NAMES = { district: '区/县政府', department: '政府部门', town: '乡镇/街道' } as const;

function formatWarning(w: ImportWarning, label: string, kind: SourceKind): string {
  if (w.at === undefined) return `${label} 警告 ${w.message}`;
  return kind === 'text' ? `${label}:${w.at}:1 警告 ${w.message}` : `${label} 警告 （第${w.at}段）${w.message}`;
}

function summarise(built: Built, dropped: number, metrics: number): string[] {
  const d = built.data;
  const out: string[] = ['识别结果：'];
  const field = (name: string, value: string | undefined) => `${name}：${value ?? '（原文没有）'}`;
  out.push(`  ${field('标题', d.title)}`);
  out.push(`  单位：${d.unit.name}（${LEVEL_NAMES[d.level]}）　年度：${d.year}`);
  out.push(`  ${field('发文字号', d.doc_number)}　${field('主送', d.recipients?.join('、'))}`);
  out.push(`  ${field('署名', d.signatories?.join('、'))}　${field('成文日期', d.date)}`);
  if (d.copy_to || d.printed_by) out.push(`  抄送：${d.copy_to?.join('、') ?? '（无）'}　印发：${d.printed_by ?? ''}${d.printed_date ? `（${d.printed_date}）` : ''}`);
  out.push(`  导语：${d.preamble === undefined ? 0 : typeof d.preamble === 'string' ? 1 : d.preamble.length} 段`);
  const order = d.imported?.part_order ?? PART_KEYS.filter((k) => d[k]);
  out.push(`  各部分（按原文顺序）${built.themed ? '；原文按主题分节，问题之前的各节作为“主要举措和成效”下的标题' : ''}：`);
  for (const key of order) {
    const part = d[key];
    if (!part) continue;
    const c = built.counts[key];
    const heading = part.heading ? `“${part.heading}”` : '';
    out.push(`    ${PART_NAMES[key]}（${key}）${heading}：${c.groups} 个小标题，${c.items} 项“一是……”`);
  }
  const missing = (['measures', 'shortcomings', 'duties', 'plans'] as const).filter((k) => !d[k]);
  if (missing.length) out.push(`  原文没有的部分：${missing.map((k) => PART_NAMES[k]).join('、')}（导入的往年报告，校验时只作警告）`);
  out.push(`  候选数据：${metrics} 项（带单位的数字，已写入 metrics，请核对）`);
  if (dropped) out.push(`  去掉网页内容：${dropped} 行（网站名称、导航、分享和打印按钮、纠错表单、版权信息等）`);
  return out;
}

export async function importReport(file: string, options: ImportOptions): Promise<ImportResult> {
  const extracted = await extract(file);
  const cleaned = clean(extracted.lines);
  const where = (at: number) => (extracted.kind === 'text' ? `第 ${at} 行` : `第 ${at} 段`);
  const { front, rest } = frontMatter(cleaned.lines, cleaned.meta);
  if (!front.title && cleaned.meta.title) front.title = fullWidthPunctuation(cleaned.meta.title);
  const reference = front.coverDate ?? cleaned.meta.published;
  const { end, body: bodyLines } = endMatter(rest, reference);
  const body = parseBody(bodyLines);
  const built = buildReport({
    file: options.label,
    today: options.today,
    front,
    body,
    end,
    where,
    ...(cleaned.meta.publisher ? { publisher: cleaned.meta.publisher } : {}),
    ...(cleaned.meta.docNumber ? { docNumber: cleaned.meta.docNumber } : {}),
    ...(cleaned.meta.date ? { metaDate: cleaned.meta.date } : {}),
  });
  const warnings: ImportWarning[] = [...built.warnings];
  if (body.sections.length === 0) warnings.push({ message: '没有找到“一、”“二、”这样编号的部分标题，全文放在导语中；请按报告的五个部分整理。' });
  for (const l of bodyLines) {
    if (cleaned.tableRows.has(l.at)) warnings.push({ at: l.at, message: '这一行原是表格的一行，已按文字保留；表格中的数据可以写在 metrics 中。' });
  }
  const metrics = candidateMetrics(bodyLines, where);
  const data: ReportData = { ...built.data, ...(metrics.length ? { metrics } : {}) };

  const doc = newDocument(data);
  const today = formatChineseDate(options.today);
  doc.commentBefore = [
    ` yaml-language-server: $schema=${options.schemaRef}`,
    ` 由 fazhi import 于 ${today}从“${options.label}”导入：这是往年已发布的报告（imported），`,
    ' 原文没有的部分在校验时只作警告。每一部分前的注释写明它来自原文哪里；请对照原文核对。',
  ].join('\n');
  const root = doc.contents as YAMLMap;
  if (isMap(root)) {
    for (const origin of built.origins) {
      const pair = pairOf(root, origin.key);
      if (pair) commentAbove(pair, `原文${where(origin.from)}${origin.to > origin.from ? `至${where(origin.to).replace(/^第 /, '第 ')}` : ''}：${origin.heading}`);
    }
    const m = pairOf(root, 'metrics');
    if (m) commentAbove(m, '以下是从原文中找出的带单位的数字（候选数据），请核对名称和数值，删除不需要的，\n并把标识 figure_… 改为有意义的英文名（例如 review_cases），以便来年同比。');
    const imported = pairOf(root, 'imported');
    if (imported) commentAbove(imported, '导入信息：有此项时，原文没有的部分只作警告（往年报告无法补写）。');
  }
  return {
    data,
    yaml: yamlText(doc),
    warnings: [...extracted.notes.map((n) => `${options.label} 提示 ${n}`), ...warnings.map((w) => formatWarning(w, options.label, extracted.kind))],
    summary: summarise(built, cleaned.dropped.length + front.skipped.length, metrics.length),
  };
}
