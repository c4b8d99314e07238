// What the import tests need to put a report into every format a clerk has and to compare what
// comes back: the numbers of sub-headings and items of a part, the punctuation of a text, the
// paragraphs of a .docx, a saved page (.mhtml) as browsers write it, a portal's web page, a plain
// Word file made with the docx library (as a clerk's office writes one), and PDFs made from Word
// files by LibreOffice. Shared by import-formats.test.ts and import-shapes.test.ts.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { planFonts } from '../../src/write/pdf/fonts.js';
import { readDocx } from './docx.js';

export type PartNode = { intro?: unknown; paragraphs?: unknown; items?: unknown[]; groups?: PartNode[]; heading?: string };

/** Sub-headings and items of a part, at every depth. */
export function shape(n: PartNode | undefined): { groups: number; items: number } | undefined {
  if (!n) return undefined;
  let groups = 0;
  let items = n.items?.length ?? 0;
  for (const g of n.groups ?? []) {
    const s = shape(g)!;
    groups += 1 + s.groups;
    items += s.items;
  }
  return { groups, items };
}

export const punctuation = (text: string): string[] => [...text.replace(/[^\p{P}]/gu, '')];

/** The non-empty paragraphs of a .docx, trimmed. */
export async function paragraphsOf(docx: Uint8Array): Promise<string[]> {
  return (await readDocx(docx)).paragraphs.map((p) => p.text.trim()).filter((t) => t !== '');
}

/** A saved web page as browsers write it: MIME, quoted-printable. */
export function mhtml(html: string): string {
  const bytes = new TextEncoder().encode(html);
  let body = '';
  let line = '';
  for (const b of bytes) {
    const piece = (b >= 33 && b <= 126 && b !== 61) || b === 32 ? String.fromCharCode(b) : b === 10 ? '\n' : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (piece === '\n') {
      body += `${line}\r\n`;
      line = '';
      continue;
    }
    if (line.length + piece.length > 75) {
      body += `${line}=\r\n`;
      line = '';
    }
    line += piece;
  }
  body += line;
  return [
    'From: <Saved by Blink>',
    'Snapshot-Content-Location: https://www.example.gov.cn/fzzf/2025/report.html',
    'Subject: =?utf-8?Q?report?=',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    '\tboundary="----MultipartBoundary--abc123----"',
    '',
    '',
    '------MultipartBoundary--abc123----',
    'Content-Type: text/html',
    'Content-ID: <frame-1@mhtml.blink>',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Location: https://www.example.gov.cn/fzzf/2025/report.html',
    '',
    body,
    '',
    '------MultipartBoundary--abc123------',
    '',
  ].join('\r\n');
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A government portal's page around the report: site name, breadcrumbs, the information table, share buttons, footer. */
export function portalPage(paragraphs: readonly string[]): string {
  const [title, ...rest] = paragraphs;
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>法治政府建设年度报告</title></head><body>',
    '<div class="header">示例区人民政府门户网站</div>',
    '<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/fzzf">法治政府建设</a></div>',
    '<table class="meta"><tr><td>索 引 号：</td><td>000000000/2025-00001</td><td>主题分类：</td><td>综合政务</td></tr></table>',
    '<div class="tools">【字体：<a>大</a> <a>中</a> <a>小</a>】 <a>打印本页</a> <a>关闭窗口</a></div>',
    `<h1 style="text-align:center">${escapeHtml(title ?? '')}</h1>`,
    '<div class="content">',
    ...rest.map((p) => `<p style="text-indent:2em">${escapeHtml(p)}</p>`),
    '</div>',
    '<div class="share">分享到： <a>微信</a> <a>微博</a> <a>QQ空间</a></div>',
    '<div class="footer"><p>主办单位：示例区人民政府办公室</p><p>Copyright © 2025 All Rights Reserved</p><p>示ICP备00000000号</p></div>',
    '</body></html>',
  ].join('\n');
}

/** A Word file as a clerk's office writes one with Word (title centred, paragraphs indented), made with the docx library. */
export async function plainDocx(paragraphs: readonly string[]): Promise<Buffer> {
  const [title, ...rest] = paragraphs;
  const run = (text: string, size: number) => new TextRun({ text, size, font: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman' } });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(title ?? '', 44)] }),
          ...rest.map((p) => new Paragraph({ indent: { firstLine: 640 }, children: [run(p, 32)] })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const CHINESE = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
/** The four heading levels of GB/T 9704 (一、（一）1.（1）) as a paragraph's typed number shows them. */
const TYPED_LEVELS: { pattern: RegExp; value: (m: RegExpMatchArray) => number }[] = [
  { pattern: /^([一二三四五六七八九十]{1,3})(、)/, value: (m) => CHINESE.indexOf(m[1]!) + 1 },
  { pattern: /^（([一二三四五六七八九十]{1,3})）()/, value: (m) => CHINESE.indexOf(m[1]!) + 1 },
  { pattern: /^(\d{1,2})([.．、])(?!\d)/, value: (m) => Number(m[1]) },
  { pattern: /^（(\d{1,2})）()/, value: (m) => Number(m[1]) },
];

/**
 * Which paragraphs a clerk's Word would number automatically: a paragraph whose typed number is
 * the one Word would show next at its level (deeper levels restarting after a higher one) gets
 * that level and loses the typed number. The third level's punctuation is the report's own
 * (1. or 1、, as it first writes it); a paragraph with the other one keeps its typed number.
 */
function numberingPlan(paragraphs: readonly string[]): { third: string; plan: { text: string; level?: number }[]; numbered: number } {
  const third = paragraphs.map((p) => TYPED_LEVELS[2]!.pattern.exec(p)?.[2]).find((x) => x !== undefined) ?? '.';
  const counters: number[] = [0, 0, 0, 0];
  let numbered = 0;
  const plan = paragraphs.map((p) => {
    for (const [level, { pattern, value }] of TYPED_LEVELS.entries()) {
      const m = pattern.exec(p);
      if (!m || (level === 2 && m[2] !== third) || value(m) !== counters[level]! + 1) continue;
      counters[level] = value(m);
      for (let deeper = level + 1; deeper < counters.length; deeper++) counters[deeper] = 0;
      numbered++;
      return { text: p.slice(m[0].length), level };
    }
    return { text: p };
  });
  return { third, plan, numbered };
}

/**
 * The same Word file with its heading numbers made by Word's automatic numbering (numbering.xml,
 * one list of four levels 一、（一）1.（1）, Chinese counting for the first two) instead of typed,
 * made with the docx library's numbering. Also returns how many paragraphs were numbered so.
 */
export async function autoNumberedDocx(paragraphs: readonly string[]): Promise<{ docx: Buffer; numbered: number }> {
  const [title, ...rest] = paragraphs;
  const { third, plan, numbered } = numberingPlan(rest);
  const run = (text: string, size: number) => new TextRun({ text, size, font: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman' } });
  const body = plan.map(({ text, level }) =>
    level === undefined
      ? new Paragraph({ indent: { firstLine: 640 }, children: [run(text, 32)] })
      : new Paragraph({ numbering: { reference: 'headings', level }, indent: { firstLine: 640 }, children: [run(text, 32)] }),
  );
  const level = (n: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({ level: n, format, text, start: 1 });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'headings',
          levels: [
            level(0, LevelFormat.CHINESE_COUNTING, '%1、'),
            level(1, LevelFormat.CHINESE_COUNTING, '（%2）'),
            level(2, LevelFormat.DECIMAL, `%3${third}`),
            level(3, LevelFormat.DECIMAL, '（%4）'),
          ],
        },
      ],
    },
    sections: [{ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(title ?? '', 44)] }), ...body] }],
  });
  return { docx: await Packer.toBuffer(doc), numbered };
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A paragraph of WordprocessingML: its style, its own numbering (numId, ilvl), its text. */
export function wParagraph(text: string, opts: { style?: string; numId?: string; ilvl?: number } = {}): string {
  const numPr = opts.numId === undefined && opts.ilvl === undefined ? '' : `<w:numPr>${opts.ilvl === undefined ? '' : `<w:ilvl w:val="${opts.ilvl}"/>`}${opts.numId === undefined ? '' : `<w:numId w:val="${opts.numId}"/>`}</w:numPr>`;
  const pPr = opts.style || numPr ? `<w:pPr>${opts.style ? `<w:pStyle w:val="${opts.style}"/>` : ''}${numPr}</w:pPr>` : '';
  return `<w:p>${pPr}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

/** A .docx package written by hand, part by part, as WPS and other producers write one: the body's paragraphs, styles.xml and numbering.xml content. */
export function docxPackage(body: readonly string[], styles: string, numbering: string): Uint8Array {
  const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
  const main = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zipSync({
    '[Content_Types].xml': strToU8(
      `${decl}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/word/document.xml" ContentType="${main}.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="${main}.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="${main}.numbering+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(`${decl}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="word/document.xml"/></Relationships>`),
    'word/_rels/document.xml.rels': strToU8(
      `${decl}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${rel}/numbering" Target="numbering.xml"/></Relationships>`,
    ),
    'word/document.xml': strToU8(`${decl}<w:document ${W}><w:body>${body.join('')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`),
    'word/styles.xml': strToU8(`${decl}<w:styles ${W}>${styles}</w:styles>`),
    'word/numbering.xml': strToU8(`${decl}<w:numbering ${W}>${numbering}</w:numbering>`),
  });
}

/** A level of an abstract list in numbering.xml. */
export function wLevel(ilvl: number, format: string, text: string, extra = ''): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/>${extra}<w:lvlText w:val="${escapeXml(text)}"/><w:lvlJc w:val="left"/></w:lvl>`;
}

/**
 * The same report as WPS writes a Word file whose headings are numbered by their styles: styles
 * “2” (标题 1, numbered through its style: numId in the style, the level from the list's
 * w:pStyle) and “3” (标题 2, numId and level in the style) number the 一、 and （一） headings,
 * the 1. and （1） items carry their own w:numPr; the title has style “2” but w:numId 0 (no
 * number). The list numbering them is a w:num with a w:startOverride of 1 on every level, as WPS
 * writes it.
 */
export function wpsNumberedDocx(paragraphs: readonly string[]): { docx: Uint8Array; numbered: number } {
  const [title, ...rest] = paragraphs;
  const { third, plan, numbered } = numberingPlan(rest);
  const styles =
    '<w:style w:type="paragraph" w:default="1" w:styleId="1"><w:name w:val="Normal"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 1"/><w:basedOn w:val="1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="3"><w:name w:val="heading 2"/><w:basedOn w:val="1"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>';
  const numbering =
    '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>' +
    wLevel(0, 'chineseCountingThousand', '%1、', '<w:pStyle w:val="2"/><w:suff w:val="nothing"/>') +
    wLevel(1, 'chineseCountingThousand', '（%2）', '<w:pStyle w:val="3"/><w:suff w:val="nothing"/>') +
    wLevel(2, 'decimal', `%3${third}`, '<w:suff w:val="nothing"/>') +
    wLevel(3, 'decimal', '（%4）', '<w:suff w:val="nothing"/>') +
    '</w:abstractNum>' +
    `<w:num w:numId="1"><w:abstractNumId w:val="0"/>${[0, 1, 2, 3].map((l) => `<w:lvlOverride w:ilvl="${l}"><w:startOverride w:val="1"/></w:lvlOverride>`).join('')}</w:num>`;
  const body = [
    wParagraph(title ?? '', { style: '2', numId: '0' }),
    ...plan.map(({ text, level }) =>
      level === 0 ? wParagraph(text, { style: '2' }) : level === 1 ? wParagraph(text, { style: '3' }) : level === undefined ? wParagraph(text) : wParagraph(text, { numId: '1', ilvl: level }),
    ),
  ];
  return { docx: docxPackage(body, styles, numbering), numbered };
}

/**
 * PDFs of Word files made by LibreOffice in one run (each `x.docx` → `x.pdf` in `outDir`), with the
 * official fonts mapped to free ones as `render --pdf` does and a private profile.
 */
export function officePdfs(soffice: string, docxFiles: readonly string[], outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  const fonts = planFonts(path.join(outDir, 'fontconfig'));
  const env = { ...process.env, ...(fonts.configFile ? { FONTCONFIG_FILE: fonts.configFile } : {}) };
  execFileSync(
    soffice,
    [`-env:UserInstallation=${pathToFileURL(path.join(outDir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...docxFiles],
    { env, timeout: 300_000, stdio: 'ignore' },
  );
}

/** The lines of a text file, without empty ones. */
export function textLines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
