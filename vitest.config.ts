import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Runs the suite in a temp directory of its own and fails the run when a test leaks a file there.
    globalSetup: ['test/support/temp-dir-guard.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests start their own registry processes; keep the 2-core machine responsive.
    maxWorkers: 2,
    // The JSON report feeds the one-line tally scripts/test prints for CI.
    reporters: ['default', ['json', { outputFile: '.cache/vitest-results.json' }]],
  },
});
