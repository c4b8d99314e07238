import type { Rule } from '../rule.js';

const EXAMPLES = {
  district: '示例区人民政府关于2024年度法治政府建设情况的报告',
  department: '示例区司法局2024年法治政府建设年度报告',
  town: '示例街道办事处关于2024年度法治政府建设情况的报告',
} as const;

/** The name without the district prefix or the 人民政府 of a township: 示例区人民政府示例街道办事处 → 示例街道办事处. */
function nameForms(name: string, short: string): string[] {
  const forms = new Set([name, short]);
  const afterGov = /人民政府(.+)$/.exec(name)?.[1];
  if (afterGov) forms.add(afterGov);
  const core = name.replace(/人民政府$|办事处$/, '');
  if (core.length >= 2) forms.add(core);
  return [...forms].filter((f) => f.length >= 2);
}

export const titlePattern: Rule = {
  id: 'title-pattern',
  severity: 'warning',
  basis: '公文标题由发文机关名称、事由和文种组成（《党政机关公文处理工作条例》第九条）；年度报告标题写明年度',
  check(data, report) {
    const title = data.title?.replace(/\s+/g, '');
    if (title === undefined) return;
    const problems: string[] = [];
    if (!title.includes(String(data.year))) problems.push(`没有写报告年度 ${data.year}`);
    if (!title.includes('法治政府建设')) problems.push('没有写“法治政府建设”');
    if (!/报告$/.test(title)) problems.push('应以文种“报告”结尾');
    const forms = nameForms(data.unit.name, data.unit.short);
    const party = data.unit.party;
    if (!forms.some((f) => title.includes(f)) && !(party && title.includes(party.replace(/员会$/, '')))) problems.push(`没有写单位名称“${data.unit.name}”`);
    if (problems.length) {
      report({ pointer: '/title', message: `标题${problems.join('，')}。这一层级的标题通常写作“${EXAMPLES[data.level]}”；不写 title 时按模板自动生成。` });
    }
  },
};
