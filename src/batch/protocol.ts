// Between a batch and its workers: the command a worker is started with and the first message
// it sends. Kept free of imports so that the CLI entry can name it without loading anything.

/** `fazhi __batch-worker`: the CLI started as a worker (not a command for users, not in the help). */
export const WORKER_COMMAND = '__batch-worker';

export interface ReadyMessage {
  ready: true;
}
