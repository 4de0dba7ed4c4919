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
    fileParallelism: false,
  },
});
