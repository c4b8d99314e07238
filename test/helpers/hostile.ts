// Shared by the hostile-input tests: the CLI run in-process (the same code as the `fazhi`
// command, minus starting Node, so a table of 40 inputs takes seconds), and checks on what a
// user gets back.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { ROOT } from './cli.js';

export const HOSTILE = path.join('test', 'fixtures', 'hostile');

export interface InProcessResult {
  code: number;
  stdout: string[];
  stderr: string[];
}

/** `fazhi <args>` in this process; relative paths are relative to the repository root. */
export async function runCli(args: string[], cwd = ROOT): Promise<InProcessResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(args, { out: (l) => stdout.push(...l.split('\n')), err: (l) => stderr.push(...l.split('\n')), cwd });
  return { code, stdout, stderr };
}

/** Every message line a user sees that is an error or warning, as `file[:line:col] 错误|警告 …`. */
export function diagnosticLines(lines: readonly string[]): string[] {
  return lines.filter((l) => / (错误|警告) /.test(l));
}

/** What a stack trace or an untranslated Node error looks like in output. */
export const STACK_TRACE = /\n\s+at |node:internal|\b(TypeError|RangeError|SyntaxError|ReferenceError|Error):|Unhandled|EPIPE/;

export function fixtureText(name: string): string {
  return readFileSync(path.join(ROOT, HOSTILE, name), 'utf8');
}
