// Writer: document model → one self-contained HTML page for publication on a government portal
// (政府网站“法治政府建设年度报告”专栏): semantic headings with the same numbering, readable on a
// phone, and a print stylesheet close to the paper layout. Font and size values come from the
// same layout profile as the .docx.

import type { Block, ReportDocument } from '../../compose/model.js';
import type { LayoutProfile } from '../../layout/profile.js';
import { twipsToPt } from '../../layout/units.js';

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** CSS font stack: the official font first, then what Windows, macOS and Linux have. */
function fontStack(family: string): string {
  const fallbacks: Record<string, string> = {
    '仿宋_GB2312': "'仿宋_GB2312', FangSong, STFangsong, 'FandolFang', 'Noto Serif CJK SC', serif",
    '楷体_GB2312': "'楷体_GB2312', KaiTi, STKaiti, 'LXGW WenKai', 'FandolKai', serif",
    '黑体': "'黑体', SimHei, 'PingFang SC', 'Noto Sans CJK SC', sans-serif",
    '方正小标宋简体': "'方正小标宋简体', 'FZXiaoBiaoSong-B05S', STZhongsong, 'Noto Serif CJK SC', serif",
    '宋体': "'宋体', SimSun, STSong, 'Noto Serif CJK SC', serif",
  };
  return fallbacks[family] ?? `'${family}', serif`;
}

function css(p: LayoutProfile): string {
  const f = p.fonts;
  const pt = (n: number) => `${n}pt`;
  const linePitchPt = twipsToPt(p.grid.linePitchTwips.value);
  return `
:root { color-scheme: light; }
body { margin: 0; background: #f4f4f4; color: #111; }
article { max-width: 44em; margin: 0 auto; padding: 1.5em 1.25em 3em; background: #fff;
  font-family: ${fontStack(f.body.family.value)}; font-size: 1.125rem; line-height: 1.8; }
h1 { font-family: ${fontStack(f.title.family.value)}; font-weight: normal; font-size: 1.6em; line-height: 1.5; text-align: center; margin: 0.5em 0 1em; }
h1 span { display: inline; }
.doc-number { text-align: center; margin: 0; }
.doc-number.left { text-align: left; padding-left: 1em; }
header.letterhead { margin-bottom: 2em; }
header.letterhead p { text-indent: 0; }
header.letterhead p.mark { font-family: ${fontStack(p.letterhead.markFont.family.value)}; }
header.letterhead p.organ { font-family: ${fontStack(p.letterhead.organFont.family.value)}; font-size: 2.2em; text-align: center; letter-spacing: 0.05em; margin: 1.2em 0 1em; }
header.letterhead p.issue { display: flex; justify-content: space-between; padding: 0 1em; }
header.letterhead p.issue .doc-number { text-align: left; }
header.letterhead .signer-names { font-family: ${fontStack(p.letterhead.signerNameFont.family.value)}; }
header.letterhead hr { border: 0; border-top: 2px solid; margin: 0.3em 0 0; }
h2.condensed, h3.condensed, h4.condensed, h5.condensed { letter-spacing: ${p.grid.condensedRunCharSpacing.value / 20 / p.fonts.body.size.value}em; }
h2, h3, h4, h5 { font-size: 1em; margin: 0; text-indent: 2em; line-height: inherit; }
h2 { font-family: ${fontStack(f.heading1.family.value)}; font-weight: normal; }
h3 { font-family: ${fontStack(f.heading2.family.value)}; font-weight: normal; }
h4 { font-family: ${fontStack(f.heading3.family.value)}; font-weight: ${f.heading3.bold?.value ? 'bold' : 'normal'}; }
h5 { font-family: ${fontStack(f.heading4.family.value)}; font-weight: ${f.heading4.bold?.value ? 'bold' : 'normal'}; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.addressee { text-indent: 0; margin-top: 0.5em; }
.attachments { margin-top: 1.8em; }
.attachments p { text-indent: 0; padding-left: 5em; }
.attachments p:first-child { text-indent: -3em; }
.signature { margin: 1.8em 2em 0 auto; width: max-content; max-width: 100%; }
.signature p { text-indent: 0; text-align: left; }
.signature p.date { padding-left: 2em; }
footer.colophon { margin-top: 3em; font-size: 0.875em; border-top: 2px solid #000; border-bottom: 2px solid #000; }
footer.colophon p { text-indent: 0; padding: 0.25em 1em; }
footer.colophon p + p { border-top: 1px solid #000; display: flex; justify-content: space-between; flex-wrap: wrap; }
.appendix { margin-top: 3em; overflow-x: auto; }
.appendix p.label { text-indent: 0; font-family: ${fontStack(f.heading1.family.value)}; }
h2.appendix-title { font-family: ${fontStack(f.title.family.value)}; text-align: center; text-indent: 0; font-size: 1.3em; margin: 0.5em 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.875em; }
th, td { border: 1px solid #000; padding: 0.25em 0.4em; text-align: center; }
td:nth-child(2) { text-align: left; }
@media print {
  @page { size: A4; margin: ${p.page.marginTopMm.value}mm ${p.page.marginRightMm.value}mm ${p.page.marginBottomMm.value}mm ${p.page.marginLeftMm.value}mm; }
  body { background: none; }
  article { max-width: none; margin: 0; padding: 0; font-size: ${pt(f.body.size.value)}; line-height: ${pt(linePitchPt)}; }
  h1 { font-size: ${pt(f.title.size.value)}; line-height: ${pt(linePitchPt)}; margin: 0 0 ${pt(linePitchPt)}; }
  h1 span { display: block; }
  .doc-number { margin-bottom: ${pt(linePitchPt)}; }
  .attachments, .signature { margin-top: ${pt(linePitchPt)}; }
  .signature { margin-right: 2em; }
  footer.colophon { font-size: ${pt(f.colophon.size.value)}; break-inside: avoid; }
  h2, h3, h4, h5 { break-after: avoid; }
  .appendix { break-before: page; }
}
`.trim();
}

const HEADING_TAG = { 1: 'h2', 2: 'h3', 3: 'h4', 4: 'h5' } as const;

function blockHtml(block: Block, profile: LayoutProfile): string {
  switch (block.kind) {
    case 'letterhead': {
      // 版头 (GB/T 9704 §7.2): marks top left, 发文机关标志 in the profile's colour, 发文字号 left and
      // 签发人 right on one line, the 分隔线 below.
      const color = `#${profile.letterhead.color.value}`;
      const signers = block.signers.length
        ? `<span class="signers">签发人：<span class="signer-names">${block.signers.map(escapeHtml).join('　')}</span></span>`
        : '';
      return `<header class="letterhead">${block.marks.map((m) => `<p class="mark">${escapeHtml(m)}</p>`).join('')}${block.organs
        .map((o) => `<p class="organ" style="color: ${color}">${escapeHtml(o)}</p>`)
        .join('')}<p class="issue"><span class="doc-number">${escapeHtml(block.docNumber ?? '')}</span>${signers}</p><hr style="border-color: ${color}"></header>`;
    }
    case 'attachment-start':
      return `<section class="appendix"><p class="label">${escapeHtml(block.label)}</p><h2 class="appendix-title">${block.titleLines.map(escapeHtml).join('<br>')}</h2></section>`;
    case 'doc-number':
      return `<p class="doc-number ${block.placement}">${escapeHtml(block.text)}</p>`;
    case 'title':
      return `<h1>${block.lines.map((l) => `<span>${escapeHtml(l)}</span>`).join('')}</h1>`;
    case 'addressee':
      return `<p class="addressee">${escapeHtml(block.text)}</p>`;
    case 'heading': {
      const tag = HEADING_TAG[block.level];
      if (block.condensed) return `<${tag} class="condensed">${escapeHtml(block.number + block.text)}</${tag}>`;
      return `<${tag}>${escapeHtml(block.number + block.text)}</${tag}>`;
    }
    case 'paragraph':
      return `<p>${block.runs.map((r) => (r.strong ? `<strong>${escapeHtml(r.text)}</strong>` : escapeHtml(r.text))).join('')}</p>`;
    case 'attachments':
      return `<section class="attachments">${block.items
        .map((item, i) => `<p>${escapeHtml((i === 0 ? block.label : '') + item.number + item.text)}</p>`)
        .join('')}</section>`;
    case 'signature':
      return `<section class="signature">${block.organs.map((o) => `<p>${escapeHtml(o)}</p>`).join('')}${
        block.date ? `<p class="date">${escapeHtml(block.date)}</p>` : ''
      }</section>`;
    case 'colophon': {
      const rows: string[] = [];
      if (block.copyTo) rows.push(`<p>${escapeHtml(block.copyTo.label + block.copyTo.text)}</p>`);
      if (block.printedBy || block.printedOn) {
        rows.push(`<p><span>${escapeHtml(block.printedBy ?? '')}</span><span>${escapeHtml(block.printedOn ?? '')}</span></p>`);
      }
      return `<footer class="colophon">${rows.join('')}</footer>`;
    }
    case 'table':
      if (block.placement === 'inline') {
        return `<table><thead><tr>${block.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${block.rows
          .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`;
      }
      return `<section class="appendix"><p class="label">${escapeHtml(block.label)}</p><h2 class="appendix-title">${escapeHtml(block.title)}</h2><table><thead><tr>${block.columns
        .map((c) => `<th scope="col">${escapeHtml(c)}</th>`)
        .join('')}</tr></thead><tbody>${block.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table></section>`;
  }
}

export function writeHtml(doc: ReportDocument, profile: LayoutProfile): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="fazhi-report">
<title>${escapeHtml(doc.title)}</title>
<style>
${css(profile)}
</style>
</head>
<body>
<article>
${doc.blocks.map((b) => blockHtml(b, profile)).join('\n')}
</article>
</body>
</html>
`;
}
