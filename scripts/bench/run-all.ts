/** Runs every benchmark in turn and prints their figures (npm run bench). */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The submission bench (against a raw INSERT) and the lists bench need MariaDB/MySQL: they run when MYSQL_URL names it.
const benches = ['domain-bench.ts', 'registry-bench.ts', 'face-bench.ts', 'testing-report.ts'];
if (process.env.MYSQL_URL) benches.push('testing-submission.ts', 'maintenance-submission.ts', 'lists.ts');
for (const bench of benches) {
  console.log(`\n=== ${bench}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join('scripts/bench', bench)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exitCode = 1;
}
