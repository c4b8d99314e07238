import { defineConfig } from 'vitest/config';

// The layout tests need LibreOffice and poppler-utils (see .ci/run); they run on their own.
export default defineConfig({
  test: {
    include: ['test/layout/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
