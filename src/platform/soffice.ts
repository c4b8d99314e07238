// Where LibreOffice is on this machine: the PDF writer converts the .docx with it, and the
// importer reads .doc/.wps/.odt through it. Below both, so that import does not depend on write.

import { existsSync } from 'node:fs';
import path from 'node:path';

const CANDIDATES = [
  'soffice',
  'libreoffice',
  '/usr/bin/soffice',
  '/usr/lib/libreoffice/program/soffice',
  '/opt/libreoffice/program/soffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
];

function onPath(name: string): string | undefined {
  const exts = process.platform === 'win32' ? ['.exe', '.com', ''] : [''];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const ext of exts) {
      const full = path.join(dir, name + ext);
      if (dir && existsSync(full)) return full;
    }
  }
  return undefined;
}

/** The soffice program: FAZHI_SOFFICE when set (and there), else the first usual place it is found. */
export function findSoffice(): string | undefined {
  if (process.env.FAZHI_SOFFICE) return existsSync(process.env.FAZHI_SOFFICE) ? process.env.FAZHI_SOFFICE : undefined;
  for (const c of CANDIDATES) {
    const found = path.isAbsolute(c) ? (existsSync(c) ? c : undefined) : onPath(c);
    if (found) return found;
  }
  return undefined;
}
