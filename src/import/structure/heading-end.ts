// Where a heading ends when the text lost every separator: “（一）完善述法考核机制，压实法治建设
//责任制定《……》，进一步……。” holds a heading and the first sentence of its paragraph with nothing
// between them. No single mark says where the heading stops, so each possible end is scored by the
// cues a reader uses:
//   - what follows starts a sentence: a verb or adverb that opens sentences in these reports
//     (印发, 制定, 召开, 继续, 深入……);
//   - what precedes ends a heading: the slogan's last word (能力, 责任, 实效, 机制……), or the last
//     word of a sibling heading of the same document that did end with a separator;
//   - the slogan is parallel: “完善……机制，压实……责任” has clauses of about the same length;
//   - it has as many clauses as the document's other headings, and their length.
// A heading is cut only where the cues agree (score ≥ THRESHOLD); otherwise the heading keeps the
// first sentence, as before: a wrong cut would split the heading's own words.

/** Words that open a sentence in a report's paragraph (never the second half of a slogan's noun). */
const OPENERS = [
  '印发', '制定', '出台', '召开', '举办', '开展', '组织', '坚持', '继续', '持续', '深入', '全面', '进一步', '不断',
  '切实', '认真', '严格', '积极', '扎实', '大力', '着力', '加快', '加大', '加强', '建立', '健全', '完善', '推进', '推动',
  '推行', '落实', '修订', '编制', '编印', '围绕', '聚焦', '按照', '根据', '依据', '依托', '通过', '结合', '针对', '对照',
  '紧扣', '紧紧围绕', '始终', '今年', '全年', '年内', '我区', '本区', '全区', '我县', '全县', '我市', '全市', '我局',
  '本局', '区委', '区政府', '县委', '县政府', '各单位', '各部门', '各街道', '各级', '截至', '目前', '近年来', '一年来',
  '发挥', '牢固树立', '以习近平', '把', '将', '在', '对', '由', '自',
];
// Single-character openers are weak evidence: they count only with a heading-final word before them.
const WEAK_OPENER = /^[把将在对由自]$/;

/** Words a slogan-style heading ends with. */
const FINAL_WORDS = [
  '能力', '责任', '实效', '成效', '质效', '效能', '水平', '体系', '机制', '制度', '建设', '落实', '保障', '形象', '公信力',
  '职能', '作用', '基础', '格局', '环境', '法治化', '规范化', '科学化', '现代化', '提质增效', '依法依规', '依法行政',
  '新征程', '新局面', '新成效', '新突破', '新台阶', '优化', '提升', '增强', '监督', '化解', '意识', '氛围', '短板',
  '要求', '部署', '任务', '工作', '服务', '改革', '创新', '发展', '治理', '稳定', '安全', '权益', '领导', '思想',
  '实践', '考核', '督察', '执法', '决策', '程序', '权力', '渠道', '队伍', '素养', '理念', '思维', '路径', '方式',
  '防线', '堡垒', '屏障', '底线', '根基', '合力', '活力', '动力', '支撑', '保障',
];

const PUNCT = /[，,、。．！？!?；;：:“”"‘’《》〈〉（）()【】〔〕—…·\s]/;
const CLAUSE = /[，,；;]/;
const OPEN = '“‘《〈（(【〔';
const CLOSE = '”’》〉）)】〕';
const SENTENCE_END = /[。！？；：!?;:]/;

/** Shortest and longest plausible heading (without its number). */
const MIN_HEADING = 4;
const MAX_HEADING = 48;
/** What follows the cut must be a sentence, not a stray word. */
const MIN_REST = 6;
const THRESHOLD = 3;

export interface HeadingSample {
  /** Heading text without its number. */
  text: string;
}

function clauses(text: string): string[] {
  return text.split(CLAUSE).filter((c) => c.trim() !== '');
}

const len = (s: string) => [...s.replace(/[“”"‘’]/g, '')].length;

/** The end of the first sentence after `from` (outside quotes and brackets), or `stop`. */
export function sentenceEnd(text: string, from: number, stop: number): number {
  let depth = 0;
  for (let i = from; i < stop; i++) {
    const c = text[i]!;
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && SENTENCE_END.test(c)) return i;
  }
  return stop;
}

export interface SiblingModel {
  finals: Set<string>;
  /** The clause count most headings of the document have. */
  clauses?: number;
}

/** What the document's headings that did end with a separator say about headings. */
export function siblingModel(samples: readonly HeadingSample[]): SiblingModel {
  const finals = new Set<string>();
  const counts = new Map<number, number>();
  for (const s of samples) {
    const t = s.text.replace(/[。！？；：!?;:\s]+$/, '');
    if (len(t) < MIN_HEADING || len(t) > MAX_HEADING) continue;
    const last = t.replace(/[”’》）)]+$/, '');
    if (last.length >= 2) finals.add(last.slice(-2));
    const n = clauses(t).length;
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [n, c] of counts) if (c >= 2 && (best === undefined || c > counts.get(best)!)) best = n;
  return { finals, ...(best !== undefined ? { clauses: best } : {}) };
}

/** A sentence opened by its year: “2024年，……”. */
const YEAR_OPENER = /^(?:19|20)\d\d年(?:[,，以来度]|[1-9]|[一二三四五六七八九十])/;

function openerAt(text: string, j: number): string | undefined {
  const year = YEAR_OPENER.exec(text.slice(j, j + 8));
  if (year) return year[0];
  return OPENERS.filter((w) => text.startsWith(w, j)).sort((a, b) => b.length - a.length)[0];
}

/**
 * Where the heading in `text[from, to)` ends (an index in `text`), when the cues agree; `to` is the
 * end of the first sentence after the heading's number.
 */
export function headingEnd(text: string, from: number, to: number, model: SiblingModel): number | undefined {
  let depth = 0;
  let best: { at: number; score: number } | undefined;
  const limit = Math.min(to - MIN_REST, from + MAX_HEADING + 1);
  for (let j = from; j < limit; j++) {
    const c = text[j]!;
    const prev = text[j - 1]!;
    const atDepth = depth;
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth = Math.max(0, depth - 1);
    if (atDepth !== 0 || j - from < MIN_HEADING) continue;
    // Both sides are words: a heading never ends on a comma, and the sentence starts with a word.
    if (PUNCT.test(c) || (PUNCT.test(prev) && !/[”’》）)]/.test(prev))) continue;
    const heading = text.slice(from, j);
    const opener = openerAt(text, j);
    if (!opener) continue;
    const bare = heading.replace(/[”’》）)]+$/, '');
    // Evidence on both sides is needed: a sentence starts here and a heading's last word ends here.
    const final = FINAL_WORDS.some((w) => bare.endsWith(w)) || model.finals.has(bare.slice(-2));
    if (!final) continue;
    let score = (WEAK_OPENER.test(opener) ? 1 : 2) + 1;
    const parts = clauses(heading);
    if (parts.length >= 2) {
      const ratio = len(parts.at(-1)!) / len(parts[0]!);
      if (ratio >= 0.6 && ratio <= 1.6) score += 1;
      // “区委……的贯彻落实，主要领导|切实履行……”: a stub after a long clause is a sentence going on.
      else if (ratio < 0.4 || ratio > 2.5) score -= 1;
    }
    if (model.clauses !== undefined && parts.length === model.clauses) score += 0.5;
    if (!best || score > best.score) best = { at: j, score };
  }
  return best && best.score >= THRESHOLD ? best.at : undefined;
}
