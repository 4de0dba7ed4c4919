/** Runs every benchmark in turn and prints their figures (npm run bench). */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
for (const bench of ['domain-bench.ts', 'registry-bench.ts', 'face-bench.ts', 'testing-report.ts']) {
  console.log(`\n=== ${bench}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join('scripts/bench', bench)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exitCode = 1;
}
