// `fazhi import`: a published report (text, .docx, .doc/.wps, PDF, saved page) → a data file
// marked as an imported past report, with comments saying where each part came from, and a short
// account of what was recognised. Stages: read (bytes → lines) → unwrap (run-together text cut
// again) → clean (page furniture) → structure (front, body, end) → build (parts, unit, figures).

import { isMap, isSeq, Scalar, type YAMLMap } from 'yaml';
import { PLACEHOLDER } from '../data/placeholder.js';
import { formatChineseDate, type CalendarDate } from '../dates.js';
import { UserError, type Diagnostic } from '../diagnostic.js';
import { PART_KEYS, PART_NAMES, type PartKey, type ReportData } from '../data/report.js';
import { commentAbove, newDocument, pairOf, yamlText } from '../yaml-out/index.js';
import { buildReport, type Built } from './build/assemble.js';
import { candidateFigures } from './build/figures.js';
import { clean, fullWidthPunctuation } from './clean.js';
import { importDiagnostics, numberPieces } from './diagnostics.js';
import { IMPORT } from '../messages.js';
import { IMPORT_LIMITS } from './limits.js';
import { extract } from './read/index.js';
import { parseBody } from './structure/body.js';
import { endMatter } from './structure/end.js';
import { frontMatter } from './structure/front.js';
import { unwrap } from './structure/unwrap.js';

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
  /** Notes about reading the file (encoding, conversion), for the command's output. */
  notes: string[];
  /** What import found: errors (unit, level or year not recognised) and warnings. */
  diagnostics: Diagnostic[];
  summary: string[];
}

const LEVEL_NAMES = { district: '区/县政府', department: '政府部门', town: '乡镇/街道' } as const;

function summarise(built: Built, dropped: number, figures: number): string[] {
  const d = built.data;
  const out: string[] = ['识别结果：'];
  const field = (name: string, value: string | undefined) => `${name}：${value ?? '（原文没有）'}`;
  out.push(`  ${field('标题', d.title && d.title.length > 80 ? `${d.title.slice(0, 80)}…` : d.title)}`);
  const unit = built.unknown.unit ? '（未能识别）' : d.unit.name;
  const level = built.unknown.level ? '层级未能识别' : LEVEL_NAMES[d.level];
  out.push(`  单位：${unit}（${level}）　年度：${built.unknown.year ? '（未能识别）' : d.year}`);
  out.push(`  ${field('发文字号', d.doc_number)}　${field('主送', d.recipients?.join('、'))}`);
  out.push(`  ${field('署名', d.signatories?.join('、'))}　${field('成文日期', d.date)}　${field('结束语', d.closing)}`);
  if (d.copy_to || d.printed_by) out.push(`  抄送：${d.copy_to?.join('、') ?? '（无）'}　印发：${d.printed_by ?? ''}${d.printed_date ? `（${d.printed_date}）` : ''}`);
  out.push(`  导语：${d.preamble === undefined ? 0 : typeof d.preamble === 'string' ? 1 : d.preamble.length} 段`);
  const order = d.imported?.part_order ?? PART_KEYS.filter((k) => d[k]);
  out.push(`  各部分（按原文顺序）${built.themed ? '；原文按主题分节，问题之前的各节作为“主要举措和成效”下的标题' : ''}：`);
  for (const key of order) {
    const part = d[key];
    if (!part) continue;
    const c = built.counts[key];
    const heading = part.heading ? `“${part.heading.length > 40 ? `${part.heading.slice(0, 40)}…` : part.heading}”` : '';
    out.push(`    ${PART_NAMES[key]}（${key}）${heading}：${c.groups} 个小标题，${c.items} 项“一是……”`);
  }
  const missing = (['measures', 'shortcomings', 'duties', 'plans'] as const).filter((k) => !d[k]);
  if (missing.length) out.push(`  原文没有的部分：${missing.map((k) => PART_NAMES[k]).join('、')}（导入的往年报告，校验时只作警告）`);
  out.push(`  候选数据：${figures} 项（带名称和单位的数字，已写入 metrics，请核对）`);
  if (dropped) out.push(`  去掉网页内容：${dropped} 行（网站名称、导航、分享和打印按钮、纠错表单、版权信息等）`);
  return out;
}

export async function importReport(file: string, options: ImportOptions): Promise<ImportResult> {
  const extracted = await extract(file, options.label);
  const pieces = numberPieces(unwrap(extracted.lines));
  const diag = importDiagnostics(options.label, extracted.kind, pieces.places);
  const cleaned = clean(pieces.lines);
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
    diagnostics: diag,
    fullText: cleaned.lines.map((l) => l.text).join('\n'),
    ...(cleaned.meta.publisher ? { publisher: cleaned.meta.publisher } : {}),
    ...(cleaned.meta.docNumber ? { docNumber: cleaned.meta.docNumber } : {}),
    ...(cleaned.meta.date ? { metaDate: cleaned.meta.date } : {}),
  });
  if (body.sections.length === 0) diag.add(IMPORT.noSections, undefined);
  for (const l of bodyLines) {
    if (cleaned.tableRows.has(l.at)) diag.add(IMPORT.tableRow, l.at);
  }
  // A figure's note points at the figure itself, in the text as the original wrote it.
  const figures = candidateFigures(bodyLines, diag.where, (at) => pieces.lines[at - 1]?.text);
  const data: ReportData = { ...built.data, ...(figures.length ? { metrics: figures.map((f) => f.metric) } : {}) };

  const doc = newDocument(data);
  const today = formatChineseDate(options.today);
  const errors = diag.list.filter((d) => d.severity === 'error');
  doc.commentBefore = [
    ` yaml-language-server: $schema=${options.schemaRef}`,
    ` 由 fazhi import 于 ${today}从“${options.label}”导入：这是往年已发布的报告（imported），`,
    ' 原文没有的部分在校验时只作警告。每一部分前的注释写明它来自原文哪里；请对照原文核对。',
    ...errors.map((e) => ` 错误：${e.message}`),
  ].join('\n');
  const root = doc.contents as YAMLMap;
  if (isMap(root)) {
    // Nothing invented: what was not recognised is the placeholder, which validate reports.
    if (built.unknown.level) root.set('level', new Scalar(`${PLACEHOLDER}district、department 或 town`));
    if (built.unknown.year) root.set('year', new Scalar(`${PLACEHOLDER}报告年度`));
    if (built.unknown.unit) {
      const unit = root.get('unit');
      if (isMap(unit)) {
        unit.set('name', new Scalar(`${PLACEHOLDER}单位全称`));
        unit.set('short', new Scalar(`${PLACEHOLDER}单位简称`));
      }
    }
    for (const origin of built.origins) {
      const pair = pairOf(root, origin.key);
      if (pair) commentAbove(pair, `原文${diag.span(origin.from, origin.to)}：${origin.heading}`);
    }
    const m = pairOf(root, 'metrics');
    if (m) {
      commentAbove(m, '以下是从原文中找出的带名称和单位的数字（候选数据），每项上方是它所在的原句。\n请核对名称和数值，删除不需要的，并把标识 figure_… 改为有意义的英文名（例如 review_cases），以便来年同比。');
      if (isSeq(m.value)) m.value.items.forEach((item, i) => ((item as { commentBefore?: string }).commentBefore = ` ${figures[i]!.sentence}`));
    }
    const imported = pairOf(root, 'imported');
    if (imported) commentAbove(imported, '导入信息：有此项时，原文没有的部分只作警告（往年报告无法补写）；absent 列出原文没有、生成时也不补写的结束语或署名。');
  }
  const yaml = yamlText(doc);
  const bytes = Buffer.byteLength(yaml);
  if (bytes > IMPORT_LIMITS.maxOutputBytes) {
    throw new UserError(
      `从“${options.label}”导入的数据有 ${(bytes / 1024 / 1024).toFixed(1)} MB，超过数据文件的上限 ${IMPORT_LIMITS.maxOutputBytes / 1024 / 1024} MB，未写入；一份报告通常不到 100 KB，请检查是否选错了文件。`,
    );
  }
  return {
    data,
    yaml,
    notes: extracted.notes,
    diagnostics: diag.list,
    summary: summarise(built, cleaned.dropped.length + front.skipped.length, figures.length),
  };
}
