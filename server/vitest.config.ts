import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Files run in separate workers; two at a time keeps SQLite builds and the face model within 2 cores.
    maxWorkers: 2,
  },
});
