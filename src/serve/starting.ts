// Starting points and the batch, run from the page: each is the command itself (cli/main.ts, passed in)
// with its output collected, so the files written are exactly those the command line writes.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unitNames } from '../data/report.js';
import { writeFileAtomic } from '../write/output-file.js';
import { PathError, resolveInside } from './guard.js';
import type { Workspace } from './workspace.js';

/** Where a command prints (the shape of cli/command.ts's CommandIO, which serve does not import). */
export interface CommandIO {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
  terminal?: boolean;
}

/** The command line itself (cli/main.ts's `main`), handed to the workbench by `fazhi serve`. */
export type CommandLine = (argv: string[], io: CommandIO) => Promise<number>;

export type Starting =
  | { kind: 'init'; level: string; unit: string; district?: string; year: string }
  | { kind: 'new-year'; path: string }
  | { kind: 'import'; name: string; target: string; bytes: Uint8Array }
  | { kind: 'batch'; group: string };

export interface CommandOutcome {
  /** The command's exit code (0 success, 1 problems, 2 usage). */
  code: number;
  /** What the command printed, line by line. */
  lines: string[];
  /** The data file written, inside the served folder, for the page to open. */
  opened?: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

export async function runCommand(main: CommandLine, ws: Workspace, start: Starting, onLine?: (line: string) => void): Promise<CommandOutcome> {
  const lines: string[] = [];
  const io: CommandIO = {
    out: (line) => {
      lines.push(line);
      onLine?.(line);
    },
    err: (line) => {
      lines.push(line);
      onLine?.(line);
    },
    cwd: ws.cwd,
    terminal: false,
  };
  let argv: string[];
  let opened: string | undefined;
  let temp: string | undefined;
  switch (start.kind) {
    case 'init': {
      const level = str(start.level);
      const unit = str(start.unit);
      const district = str(start.district);
      const year = str(start.year);
      // The place `fazhi init` chooses under data/, here under the served folder.
      let target: string | undefined;
      if (unit && /^\d{4}$/.test(year) && !/[\\/:*?"<>|]/.test(unit + district)) {
        if (level === 'district') target = `${unitNames('district', unit).short}/${year}/report.yaml`;
        else if ((level === 'department' || level === 'town') && district) target = `${district}/${year}/${level === 'department' ? 'departments' : 'towns'}/${unit}.yaml`;
      }
      argv = ['init', '--level', level, '--unit', unit, '--year', year, ...(district ? ['--district', district] : [])];
      if (target) {
        const absolute = resolveInside(ws.root, target, { write: true });
        argv.push('-o', ws.shown(absolute));
        opened = target;
      }
      break;
    }
    case 'new-year': {
      const absolute = resolveInside(ws.root, start.path);
      argv = ['new-year', ws.shown(absolute)];
      break;
    }
    case 'import': {
      const ext = path.extname(str(start.name)).toLowerCase();
      if (!['.txt', '.docx', '.html', '.htm'].includes(ext)) throw new PathError('只能导入 .txt、.docx 或 .html 文件（从政府网站复制的文字、Word 文档或保存的网页）。');
      const target = resolveInside(ws.root, start.target, { write: true });
      temp = mkdtempSync(path.join(os.tmpdir(), 'fazhi-import-'));
      // The original name (it is shown in the imported file's notes), stripped of anything path-like.
      const safe = path.basename(str(start.name)).replace(/[\\/:*?"<>|\u0000-\u001f]/g, '') || `原文${ext}`;
      const source = path.join(temp, safe);
      writeFileAtomic(source, start.bytes);
      argv = ['import', source, '-o', ws.shown(target)];
      opened = ws.relative(target);
      break;
    }
    case 'batch': {
      const dir = start.group ? resolveInside(ws.root, start.group) : ws.root;
      argv = ['batch', ws.shown(dir)];
      break;
    }
  }
  try {
    const code = await main(argv, io);
    // new-year names what it wrote: "已生成：data/示例区/2025/report.yaml（…）".
    if (start.kind === 'new-year') {
      const written = lines.map((l) => /^已生成：(.+?\.ya?ml)/.exec(l)?.[1]).find(Boolean);
      if (written) opened = ws.relative(path.resolve(ws.cwd, written));
    }
    return { code, lines, ...(code === 0 || start.kind === 'import' ? (opened ? { opened } : {}) : {}) };
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
    ws.changed();
  }
}
