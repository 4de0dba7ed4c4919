import { createApp } from '../../server/src/app';
import { createAppContext } from '../../server/src/bootstrap';
import { loadConfig } from '../../server/src/config';
import { createLogger } from '../../server/src/core/logger';
const lines: any[] = [];
const app = await createAppContext(
  loadConfig({
    NODE_ENV: 'test',
    SERVE_CLIENTS: 'off',
    DATABASE_URL: 'mysql://root@127.0.0.1:3306/xf_bench_lists',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-01',
    DATA_DIR: '/tmp/lb/d2',
    LOG_LEVEL: 'trace',
  }),
  createLogger('trace', {
    write: (l: string) => {
      const o = JSON.parse(l);
      if (o.sql) lines.push(o);
    },
  }),
);
(app.sequelize as any).options.logging = (sql: string, ms: number) => lines.push({ sql, ms });
const server = createApp(app).listen(0, '127.0.0.1');
await new Promise((r) => setTimeout(r, 200));
const url = `http://127.0.0.1:${(server.address() as any).port}`;
async function login(accountName: string) {
  const cap: any = await (await fetch(`${url}/api/auth/captcha`)).json();
  const peek: any = await (await fetch(`${url}/api/auth/captcha/${cap.captchaId}/peek`)).json();
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      channel: 'web',
      accountName,
      password: 'demo123456',
      captchaId: cap.captchaId,
      captchaText: peek.text,
    }),
  });
  return ((await res.json()) as any).accessToken;
}
for (const acct of (process.env.ACCTS ?? 'zongdui').split(',')) {
  const token = await login(acct);
  for (const p of process.argv.slice(2)) {
    for (let k = 0; k < 2; k++) {
      lines.length = 0;
      const t = performance.now();
      const r = await fetch(url + p, { headers: { authorization: `Bearer ${token}` } });
      const body = await r.text();
      const ms = performance.now() - t;
      if (k === 1) {
        console.log(
          `== ${acct} ${p} ${r.status} ${ms.toFixed(0)}ms ${body.length}B queries=${lines.length} sqlms=${lines.reduce((s, l) => s + (l.ms ?? 0), 0)}`,
        );
        for (const l of lines.slice(0, Number(process.env.SHOW ?? 12)))
          console.log(`  ${l.ms}ms ${l.sql.slice(0, 220)}`);
      }
    }
  }
}
server.close();
await app.close();
