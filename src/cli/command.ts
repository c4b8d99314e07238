// What every command module receives and returns: its own arguments, where to print, and the exit
// code. main.ts picks the command; the commands never import main.ts back.

import type { ExitCode } from '../diagnostic.js';

export interface CommandIO {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
  /** Whether `err` is a terminal that can redraw a line (default: process.stderr's). */
  terminal?: boolean;
  /**
   * The command line itself, for a front end that runs commands on the user's behalf (serve's
   * starting points and batch): passed in by main.ts, so that no module imports main.ts back.
   */
  commandLine?: CommandLine;
}

export type CommandLine = (argv: string[], io: CommandIO) => Promise<ExitCode>;

export type Values = Record<string, string | boolean | string[] | undefined>;
export type CommandRun = (positionals: string[], values: Values, io: CommandIO) => Promise<ExitCode>;
