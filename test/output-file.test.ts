// Writing an output: through a temporary file created exclusively beside the target, so that
// another thread's or an earlier, killed run's temporary file is never written into or removed.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { TEMP_PREFIX, writeFileAtomic } from '../src/write/output-file.js';
import { scratchDir } from './helpers/cli.js';

describe('writeFileAtomic', () => {
  it('skips temporary names that already exist and leaves those files alone', () => {
    const dir = scratchDir();
    // Whatever the counter stands at in this process, these are the next names it would try.
    const stale = Array.from({ length: 300 }, (_, i) => path.join(dir, `${TEMP_PREFIX}${i + 1}.tmp`));
    for (const f of stale) writeFileSync(f, '上次中断留下的临时文件');
    for (let i = 0; i < 3; i++) writeFileAtomic(path.join(dir, '报告.docx'), new TextEncoder().encode(`第${i}版`));
    expect(readFileSync(path.join(dir, '报告.docx'), 'utf8')).toBe('第2版');
    for (const f of stale) expect(readFileSync(f, 'utf8')).toBe('上次中断留下的临时文件');
    expect(readdirSync(dir).filter((f) => !f.startsWith('.fazhi-'))).toEqual(['报告.docx']);
  });

  it('removes the temporary files of a killed run, and only those its naming marks as dead', () => {
    const dir = scratchDir();
    // A process id that has certainly ended: a child that has exited.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const host = TEMP_PREFIX.split('-')[1];
    const names = {
      deadHere: `.fazhi-${host}-${dead}-1.tmp`,
      deadOldFormat: `.fazhi-${dead}-7.tmp`,
      otherComputerFresh: `.fazhi-00000000-${dead}-1.tmp`,
      otherComputerOld: `.fazhi-00000001-${dead}-2.tmp`,
      runningHere: `.fazhi-${host}-${process.ppid}-3.tmp`,
      notOurs: '.fazhi-笔记.tmp',
    };
    for (const n of Object.values(names)) writeFileSync(path.join(dir, n), '中断留下的');
    const twoDaysAgo = new Date(Date.now() - 48 * 3600 * 1000);
    utimesSync(path.join(dir, names.otherComputerOld), twoDaysAgo, twoDaysAgo);
    writeFileAtomic(path.join(dir, '报告.docx'), new TextEncoder().encode('新'));
    expect(readdirSync(dir).sort()).toEqual([names.notOurs, names.otherComputerFresh, names.runningHere, '报告.docx'].sort());
  });

  it('gives threads of one process (same process id, same counter values) separate temporary files', async () => {
    const dir = scratchDir();
    // The built module (npm test builds first): a worker thread cannot load TypeScript on Node 20.
    const url = new URL('../dist/write/output-file.js', import.meta.url).href;
    // Two threads write 50 files each into one folder at the same time; every file must hold
    // what its own thread wrote.
    const code = `
      const { workerData } = require('node:worker_threads');
      import(workerData.url).then(({ writeFileAtomic }) => {
        for (let i = 0; i < 50; i++) writeFileAtomic(require('node:path').join(workerData.dir, workerData.name + i), new TextEncoder().encode(workerData.name + i));
      });`;
    const run = (name: string) =>
      new Promise<void>((resolve, reject) => {
        const w = new Worker(code, { eval: true, workerData: { url, dir, name } });
        w.on('error', reject);
        w.on('exit', (c) => (c === 0 ? resolve() : reject(new Error(`exit ${c}`))));
      });
    await Promise.all([run('甲'), run('乙')]);
    const files = readdirSync(dir);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(files).toHaveLength(100);
    for (const f of files) expect(readFileSync(path.join(dir, f), 'utf8')).toBe(f);
  });
});
