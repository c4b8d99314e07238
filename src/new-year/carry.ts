// What carries over into next year's draft: headings (each leaf with a placeholder or the
// promises matched to it), last year's plans and shortcomings as items to report on, and the
// tasks the district's breakdown assigned to the unit.

import { PLACEHOLDER } from '../data/placeholder.js';
import { normalizeParagraph, paragraphList } from '../data/text.js';
import type { Group, Item, Part, ReportData } from '../data/report.js';
import { matchPromises, promisesOf } from './match.js';
import { advanceYear } from './years.js';

/** A task of the district's responsibility breakdown (fazhi tasks) given to this unit. */
export interface AssignedTask {
  text: string;
  role: '牵头' | '配合';
  /** Where it comes from, e.g. 示例区2025年法治政府建设重点任务分工. */
  source: string;
}

export interface Context {
  year: number;
  next: number;
  headings: number;
}

/** Headings carried over, each leaf with `fill` (or a generic placeholder) as its content. */
function carryGroups(
  groups: readonly Group[] | undefined,
  ctx: Context,
  fill: (i: number) => Item[] = () => [],
  // Plans speak of the year after the report's: their headings (“2025年工作思路”) move on from that year.
  [from, to]: [number, number] = [ctx.year, ctx.next],
  what = '情况',
): Group[] | undefined {
  if (!groups?.length) return undefined;
  return groups.map((g, i) => {
    ctx.headings += 1;
    const heading = advanceYear(normalizeParagraph(g.heading), from, to);
    const children = carryGroups(g.groups, ctx, () => [], [from, to], what);
    const own = fill(i);
    const items = own.length > 0 ? own : children ? [] : [`${PLACEHOLDER}${to}年“${heading}”方面的${what}`];
    return {
      heading,
      ...(g.items_style ? { items_style: g.items_style } : {}),
      ...(g.run_in ? { run_in: g.run_in } : {}),
      ...(items.length ? { items } : {}),
      ...(children ? { groups: children } : {}),
    };
  });
}

function carriedHeading(part: Part | undefined, from: number, to: number): { heading?: string } {
  return part?.heading ? { heading: advanceYear(normalizeParagraph(part.heading), from, to) } : {};
}

export function measuresPart(last: ReportData, ctx: Context, assigned: readonly AssignedTask[] = []): { part: Part; promises: number } {
  // The unit's own promises, then the tasks the district's breakdown gave it: both to report on.
  const raw = [...promisesOf(last.plans, 'plans'), ...assigned.map((t) => t.text)];
  const promises = [
    ...promisesOf(last.plans, 'plans').map((p) => `${PLACEHOLDER}${last.year}年报告提出的安排：${p}——请填写落实情况`),
    ...assigned.map((t) => `${PLACEHOLDER}${t.source}分配给本单位的任务（${t.role}）：${t.text}——请填写完成情况`),
  ];
  const groups = last.measures?.groups ?? [];
  const heading = carriedHeading(last.measures, ctx.year, ctx.next);
  if (groups.length === 0) {
    const intro = `${PLACEHOLDER}${ctx.next}年推进法治政府建设的主要举措和成效`;
    return { part: { ...heading, intro, ...(promises.length ? { items: promises } : {}) }, promises: promises.length - assigned.length };
  }
  const match = matchPromises(raw, groups);
  const carried = carryGroups(groups, ctx, (i) => promises.filter((_, j) => match[j] === i))!;
  const unmatched = promises.filter((_, j) => match[j] === -1);
  if (unmatched.length) {
    carried.push({ heading: `${PLACEHOLDER}（请改写本标题，或把下列各项移到相应的标题下）`, items_style: 'paragraphs', items: unmatched });
  }
  return { part: { ...heading, groups: carried }, promises: promises.length - assigned.length };
}

export function carriedPart(last: Part | undefined, ctx: Context, what: string, headingYears: [number, number] = [ctx.year, ctx.next]): Part {
  const groups = carryGroups(last?.groups, ctx, () => [], headingYears, headingYears[0] !== ctx.year ? '安排' : '情况');
  const heading = carriedHeading(last, ...headingYears);
  if (groups) return { ...heading, ...(last?.items_style ? { items_style: last.items_style } : {}), groups };
  return { ...heading, intro: `${PLACEHOLDER}${what}` };
}

/** Last year's shortcomings, each to be reported on: 整改情况. */
export function rectification(last: ReportData): Item[] {
  const part = last.shortcomings;
  if (!part) return [];
  const listed = promisesOf({ ...part, intro: undefined }, 'shortcomings');
  const texts = listed.length > 0 ? listed : paragraphList(part.intro);
  return texts.map((t) => `${PLACEHOLDER}${last.year}年报告所列不足：${t}——请填写整改情况`);
}

export function otherPart(last: ReportData, ctx: Context): Part | undefined {
  const carried = carryGroups(last.other?.groups, ctx) ?? [];
  const checklist = rectification(last);
  if (checklist.length) {
    carried.push({ heading: `${last.year}年报告所列不足的整改情况`, items_style: 'paragraphs', items: checklist });
  }
  if (!carried.length) return undefined;
  return { ...carriedHeading(last.other, ctx.year, ctx.next), groups: carried };
}
