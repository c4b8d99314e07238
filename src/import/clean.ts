// Text copied from a government web page carries the page with it: the site name, navigation,
// the information table (索引号, 发布机构, 文号), share and print buttons, the 纠错 form,
// copyright and ICP lines, table pipes and odd spacing. This stage keeps the report's lines,
// reads what the page's table says about the document, and counts what it dropped.

import { isRealDate, type CalendarDate } from '../dates.js';
import { normalizeParagraph } from '../data/text.js';
import type { SourceLine } from './read/index.js';

export interface PageMeta {
  docNumber?: string;
  title?: string;
  publisher?: string;
  date?: CalendarDate;
  /** Date the page was published: a reference for dates that lost their 年月日. */
  published?: CalendarDate;
}

export interface Cleaned {
  lines: SourceLine[];
  meta: PageMeta;
  /** Lines dropped as page furniture. */
  dropped: SourceLine[];
  /** Lines that were rows of a table (kept as text). */
  tableRows: Set<number>;
}

// Whole lines that are page furniture, never report text.
const NOISE: RegExp[] = [
  /^(首页|网站首页|返回首页|主页|English|无障碍|长者模式|适老化|繁體|繁体|简体|登录|注册|搜索|站内搜索|全文检索|高级搜索)$/,
  /^(当前位置|您的位置|您现在的位置|您当前的位置|您所在的位置|所在位置|当前所在位置)[:：]?/,
  /^(首页|网站首页)\s*[>＞»›/|]/,
  /^[^。，；]{0,40}([>＞»›]\s*[^。，；>＞»›]{1,12}){2,}$/,
  /^(分享到|分享至|分享|打印|打印本页|打印文章|打印此页|关闭|关闭窗口|关闭本页|收藏|加入收藏|返回顶部|返回|回到顶部|扫一扫|微信扫一扫|用手机扫描二维码|手机扫码|在手机上打开|保存本页|保存)[:：]?$/,
  /^(分享到|分享至)[:：]/,
  /^(【[^】]{1,10}】\s*)+$/,
  /^扫一扫.{0,16}$/,
  /^[【[]?\s*(字体|字号|文字)\s*[:：]?\s*(大|中|小|默认)(\s*[|/]?\s*(大|中|小|默认))*\s*[】\]]?$/,
  /^(微信|微博|QQ空间|QQ好友|QQ|朋友圈|新浪微博|腾讯微博|人人网|豆瓣)(\s+(微信|微博|QQ空间|QQ好友|QQ|朋友圈|新浪微博|腾讯微博))*$/,
  /(浏览次数|阅读次数|访问次数|点击数|点击量|阅读量|访问量|浏览量)[:：]\s*\d*/,
  /^(来源|信息来源|作者|编辑|责任编辑|审核|校对|文章来源)[:：].{0,40}$/,
  /Copyright|©|版权所有|All Rights Reserved/i,
  /ICP备|ICP证|公网安备|网站标识码|网站识别码|政府网站标识/,
  /^(主办单位|承办单位|技术支持|运维单位|主办|承办|维护单位|联系电话|联系我们|网站地图|网站声明|隐私声明|隐私政策|使用帮助|关于我们)[:：]?/,
  /^(纠错|我要纠错|纠错\s*\|.*)$/,
  /[:：]\s*\*$/,
  /^[-—–_=*·•~]+$/,
  /^(使用说明|提交|重置|取消|确定|验证码|看不清？?换一张|发送|留言|我要留言)$/,
  /^(上一篇|下一篇|上一条|下一条|相关链接|相关阅读|相关文章|相关文件|相关新闻|附件下载|推荐阅读|热点推荐|友情链接|政府网站|部门网站)[:：]?/,
  /^(—\s*\d+\s*—|-\s*\d+\s*-|第\s*\d+\s*页(\s*[,，]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/,
  /^(视频|图片|图解|解读|政策解读|相关解读|扫码阅读|手机版|微信公众号|官方微博)$/,
];

// The page's information table: 索引号 … 文号 … 发布机构 …
export const META_KEYS =
  '索引号|信息索引号|信息分类|主题分类|体裁分类|组配分类|服务对象分类|公文种类|发布机构|发文机关|生成日期|成文日期|发布日期|公开日期|生效日期|废止日期|有效性|信息名称|名称|标题|文号|发文字号|关键词|主题词|内容概览|内容概述|在线链接地址|文件下载|公开方式|公开范围|时效';
const META_LINE = new RegExp(`^(?:${META_KEYS})[:：]`);
const META_PAIR = new RegExp(`(${META_KEYS})[:：]\\s*(.*?)\\s*(?=(?:${META_KEYS})[:：]|$)`, 'g');

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, '○': 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function cnNumber(text: string): number | undefined {
  if (text === '十') return 10;
  const m = /^([一二三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(text);
  if (m) return (m[1] ? CN_DIGIT[m[1]]! : 1) * 10 + (m[2] ? CN_DIGIT[m[2]]! : 0);
  return text.length === 1 ? CN_DIGIT[text] : undefined;
}

/**
 * 2025年1月6日, 二〇二五年一月六日, 2025-01-06, and dates whose 年月日 were lost in copying
 * (2019112): of the readings that are real dates, the one nearest the reference is taken.
 */
export function parseAnyDate(raw: string, reference?: CalendarDate): CalendarDate | undefined {
  const text = raw.replace(/^[（(]|[）)]$/g, '').replace(/\s+/g, ' ').trim();
  let m = /^(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?$/.exec(text);
  if (m) {
    const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    return isRealDate(d) ? d : undefined;
  }
  m = /^([〇零○ＯO一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日$/.exec(text);
  if (m) {
    const year = Number([...m[1]!].map((c) => CN_DIGIT[c] ?? 0).join(''));
    const d = { year, month: cnNumber(m[2]!) ?? 0, day: cnNumber(m[3]!) ?? 0 };
    return isRealDate(d) ? d : undefined;
  }
  m = /^((?:19|20)\d\d)\s?(\d)\s?(\d{1,3})$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    const digits = m[2]! + m[3]!;
    const candidates: CalendarDate[] = [];
    for (let cut = 1; cut < digits.length && cut <= 2; cut++) {
      const d = { year, month: Number(digits.slice(0, cut)), day: Number(digits.slice(cut)) };
      if (digits.slice(cut).length <= 2 && !digits.slice(cut).startsWith('0') && isRealDate(d)) candidates.push(d);
    }
    if (candidates.length === 0) return undefined;
    const time = (d: CalendarDate) => Date.UTC(d.year, d.month - 1, d.day);
    const ref = reference ? time(reference) : Date.UTC(year, 0, 1);
    return candidates.sort((a, b) => Math.abs(time(a) - ref) - Math.abs(time(b) - ref))[0];
  }
  return undefined;
}

const ORGAN_SPACE = /(?<=(?:区委|县委|市委|州委|旗委|党委|党组|委员会|人民政府|政府)) (?=[\u4e00-\u9fff]{2,20}(?:人民政府|政府|办事处|委员会|局)(?:关于|$))/gu;

// Characters printed without spaces between them (as compose/text.ts).
const WIDE = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f\\u2018-\\u201d\\u2026\\u2014';
const HAN = /[\u3400-\u9fff]/;

/** Half-width punctuation typed in Chinese text (common in scraped pages) → full-width. */
export function fullWidthPunctuation(text: string): string {
  if (!HAN.test(text)) return text;
  return text
    .replace(/\(([^()]*)\)/g, (m, inner: string) => (HAN.test(m) || /[\u3400-\u9fff]/.test(inner) ? `（${inner}）` : m))
    .replace(new RegExp(`(?<=[${WIDE}A-Za-z0-9）》”])\\s*\\(|\\(\\s*(?=[${WIDE}])`, 'g'), '（')
    .replace(new RegExp(`(?<=[${WIDE}])\\s*\\)|\\)\\s*(?=[${WIDE}])`, 'g'), '）')
    .replace(/(?<!\d),|,(?!\d)/g, '，')
    .replace(/(?<![A-Za-z]):(?!\/\/)(?!\d\d)/g, '：')
    .replace(/;/g, '；')
    .replace(new RegExp(`(?<=[${WIDE}])\\?`, 'g'), '？')
    .replace(new RegExp(`(?<=[${WIDE}])!`, 'g'), '！')
    .replace(/\s*([，。；：？！、])\s*/g, '$1');
}

function isNoiseText(text: string): boolean {
  if (NOISE.some((re) => re.test(text))) return true;
  // Latin-only lines (“Title”, menu words, URLs) are page furniture in a Chinese report.
  return /^[\x20-\x7e]+$/.test(text) && /[A-Za-z]{2,}/.test(text) && !/\d{4}/.test(text);
}

/** A line is furniture when it is, or when every part of it (buttons spaced apart) is. */
function isNoise(raw: string, text: string): boolean {
  if (isNoiseText(text)) return true;
  const tokens = raw
    .split(/\s{2,}|\s*\|\s*/)
    .map((t) => t.trim())
    .filter(Boolean);
  return tokens.length > 1 && tokens.every((t) => isNoiseText(normalizeParagraph(t)));
}

function readMeta(text: string, meta: PageMeta): void {
  for (const m of text.matchAll(META_PAIR)) {
    const key = m[1]!;
    const value = m[2]!.trim();
    if (!value) continue;
    if (key === '文号' || key === '发文字号') meta.docNumber ??= value;
    else if (key === '信息名称' || key === '标题' || key === '名称') meta.title ??= value;
    else if (key === '发布机构' || key === '发文机关') meta.publisher ??= value;
    else if (key === '成文日期') meta.date ??= parseAnyDate(value);
    else if (key === '生成日期' || key === '发布日期' || key === '公开日期') meta.published ??= parseAnyDate(value);
  }
}

export function clean(input: readonly SourceLine[]): Cleaned {
  const meta: PageMeta = {};
  const lines: SourceLine[] = [];
  const dropped: SourceLine[] = [];
  const tableRows = new Set<number>();
  for (const line of input) {
    let text = line.text.replace(/[\u00a0\u3000\t\u2002-\u200a]/g, ' ').replace(/[\u200b-\u200d\ufeff]/g, '');
    const cells = text.split('|').map((c) => c.trim());
    const isRow = cells.length >= 2;
    if (isRow && cells.every((c) => /^[-:= ]*$/.test(c))) {
      dropped.push(line);
      continue;
    }
    if (isRow) text = cells.filter((c) => c !== '').join(' ');
    const raw = text;
    // Spacing from page layout: none between Chinese characters, nor between them and digits;
    // but the space between two organs of a joint title stays (中共示例区委 示例区人民政府关于…).
    text = normalizeParagraph(text.replace(/ {2,}/g, ' ').replace(ORGAN_SPACE, '\ue001'))
      .replace(/\ue001/g, ' ')
      .replace(/(?<=[\u3400-\u9fff，。；：、）》”])\s+(?=[0-9])|(?<=[0-9%])\s+(?=[\u3400-\u9fff，。；：、（《“])/gu, '');
    if (text === '') continue;
    if (META_LINE.test(text) || (isRow && new RegExp(`(?:${META_KEYS})[:：]`).test(text) && cells.some((c) => META_LINE.test(c)))) {
      readMeta(text, meta);
      dropped.push(line);
      continue;
    }
    if (isNoise(raw, text) || (isRow && cells.filter((c) => c !== '').every((c) => isNoiseText(normalizeParagraph(c))))) {
      dropped.push(line);
      continue;
    }
    if (isRow) tableRows.add(line.at);
    lines.push({ text: fullWidthPunctuation(text), at: line.at });
  }
  return { lines, meta, dropped, tableRows };
}
