import type { Rule } from '../rule.js';
import { allTexts } from '../../data/visit.js';

// Numbers typed by hand go wrong as soon as an item is added or moved; the tool numbers.
const HAND_NUMBER = /^\s*(（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|[一二三四五六七八九十]+是|（\d+）|\(\d+\)|\d+[.、．](?!\d))/;

export const numberedText: Rule = {
  id: 'numbered-text',
  severity: 'warning',
  basis: '序号由工具按层级自动生成（GB/T 9704 §7.3.3），手写序号会在增删条目后错乱',
  check(data, report) {
    for (const { pointer, text, role } of allTexts(data)) {
      const m = HAND_NUMBER.exec(text);
      if (!m) continue;
      const what = role === 'paragraph' ? '段落' : role === 'item' || role === 'lead' ? '分项' : '标题';
      // Paragraphs (intro, paragraphs) are not numbered: deleting the number there would lose
      // it. The advice that is true there is to make the numbered things items.
      if (/\/(intro|paragraphs)(\/\d+)?$/.test(pointer)) {
        report({
          pointer,
          snippet: m[1]!,
          message: `段落开头手写了序号“${m[1]}”。段落不会自动编号；如果这里是并列的几项，请把它们移到 items 中（每项一行“- ”，工具会自动编为“一是”“二是”或（一）（二）），并删去手写的序号。`,
        });
        continue;
      }
      report({ pointer, snippet: m[1]!, message: `${what}开头手写了序号“${m[1]}”；序号会自动生成，请删除，否则会重复。` });
    }
  },
};
