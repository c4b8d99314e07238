// The thin CLI: picks a command, loads only that command's module, and turns every expected
// failure into a Chinese message and an exit code (the ExitCode table in diagnostic.ts).
// Only this file decides the process exit code; bin/fazhi.js sets it.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import { WORKER_COMMAND } from '../batch/protocol.js';
import { ExitCode, UserError } from '../diagnostic.js';
import type { CommandIO, CommandRun, Values } from './command.js';
import { COMMANDS, MAIN_HELP, type CommandName } from './help.js';

// bin/fazhi.js turns the cache of the district's other files on, naming the build (disk-cache.ts).
export { enableDiskCache } from '../load/disk-cache.js';


const defaultIO: CommandIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
};

async function loadCommand(name: CommandName): Promise<CommandRun> {
  switch (name) {
    case 'validate':
      return (await import('./validate.js')).runValidate;
    case 'render':
      return (await import('./render.js')).runRender;
    case 'watch':
      return (await import('./watch.js')).runWatch;
    case 'batch':
      return (await import('./batch.js')).runBatch;
    case 'tasks':
      return (await import('./tasks.js')).runTasks;
    case 'init':
      return (await import('./init.js')).runInit;
    case 'new-year':
      return (await import('./new-year.js')).runNewYear;
    case 'import':
      return (await import('./import.js')).runImport;
    case 'serve':
      return (await import('./serve.js')).runServe;
  }
}

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

/** The option as the user typed it (`-o` or `--output`), for a message about its value. */
function optionAsTyped(args: readonly string[], spec: Record<string, { short?: string }>, described: string): string {
  const long = /--([\w-]+)/.exec(described)?.[1];
  const short = long ? spec[long]?.short : undefined;
  const typed = [...args].reverse().find((a) => a === `--${long}` || (short !== undefined && a === `-${short}`));
  return typed ?? (long ? `--${long}` : described.split(/[ ,]/)[0]!);
}

export async function main(argv: string[], io: CommandIO = defaultIO): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    io.out(topic && isCommand(topic) ? COMMANDS[topic].help : MAIN_HELP);
    return ExitCode.Ok;
  }
  // A worker of `fazhi batch` (see src/batch/pool.ts): not a command for users, not in the help.
  // Only a batch starts one (a worker thread, or a child process with an IPC channel); typed by
  // hand it is just an unknown command.
  if (first === WORKER_COMMAND && (!isMainThread || typeof process.send === 'function')) return (await import('../batch/worker.js')).runWorker();
  if (first === '--version' || first === '-v') {
    io.out('fazhi-report 0.1.0');
    return ExitCode.Ok;
  }
  if (!isCommand(first)) {
    io.err(`未知的命令“${first}”。可用的命令：${Object.keys(COMMANDS).join('、')}。运行 fazhi --help 查看说明。`);
    return ExitCode.Usage;
  }
  const command = COMMANDS[first];
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: rest, options: command.options as ParseArgsConfig['options'], allowPositionals: true, strict: true }) as {
      values: Values;
      positionals: string[];
    };
  } catch (err) {
    const code = (err as { code?: string }).code;
    const option = /'([^']+)'/.exec((err as Error).message)?.[1] ?? '';
    const message =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `未知的选项“${option}”。`
        : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? `选项“${optionAsTyped(rest, command.options, option)}”后面需要写一个值。`
          : '命令行参数有误。';
    io.err(`${message}运行 fazhi ${first} --help 查看用法。`);
    return ExitCode.Usage;
  }
  if (parsed.values.help) {
    io.out(command.help);
    return ExitCode.Ok;
  }
  const commandIO: CommandIO = { ...io, commandLine: (argv, sub) => main(argv, sub) };
  try {
    const run = await loadCommand(first);
    return await run(parsed.positionals, parsed.values, commandIO);
  } catch (err) {
    if (err instanceof UserError) {
      io.err(err.message);
      return err.exitCode;
    }
    // A bug of ours, not a problem with the user's data: say so, without a stack trace.
    io.err(`fazhi 内部错误：${err instanceof Error ? err.message : String(err)}`);
    io.err('这不是您数据的问题。请把这条信息和所用的数据文件报告给维护者。');
    if (process.env.FAZHI_DEBUG) io.err(err instanceof Error ? (err.stack ?? '') : '');
    return ExitCode.Internal;
  }
}
