// The worker side of a batch: jobs in, results out, over a worker thread's port or a child
// process's IPC channel. Started as `fazhi __batch-worker` so that a worker runs the very entry
// the user ran (the bundle, or dist/ in development).

import { ExitCode, InternalError } from '../diagnostic.js';
import { isMainThread, parentPort } from 'node:worker_threads';
import { runJob, type Job } from './job.js';
import type { ReadyMessage } from './protocol.js';

const READY: ReadyMessage = { ready: true };

export async function runWorker(): Promise<ExitCode> {
  // Jobs one at a time: a worker is one core's worth of work.
  if (!isMainThread && parentPort) {
    const port = parentPort;
    let chain = Promise.resolve();
    port.on('message', (job: Job) => {
      chain = chain.then(async () => port.postMessage(await runJob(job)));
    });
    port.postMessage(READY);
    return new Promise<ExitCode>((resolve) => port.once('close', () => resolve(ExitCode.Ok)));
  }
  if (process.send) {
    let chain = Promise.resolve();
    process.on('message', (job: Job) => {
      chain = chain.then(async () => {
        process.send!(await runJob(job));
      });
    });
    process.send(READY);
    return new Promise<ExitCode>((resolve) => process.once('disconnect', () => resolve(ExitCode.Ok)));
  }
  throw new InternalError('batch worker started without a parent');
}
