// Word's automatic numbering, written into the text. A clerk's .docx often numbers its headings
// 一、（一）1.（1） with Word's list numbering (numbering.xml) instead of typing them; the number
// is then not in the paragraph's text, mammoth drops it, and structure recovery, which reads the
// numbers, would see a report without sections. This module computes each numbered paragraph's
// number as Word shows it and puts it at the start of the paragraph's text in document.xml, so
// the rest of the import reads the file as if the numbers had been typed.
//
// As Word computes them: a paragraph's numbering is its own w:numPr, else its paragraph style's
// (through w:basedOn); w:numId 0 means none. Counters run per list: a w:num without overrides
// shares its abstract list's counters with the other such w:num (Word continues them), a w:num
// with w:lvlOverride is a list of its own (Word's “restart numbering”) starting at its
// w:startOverride. Using a level resets the deeper levels unless their w:lvlRestart says
// otherwise; w:isLgl shows every level as an Arabic number. A format this module cannot print is
// not guessed: the paragraph keeps its text without a number and a note says which paragraph.

import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { chineseCounting } from '../../data/chinese-numerals.js';
import { Parser } from 'htmlparser2';

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
}

/** A small element tree of an XML part, with local names (the w: prefix dropped). */
function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#root', attrs: {}, children: [] };
  const stack = [root];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const el: XmlElement = { name: localName(name), attrs: localAttrs(attrs), children: [] };
        stack[stack.length - 1]!.children.push(el);
        stack.push(el);
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return root;
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);
function localAttrs(attrs: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) out[localName(k)] = v;
  return out;
}
const child = (el: XmlElement | undefined, name: string): XmlElement | undefined => el?.children.find((c) => c.name === name);
const children = (el: XmlElement | undefined, name: string): XmlElement[] => el?.children.filter((c) => c.name === name) ?? [];
const val = (el: XmlElement | undefined): string | undefined => el?.attrs.val;
function intVal(el: XmlElement | undefined): number | undefined {
  const v = val(el);
  return v !== undefined && /^-?\d+$/.test(v.trim()) ? Number(v) : undefined;
}
/** An on/off property: present without a value, or true/1/on. */
const onOff = (el: XmlElement | undefined): boolean => el !== undefined && !/^(false|0|off)$/i.test(val(el) ?? 'true');

interface Level {
  start: number;
  format: string;
  text: string;
  /** 1-based level after which this level restarts; 0 never; undefined: after any higher level. */
  restart?: number;
  legal: boolean;
  suffix: string;
  pStyle?: string;
}

interface AbstractList {
  levels: Map<number, Level>;
  numStyleLink?: string;
}

interface NumInstance {
  abstractId: string;
  overrides: Map<number, { start?: number; level?: Level }>;
}

interface NumPr {
  numId?: string;
  ilvl?: number;
}

interface ParagraphStyle {
  basedOn?: string;
  numPr?: NumPr;
}

function readLevel(el: XmlElement): Level {
  return {
    start: intVal(child(el, 'start')) ?? 0,
    format: val(child(el, 'numFmt')) ?? 'decimal',
    text: val(child(el, 'lvlText')) ?? '',
    restart: intVal(child(el, 'lvlRestart')),
    legal: onOff(child(el, 'isLgl')),
    suffix: val(child(el, 'suff')) ?? 'tab',
    pStyle: val(child(el, 'pStyle')),
  };
}

function readNumPr(el: XmlElement | undefined): NumPr | undefined {
  if (!el) return undefined;
  return { numId: val(child(el, 'numId')), ilvl: intVal(child(el, 'ilvl')) };
}

class Numbering {
  private readonly abstracts = new Map<string, AbstractList>();
  private readonly nums = new Map<string, NumInstance>();
  private readonly paragraphStyles = new Map<string, ParagraphStyle>();
  private readonly numberingStyles = new Map<string, string>();
  /** Counters of each list (see listKey), by level; undefined: not used since its last restart. */
  private readonly counters = new Map<string, (number | undefined)[]>();

  constructor(numberingXml: string, stylesXml: string | undefined) {
    const numbering = child(parseXml(numberingXml), 'numbering');
    for (const a of children(numbering, 'abstractNum')) {
      const levels = new Map<number, Level>();
      for (const l of children(a, 'lvl')) levels.set(Number(/^\d$/.test(l.attrs.ilvl ?? '') ? l.attrs.ilvl : 0), readLevel(l));
      this.abstracts.set(a.attrs.abstractNumId ?? '', { levels, numStyleLink: val(child(a, 'numStyleLink')) });
    }
    for (const n of children(numbering, 'num')) {
      const overrides = new Map<number, { start?: number; level?: Level }>();
      for (const o of children(n, 'lvlOverride')) {
        const lvl = child(o, 'lvl');
        overrides.set(Number(o.attrs.ilvl ?? 0), { start: intVal(child(o, 'startOverride')), level: lvl ? readLevel(lvl) : undefined });
      }
      this.nums.set(n.attrs.numId ?? '', { abstractId: val(child(n, 'abstractNumId')) ?? '', overrides });
    }
    if (stylesXml) {
      for (const s of children(child(parseXml(stylesXml), 'styles'), 'style')) {
        const id = s.attrs.styleId ?? '';
        const numPr = readNumPr(child(child(s, 'pPr'), 'numPr'));
        if (s.attrs.type === 'numbering') {
          if (numPr?.numId) this.numberingStyles.set(id, numPr.numId);
        } else if ((s.attrs.type ?? 'paragraph') === 'paragraph') {
          this.paragraphStyles.set(id, { basedOn: val(child(s, 'basedOn')), numPr });
        }
      }
    }
  }

  /** The abstract list a w:num stands for, following w:numStyleLink through numbering styles. */
  private abstractOf(numId: string): { id: string; list: AbstractList } | undefined {
    let id = this.nums.get(numId)?.abstractId;
    for (let hops = 0; id !== undefined && hops < 10; hops++) {
      const list = this.abstracts.get(id);
      if (!list) return undefined;
      if (!list.numStyleLink) return { id, list };
      const linked = this.numberingStyles.get(list.numStyleLink);
      id = linked === undefined ? undefined : this.nums.get(linked)?.abstractId;
    }
    return undefined;
  }

  /** The style's numbering, through w:basedOn, and the level a list assigns to the style (w:pStyle). */
  private styleNumPr(styleId: string | undefined): NumPr | undefined {
    const seen = new Set<string>();
    for (let id = styleId; id !== undefined && !seen.has(id); id = this.paragraphStyles.get(id)?.basedOn) {
      seen.add(id);
      const numPr = this.paragraphStyles.get(id)?.numPr;
      if (numPr?.numId !== undefined) {
        if (numPr.ilvl !== undefined || !styleId) return numPr;
        const list = this.abstractOf(numPr.numId)?.list;
        // The list's level for this style, else for the style that carries the numbering (a style based on it).
        const levelFor = (sid: string) => (list ? [...list.levels].find(([, l]) => l.pStyle === sid)?.[0] : undefined);
        const byStyle = levelFor(styleId) ?? levelFor(id);
        return { numId: numPr.numId, ilvl: byStyle };
      }
    }
    return undefined;
  }

  /**
   * The number Word shows before a paragraph, counting it: its text ('' when it has none: no
   * numbering, a bullet), or the name of a format that cannot be printed here.
   */
  next(own: NumPr | undefined, styleId: string | undefined): { text: string } | { unknown: string } {
    const style = this.styleNumPr(styleId);
    const numId = own?.numId ?? style?.numId;
    if (numId === undefined || numId.trim() === '0') return { text: '' };
    const ilvl = Math.min(8, Math.max(0, own?.ilvl ?? style?.ilvl ?? 0));
    const num = this.nums.get(numId);
    const abstract = this.abstractOf(numId);
    if (!num || !abstract) return { text: '' };
    const levelOf = (l: number): Level | undefined => num.overrides.get(l)?.level ?? abstract.list.levels.get(l);
    const startOf = (l: number): number => num.overrides.get(l)?.start ?? levelOf(l)?.start ?? 0;
    const level = levelOf(ilvl);
    if (!level) return { text: '' };

    // A w:num with overrides is a list of its own (Word's “restart numbering”); others share their abstract list.
    const key = num.overrides.size > 0 ? `num:${numId}` : `abstract:${abstract.id}`;
    const counters = this.counters.get(key) ?? [];
    this.counters.set(key, counters);
    counters[ilvl] = (counters[ilvl] ?? startOf(ilvl) - 1) + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const restart = levelOf(deeper)?.restart;
      // lvlRestart n (1-based): restart after a level up to n is used; 0: never.
      if (restart === undefined || (restart > 0 && ilvl < restart)) counters[deeper] = undefined;
    }
    if (level.format === 'bullet') return { text: '' };

    let unknown: string | undefined;
    const text = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const format = level.legal ? 'decimal' : (levelOf(l)?.format ?? 'decimal');
      const shown = formatNumber(counters[l] ?? startOf(l), format);
      if (shown === undefined) unknown ??= format;
      return shown ?? '';
    });
    if (unknown !== undefined) return { unknown };
    // Word puts a tab or a space after the number; the text needs one only when nothing in the number separates it.
    const separated = level.suffix === 'nothing' || text === '' || /[\p{P}\s]$/u.test(text);
    return { text: separated ? text : `${text} ` };
  }
}

/** Digits written one by one (ideographDigital: 10 → 一〇), and the legal (大写) counting digits. */
const CHINESE_DIGITS = '〇一二三四五六七八九';
const LEGAL_SIMPLIFIED = '零壹贰叁肆伍陆柒捌玖';
const LEGAL_TRADITIONAL = '零壹貳參肆伍陸柒捌玖';

function letters(n: number, base: string): string | undefined {
  if (n <= 0) return undefined;
  // Word repeats the letter: 27 → AA, 28 → BB.
  const letter = base[(n - 1) % 26]!;
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string | undefined {
  if (n <= 0 || n >= 4000) return undefined;
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

const enclosed = (n: number, first: number, count: number): string | undefined => (n >= 1 && n <= count ? String.fromCodePoint(first + n - 1) : undefined);

/** A number in a w:numFmt, or undefined when this format or value cannot be printed here. */
export function formatNumber(n: number, format: string): string | undefined {
  switch (format) {
    case 'decimal':
    case 'decimalHalfWidth':
      return String(n);
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosed(n, 0x2460, 20);
    case 'decimalEnclosedParen':
      return enclosed(n, 0x2474, 20);
    case 'decimalEnclosedFullstop':
      return enclosed(n, 0x2488, 20);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n)?.toLowerCase();
    case 'upperLetter':
      return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerLetter':
      return letters(n, 'abcdefghijklmnopqrstuvwxyz');
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
      return chineseCounting(n, LEGAL_SIMPLIFIED, ['拾', '佰', '仟'], false);
    case 'ideographLegalTraditional':
      return chineseCounting(n, LEGAL_TRADITIONAL, ['拾', '佰', '仟'], false);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return n >= 0 ? String(n).replace(/\d/g, (d) => CHINESE_DIGITS[Number(d)]!) : undefined;
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? '甲乙丙丁戊己庚辛壬癸'[n - 1] : undefined;
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? '子丑寅卯辰巳午未申酉戌亥'[n - 1] : undefined;
    case 'none':
      return '';
    default:
      return undefined;
  }
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface OpenParagraph {
  /** The element prefix the document uses (normally “w:”). */
  prefix: string;
  /** Index of this paragraph's element in the open-element stack. */
  depth: number;
  /** Where its text begins: after its properties, or after its start tag. */
  insertAt: number;
  styleId?: string;
  numPr?: NumPr;
  hasText: boolean;
  /** Its first characters, to name it in a note. */
  opening: string;
}

/** document.xml with each numbered paragraph's number written at the start of its text. */
function numberParagraphs(documentXml: string, numbering: Numbering, notes: string[]): string {
  const inserts: { at: number; xml: string }[] = [];
  const open: OpenParagraph[] = [];
  const stack: string[] = [];
  let unknown = 0;
  /** The element names below paragraph p's properties, when inside them (not in a tracked change of them). */
  const underPPr = (p: OpenParagraph): string[] | undefined => {
    if (stack[p.depth + 1] !== 'pPr') return undefined;
    const below = stack.slice(p.depth + 2);
    return below.includes('pPrChange') || below.includes('rPr') ? undefined : below;
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const local = localName(name);
        stack.push(local);
        if (local === 'p') {
          const prefix = name.includes(':') ? name.slice(0, name.indexOf(':') + 1) : '';
          open.push({ prefix, depth: stack.length - 1, insertAt: parser.endIndex + 1, hasText: false, opening: '' });
          return;
        }
        const p = open[open.length - 1];
        const below = p && underPPr(p);
        if (!p || !below) return;
        const v = localAttrs(attrs).val;
        if (below.length === 1 && local === 'pStyle') p.styleId = v;
        if (below.length === 1 && local === 'numPr') p.numPr = {};
        if (below.length === 2 && below[0] === 'numPr' && p.numPr) {
          if (local === 'numId') p.numPr.numId = v;
          if (local === 'ilvl' && v !== undefined && /^\d+$/.test(v.trim())) p.numPr.ilvl = Number(v);
        }
      },
      ontext(text) {
        const p = open[open.length - 1];
        if (!p || stack[stack.length - 1] !== 't') return;
        if (text.trim() !== '') p.hasText = true;
        if (p.opening.length < 16) p.opening += text;
      },
      onclosetag(name) {
        const local = localName(name);
        const p = open[open.length - 1];
        if (local === 'pPr' && p && stack.length - 1 === p.depth + 1) p.insertAt = parser.endIndex + 1;
        stack.pop();
        if (local !== 'p' || !p || stack.length !== p.depth) return;
        open.pop();
        // A text box is written twice (mc:Choice and the mc:Fallback copy for older readers); Word counts the first only.
        if (stack.includes('Fallback')) return;
        const number = numbering.next(p.numPr, p.styleId);
        if ('unknown' in number) {
          if (!p.hasText) return;
          unknown++;
          if (unknown <= 5) notes.push(`Word 文档中“${p.opening.trim().slice(0, 16)}……”一段的自动编号（格式“${number.unknown}”）无法还原，该段保留了文字但没有序号，请对照原文核对它的标题层级。`);
          return;
        }
        if (number.text !== '' && p.hasText) {
          const w = p.prefix;
          inserts.push({ at: p.insertAt, xml: `<${w}r><${w}t xml:space="preserve">${escapeXml(number.text)}</${w}t></${w}r>` });
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(documentXml);
  parser.end();
  if (unknown > 5) notes.push(`另有 ${unknown - 5} 段的自动编号也无法还原。`);
  if (inserts.length === 0) return documentXml;
  let out = '';
  let from = 0;
  for (const { at, xml } of inserts.sort((a, b) => a.at - b.at)) {
    out += documentXml.slice(from, at) + xml;
    from = at;
  }
  return out + documentXml.slice(from);
}

const DOCUMENT_PART = /^word\/document\d*\.xml$/;
/** Unpacked size of a package this module rewrites; a report with its pictures is well under it. */
const MAX_PACKAGE_BYTES = 200 * 1024 * 1024;

/**
 * The .docx with Word's automatic numbers written into its paragraphs' text, and notes for
 * numbers that could not be reproduced. A file without numbering, or that is not a readable
 * package, comes back unchanged (the reader then says what is wrong with it).
 */
export function writeOutNumbering(bytes: Uint8Array): { bytes: Uint8Array; notes: string[] } {
  let files: Unzipped;
  let unpacked = 0;
  const wanted = (name: string) => name === 'word/numbering.xml' || name === 'word/styles.xml' || DOCUMENT_PART.test(name);
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        unpacked += f.originalSize;
        return wanted(f.name) && f.originalSize <= MAX_PACKAGE_BYTES;
      },
    });
  } catch {
    return { bytes, notes: [] };
  }
  const numberingPart = files['word/numbering.xml'];
  const documentName = Object.keys(files).find((n) => DOCUMENT_PART.test(n));
  if (!numberingPart || !documentName) return { bytes, notes: [] };
  if (unpacked > MAX_PACKAGE_BYTES) {
    // Unpacking it all to write the numbers in would take more memory than a report needs; the reader still reads the text.
    return { bytes, notes: [`Word 文档解压后超过 ${MAX_PACKAGE_BYTES / 1024 / 1024} MB，自动编号的序号没有还原，请对照原文核对标题层级。`] };
  }
  const notes: string[] = [];
  const styles = files['word/styles.xml'];
  const numbering = new Numbering(strFromU8(numberingPart), styles ? strFromU8(styles) : undefined);
  const before = strFromU8(files[documentName]!);
  const after = numberParagraphs(before, numbering, notes);
  if (after === before) return { bytes, notes };
  const all = unzipSync(bytes);
  all[documentName] = strToU8(after);
  // Stored, not compressed: the package is only handed on to the reader.
  return { bytes: zipSync(all, { level: 0 }), notes };
}
