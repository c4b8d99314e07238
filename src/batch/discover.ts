// What a batch covers: every report data file under the folder (report.yaml, departments/,
// towns/, …), never the roster, and the roster that says which units should have reported.

import path from 'node:path';
import { walkDataFolder, type SkippedEntry } from '../load/folder-walk.js';
import { ROSTER_FILE_NAME } from '../roster/index.js';

/** Folders below a year's folder that a batch enters (departments/, towns/, and a level below). */
const MAX_DEPTH = 4;

/**
 * Data files under `dir`, sorted: the district's own report first, then by path; and the
 * entries skipped (links out of the folder, link loops, a second name for one file).
 */
export function reportFilesUnder(dir: string): { files: string[]; skipped: SkippedEntry[] } {
  const { files, skipped } = walkDataFolder(dir, {
    accept: (name) => /\.ya?ml$/i.test(name) && name.toLowerCase() !== ROSTER_FILE_NAME,
    maxDepth: MAX_DEPTH,
  });
  const depth = (f: string): number => path.relative(dir, f).split(path.sep).length;
  return { files: files.sort((a, b) => depth(a) - depth(b) || a.localeCompare(b, 'zh-CN')), skipped };
}

/** The year a folder is named after (…/2024), if it is. */
export function yearOfFolder(dir: string): number | undefined {
  const name = path.basename(path.resolve(dir));
  return /^(19|20|21)\d\d$/.test(name) ? Number(name) : undefined;
}
