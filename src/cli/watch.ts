// `fazhi watch FILE`: render, then render again each time the data file, a template (.hbs), the
// office's Word template (--reference-doc) or the layout profile (--profile) is saved. A save that
// breaks any of them prints the messages and leaves the last good output in place (renderOne
// writes nothing on errors; a broken layout file keeps the run from rendering). Stops with Ctrl+C.
//
// Watching starts before the first render and the first render waits for chokidar's `ready`:
// a save made while the first render runs (or right after “已更新” is printed) is seen and
// renders again, never lost.

import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { watch } from 'chokidar';
import { ExitCode, UserError } from '../diagnostic.js';
import { clearTemplateCache, templateFolders } from '../compose/template.js';
import type { CommandRun } from './command.js';
import { openSession, renderOne, sessionProfile } from './render-session.js';

/** Editors save in bursts (write, rename, touch): one render per burst. */
const SETTLE_MS = 15;

/**
 * How long after a render the data file is looked at once more. Reading the file for the render
 * changes its access time; chokidar sees that as an event and then ignores the file's events for
 * 5 ms. A save falling in that window (a quick second save, or a busy machine delaying the event)
 * would be lost: the look after the render finds it by the file's time and size.
 */
const RECHECK_MS = 60;

/** A watched file's modification time and size: what a save changes. */
function stamp(file: string): string {
  try {
    const s = statSync(file);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return 'missing';
  }
}

export const runWatch: CommandRun = async (files, values, io) => {
  if (files.length !== 1) throw new UserError('请指定一个要监视的数据文件，例如：fazhi watch data/示例区/2024/report.yaml', ExitCode.Usage);
  const file = path.resolve(io.cwd, files[0]!);
  if (!existsSync(file)) throw new UserError(`找不到文件“${files[0]}”，请检查路径和文件名。`);
  const session = await openSession(values, io);
  const time = () => new Date().toLocaleTimeString('zh-CN', { hour12: false });

  const layoutFiles = [values['reference-doc'], values.profile].filter((v): v is string => typeof v === 'string').map((v) => path.resolve(io.cwd, v));
  const isLayoutFile = (p: string) => layoutFiles.includes(path.resolve(p));
  /** The files whose stamps tell a save the watcher missed (the data file and the layout's). */
  const stamped = [file, ...layoutFiles];
  /** Each watched file's stamp when the last render began. */
  const rendered = new Map<string, string>();
  let recheck: NodeJS.Timeout | undefined;
  const run = async (reason: string, templateSaved = false, layoutSaved = false): Promise<void> => {
    const started = performance.now();
    for (const f of stamped) rendered.set(f, stamp(f));
    io.out(`[${time()}] ${reason}`);
    // Compiled templates are kept while only the data changes.
    if (templateSaved) clearTemplateCache();
    let ok = true;
    if (layoutSaved) {
      // The Word template or the profile is read again; a broken save is one message, like a
      // broken data file, and the last good output stays until it is saved again.
      try {
        session.options.profile = sessionProfile(values, io);
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        io.err(err.message);
        ok = false;
      }
    }
    if (ok) ok = (await renderOne(files[0]!, session, io, true)).ok;
    if (ok) io.out(`[${time()}] 已更新，用时 ${Math.round(performance.now() - started)} 毫秒。继续监视中（按 Ctrl+C 停止）。`);
    else io.out(`[${time()}] 保留上一次生成的文件。修改并保存后会自动重新生成。`);
    clearTimeout(recheck);
    recheck = setTimeout(() => {
      if (timer !== undefined) return;
      for (const f of stamped) if (stamp(f) !== rendered.get(f)) changed(f);
    }, RECHECK_MS);
  };

  // The data file itself (chokidar follows an editor's save by rename), the templates' folders,
  // for .hbs files only, and the --reference-doc and --profile files the layout comes from.
  const templates = templateFolders(session.options.templatesDir);
  const watcher = watch([file, ...templates, ...layoutFiles], {
    ignoreInitial: true,
    depth: 0,
    ignored: (p, stats) => Boolean(stats?.isFile()) && path.resolve(p) !== file && !isLayoutFile(p) && !p.endsWith('.hbs'),
  });

  let timer: NodeJS.Timeout | undefined;
  let templateSaved = false;
  let layoutSaved = false;
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  // Renders run one after another: the first, then one per burst of saves.
  let running = ready.then(() => run(`开始监视 ${files[0]}`));
  const changed = (changedPath: string) => {
    const what = path.basename(changedPath);
    clearTimeout(timer);
    templateSaved ||= what.endsWith('.hbs');
    layoutSaved ||= isLayoutFile(changedPath);
    timer = setTimeout(() => {
      timer = undefined;
      const template = templateSaved;
      const layout = layoutSaved;
      templateSaved = false;
      layoutSaved = false;
      running = running.then(() => run(`${what} 已修改，重新生成……`, template, layout));
    }, SETTLE_MS);
  };
  watcher.on('add', changed).on('change', changed);
  watcher.on('error', (err) => io.err(`监视文件时出错：${err instanceof Error ? err.message : String(err)}`));
  await running;

  return await new Promise<ExitCode>((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      clearTimeout(recheck);
      void watcher.close().then(() => {
        io.out('已停止监视。');
        resolve(ExitCode.Ok);
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
};
