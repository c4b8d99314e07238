// Stage 3 — compose: checked data + the level's template → the document model. Numbering is
// computed here; the template decides wording and order, the data supplies the content.
// context.ts is what a template sees, blocks.ts turns parts into blocks; this module runs the
// template's directives in order.

import { formatChineseDate, parseDate } from '../dates.js';
import { diagnosticOf, OUTPUT } from '../messages.js';
import { normalizeDocNumber } from '../data/doc-number.js';
import { metricLookup, substituteReport } from '../data/metric-refs.js';
import { metricsTableBlock } from './metrics-table.js';
import type { ItemsStyle, Metric, PartKey, ReportData } from '../data/report.js';
import { PART_KEYS } from '../data/report.js';
import type { Block, ReportDocument, TableBlock } from './model.js';
import { headingNumber } from './numbering.js';
import { normalizeParagraph, paragraphList } from '../data/text.js';
import { paragraphBlocks, partBlocks } from './blocks.js';
import { templateContext } from './context.js';
import { cleanDocument } from './text.js';
import { loadTemplate, renderDirectives, templateFile, TemplateError, type Directive } from './template.js';
import { breakTitle } from './title-lines.js';
import { attachmentBlocks } from './attachments.js';
import { withLetterhead } from './letterhead.js';
import { attachmentTitle } from '../data/report.js';
import { addresseeBlock, attachmentsBlock, colophonBlock } from './closing-text.js';

export { TemplateError } from './template.js';
export type { Block, ReportDocument } from './model.js';

export interface ComposeOptions {
  /** A user's template folder (`--templates`). */
  templatesDir?: string;
  /** Widest title line in characters (from the layout profile). */
  titleLineWidth: number;
  /** Last year's figures, for comparisons; undefined when there is no previous year's report. */
  previousMetrics?: Metric[];
  /** More appendix tables, after the 附表 of figures (e.g. the figures of each sub-report). */
  appendices?: TableBlock[];
}

/** An imported report keeps the original's order of parts: the @part lines trade places. */
function inPartOrder(directives: Directive[], order: readonly PartKey[] | undefined): Directive[] {
  if (!order) return directives;
  const slots = directives.flatMap((d, i) => (d.name === 'part' && order.includes(d.argument as PartKey) ? [i] : []));
  const byPart = new Map(slots.map((i) => [directives[i]!.argument, directives[i]!]));
  const ordered = order.flatMap((k) => byPart.get(k) ?? []);
  const out = [...directives];
  slots.forEach((slot, j) => (out[slot] = ordered[j]!));
  return out;
}

function isPartKey(key: string): key is PartKey {
  return (PART_KEYS as readonly string[]).includes(key);
}

export function compose(source: ReportData, options: ComposeOptions): ReportDocument {
  const lookup = metricLookup(source.metrics, options.previousMetrics);
  // 〔id〕 references in the text become the figures themselves (checked to exist before compose).
  const data = substituteReport(source, lookup);
  const template = loadTemplate(templateFile(data.level, options.templatesDir));
  const directives = inPartOrder(renderDirectives(template, templateContext(data, lookup)), data.imported?.part_order);
  const blocks: Block[] = [];
  let title = '';
  let partNumber = 0;
  let itemsStyle: ItemsStyle = data.items_style ?? 'inline';
  const templateStyle = directives.find((d) => d.name === 'items-style')?.argument;
  if (!data.items_style && (templateStyle === 'inline' || templateStyle === 'paragraphs')) itemsStyle = templateStyle;

  const fail = (d: Directive, message: string): never => {
    throw new TemplateError(diagnosticOf(OUTPUT.template, { file: template.file, position: { line: d.templateLine, column: 1 } }, message));
  };

  for (const d of directives) {
    switch (d.name) {
      case 'doc-number':
        // A 报告 is a 上行文: its 发文字号 sits 居左空一字 (GB/T 9704 §7.2.5).
        if (d.text) blocks.push({ kind: 'doc-number', text: normalizeDocNumber(d.text), placement: 'left' });
        break;
      case 'title':
        title = d.text;
        if (!title) fail(d, '模板生成的标题是空的。');
        blocks.push({
          kind: 'title',
          lines: data.title_lines?.map(normalizeParagraph) ?? breakTitle(title, options.titleLineWidth),
        });
        break;
      case 'recipients':
        if (d.text) blocks.push(addresseeBlock(d.text));
        break;
      case 'paragraph':
        if (d.text) blocks.push(...paragraphBlocks([d.text]));
        break;
      case 'preamble':
        blocks.push(...paragraphBlocks(paragraphList(data.preamble)));
        break;
      case 'part': {
        if (!isPartKey(d.argument)) fail(d, `@part 后面应是部分名称（${PART_KEYS.join('、')}），而不是“${d.argument}”。`);
        const part = data[d.argument as PartKey];
        if (!part) break;
        partNumber += 1;
        blocks.push({ kind: 'heading', level: 1, number: headingNumber(1, partNumber), text: d.text });
        blocks.push(...partBlocks(part, itemsStyle));
        break;
      }
      case 'closing':
        // An imported report whose original has no closing gets none (the template's default is not the original's).
        if (d.text && !(data.closing === undefined && data.imported?.absent?.includes('closing'))) blocks.push(...paragraphBlocks([d.text]));
        break;
      case 'attachments':
        if (data.attachments?.length) blocks.push(attachmentsBlock(data.attachments.map((a) => normalizeParagraph(attachmentTitle(a)))));
        break;
      case 'signature': {
        const date = data.date ? parseDate(data.date) : undefined;
        // Signed with the unit's name unless an imported original has no 署名.
        const organs = data.signatories ?? (data.imported?.absent?.includes('signatories') ? [] : [data.unit.name]);
        if (organs.length === 0 && !date) break;
        blocks.push({
          kind: 'signature',
          organs: organs.map(normalizeParagraph),
          ...(date ? { date: formatChineseDate(date) } : {}),
          seal: data.seal ?? false,
        });
        break;
      }
      case 'colophon': {
        const printed = data.printed_date ? parseDate(data.printed_date) : undefined;
        const block = colophonBlock(data.copy_to?.map(normalizeParagraph) ?? [], data.printed_by ? normalizeParagraph(data.printed_by) : undefined, printed);
        if (block) blocks.push(block);
        break;
      }
      case 'items-style':
        break;
    }
  }
  if (!title) {
    throw new TemplateError(diagnosticOf(OUTPUT.templateNoTitle, { file: template.file }));
  }
  // Attachments and the 附表: each on its own page before the 版记 (GB/T 9704 §7.3.7, §8).
  const table = metricsTableBlock(data, lookup);
  const appended = attachmentBlocks(data, [...(table ? [table] : []), ...(options.appendices ?? [])], options.titleLineWidth);
  if (appended.length) {
    const colophonAt = blocks.findIndex((b) => b.kind === 'colophon');
    blocks.splice(colophonAt < 0 ? blocks.length : colophonAt, 0, ...appended);
  }
  return cleanDocument({ title, year: data.year, unitName: data.unit.name, blocks: withLetterhead(blocks, data) });
}
