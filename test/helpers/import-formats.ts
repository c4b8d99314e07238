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
 * The same Word file with its heading numbers made by Word's automatic numbering (numbering.xml,
 * one list of four levels 一、（一）1.（1）, Chinese counting for the first two) instead of typed:
 * a paragraph whose typed number is the one Word would show next at its level loses the typed
 * number and gets the list level. Also returns how many paragraphs were numbered so.
 */
export async function autoNumberedDocx(paragraphs: readonly string[]): Promise<{ docx: Buffer; numbered: number }> {
  const [title, ...rest] = paragraphs;
  // The third level's punctuation as the report first writes it (1. or 1、).
  const third = rest.map((p) => TYPED_LEVELS[2]!.pattern.exec(p)?.[2]).find((x) => x !== undefined) ?? '.';
  const counters: number[] = [0, 0, 0, 0];
  let numbered = 0;
  const run = (text: string, size: number) => new TextRun({ text, size, font: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman' } });
  const body = rest.map((p) => {
    for (const [level, { pattern, value }] of TYPED_LEVELS.entries()) {
      const m = pattern.exec(p);
      if (!m || (level === 2 && m[2] !== third) || value(m) !== counters[level]! + 1) continue;
      counters[level] = value(m);
      for (let deeper = level + 1; deeper < counters.length; deeper++) counters[deeper] = 0;
      numbered++;
      return new Paragraph({ numbering: { reference: 'headings', level }, indent: { firstLine: 640 }, children: [run(p.slice(m[0].length), 32)] });
    }
    return new Paragraph({ indent: { firstLine: 640 }, children: [run(p, 32)] });
  });
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
