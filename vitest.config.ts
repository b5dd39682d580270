import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // dist/ compiled from the current sources before the tests that spawn the command.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    // Setup hooks do real work too (Chromium prints the PDF fixtures, suites import the seeds):
    // on a loaded 2-core machine that takes longer than vitest's 10 s default for hooks.
    hookTimeout: 60_000,
  },
});
