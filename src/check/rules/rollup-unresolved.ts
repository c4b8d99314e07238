// A rolled-up figure without a value: an error where the text quotes it (the sentence cannot be
// written), else a warning that the document will not have it. Before any unit has reported
// (early in the year) that is normal, and said only where the text needs the figure.
import { findRefs } from '../../data/metric-refs.js';
import type { ReportData } from '../../data/report.js';
import { reportTexts } from '../../data/visit.js';
import type { RollupMetricFacts, UnresolvedRollup } from '../context.js';
import type { Rule } from '../rule.js';

/** Why a figure could not be rolled up, as the messages and `render --verbose` say it. */
export function unresolvedReason(why: UnresolvedRollup, id: string): string {
  switch (why.kind) {
    case 'no-sub-reports':
      return `还没有下级报告（应在 ${why.folders.join('、')} 下）`;
    case 'no-figure':
      return `下级报告中没有标识为“${id}”的数据项（请检查标识是否与部门、乡镇街道报告中的一致）`;
    case 'out-of-range':
      return `汇总结果超出数值范围（绝对值不超过 ${why.max}），请检查下级报告中这一项的数值`;
  }
}

/** The unresolved figures, each with whether the text quotes it. */
function unresolved(data: ReportData, metrics: readonly RollupMetricFacts[]): { index: number; why: UnresolvedRollup; quoted: boolean }[] {
  const quoted = new Set(reportTexts(data).flatMap(({ text }) => findRefs(text).map((r) => r.id)));
  return metrics.flatMap(({ index, unresolved: why }) => {
    const m = data.metrics?.[index];
    return m && why ? [{ index, why, quoted: quoted.has(m.id) }] : [];
  });
}

export const rollupUnresolved: Rule = {
  id: 'rollup/unresolved',
  severity: 'error',
  basis: '正文引用的汇总数据必须能从下级报告算出，否则这句话无法成文',
  needs: ['rollup'],
  check(data, report, { rollup }) {
    for (const { index, why, quoted } of unresolved(data, rollup?.metrics ?? [])) {
      if (!quoted) continue;
      const m = data.metrics![index]!;
      report({ pointer: `/metrics/${index}/rollup`, message: `无法汇总“${m.label}”：${unresolvedReason(why, m.id)}；正文引用了这一项，无法生成。` });
    }
  },
};

export const rollupUnavailable: Rule = {
  id: 'rollup/unavailable',
  severity: 'warning',
  basis: '无法从下级报告算出的汇总数据不出现在文档中，须告知用户（年初还没有下级报告时不提示）',
  needs: ['rollup'],
  check(data, report, { rollup }) {
    for (const { index, why, quoted } of unresolved(data, rollup?.metrics ?? [])) {
      if (quoted || why.kind === 'no-sub-reports') continue;
      const m = data.metrics![index]!;
      report({ pointer: `/metrics/${index}/rollup`, message: `无法汇总“${m.label}”：${unresolvedReason(why, m.id)}；生成的文档中没有这一项。` });
    }
  },
};
