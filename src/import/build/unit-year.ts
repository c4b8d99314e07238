// The reporting unit, its level and the report's year, as the original states them.

import type { CalendarDate } from '../../dates.js';
import type { Level } from '../../data/report.js';
import type { Body } from '../structure/body.js';
import type { EndMatter } from '../structure/end.js';
import type { FrontMatter } from '../structure/front.js';

/** The level a unit's name says, or undefined when it says none (never a guess). */
export function levelOf(name: string): Level | undefined {
  // Traditional forms too (區, 縣, 鎮…): a Big5 original is read as it is written.
  if (/(街道办事处|街道辦事處|街道工作委员会|街道|[镇鎮乡鄉](?:人民政府|政府)|镇委|[镇鎮乡鄉])$/.test(name)) return 'town';
  if (/([区區县縣市旗])人民政府$|([区區县縣旗])政府$|^[\u4e00-\u9fff]{2,10}([区區县縣旗])$/.test(name)) return 'district';
  if (/(局|委员会|委員會|委|办公室|辦公室|办|辦|中心|厅|廳|院|署|处|處|所|管委会|管理委员会|支队|大队)$/.test(name)) return 'department';
  return undefined;
}

export function shortName(name: string): string {
  let s = name.replace(/人民政府$|政府$/, '').replace(/办事处$/, '');
  // 上海市静安区 → 静安区: the district is what the report calls itself.
  const inner = /^(?:[\u4e00-\u9fff]{2,4}[省市])+([\u4e00-\u9fff]{2,8}[区县旗])$/.exec(s);
  if (inner) s = inner[1]!;
  return s || name;
}

export interface UnitGuess {
  name: string;
  party?: string;
}

/**
 * The unit's name as the report writes it: a title that says “玄武区关于……” belongs to the
 * government whose full name (…区人民政府) the report, its 署名 or its page writes elsewhere.
 */
function fullName(name: string, text: string): string {
  if (!/[区县市旗]$/.test(name)) return name;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const found = new RegExp(`(?:[\\u4e00-\\u9fff]{0,6}?)${escaped}人民政府`).exec(text)?.[0];
  if (!found) return name;
  // Keep the report's own form: 玄武区人民政府, or 南京市玄武区人民政府 when only that is written.
  return text.includes(`${name}人民政府`) ? `${name}人民政府` : found;
}

/** Whether words taken from a title can be an organ's name: Chinese words, not a year, a season or a topic. */
function isOrganName(words: string): boolean {
  const w = words.trim();
  return /^[\u4e00-\u9fff]/.test(w) && !/\d{4}|年度?$|^(?:本|我|全)(?:年|单位)?$/.test(w) && [...w.replace(/\s/g, '')].length >= 2;
}

export function guessUnit(front: FrontMatter, end: EndMatter, publisher: string | undefined, text = ''): UnitGuess | undefined {
  const organs = [...end.signatories, ...front.coverSignatories];
  const government = organs.find((o) => !/^中共|^中国共产党/.test(o));
  const party = organs.find((o) => /^中共|^中国共产党/.test(o));
  if (government) return { name: government, ...(party ? { party } : {}) };
  // “关于示例区2023年……的报告”: the unit follows 关于.
  // “关于2024年度法治政府建设……” names no unit: the year after 关于 is no organ's name.
  const title = front.title?.replace(/^(?:\d{4}年度?|关于|關於)+/, '');
  const fromTitle = title ? /^(.+?)(?:关于|關於|\d{4}年|法治政府|依法行政|法治建设)/.exec(title)?.[1] : undefined;
  if (fromTitle && isOrganName(fromTitle)) {
    // A joint title run together (中共示例区委示例区人民政府关于…): the party organ ends at 区委/委员会.
    const spaced = fromTitle.trim().replace(/^((?:中共|中国共产党)[\u4e00-\u9fff]{1,20}?(?:区委|县委|市委|旗委|州委|委员会|党工委|党委))(?=[^\s])/, '$1 ');
    const parts = spaced.split(/\s+/);
    const gov = parts.find((p) => !/^中共/.test(p)) ?? parts[0]!;
    const partyShort = parts.find((p) => /^中共/.test(p));
    return { name: fullName(gov, `${publisher ?? ''}\n${text}`), ...(party ? { party } : partyShort ? { party: partyShort } : {}) };
  }
  if (publisher) return { name: fullName(publisher, text) };
  return undefined;
}

export function guessYear(front: FrontMatter, end: EndMatter, body: Body, date: CalendarDate | undefined): number | undefined {
  // Not a year inside a range (《纲要（2015-2020年）》).
  const fromTitle = /(?<![\d\-—–~～至])(\d{4})年(?![\-—–~～至])/.exec(front.title ?? '')?.[1];
  if (fromTitle) return Number(fromTitle);
  if (date) return date.year - 1;
  const first = body.preamble[0]?.text ?? '';
  const y = /^(\d{4})年/.exec(first)?.[1];
  if (y) return Number(y);
  const printed = end.printedDate;
  return printed ? printed.year - 1 : undefined;
}

