// Which of the five parts a section is, from what its heading says.

import type { PartKey } from '../../data/report.js';

/** What a heading says the section is. Order matters: 第一责任人 sections also speak of 情况. */
export function classifyHeading(heading: string): PartKey | undefined {
  const h = heading.replace(/\d{4}年度?/g, '');
  if (/第一责任人|主要(负责人|负责同志|领导).{0,16}(职责|履职|述法)|述法/.test(h)) return 'duties';
  if (/(存在|主要|突出|面临)的?(困难|问题|不足)|困难和问题|问题(和|及|与)(原因|困难)|不足|差距|短板|薄弱/.test(h)) return 'shortcomings';
  if (/安排|计划|打算|下一步|下阶段|下一阶段|今后|工作思路|展望|努力方向|工作方向|重点工作|工作重点|工作要点/.test(h)) return 'plans';
  if (/^其他|其它/.test(h)) return 'other';
  if (/举措|成效|做法|工作情况|基本情况|主要工作|进展|成绩|开展情况|推进情况|落实情况|完成情况|总体情况|建设情况/.test(h)) return 'measures';
  return undefined;
}


/**
 * Which part a section is from its opening sentence, when its heading says nothing (a slogan:
 * “三、坚持以上率下，当好法治建设‘领头雁’”): the first responsible person named in it, shortcomings
 * it admits, or the year after the report's (or 下一步) with what will be done. Anything else is
 * undefined: results, or a theme of them.
 */
export function classifyOpening(text: string, year: number | undefined): PartKey | undefined {
  // The opening up to its first full stop or colon (“……重点抓好以下工作：一是……” ends at the colon).
  const first = /^[^。！？：:]*/.exec(text)?.[0] ?? '';
  const next = year === undefined ? undefined : year + 1;
  const ahead = (next !== undefined && new RegExp(`^${next}年`).test(first)) || /^(下一步|下一年度|下阶段|今后|新的一年|明年)/.test(first);
  if (ahead && /将|要|继续|持续|着力|重点|聚焦/.test(first)) return 'plans';
  if (/第一责任人|述法/.test(first)) return 'duties';
  // An admission (还存在……不足, 仍有差距), not a problem being tackled (“针对执法中存在的短板，……”).
  if (/(还|仍|仍然|尚|也|依然)(存在|有)[^。；]{0,30}(不足|问题|差距|短板|薄弱)|存在(以下|一些|如下|不少)[^。；]{0,8}(不足|问题|差距)|(不足|问题|差距)(主要)?(表现|体现)(为|在)/.test(first)) return 'shortcomings';
  return undefined;
}
