// Commands the tool prints as next steps, written so that they run when pasted: inside the
// project folder `npx fazhi` (the project's own command, no global install needed); elsewhere
// `fazhi` (installed once with `npm install -g .` or `npm link`, see the README). Paths with
// spaces or shell characters are quoted; double quotes work in cmd.exe, PowerShell and sh.

import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

export function quoteArg(arg: string): string {
  return /^[\p{L}\p{N}_./\\:@%+=,-]+$/u.test(arg) ? arg : `"${arg.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** How to start the tool from `cwd`: `npx fazhi` inside the project folder, else `fazhi`. */
export function fazhiCommand(cwd: string): string {
  const relative = path.relative(PACKAGE_ROOT, path.resolve(cwd));
  const inside = relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  return inside ? 'npx fazhi' : 'fazhi';
}

/** A command line to print: `npx fazhi validate "data/某 区/2025/report.yaml"`. */
export function commandLine(cwd: string, ...args: string[]): string {
  return [fazhiCommand(cwd), ...args.map(quoteArg)].join(' ');
}
