// `--previous` reaches validate and render through the command's context rather than through
// every function between main.ts and the pipeline. Kept free of other imports so the CLI can
// load it without loading the pipeline.

import { AsyncLocalStorage } from 'node:async_hooks';

const option = new AsyncLocalStorage<{ previous?: string }>();

export function withPreviousOption<T>(previous: string | undefined, run: () => T): T {
  return option.run(previous === undefined ? {} : { previous }, run);
}

export function previousOption(): string | undefined {
  return option.getStore()?.previous;
}
