// Candidate figures: numbers with a unit and a real label (“审查规范性文件 35 件”, “行政机关负责人
// 出庭应诉率 100%”), for the clerk to keep or delete at a glance. A label must name something a
// report counts (the vocabulary of report-rules.md: 复议, 诉讼, 规范性文件, 调解…); “在辖区 22 个”
// or “事项 90%” is no figure anyone would compare next year. At most MAX_FIGURES, in the
// original's order, each with the sentence it came from.

import type { Metric } from '../../data/report.js';
import type { SourceLine } from '../read/index.js';

export const MAX_FIGURES = 15;

// Numbers with the units reports count in; a percentage above 100 is a growth rate, not a figure.
const FIGURE =
  /(?<![\d.第])(\d+(?:\.\d+)?)\s*(万|亿)?(件次|人次|场次|批次|户次|家次|余件|余人次|余场次|余人|余家|余名|余项|余次|余个|件|项|次|场|个|家|名|人|份|条|篇|期|户|张|所|起|元|%|％)/gu;
const LABEL_TRIM_START = /^(\d{4}年(?:以来|度)?|全年|今年以来|截至目前|截至\d+月底|共计|共|累计|其中|合计|全区|全县|全市|我区|我县|我局|本年度|年内|先后|已|均|分别)+/;
const LABEL_TRIM_END = /(达到了|达到|达|为|约|超过|逾|近|共计|共|累计|合计|计|有|是)+$/;
/** A bound is a target, not a count (“培训不少于2次”, “办结率不低于95%”): no figure. */
const BOUND = /(?:不少于|不低于|不超过|不高于|不多于|少于|低于|高于|多于|至少|最少|最多|力争|确保|争取|以上|以内|以下)$/;
/** What reports count: a label must name one of these. */
const COUNTED =
  /复议|诉讼|应诉|出庭|败诉|纠错|案件|案卷|评查|规范性文件|合法性审核|审核|审查|备案|清理|决策|合同|执法|持证|抽查|检查|处罚|许可|法律顾问|调解|法律援助|援助|咨询|公开|申请|建议|提案|普法|宣传|培训|讲座|学法|考试|工单|热线|办结|受理|审结|听证|投诉|举报|证明|矛盾|纠纷|信访|述法|督察|监督|审批|事项|清单|服务/;
/** A clause that starts with a preposition or a verb of place is no label (“在辖区”, “对全区”). */
const NOT_A_LABEL = /^(在|对|向|从|于|以|将|把|和|与|及|并|为|由|按|经|至|到|自|覆盖|涉及|包括|辖区|全部|各|每)/;

export interface Figure {
  metric: Metric;
  /** The sentence the figure was found in, for a comment beside it. */
  sentence: string;
}

function sentenceAround(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('。', index - 1), text.lastIndexOf('；', index - 1)) + 1;
  const ends = ['。', '；'].map((c) => text.indexOf(c, index)).filter((i) => i >= 0);
  const end = ends.length ? Math.min(...ends) + 1 : text.length;
  const sentence = text.slice(start, end).trim();
  return sentence.length > 120 ? `${sentence.slice(0, 119)}…` : sentence;
}

/**
 * Where the figure is in the piece as the original wrote it (`raw`, before cleaning removed its
 * spaces): the same occurrence of its number, counted from the piece's start.
 */
function offsetInRaw(text: string, index: number, number: string, raw: string | undefined): number {
  if (raw === undefined) return index;
  const digits = raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/．/g, '.');
  const occurrence = (hay: string, stop: number) => {
    let n = 0;
    for (let i = hay.indexOf(number); i >= 0 && i < stop; i = hay.indexOf(number, i + 1)) if (!/[\d.]/.test(hay[i - 1] ?? '')) n++;
    return n;
  };
  let left = occurrence(text, index + 1);
  for (let i = digits.indexOf(number); i >= 0; i = digits.indexOf(number, i + 1)) {
    if (/[\d.]/.test(digits[i - 1] ?? '')) continue;
    if (--left === 0) return i;
  }
  return index;
}

export function candidateFigures(texts: readonly SourceLine[], where: (at: number, offset?: number) => string, raw: (at: number) => string | undefined = () => undefined): Figure[] {
  const out: Figure[] = [];
  const seen = new Set<string>();
  for (const { text, at } of texts) {
    for (const m of text.matchAll(FIGURE)) {
      if (out.length >= MAX_FIGURES) return out;
      const value = Number(m[1]);
      const unit = `${m[2] ?? ''}${m[3]!.replace(/^余/, '')}`.replace('％', '%');
      if ((unit === '%' && value > 100) || !Number.isFinite(value)) continue;
      const before = text.slice(0, m.index);
      const clause = before.split(/[，。；、：（）“”《》,;:()]/).at(-1) ?? '';
      if (BOUND.test(clause.trim()) || /^(?:以上|以内|以下)/.test(text.slice(m.index + m[0].length))) continue;
      const label = clause.replace(LABEL_TRIM_START, '').replace(LABEL_TRIM_END, '').trim();
      const length = [...label].length;
      if (length < 3 || length > 20 || /\d/.test(label) || NOT_A_LABEL.test(label) || !COUNTED.test(label)) continue;
      if (seen.has(label)) continue;
      seen.add(label);
      out.push({
        metric: { id: `figure_${out.length + 1}`, label, value, unit, note: `原文${where(at, offsetInRaw(text, m.index, m[1]!, raw(at)))}` },
        sentence: sentenceAround(text, m.index),
      });
    }
  }
  return out;
}
