import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Migrates and seeds one database for the whole run; each test app starts on a copy of it.
    globalSetup: ['test/support/seeded-template.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Three files at a time: a test spends much of its time waiting for the database or a child process.
    maxWorkers: 3,
    // A worker runs its files one after another with the modules it already imported: importing the app for every
    // file cost about 200 s of each suite. Tests that need a fresh process start one themselves (face-init).
    isolate: false,
  },
});
