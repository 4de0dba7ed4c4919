/**
 * Browser tests run against the real builds. Build a client when its output is missing or older than
 * its sources (or the shared domain code), so `npm test` works on a fresh clone and never tests stale pages.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const targets = [
  {
    name: 'admin-web',
    output: 'admin-web/dist/index.html',
    sources: ['admin-web/src', 'admin-web/index.html', 'domain/src'],
    command: 'npm run build -w admin-web',
  },
  {
    name: 'H5',
    output: 'miniprogram/dist/h5/index.html',
    sources: ['miniprogram/src', 'miniprogram/config', 'domain/src'],
    command: 'npm run build:h5 -w miniprogram',
  },
  {
    name: 'weapp',
    output: 'miniprogram/dist/weapp/app.json',
    sources: ['miniprogram/src', 'miniprogram/config', 'domain/src'],
    command: 'npm run build:weapp -w miniprogram',
  },
];

for (const t of targets) {
  const out = path.join(root, t.output);
  const built = existsSync(out) ? statSync(out).mtimeMs : 0;
  const sources = Math.max(
    ...t.sources
      .map((s) => path.join(root, s))
      .filter(existsSync)
      .map((s) => (statSync(s).isDirectory() ? newestMtime(s) : statSync(s).mtimeMs)),
  );
  if (built >= sources) continue;
  console.log(`构建 ${t.name}（${built ? '源码已更新' : '尚未构建'}）…`);
  execSync(t.command, { cwd: root, stdio: 'inherit' });
}
