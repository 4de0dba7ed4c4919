/**
 * Three 1 MB → 1 GiB Excel bombs uploaded at once to the registry import, against the real server in this
 * process: prints their answers, the peak RSS while they are handled, and /api/health latency meanwhile.
 * Run from the repo root: npx tsx scripts/bench/upload-bombs.ts
 */
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../server/src/app';
import { createAppContext } from '../../server/src/bootstrap';
import { loadConfig } from '../../server/src/config';
import { createLogger } from '../../server/src/core/logger';
import { ensureDetachments, seedDemoData, DEMO_PASSWORD } from '../../server/src/demo/seed';
import { zipBomb } from '../../server/test/hardening/zip-bomb';

const MB = 1024 * 1024;
const config = loadConfig({
  ...process.env,
  NODE_ENV: 'test',
  DATA_DIR: mkdtempSync(path.join(tmpdir(), 'xf-bench-')),
  LOG_LEVEL: 'silent',
  SERVE_CLIENTS: 'off',
});
const app = await createAppContext(config, createLogger('silent'));
await ensureDetachments();
await seedDemoData(app, { projects: false });
const server: Server = await new Promise((resolve) => {
  const s = createApp(app).listen(0, '127.0.0.1', () => resolve(s));
});
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
const json = async (p: string, init?: RequestInit) => (await fetch(base + p, init)).json() as Promise<any>;

const cap = await json('/api/auth/captcha');
const peek = await json(`/api/auth/captcha/${cap.captchaId}/peek`);
const login = await json('/api/auth/login', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    channel: 'web',
    accountName: 'zongdui',
    password: DEMO_PASSWORD,
    captchaId: cap.captchaId,
    captchaText: peek.text,
  }),
});
const token = login.accessToken as string;

const bomb = await zipBomb(1024 * MB);
console.log(`炸弹文件：${(bomb.length / MB).toFixed(2)} MB，解压后 1024 MB（三份同时上传）`);
// A first round warms the upload path (multer, yauzl, the JIT); the second is measured.
const upload = (i: number) => {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bomb)]), `bomb${i}.xlsx`);
  return fetch(`${base}/api/registry/ministry/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
};
await Promise.all([1, 2, 3].map(async (i) => (await upload(i)).arrayBuffer()));
const rssBefore = process.memoryUsage().rss;
let peak = rssBefore;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const healthMs: number[] = [];
let done = false;
const prober = (async () => {
  while (!done) {
    const t0 = performance.now();
    await fetch(`${base}/api/health`).then((r) => r.arrayBuffer());
    healthMs.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
})();
const t0 = performance.now();
const answers = await Promise.all(
  [1, 2, 3].map(async (i) => {
    const res = await upload(i);
    return { status: res.status, message: ((await res.json()) as any).error?.message };
  }),
);
const elapsed = performance.now() - t0;
done = true;
await prober;
clearInterval(sampler);
for (const a of answers) console.log(`  ${a.status} ${a.message}`);
console.log(`三份处理完毕：${elapsed.toFixed(0)} ms`);
console.log(
  `RSS：开始 ${(rssBefore / MB).toFixed(0)} MB，峰值 ${(peak / MB).toFixed(0)} MB（+${((peak - rssBefore) / MB).toFixed(0)} MB）`,
);
healthMs.sort((a, b) => a - b);
console.log(
  `期间 /api/health：${healthMs.length} 次，最慢 ${healthMs.at(-1)!.toFixed(1)} ms，中位 ${healthMs[Math.floor(healthMs.length / 2)]!.toFixed(1)} ms`,
);
server.close();
await app.close();
process.exit(0);
