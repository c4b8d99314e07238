// Old Word (.doc) and WPS (.wps) files: LibreOffice converts them to .docx, which is then read
// like any .docx. LibreOffice is found where `render --pdf` finds it.

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../../diagnostic.js';
import { findSoffice } from '../../platform/soffice.js';
import { IMPORT_LIMITS } from '../limits.js';
import { readRegularFile } from './file.js';

export async function officeToDocx(bytes: Uint8Array, shown: string, ext: string): Promise<Uint8Array> {
  const soffice = findSoffice();
  if (!soffice) {
    throw new UserError(
      `读取${ext === '.wps' ? ' WPS 文件（.wps）' : '旧版 Word 文件（.doc）'}需要 LibreOffice，但没有找到。请安装 LibreOffice（Linux：sudo apt-get install libreoffice-writer；Windows/macOS：从 libreoffice.org 下载），或用 FAZHI_SOFFICE 指定 soffice 的位置；也可以在 Word 或 WPS 中把“${shown}”另存为 .docx 后再导入。`,
      2,
    );
  }
  const work = mkdtempSync(path.join(os.tmpdir(), 'fazhi-import-'));
  try {
    const input = path.join(work, `original${ext}`);
    writeFileSync(input, bytes);
    // A private profile: a running LibreOffice or a first-start dialog must not block us.
    const profile = pathToFileURL(path.join(work, 'profile')).href;
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, input],
        { timeout: IMPORT_LIMITS.convertMs, windowsHide: true },
        (error) => (error ? reject(error) : resolve()),
      );
    }).catch((error: NodeJS.ErrnoException & { killed?: boolean }) => {
      throw new UserError(
        error.killed
          ? `LibreOffice 转换“${shown}”超过 ${IMPORT_LIMITS.convertMs / 1000} 秒未完成，已停止。`
          : `LibreOffice 无法转换“${shown}”：${error.message.split('\n')[0]}`,
      );
    });
    try {
      return readRegularFile(path.join(work, 'original.docx'), shown, IMPORT_LIMITS.maxContainerBytes);
    } catch {
      throw new UserError(`LibreOffice 没有把“${shown}”转换为 Word 文档：文件可能已损坏，或不是 Word/WPS 文件。`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
