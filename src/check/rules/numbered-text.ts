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
      report({ pointer, message: `${what}开头手写了序号“${m[1]}”；序号会自动生成，请删除，否则会重复。` });
    }
  },
};
