// What every command module receives and returns: its own arguments, where to print, and the exit
// code. main.ts picks the command; the commands never import main.ts back.

import type { ExitCode } from '../diagnostic.js';

export interface CommandIO {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

export type Values = Record<string, string | boolean | string[] | undefined>;
export type CommandRun = (positionals: string[], values: Values, io: CommandIO) => Promise<ExitCode>;
