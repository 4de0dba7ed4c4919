import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'e2e/**/*.test.ts',
      'e2e/**/*.e2e.ts',
      'demo-data/**/*.test.ts',
      'bench/**/*.test.ts',
      'start/**/*.test.ts',
    ],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Two browser files at a time: each starts its own server (free port, own data folder) and its own Chromium,
    // and spends most of its time waiting for pages, so two share the two cores without starving each other.
    maxWorkers: 2,
    // A page on a busy shared machine may take seconds to show what a poll waits for (a CI run failed at the
    // 1 s default); a poll still fails when the thing never appears.
    expect: { poll: { timeout: 30_000, interval: 200 } },
  },
});
