// `fazhi serve [DIR] [--port N] [--no-open]`: the workbench (src/serve) on 127.0.0.1, opened in
// the default browser. Runs until Ctrl+C.

import { spawn } from 'node:child_process';
import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { ExitCode, UserError } from '../diagnostic.js';
import type { CommandRun } from './command.js';

function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', `"${url}"`]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command as string, args as string[], { detached: true, stdio: 'ignore', windowsHide: true, windowsVerbatimArguments: true });
    // No browser to open (a server without a desktop): the address is printed anyway.
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // As above.
  }
}

export const runServe: CommandRun = async (inputs, values, io) => {
  if (inputs.length > 1) throw new UserError('请只指定一个数据文件夹，例如：fazhi serve data', ExitCode.Usage);
  const given = inputs[0] ?? (existsSync(path.join(io.cwd, 'data')) ? 'data' : '.');
  const dir = path.resolve(io.cwd, given);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`找不到文件夹“${given}”，请检查路径。`, ExitCode.Usage);
  let port = 0;
  if (typeof values.port === 'string') {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UserError('--port 后面应写 1 到 65535 之间的端口号，例如 --port 8080。', ExitCode.Usage);
  }
  const { startWorkbench } = await import('../serve/server.js');
  let bench;
  try {
    bench = await startWorkbench({ root: realpathSync(dir), cwd: io.cwd, port, ...(io.commandLine ? { commandLine: io.commandLine } : {}) });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UserError(`端口 ${port} 已被占用，请换一个端口（--port），或不写 --port 自动选择。`);
    if (code === 'EACCES') throw new UserError(`没有权限使用端口 ${port}，请换一个大于 1024 的端口。`);
    throw err;
  }
  io.out(`工作台已启动，数据文件夹：${path.relative(io.cwd, dir) || '.'}`);
  io.out(`请在浏览器中打开：${bench.url}`);
  io.out('（地址中带有访问口令，只在本机有效；按 Ctrl+C 停止。）');
  if (!values['no-open']) openBrowser(bench.url);
  return await new Promise<ExitCode>((resolve) => {
    const stop = (): void => {
      void bench.close().then(() => {
        io.out('工作台已停止。');
        resolve(ExitCode.Ok);
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
};
