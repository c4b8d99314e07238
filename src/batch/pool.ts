// Running a batch's jobs on every core. Workers are the CLI itself started in worker mode
// (bin/fazhi.js __batch-worker), as threads (default) or as child processes; each takes the next
// job when it finishes one, so a slow report does not hold the others up. With few jobs, one
// core, or no built CLI to start, jobs run in this thread. Threads and processes measured alike
// (200 reports on 2 busy cores: 4.3–4.4 s each, one thread 4.4–4.9 s); threads start lighter.

import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../paths.js';
import type { Job, JobResult, RenderJob } from './job.js';
import { WORKER_COMMAND, type ReadyMessage } from './protocol.js';

export type WorkerKind = 'thread' | 'process' | 'inline';

export interface PoolOptions {
  /** Parallel workers; default: one per core, when there is enough work for each (JOBS_PER_WORKER). */
  workers?: number;
  /** Force this kind of worker (measurements, tests); default: threads when worth starting. */
  kind?: WorkerKind;
  onResult?: (result: JobResult) => void;
  /**
   * Renders each report in place of `renderFile`. A function cannot cross to a worker, so the
   * jobs then run in this thread (tests that make one report fail inside the tool).
   */
  render?: RenderJob;
}

interface Channel {
  send(job: Job): void;
  onMessage(handler: (message: JobResult | ReadyMessage) => void): void;
  onExit(handler: (reason: string) => void): void;
  close(): Promise<void>;
}

const BIN = path.join(PACKAGE_ROOT, 'bin', 'fazhi.js');
const BUNDLE = path.join(PACKAGE_ROOT, 'dist', 'bundle', 'cli.cjs');

function onceOnly(h: (reason: string) => void): (reason: string) => void {
  let called = false;
  return (reason) => {
    if (called) return;
    called = true;
    h(reason);
  };
}

/**
 * Heap limit of one worker, in MB. A worker that reaches it is stopped (a thread) or dies (a
 * process) and takes only its current report with it; without a limit, a thread inherits the
 * whole process's and one hostile report could take the machine's memory before failing.
 * FAZHI_BATCH_WORKER_MEMORY_MB changes it (tests use a small one).
 */
export function workerMemoryMb(env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env.FAZHI_BATCH_WORKER_MEMORY_MB);
  return Number.isInteger(asked) && asked >= 16 ? asked : DEFAULT_WORKER_MEMORY_MB;
}
/** A report's work takes tens of MB; a district's roll-up over a province's roster some hundreds. */
const DEFAULT_WORKER_MEMORY_MB = 1024;

/**
 * Young generation of a worker thread, in MB. Why: a batch's peak memory grew with the number of
 * reports (200 / 1,000 / 5,000: 137 / 174 / 204 MB RSS) although nothing is kept per report (with
 * a forced GC the heap stays at 17–18 MB from the 500th report to the 3,000th; the results the
 * summary needs are about 250 bytes each). What grew was V8's sizing of each worker's heap: the
 * scavenger's semi-spaces widen step by step to 16 MB each under this allocation rate (48 MB of
 * young generation per worker), and the old generation's limit rises with the garbage promoted
 * between full collections, until a plateau after some 1,500 reports. Capping the young
 * generation at 16 MB (semi-spaces of about 5 MB) cost no CPU time in interleaved runs of 1,000
 * reports (8.4–8.8 s against 8.9–9.6 s CPU) and took 23 MB off the peak; 8 MB cost 10 % more CPU.
 */
const WORKER_YOUNG_GENERATION_MB = 16;

function threadChannel(): Channel {
  const worker = new Worker(BIN, {
    argv: [WORKER_COMMAND],
    resourceLimits: { maxOldGenerationSizeMb: workerMemoryMb(), maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });
  return {
    send: (job) => worker.postMessage(job),
    onMessage: (h) => worker.on('message', h),
    onExit: (h) => {
      // An error is followed by an exit: report the first only.
      const once = onceOnly(h);
      worker.on('error', (e) => once((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? OUT_OF_MEMORY : e.message));
      worker.on('exit', (code) => once(`退出码 ${code}`));
    },
    close: async () => {
      worker.removeAllListeners('exit');
      worker.removeAllListeners('error');
      await worker.terminate();
    },
  };
}

function processChannel(): Channel {
  const child: ChildProcess = fork(BIN, [WORKER_COMMAND], {
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    execArgv: [...process.execArgv.filter((a) => !a.startsWith('--max-old-space-size')), `--max-old-space-size=${workerMemoryMb()}`],
  });
  return {
    send: (job) => child.send(job),
    onMessage: (h) => child.on('message', (m) => h(m as JobResult | ReadyMessage)),
    onExit: (h) => {
      const once = onceOnly(h);
      child.on('error', (e) => once(e.message));
      // V8 ends a process out of memory with SIGABRT (or SIGTRAP), after printing to stderr.
      child.on('exit', (code, signal) => once(signal === 'SIGABRT' || signal === 'SIGTRAP' || code === 134 ? OUT_OF_MEMORY : `退出码 ${code ?? signal}`));
    },
    close: async () => {
      child.removeAllListeners('exit');
      child.removeAllListeners('error');
      if (child.connected) child.disconnect();
    },
  };
}

/**
 * Reports per worker below which a worker does not pay for its start (loading the CLI, warming
 * up the compiler: about 0.4 s). Measured on 2 cores: 20 reports take 0.9 s in one thread and
 * 1.2–1.4 s with two workers; from about 40 on, two workers are as fast or faster.
 */
export const JOBS_PER_WORKER = 20;

/** How many workers to start for `jobs` jobs: `requested` (--jobs), else one per core that has enough to do. */
export function workerCount(jobs: number, requested?: number, forced = false): number {
  // The cores this process may use (CPU affinity), not all the machine has.
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  // More workers than cores only adds memory (`--jobs 1000` started a thread per report).
  const worthwhile = Math.min(cores, requested ?? (forced ? cores : Math.floor(jobs / JOBS_PER_WORKER)));
  return Math.max(1, Math.min(jobs, worthwhile));
}

/** Why a worker stopped, when it ran out of memory (the user's words: the file is too large). */
const OUT_OF_MEMORY = 'out-of-memory';

function crashLine(file: string, reason: string): string {
  return reason === OUT_OF_MEMORY
    ? `${file} 错误 处理这个文件时用尽了内存（上限 ${workerMemoryMb()} MB），已停止处理这一份，其余各份照常处理。请检查文件中是否有异常庞大或层层重复的内容。`
    : `${file} 错误 fazhi 内部错误：处理这个文件的工作进程意外退出（${reason}），请报告给维护者。`;
}

async function runInline(jobs: readonly Job[], onResult?: (r: JobResult) => void, render?: RenderJob): Promise<JobResult[]> {
  // Loaded only when the work is done here: with workers, this thread never validates or renders.
  const { runJob } = await import('./job.js');
  const out: JobResult[] = [];
  for (const job of jobs) {
    const r = await runJob(job, render);
    out.push(r);
    onResult?.(r);
  }
  return out;
}

export async function runJobs(jobs: readonly Job[], options: PoolOptions = {}): Promise<JobResult[]> {
  const count = workerCount(jobs.length, options.workers, options.kind !== undefined);
  const kind = options.kind ?? 'thread';
  // Workers start the built CLI; without it (running from the sources) the work stays here. A
  // kind asked for explicitly gets workers even for one (measurements, tests of a crash).
  if (kind === 'inline' || options.render || (count <= 1 && options.kind === undefined) || jobs.length === 0 || !existsSync(BUNDLE)) {
    return runInline(jobs, options.onResult, options.render);
  }

  const queue = [...jobs];
  const results = new Map<number, JobResult>();
  const channels: Channel[] = [];
  await new Promise<void>((resolve) => {
    let running = 0;
    let restarts = 0;
    const finishIfDone = (): void => {
      if (results.size === jobs.length) resolve();
    };
    const start = (): void => {
      const channel = kind === 'process' ? processChannel() : threadChannel();
      channels.push(channel);
      running += 1;
      let current: Job | undefined;
      let tookJob = false;
      const next = (): void => {
        current = queue.shift();
        if (current) {
          tookJob = true;
          channel.send(current);
        }
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
            errorLines: [crashLine(current.file, reason)],
            ...(reason === OUT_OF_MEMORY ? {} : { internalError: reason }),
          };
          results.set(current.id, failed);
          options.onResult?.(failed);
          current = undefined;
        }
        // The dead worker's place is taken by a new one while there is work; a worker that dies
        // before taking any job (it cannot start) is not replaced, so this cannot loop.
        if (queue.length > 0 && tookJob && restarts < jobs.length) {
          restarts += 1;
          start();
        } else if (running === 0 && queue.length > 0) {
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
