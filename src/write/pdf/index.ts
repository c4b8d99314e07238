// PDF is not a writer of its own: the .docx, converted by LibreOffice (soffice --headless), with
// the official fonts mapped to free ones where they are missing (see fonts.ts).

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../../diagnostic.js';
import { findSoffice } from '../../platform/soffice.js';
import { writeFileAtomic } from '../output-file.js';
import { planFonts, type FontPlan } from './fonts.js';

export interface PdfResult {
  pdfFile: string;
  fonts: FontPlan;
}

/** Converts `docxFile` to `pdfFile` (written atomically). */
export async function convertToPdf(docxFile: string, pdfFile: string, timeoutMs = 180_000): Promise<PdfResult> {
  const soffice = findSoffice();
  if (!soffice) {
    throw new UserError(
      '生成 PDF 需要 LibreOffice，但没有找到。请安装 LibreOffice（Linux：sudo apt-get install libreoffice-writer；Windows/macOS：从 libreoffice.org 下载），或用 FAZHI_SOFFICE 指定 soffice 的位置。Word 文档已经生成。',
    );
  }
  const work = mkdtempSync(path.join(os.tmpdir(), 'fazhi-pdf-'));
  try {
    const fonts = planFonts(path.join(work, 'fontconfig'));
    const env = { ...process.env, ...(fonts.configFile ? { FONTCONFIG_FILE: fonts.configFile } : {}) };
    // A private profile: a running LibreOffice or a first-start dialog must not block us.
    const profile = pathToFileURL(path.join(work, 'profile')).href;
    const input = path.join(work, 'document.docx');
    writeFileAtomic(input, readFileSync(docxFile));
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, input],
        { env, timeout: timeoutMs, windowsHide: true },
        (error) => (error ? reject(error) : resolve()),
      );
    }).catch((error: NodeJS.ErrnoException & { killed?: boolean }) => {
      throw new UserError(
        error.killed ? `LibreOffice 转换 PDF 超过 ${timeoutMs / 1000} 秒未完成，已停止。` : `LibreOffice 转换 PDF 失败：${error.message.split('\n')[0]}`,
      );
    });
    const produced = path.join(work, 'document.pdf');
    if (!existsSync(produced)) throw new UserError('LibreOffice 没有生成 PDF 文件（可能是文档无法打开）。');
    writeFileAtomic(pdfFile, readFileSync(produced));
    return { pdfFile, fonts };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
