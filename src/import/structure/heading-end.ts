// Where a heading ends when the text lost every separator: “（一）完善述法考核机制，压实法治建设
//责任制定《……》，进一步……。” holds a heading and the first sentence of its paragraph with nothing
// between them. No single mark says where the heading stops, so each possible end is scored by the
// cues a reader uses:
//   - what follows starts a sentence: who acts or when (区政府党组, 我区, 2025年), a verb or
//     adverb that opens sentences in these reports (印发, 制定, 召开, 继续, 深入……), or the
//     heading's own subject said again (“……老旧小区改造|老旧小区改造项目……”);
//   - what precedes ends a heading: the slogan's last word (能力, 责任, 实效, 机制……), or the last
//     word of a sibling heading of the same document that did end with a separator;
//   - the slogan is parallel: “完善……机制，压实……责任” has clauses of about the same length;
//   - it has as many clauses as the document's other headings, a length within theirs, and
//     starts as they do (排比: 坚持……, 坚持……). Headings ended this way teach the next pass too.
// A heading is cut only where the cues agree (score ≥ THRESHOLD); otherwise the heading keeps the
// first sentence, as before: a wrong cut would split the heading's own words.

/** Words that open a sentence in a report's paragraph (never the second half of a slogan's noun). */
const OPENERS = [
  '印发', '制定', '出台', '召开', '举办', '开展', '组织', '坚持', '继续', '持续', '深入', '全面', '进一步', '不断',
  '切实', '认真', '严格', '积极', '扎实', '大力', '着力', '加快', '加大', '加强', '建立', '健全', '完善', '推进', '推动',
  '推行', '落实', '修订', '编制', '编印', '围绕', '聚焦', '按照', '根据', '依据', '依托', '通过', '结合', '针对', '对照',
  '紧扣', '紧紧围绕', '始终', '实施', '稳步', '有序', '科学', '统筹', '主动', '及时', '会同', '梳理', '组建', '建成', '设立', '承接', '截至', '目前', '近年来', '一年来', '牢固树立', '以习近平',
];
// Who acts, or when: the subject a paragraph's first sentence starts with (“区政府党组坚持……”,
// “2025年，我区将……”) is stronger evidence than a verb, which a slogan may also hold.
const SUBJECT = /^(?:(?:19|20)\d\d年(?:[,，以来度]|[1-9]|[一二三四五六七八九十])|今年|年内|街道(?![办])|(?:区|县|市|镇|乡|局)长(?![期效远足])|(?:我|本)(?:区|县|市|局|镇|乡|街道|委|办)|各(?:单位|部门|街道|乡镇|镇街|级)|(?:区|县|市|局|镇|乡|街道)(?:委|政府|党组|党委|党工委|人大|政协|主要负责人|主要负责同志|领导班子)(?!员)|(?:党组|党委|党工委|主要负责人|主要负责同志|领导班子)(?!员))/;
// “全区/全县/全年” also stand as objects (“覆盖全区”): evidence like a verb's.
const WHOLE = /^全(?:区|县|市|局|镇|乡|年)/;
// Single-character openers are weak evidence: they count only with a heading-final word before them.
const WEAK_OPENER = /^[把将在对由自]/;

/** Words a slogan-style heading ends with. */
const FINAL_WORDS = [
  '能力', '责任', '实效', '成效', '质效', '效能', '水平', '体系', '机制', '制度', '建设', '落实', '保障', '形象', '公信力',
  '职能', '作用', '基础', '格局', '环境', '法治化', '规范化', '科学化', '现代化', '提质增效', '依法依规', '依法行政',
  '新征程', '新局面', '新成效', '新突破', '新台阶', '优化', '提升', '增强', '监督', '化解', '意识', '氛围', '短板',
  '要求', '部署', '任务', '工作', '服务', '改革', '创新', '发展', '治理', '稳定', '安全', '权益', '领导', '思想',
  '实践', '考核', '督察', '执法', '决策', '程序', '权力', '渠道', '队伍', '素养', '理念', '思维', '路径', '方式',
  '防线', '堡垒', '屏障', '底线', '根基', '合力', '活力', '动力', '支撑', '保障', '情况', '问题', '篇章', '推动',
  '纠纷', '宣传', '普法', '负责人', '素质', '行为', '教育', '职责', '法治化', '质量', '管理', '公开',
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
const MIN_REST = 10;
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
  /** First two characters of the headings, counted (排比: “坚持……” “坚持……”). */
  starts: Map<string, number>;
  /** Lengths of the headings, ascending. */
  lengths: number[];
  /** How many headings have each number of clauses. */
  clauseCounts: Map<number, number>;
}

/** A heading's own shape, to leave out of its siblings' evidence. */
interface Shape {
  start: string;
  length: number;
  clauses: number;
}

function shapeOf(text: string): Shape | undefined {
  const t = text.replace(/[。！？；：!?;:\s]+$/, '');
  if (len(t) < MIN_HEADING || len(t) > MAX_HEADING) return undefined;
  return { start: t.slice(0, 2), length: len(t), clauses: clauses(t).length };
}

/** What the document's headings say about headings: those a separator ended, and those a first pass ended (`learned`). */
export function siblingModel(samples: readonly HeadingSample[], learned: readonly HeadingSample[] = []): SiblingModel {
  const finals = new Set<string>();
  const starts = new Map<string, number>();
  const lengths: number[] = [];
  const clauseCounts = new Map<number, number>();
  const add = (s: HeadingSample, reliable: boolean) => {
    const shape = shapeOf(s.text);
    if (!shape) return;
    const last = s.text.replace(/[。！？；：!?;:\s]+$/, '').replace(/[”’》）)]+$/, '');
    // Last words only from headings a separator ended: a guess is no evidence for another guess.
    if (last.length >= 2 && reliable) finals.add(last.slice(-2));
    lengths.push(shape.length);
    starts.set(shape.start, (starts.get(shape.start) ?? 0) + 1);
    clauseCounts.set(shape.clauses, (clauseCounts.get(shape.clauses) ?? 0) + 1);
  };
  for (const s of samples) add(s, true);
  for (const s of learned) add(s, false);
  lengths.sort((x, y) => x - y);
  return { finals, starts, lengths, clauseCounts };
}

/** The model as seen by one heading: without the heading's own first-pass shape. */
function siblingView(model: SiblingModel, self: Shape | undefined) {
  const lengths = model.lengths;
  let lo = 0;
  let hi = lengths.length - 1;
  if (self && lengths.length) {
    if (lengths[lo] === self.length) lo++;
    else if (lengths[hi] === self.length) hi--;
  }
  let clauses: number | undefined;
  let most = 1;
  for (const [n, c] of model.clauseCounts) {
    const count = c - (self && self.clauses === n ? 1 : 0);
    if (count > most) {
      most = count;
      clauses = n;
    }
  }
  return {
    hasStart: (start: string) => (model.starts.get(start) ?? 0) - (self && self.start === start ? 1 : 0) > 0,
    range: lo <= hi ? { min: lengths[lo]!, max: lengths[hi]! } : undefined,
    clauses,
  };
}

/** How strongly the text at `j` reads as a sentence's start: 2.5 a subject or date, 2 a verb, 1 a preposition, 0 none. */
function openerWeight(text: string, j: number): number {
  const head = text.slice(j, j + 12);
  if (SUBJECT.test(head)) {
    // Inside a longer subject (区|政府, 区政府|党组) is no start.
    for (let k = 1; k <= 3 && j - k >= 0; k++) {
      const m = SUBJECT.exec(text.slice(j - k, j - k + 12));
      if (m && m[0].length >= k) return 0;
    }
    return 2.5;
  }
  if (WHOLE.test(head) || OPENERS.some((w) => head.startsWith(w))) return 2;
  return WEAK_OPENER.test(head) ? 1 : 0;
}

/**
 * Where the heading in `text[from, to)` ends (an index in `text`), when the cues agree; `to` is the
 * end of the first sentence after the heading's number.
 */
export function headingEnd(text: string, from: number, to: number, model: SiblingModel, self?: HeadingSample): number | undefined {
  const view = siblingView(model, self ? shapeOf(self.text) : undefined);
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
    // A paragraph often opens by restating its heading's subject (“……老旧小区改造和物业管理|老旧小区改造项目……”).
    const restated = [...heading].length >= 6 && heading.includes(text.slice(j, j + 4)) && !PUNCT.test(text.slice(j, j + 4));
    const opener = Math.max(openerWeight(text, j), restated ? 2 : 0);
    if (opener === 0) continue;
    const bare = heading.replace(/[”’》）)]+$/, '');
    const final = FINAL_WORDS.some((w) => bare.endsWith(w)) || model.finals.has(bare.slice(-2));
    // A verb or preposition starts a sentence only after a heading's last word (“压实责任|将……”);
    // a slogan holds verbs of its own (“推动‘十四五’规划落地|落实”).
    if (opener < 2.5 && !final) continue;
    let score = opener + (final ? 1 : 0);
    // A word that also ends headings (落实, 保障) may be the heading's last word, not the sentence's first.
    if (FINAL_WORDS.some((w) => text.startsWith(w, j))) score -= 0.5;
    const parts = clauses(heading);
    if (parts.length >= 2) {
      const ratio = len(parts.at(-1)!) / len(parts[0]!);
      if (ratio >= 0.6 && ratio <= 1.6) score += 1;
      // “区委……的贯彻落实，主要领导|切实履行……”: a stub after a long clause is a sentence going on.
      else if (ratio < 0.4 || ratio > 2.5) score -= 1;
    } else if (len(heading) >= 6 && len(heading) <= 16) score += 0.5; // a short slogan: “坚持高位推动”
    if (view.clauses !== undefined && parts.length === view.clauses) score += 0.5;
    if (view.hasStart(heading.slice(0, 2))) score += 0.5;
    if (view.range && len(heading) >= view.range.min - 2 && len(heading) <= view.range.max + 2) score += 0.5;
    if (!best || score > best.score) best = { at: j, score };
  }
  return best && best.score >= THRESHOLD ? best.at : undefined;
}
