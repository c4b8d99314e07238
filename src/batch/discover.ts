// What a batch covers: every report data file under the folder (report.yaml, departments/,
// towns/, …), never the roster, and the roster that says which units should have reported.

import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROSTER_FILE_NAME } from '../roster/index.js';

/** Data files under `dir`, sorted: the district's own report first, then by path. */
export function reportFilesUnder(dir: string): string[] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/i.test(f))
    .filter((f) => !f.split(/[\\/]/).some((part) => part.startsWith('.')))
    .filter((f) => path.basename(f).toLowerCase() !== ROSTER_FILE_NAME)
    .map((f) => path.join(dir, f))
    .filter((f) => {
      try {
        return statSync(f).isFile();
      } catch {
        return false;
      }
    });
  const depth = (f: string): number => path.relative(dir, f).split(path.sep).length;
  return files.sort((a, b) => depth(a) - depth(b) || a.localeCompare(b, 'zh-CN'));
}

/** The year a folder is named after (…/2024), if it is. */
export function yearOfFolder(dir: string): number | undefined {
  const name = path.basename(path.resolve(dir));
  return /^(19|20|21)\d\d$/.test(name) ? Number(name) : undefined;
}
