/**
 * Browser tests run against the real builds. Build a client when its output is missing or its sources (or
 * the shared domain code) changed since its last build — the same stamps `npm start` uses — so `npm test`
 * works on a fresh clone and never tests stale pages.
 */
import { execFileSync } from 'node:child_process';
import { clientBuilds, isCurrent, root, sourceHash, writeStamp } from '../start/builds';

for (const [key, build] of Object.entries(clientBuilds)) {
  if (isCurrent(build)) continue;
  console.log(`构建 ${build.name}…`);
  const hash = sourceHash(build);
  // The weapp build needs an https API base (wx.request takes no relative URL); a test build gets one that can
  // never resolve.
  const env = { ...process.env, XF_API_BASE: process.env.XF_API_BASE || 'https://api.example.invalid' };
  execFileSync('npm', build.npmArgs, {
    cwd: root,
    stdio: 'inherit',
    env: key === 'weapp' ? env : process.env,
  });
  writeStamp(build, hash);
}
