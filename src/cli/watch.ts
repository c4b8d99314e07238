// `fazhi watch FILE`: render, then render again each time the data file or a template is saved.
// A save that breaks the YAML prints the messages and leaves the last good output in place
// (renderOne writes nothing on errors). Stops with Ctrl+C.

import { existsSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { ExitCode, UserError } from '../diagnostic.js';
import { clearTemplateCache, templateFolders } from '../compose/template.js';
import type { CommandRun } from './command.js';
import { openSession, renderOne } from './render-session.js';

/** Editors save in bursts (write, rename, touch): one render per burst. */
const SETTLE_MS = 15;

export const runWatch: CommandRun = async (files, values, io) => {
  if (files.length !== 1) throw new UserError('请指定一个要监视的数据文件，例如：fazhi watch data/示例区/2024/report.yaml', ExitCode.Usage);
  const file = path.resolve(io.cwd, files[0]!);
  if (!existsSync(file)) throw new UserError(`找不到文件“${files[0]}”，请检查路径和文件名。`);
  const session = await openSession(values, io);
  const time = () => new Date().toLocaleTimeString('zh-CN', { hour12: false });

  const run = async (reason: string, templateSaved = false): Promise<void> => {
    const started = performance.now();
    io.out(`[${time()}] ${reason}`);
    // Compiled templates are kept while only the data changes.
    if (templateSaved) clearTemplateCache();
    const outcome = await renderOne(files[0]!, session, io, true);
    if (outcome.ok) io.out(`[${time()}] 已更新，用时 ${Math.round(performance.now() - started)} 毫秒。继续监视中（按 Ctrl+C 停止）。`);
    else io.out(`[${time()}] 保留上一次生成的文件。修改并保存后会自动重新生成。`);
  };

  await run(`开始监视 ${files[0]}`);

  // Watch folders rather than files: editors often save by writing a new file and renaming it.
  const folders = new Map<string, (name: string) => boolean>();
  folders.set(path.dirname(file), (name) => name === path.basename(file));
  for (const folder of templateFolders(session.templatesDir)) folders.set(folder, (name) => name.endsWith('.hbs'));

  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  let templateSaved = false;
  const changed = (what: string) => {
    clearTimeout(timer);
    templateSaved ||= what.endsWith('.hbs');
    timer = setTimeout(() => {
      const template = templateSaved;
      templateSaved = false;
      running = running.then(() => run(`${what} 已修改，重新生成……`, template));
    }, SETTLE_MS);
  };
  const watchers: FSWatcher[] = [];
  for (const [folder, matches] of folders) {
    watchers.push(
      watch(folder, (_event, name) => {
        if (name && matches(path.basename(String(name)))) changed(String(name));
      }),
    );
  }
  return await new Promise<ExitCode>((resolve) => {
    const stop = () => {
      for (const w of watchers) w.close();
      clearTimeout(timer);
      io.out('已停止监视。');
      resolve(ExitCode.Ok);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
};
