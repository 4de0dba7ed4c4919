/**
 * What each list request costs the database, measured one request at a time (so the figures hold on a loaded
 * machine, unlike the throughput of scripts/bench/lists.ts): per list endpoint and account, the SQL statements
 * one request runs, the median of the request's wall time and of its summed statement times over a few
 * sequential requests, and the EXPLAIN of every SELECT with the rows MariaDB expects to examine, flagging full
 * scans, filesorts and temporary tables.
 *
 * Run from the repo root after `npm run bench:lists -w scripts` has seeded the database:
 *   npm run bench:lists-queries -w scripts -- [--only=projects,institutions] [--explain] [--sql]
 *   MYSQL_URL (default mysql://root@127.0.0.1:3306/), BENCH_DB (default xf_bench_lists), ROUNDS (default 5).
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { QueryTypes } from 'sequelize';
import { createApp } from '../../server/src/app';
import { createAppContext } from '../../server/src/bootstrap';
import { loadConfig } from '../../server/src/config';
import { createLogger } from '../../server/src/core/logger';
import { allRoutes } from '../../server/src/routes';

const base = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/';
const dbName = process.env.BENCH_DB ?? 'xf_bench_lists';
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const dbUrl = Object.assign(new URL(base), { pathname: `/${dbName}` }).toString();
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const showPlans = process.argv.includes('--explain');
const showSql = process.argv.includes('--sql');

const app = await createAppContext(
  loadConfig({
    ...process.env,
    DATABASE_URL: dbUrl,
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-01',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'xf-lists-queries-')),
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SERVE_CLIENTS: 'off',
    DEMO_DATA: 'off',
  }),
  createLogger('silent'),
);
let captured: { sql: string; ms: number }[] | null = null;
// Sequelize reads its logging option on every query, so statements are captured from here on.
(app.sequelize as any).options.logging = (sql: string, ms?: number) =>
  captured?.push({ sql: sql.replace(/^Executed \([^)]*\): /, ''), ms: ms ?? 0 });

const server = createApp(app).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function login(accountName: string) {
  const cap = (await (await fetch(`${url}/api/auth/captcha`)).json()) as any;
  const peek = (await (await fetch(`${url}/api/auth/captcha/${cap.captchaId}/peek`)).json()) as any;
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
  const body = (await res.json()) as any;
  if (res.status !== 200) throw new Error(`${accountName} 登录失败：${res.status} ${JSON.stringify(body)}`);
  return body.accessToken as string;
}

const queries: Record<string, string> = { '/social-units': '?q=北京' };
const endpoints = allRoutes
  .filter((r) => r.method === 'get' && !r.path.includes(':'))
  .map((r) => r.path)
  .filter((p) => !p.startsWith('/auth/captcha') && !p.endsWith('/template'))
  .filter((p) => !only || only.some((o) => p.includes(o)))
  .map((p) => `/api${p}${queries[p] ?? ''}`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const pad = (s: string | number, n: number) => String(s).padEnd(n);

async function explain(sql: string) {
  const plan = (await app.sequelize.query(`EXPLAIN ${sql.replace(/;\s*$/, '')}`, {
    type: QueryTypes.SELECT,
  })) as any[];
  const rows = plan.reduce((n, p) => n + Number(p.rows ?? 0), 0);
  const flags = plan.flatMap((p) => [
    ...(p.type === 'ALL' ? [`全表扫描 ${p.table}`] : []),
    ...(/filesort/.test(p.Extra ?? '') ? [`filesort ${p.table}`] : []),
    ...(/temporary/.test(p.Extra ?? '') ? [`临时表 ${p.table}`] : []),
  ]);
  return { plan, rows, flags };
}

try {
  for (const account of ['zongdui', 'jigou01']) {
    const token = await login(account);
    console.log(`\n${account}：每项 ${ROUNDS} 次顺序请求的中位数`);
    console.log(
      `${pad('接口', 44)}${pad('状态', 6)}${pad('语句数', 8)}${pad('SQL毫秒', 9)}${pad('总毫秒', 8)}预计读行 问题`,
    );
    for (const e of endpoints) {
      const headers = e === '/api/health' ? {} : { authorization: `Bearer ${token}` };
      await fetch(url + e, { headers }).then((r) => r.arrayBuffer()); // warm-up (caches, prepared code)
      const walls: number[] = [];
      const sqls: number[] = [];
      let statements: { sql: string; ms: number }[] = [];
      let status = 0;
      for (let i = 0; i < ROUNDS; i++) {
        captured = [];
        const t = performance.now();
        const res = await fetch(url + e, { headers });
        await res.arrayBuffer();
        walls.push(performance.now() - t);
        status = res.status;
        statements = captured;
        captured = null;
        sqls.push(statements.reduce((n, s) => n + s.ms, 0));
      }
      let rows = 0;
      const flags: string[] = [];
      const plans: string[] = [];
      for (const s of statements) {
        if (!/^\s*SELECT/i.test(s.sql)) continue;
        const x = await explain(s.sql);
        rows += x.rows;
        flags.push(...x.flags);
        if (showPlans)
          plans.push(
            `    ${s.ms} ms ${s.sql.slice(0, 300)}\n` +
              x.plan
                .map((p) =>
                  `      ${p.table} type=${p.type} key=${p.key} rows=${p.rows} ${p.Extra ?? ''}`.trimEnd(),
                )
                .join('\n'),
          );
      }
      console.log(
        `${pad(e, 44)}${pad(status, 6)}${pad(statements.length, 8)}${pad(median(sqls).toFixed(1), 9)}${pad(median(walls).toFixed(1), 8)}${pad(rows, 9)}${[...new Set(flags)].join('，')}`,
      );
      if (showSql && !showPlans)
        for (const s of statements) console.log(`    ${s.ms} ms ${s.sql.slice(0, 300)}`);
      for (const p of plans) console.log(p);
    }
  }
} finally {
  server.close();
  await app.close();
}
