// Running a batch's jobs on every core. Workers are the CLI itself started in worker mode
// (bin/fazhi.js __batch-worker), as threads (default) or as child processes; each takes the next
// job when it finishes one, so a slow report does not hold the others up. With one job, one
// core, or no built CLI to start, jobs run in this thread.

import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../paths.js';
import { runJob, type Job, type JobResult } from './job.js';
import { WORKER_COMMAND } from './worker.js';

export type WorkerKind = 'thread' | 'process' | 'inline';

export interface PoolOptions {
  /** Parallel workers; default: the number of cores. */
  workers?: number;
  kind?: WorkerKind;
  onResult?: (result: JobResult) => void;
}

interface Channel {
  send(job: Job): void;
  onMessage(handler: (message: JobResult | { ready: true }) => void): void;
  onExit(handler: (reason: string) => void): void;
  close(): Promise<void>;
}

const BIN = path.join(PACKAGE_ROOT, 'bin', 'fazhi.js');
const BUNDLE = path.join(PACKAGE_ROOT, 'dist', 'bundle', 'cli.mjs');

function threadChannel(): Channel {
  const worker = new Worker(BIN, { argv: [WORKER_COMMAND] });
  return {
    send: (job) => worker.postMessage(job),
    onMessage: (h) => worker.on('message', h),
    onExit: (h) => {
      worker.on('error', (e) => h(e.message));
      worker.on('exit', (code) => h(`退出码 ${code}`));
    },
    close: async () => {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}

function processChannel(): Channel {
  const child: ChildProcess = fork(BIN, [WORKER_COMMAND], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return {
    send: (job) => child.send(job),
    onMessage: (h) => child.on('message', (m) => h(m as JobResult | { ready: true })),
    onExit: (h) => {
      child.on('error', (e) => h(e.message));
      child.on('exit', (code) => h(`退出码 ${code}`));
    },
    close: async () => {
      child.removeAllListeners('exit');
      if (child.connected) child.disconnect();
    },
  };
}

/** How many workers to start for `jobs` jobs. */
export function workerCount(jobs: number, requested?: number): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(jobs, requested ?? cores));
}

async function runInline(jobs: readonly Job[], onResult?: (r: JobResult) => void): Promise<JobResult[]> {
  const out: JobResult[] = [];
  for (const job of jobs) {
    const r = await runJob(job);
    out.push(r);
    onResult?.(r);
  }
  return out;
}

export async function runJobs(jobs: readonly Job[], options: PoolOptions = {}): Promise<JobResult[]> {
  const count = workerCount(jobs.length, options.workers);
  const kind = options.kind ?? 'thread';
  // Workers start the built CLI; without it (running from the sources) the work stays here.
  if (kind === 'inline' || count <= 1 || !existsSync(BUNDLE)) return runInline(jobs, options.onResult);

  const queue = [...jobs];
  const results = new Map<number, JobResult>();
  const channels: Channel[] = [];
  await new Promise<void>((resolve) => {
    let running = 0;
    const finishIfDone = (): void => {
      if (results.size === jobs.length) resolve();
    };
    const start = (): void => {
      const channel = kind === 'process' ? processChannel() : threadChannel();
      channels.push(channel);
      running += 1;
      let current: Job | undefined;
      const next = (): void => {
        current = queue.shift();
        if (current) channel.send(current);
      };
      channel.onMessage((m) => {
        if ('ready' in m) return next();
        results.set(m.id, m);
        options.onResult?.(m);
        finishIfDone();
        next();
      });
      channel.onExit((reason) => {
        // A worker that dies takes only its current job with it; the others carry on.
        running -= 1;
        if (current && !results.has(current.id)) {
          const failed: JobResult = {
            id: current.id,
            file: current.file,
            status: 'errors',
            errors: 1,
            warnings: 0,
            errorLines: [`${current.file} 错误 fazhi 内部错误：处理这个文件的工作进程意外退出（${reason}），请报告给维护者。`],
            internalError: reason,
          };
          results.set(current.id, failed);
          options.onResult?.(failed);
          current = undefined;
        }
        if (running === 0 && queue.length > 0) {
          // No worker left: finish here rather than hang.
          void runInline(queue.splice(0), (r) => {
            results.set(r.id, r);
            options.onResult?.(r);
          }).then(finishIfDone);
        } else finishIfDone();
      });
    };
    for (let i = 0; i < count; i++) start();
  });
  await Promise.all(channels.map((c) => c.close()));
  return jobs.map((j) => results.get(j.id)!);
}
