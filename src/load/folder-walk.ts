// Finding the data files under a folder (batch, the sub-reports of a roll-up, new-year of a
// folder) without leaving it: a link to /usr made a batch walk the whole system, and a link to a
// folder above it walked in circles. Links are followed only to places inside the folder, each
// folder and each file is visited once (by its real path), and the walk is bounded in depth and
// in the number of entries, so that no folder layout can make it run on.

import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';

export interface SkippedEntry {
  /** The entry as found under the folder. */
  path: string;
  /** Why it was skipped, one Chinese clause. */
  reason: string;
}

export interface FolderWalk {
  files: string[];
  skipped: SkippedEntry[];
}

export interface WalkOptions {
  /** Which file names count (.yaml, .yml). */
  accept: (name: string) => boolean;
  /** Levels of folders below the root that are entered (0: the root's own files only). */
  maxDepth: number;
  /** Entries looked at, at most: a folder of a province's reports holds some thousands. */
  maxEntries?: number;
}

export const MAX_WALK_ENTRIES = 50_000;

function inside(root: string, real: string): boolean {
  const relative = path.relative(root, real);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** Files under `root` (paths as found, not resolved), in directory order, and what was skipped. */
export function walkDataFolder(root: string, options: WalkOptions): FolderWalk {
  const files: string[] = [];
  const skipped: SkippedEntry[] = [];
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return { files, skipped };
  }
  const seenDirs = new Set<string>([realRoot]);
  const seenFiles = new Map<string, string>();
  const limit = options.maxEntries ?? MAX_WALK_ENTRIES;
  let entries = 0;
  // Breadth first, files before folders: the file nearest the root is the one kept when a link
  // elsewhere names it again (report.yaml, not towns/link.yaml).
  const queue: { dir: string; real: string; depth: number }[] = [{ dir: root, real: realRoot, depth: 0 }];
  while (queue.length > 0) {
    const { dir, real: realDir, depth } = queue.shift()!;
    let list: Dirent[];
    try {
      list = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable folder: nothing to take from it
    }
    list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const folders: { dir: string; real: string }[] = [];
    for (const entry of list) {
      if (entry.name.startsWith('.')) continue;
      if (++entries > limit) {
        skipped.push({ path: dir, reason: `文件夹中的文件和文件夹超过 ${limit} 个，其余的没有查看` });
        return { files, skipped };
      }
      const full = path.join(dir, entry.name);
      let real = path.join(realDir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          real = realpathSync(full);
          const stat = statSync(real);
          isDir = stat.isDirectory();
          isFile = stat.isFile();
        } catch {
          if (options.accept(entry.name)) skipped.push({ path: full, reason: '是一个失效的链接（指向的文件不存在），已跳过' });
          continue;
        }
        if (!inside(realRoot, real)) {
          if (isDir || options.accept(entry.name)) skipped.push({ path: full, reason: `是指向文件夹之外（${real}）的链接，已跳过` });
          continue;
        }
      }
      if (isDir) {
        if (depth >= options.maxDepth) continue;
        if (seenDirs.has(real)) {
          skipped.push({ path: full, reason: '是指向已查看过的文件夹的链接（链接循环），已跳过' });
          continue;
        }
        seenDirs.add(real);
        folders.push({ dir: full, real });
      } else if (isFile && options.accept(entry.name)) {
        const first = seenFiles.get(real);
        if (first !== undefined) {
          skipped.push({ path: full, reason: `与“${first}”是同一个文件（链接），已跳过` });
          continue;
        }
        seenFiles.set(real, full);
        files.push(full);
      }
    }
    for (const f of folders) queue.push({ ...f, depth: depth + 1 });
  }
  return { files, skipped };
}
