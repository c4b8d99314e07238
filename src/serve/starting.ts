// Starting points and the batch, run from the page: each is the command's own run function
// (cli/init.ts, new-year.ts, import.ts, batch.ts) with its output collected, so the files written
// are exactly those the command line writes.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CommandIO, CommandRun, Values } from '../cli/command.js';
import { ExitCode, UserError } from '../diagnostic.js';
import { unitNames } from '../cli/skeleton.js';
import { writeFileAtomic } from '../write/output-file.js';
import { PathError, resolveInside } from './guard.js';
import type { Workspace } from './workspace.js';

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

export async function runCommand(ws: Workspace, start: Starting, onLine?: (line: string) => void): Promise<CommandOutcome> {
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
  let run: CommandRun;
  let positionals: string[] = [];
  let values: Values = {};
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
      run = (await import('../cli/init.js')).runInit;
      values = { level, unit, year, ...(district ? { district } : {}) };
      if (target) {
        const absolute = resolveInside(ws.root, target, { write: true });
        values.output = ws.shown(absolute);
        opened = target;
      }
      break;
    }
    case 'new-year': {
      const absolute = resolveInside(ws.root, start.path);
      run = (await import('../cli/new-year.js')).runNewYear;
      positionals = [ws.shown(absolute)];
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
      run = (await import('../cli/import.js')).runImport;
      positionals = [source];
      values = { output: ws.shown(target) };
      opened = ws.relative(target);
      break;
    }
    case 'batch': {
      const dir = start.group ? resolveInside(ws.root, start.group) : ws.root;
      run = (await import('../cli/batch.js')).runBatch;
      positionals = [ws.shown(dir)];
      break;
    }
  }
  try {
    let code: ExitCode;
    try {
      code = await run(positionals, values, io);
    } catch (err) {
      // As cli/main.ts answers it: the command's own sentence and exit code.
      if (!(err instanceof UserError)) throw err;
      io.err(err.message);
      code = err.exitCode;
    }
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
