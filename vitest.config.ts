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
    // expect.poll waits for a page to show a change; vitest's 1 s default is shorter than a
    // re-render takes on a loaded machine running the whole suite (the browser tests failed so).
    expect: { poll: { timeout: 10_000 } },
  },
});
