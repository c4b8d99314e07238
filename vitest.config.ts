import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/layout/**', 'node_modules/**'],
    testTimeout: 30_000,
    setupFiles: ['test/helpers/cleanup.ts'],
    // No test may leave a fazhi-* folder in the system temp folder (test/helpers/temp-check.ts).
    globalSetup: ['test/helpers/temp-check.ts'],
  },
});
