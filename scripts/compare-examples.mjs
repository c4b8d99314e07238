#!/usr/bin/env node
// Byte comparison of what users get, between two builds: every example report under data/示例区
// rendered with the national layout and with the variant profile (.docx and .html), and the
// task table with per-unit lists, by this worktree's built CLI and by a git ref's (default: main).
// A refactoring that should not change the user's documents must print "identical" for all.
//
//   npm run build && node scripts/compare-examples.mjs [ref]
//
// The default ref is where this branch last took in main (git merge-base HEAD main): the
// comparison then shows this branch's own changes, not what main gained since.
//
// Exits 1 when any file differs or exists on one side only.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ref = process.argv[2] ?? execFileSync('git', ['-C', ROOT, 'merge-base', 'HEAD', 'main'], { encoding: 'utf8' }).trim();
const EXAMPLES = path.join(ROOT, 'data', '示例区');
const VARIANT = path.join(ROOT, 'profiles', '示例省变体.yaml');

function reports(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...reports(full));
    else if (entry.name.endsWith('.yaml') && entry.name !== 'units.yaml') out.push(full);
  }
  return out.sort();
}

function run(bin, args, cwd) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FAZHI_CACHE: 'off', FAZHI_CODE_CACHE: 'off' },
  });
  return `${r.status}\n${r.stdout}${r.stderr}`;
}

/** Renders everything with `bin` into `out`; returns the messages printed, per command. */
function renderAll(bin, out) {
  const log = [];
  for (const file of reports(EXAMPLES)) {
    const name = path.relative(EXAMPLES, file).replace(/\.yaml$/, '').split(path.sep).join('_');
    log.push(run(bin, ['render', file, '--html', '-o', path.join(out, 'national', name)], ROOT));
    log.push(run(bin, ['render', file, '--html', '--profile', VARIANT, '-o', path.join(out, 'variant', name)], ROOT));
  }
  const district = path.join(EXAMPLES, '2024', 'report.yaml');
  log.push(run(bin, ['tasks', district, '--per-unit', '-o', path.join(out, 'tasks')], ROOT));
  // With --profile once the ref supports it (refused with exit 2 before: then nothing to compare).
  if (process.env.COMPARE_TASKS_PROFILE === '1') log.push(run(bin, ['tasks', district, '--per-unit', '--profile', VARIANT, '-o', path.join(out, 'tasks-variant')], ROOT));
  return log.map((l) => l.split(out).join('<out>'));
}

function files(dir, base = dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full, base) : [path.relative(base, full)];
  });
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'compare-examples-'));
// The other build: the ref's files, built.
const other = path.join(scratch, 'ref');
try {
  execFileSync('mkdir', ['-p', other]);
  execFileSync('bash', ['-c', `git -C "${ROOT}" archive "${ref}" | tar -x -C "${other}"`]);
  // The ref's own dependencies when its lockfile differs (npm ci builds it through `prepare`).
  if (readFileSync(path.join(other, 'package-lock.json'), 'utf8') === readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) {
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(other, 'node_modules'), 'dir');
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: other, stdio: ['ignore', 'ignore', 'inherit'] });
  } else {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--silent'], { cwd: other, stdio: ['ignore', 'ignore', 'inherit'] });
  }

  const a = path.join(scratch, 'before');
  const b = path.join(scratch, 'after');
  const logA = renderAll(path.join(other, 'bin', 'fazhi.js'), a);
  const logB = renderAll(path.join(ROOT, 'bin', 'fazhi.js'), b);

  let differ = 0;
  const all = [...new Set([...files(a), ...files(b)])].sort();
  for (const rel of all) {
    const x = existsSync(path.join(a, rel)) ? readFileSync(path.join(a, rel)) : undefined;
    const y = existsSync(path.join(b, rel)) ? readFileSync(path.join(b, rel)) : undefined;
    const status = !x ? 'only after' : !y ? 'only before' : x.equals(y) ? 'identical' : 'DIFFERENT';
    if (status !== 'identical') differ++;
    console.log(`${status.padEnd(11)} ${String(y?.length ?? x?.length).padStart(7)} B  ${rel}`);
  }
  logA.forEach((l, i) => {
    if (l !== logB[i]) {
      differ++;
      console.log(`messages differ:\n--- ${ref}\n${l}\n--- this build\n${logB[i]}`);
    }
  });
  console.log(`${all.length} files compared with ${ref}: ${differ === 0 ? 'all identical' : `${differ} differences`}`);
  process.exitCode = differ === 0 && all.length > 0 ? 0 : 1;
} finally {
  // COMPARE_KEEP=1 keeps both sets of outputs for a closer look.
  if (process.env.COMPARE_KEEP === '1') console.log(`outputs kept in ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
