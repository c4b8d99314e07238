import type { Rule } from '../rule.js';

/** Years named in a text, e.g. 2024年 or 2024—2025. */
function yearsIn(text: string): number[] {
  return [...text.matchAll(/(?<!\d)(19\d\d|20\d\d)(?!\d)/g)].map((m) => Number(m[1]));
}

export const plansYear: Rule = {
  id: 'plans-year',
  severity: 'warning',
  basis: '督察工作规定第二十五条：第四部分写“下一年度”推进法治政府建设的主要安排',
  check(data, report) {
    const plans = data.plans;
    if (!plans) return;
    const next = data.year + 1;
    const texts: { pointer: string; text: string }[] = [];
    if (plans.heading) texts.push({ pointer: '/plans/heading', text: plans.heading });
    if (typeof plans.intro === 'string') texts.push({ pointer: '/plans/intro', text: plans.intro });
    else plans.intro?.forEach((t, i) => texts.push({ pointer: `/plans/intro/${i}`, text: t }));
    for (const { pointer, text } of texts) {
      const other = yearsIn(text).filter((y) => y !== next);
      if (other.length > 0) {
        report({ pointer, message: `下一年度主要安排应写 ${next} 年的打算，这里写的是 ${other.join('、')} 年，请核对年份。` });
      }
    }
  },
};
