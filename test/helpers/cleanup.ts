// Setup file of every test file (vitest.config.ts): the scratch folders a test file made are
// removed after its last test, whatever the outcome.
import { afterAll } from 'vitest';
import { removeScratchFolders } from './cli.js';

afterAll(() => removeScratchFolders());
