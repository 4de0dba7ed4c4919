/**
 * Lists that stay fast (issue 9 §6): 10,000 projects and 500 institutions on MariaDB/MySQL (with their clients,
 * contacts, contracts, accounts, buildings, special applications, reports, red flags, work logs and operation
 * log), the real server in its own process, and autocannon at 50 connections against /api/health and every list
 * endpoint (the GET routes without a path parameter) as the brigade (zongdui) and an institution admin (jigou01,
 * whose institution holds a fifth of the projects). Per endpoint: requests per second, the ratio to /api/health
 * in the same run, p99 latency. Target: ratio ≥ 0.3 and p99 ≤ 150 ms. On a machine shared with other work the
 * throughput swings with the load, so each endpoint also gets the CPU time one request cost the server process
 * and the local MariaDB/MySQL server (CPU milliseconds per response, from /proc; the database's figure includes
 * whatever else it served meanwhile), which does not depend on how busy the machine is.
 *
 * Run from the repo root: npm run bench:lists -w scripts
 *   MYSQL_URL (default mysql://root@127.0.0.1:3306/), BENCH_DB (default xf_bench_lists; kept between runs,
 *   --reseed builds it again), BENCH_SECONDS per endpoint (default 5), --only=projects,institutions to run a few,
 *   REDIS_URL (default redis://127.0.0.1:6379), READ_CACHE=off to measure without the read cache.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';
import { QueryTypes } from 'sequelize';
import { createAppContext } from '../../server/src/bootstrap';
import { loadConfig } from '../../server/src/config';
import { createLogger } from '../../server/src/core/logger';
import { insertRows } from '../../server/src/db/insert-rows';
import { seedDemoData } from '../../server/src/demo/seed';
import { allRoutes } from '../../server/src/routes';

const PROJECTS = 10_000;
const INSTITUTIONS = 500;
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const base = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/';
const dbName = process.env.BENCH_DB ?? 'xf_bench_lists';
const dbUrl = Object.assign(new URL(base), { pathname: `/${dbName}` }).toString();
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-01';
const root = path.resolve(import.meta.dirname, '../..');
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const dataDir = mkdtempSync(path.join(tmpdir(), 'xf-lists-bench-'));
// As deployed: MySQL and Redis, which carries the read cache's data version (READ_CACHE=off measures the database
// path alone; the server process takes READ_CACHE from this environment).
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const env = {
  DATABASE_URL: dbUrl,
  JWT_SECRET,
  DATA_DIR: dataDir,
  BCRYPT_ROUNDS: '4',
  REDIS_URL,
  REDIS_PREFIX: `bench${process.pid}`,
};

// 1. The data (kept between runs unless --reseed).
const admin = await mysql.createConnection(base);
const [[existing]] = (await admin.query(
  `SELECT COUNT(*) n FROM information_schema.tables WHERE table_schema = ? AND table_name = 'projects'`,
  [dbName],
)) as any;
let seeded = false;
if (existing.n && !process.argv.includes('--reseed')) {
  const [[{ n }]] = (await admin.query(`SELECT COUNT(*) n FROM \`${dbName}\`.projects`)) as any;
  seeded = n >= PROJECTS;
}
if (!seeded) {
  await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
  await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const started = Date.now();
  await seed();
  console.log(
    `数据：${PROJECTS} 个项目、${INSTITUTIONS} 家机构，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`,
  );
}
await admin.end();

async function seed() {
  const app = await createAppContext(
    loadConfig({ ...env, NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    createLogger('silent'),
  );
  await seedDemoData(app, { projects: true });
  const s = app.sequelize;
  const select = <T = any>(sql: string) => s.query<T>(sql, { type: QueryTypes.SELECT });
  const now = new Date();
  const chunks = async (table: string, rows: Record<string, unknown>[]) => {
    for (let i = 0; i < rows.length; i += 2000) await insertRows(s, table, rows.slice(i, i + 2000));
  };
  const nextId = async (table: string) =>
    Number((await select(`SELECT MAX(id) m FROM ${table}`))[0].m ?? 0) + 1;

  // Institutions: copies of the demo ones, each with an admin and a project lead.
  const demoInstitutions = await select('SELECT * FROM institutions ORDER BY id');
  const passwordHash = (await select(`SELECT passwordHash FROM accounts WHERE accountName = 'zongdui'`))[0]
    .passwordHash;
  let instId = await nextId('institutions');
  let accountId = await nextId('accounts');
  const institutions: any[] = [];
  const accounts: any[] = [];
  for (let i = 0; institutions.length + demoInstitutions.length < INSTITUTIONS; i++) {
    const t = demoInstitutions[i % demoInstitutions.length];
    const id = instId++;
    institutions.push({
      ...t,
      id,
      uscc: `91110000B${String(i).padStart(9, '0')}`,
      name: `${t.name}第${i + 1}分公司`,
      createdAt: now,
      updatedAt: now,
    });
    for (const kind of ['institution_admin', 'project_lead'])
      accounts.push({
        id: accountId++,
        accountName: `${kind === 'project_lead' ? 'bxm' : 'bjg'}${i + 1}`,
        passwordHash,
        kind,
        displayName: kind === 'project_lead' ? `负责人${i + 1}` : `${t.name}第${i + 1}分公司管理员`,
        institutionId: id,
        mustChangePassword: false,
        createdAt: now,
        updatedAt: now,
      });
  }
  await chunks('institutions', institutions);
  await chunks('accounts', accounts);

  // Projects in groups of three per client (one contact, one maintenance contract); a fifth at jigou01's.
  const ownInstitution = (await select(`SELECT institutionId FROM accounts WHERE accountName = 'jigou01'`))[0]
    .institutionId as number;
  const leads = new Map<number, number>();
  for (const a of await select(
    `SELECT id, institutionId FROM accounts WHERE kind = 'project_lead' ORDER BY id`,
  ))
    if (!leads.has(a.institutionId)) leads.set(a.institutionId, a.id);
  const adminOf = new Map<number, number>();
  for (const a of await select(
    `SELECT id, institutionId FROM accounts WHERE kind = 'institution_admin' ORDER BY id`,
  ))
    if (!adminOf.has(a.institutionId)) adminOf.set(a.institutionId, a.id);
  const allInstitutions = (await select('SELECT id, name FROM institutions ORDER BY id')) as any[];
  const detachments = (await select('SELECT id FROM detachments ORDER BY id')).map((d: any) => d.id);
  const [testingT, maintenanceT] = [
    (await select(`SELECT * FROM projects WHERE kind = 'testing' ORDER BY id LIMIT 1`))[0],
    (await select(`SELECT * FROM projects WHERE kind = 'maintenance' ORDER BY id LIMIT 1`))[0],
  ];
  const clientT = (await select('SELECT * FROM clients ORDER BY id LIMIT 1'))[0];
  const contactT = (await select('SELECT * FROM client_contacts ORDER BY id LIMIT 1'))[0];
  const contractT = (await select('SELECT * FROM maintenance_contracts ORDER BY id LIMIT 1'))[0];
  const buildingT = (await select('SELECT * FROM buildings ORDER BY id LIMIT 1'))[0];
  const [clients, contacts, contracts, projects, buildings] = [[], [], [], [], []] as any[][];
  let [clientId, contactId, contractId, projectId, buildingId] = [
    await nextId('clients'),
    await nextId('client_contacts'),
    await nextId('maintenance_contracts'),
    await nextId('projects'),
    await nextId('buildings'),
  ];
  const existingProjects = Number((await select('SELECT COUNT(*) n FROM projects'))[0].n);
  for (let i = 0; i < PROJECTS - existingProjects; i++) {
    if (i % 3 === 0) {
      const g = i / 3;
      const inst = g % 5 === 0 ? ownInstitution : allInstitutions[g % allInstitutions.length].id;
      clients.push({
        ...clientT,
        id: clientId++,
        institutionId: inst,
        name: `${clientT.name}${g}`,
        createdAt: now,
        updatedAt: now,
      });
      contacts.push({
        ...contactT,
        id: contactId++,
        clientId: clientId - 1,
        name: `联系人${g}`,
        createdAt: now,
        updatedAt: now,
      });
      contracts.push({
        ...contractT,
        id: contractId++,
        institutionId: inst,
        clientId: clientId - 1,
        contactId: contactId - 1,
        createdBy: adminOf.get(inst) ?? null,
        createdAt: now,
        updatedAt: now,
      });
    }
    const c = contracts.at(-1);
    const t = i % 2 ? maintenanceT : testingT;
    projects.push({
      ...t,
      id: projectId++,
      institutionId: c.institutionId,
      contractId: t.kind === 'maintenance' ? c.id : null,
      clientId: c.clientId,
      contactId: c.contactId,
      siteName: `${t.siteName}${i}`,
      detachmentId: detachments[i % detachments.length],
      projectLeadAccountId: leads.get(c.institutionId) ?? t.projectLeadAccountId,
      status: i % 10 === 9 ? 'completed' : 'in_progress',
      createdBy: adminOf.get(c.institutionId) ?? null,
      createdAt: now,
      updatedAt: now,
    });
    if (i % 2 === 0)
      buildings.push({
        ...buildingT,
        id: buildingId++,
        projectId: projectId - 1,
        createdAt: now,
        updatedAt: now,
      });
  }
  await chunks('clients', clients);
  await chunks('client_contacts', contacts);
  await chunks('maintenance_contracts', contracts);
  await chunks('projects', projects);
  await chunks('buildings', buildings);

  // What the other lists show: special applications, reports, red flags, work logs, the operation log.
  const fileId = (await select('SELECT id FROM stored_files ORDER BY id LIMIT 1'))[0].id;
  const statuses = ['pending', 'approved', 'rejected'] as const;
  await chunks(
    'special_applications',
    projects
      .filter((p) => p.kind === 'testing')
      .slice(0, 1000)
      .map((p, i) => ({
        projectId: p.id,
        institutionId: p.institutionId,
        kind: 'direct_report_upload',
        reason: '本公司自行编制报告',
        fileIds: [fileId],
        status: statuses[i % 3],
        pendingProjectId: i % 3 === 0 ? p.id : null,
        appliedBy: adminOf.get(p.institutionId) ?? 1,
        appliedByName: '机构管理员',
        decidedBy: i % 3 ? 1 : null,
        decidedByName: i % 3 ? '北京市消防救援总队' : null,
        decidedAt: i % 3 ? now : null,
        rejectReason: i % 3 === 2 ? '材料不全' : null,
        createdAt: now,
        updatedAt: now,
      })),
  );
  await chunks(
    'reports',
    projects.slice(0, 3000).map((p, i) => ({
      projectId: p.id,
      institutionId: p.institutionId,
      kind: p.kind,
      source: 'direct_upload',
      planKind: p.kind === 'maintenance' ? 'month' : null,
      planMonth: p.kind === 'maintenance' ? '2026-10' : null,
      planName: p.kind === 'maintenance' ? '2026年10月维保' : null,
      reportFileId: fileId,
      rawRecordFileId: fileId,
      conclusion: '合格',
      status: i % 2 ? 'filed' : 'uploaded',
      completedOn: '2026-11-01',
      uploadedBy: adminOf.get(p.institutionId) ?? 1,
      filedOn: i % 2 ? '2026-11-02' : null,
      filedAt: i % 2 ? now : null,
      filedBy: i % 2 ? (adminOf.get(p.institutionId) ?? 1) : null,
      filedByName: i % 2 ? '机构管理员' : null,
      progress: 100,
      createdAt: now,
      updatedAt: now,
    })),
  );
  await chunks(
    'red_flags',
    institutions.map((inst) => ({
      kind: 'institution_noncompliant',
      subjectType: 'institution',
      subjectId: inst.id,
      subjectName: inst.name,
      institutionId: inst.id,
      reason: '持有效消防设施操作员证书人数5人，少于6人',
      details: null,
      raisedAt: now,
      clearedAt: null,
      createdAt: now,
      updatedAt: now,
    })),
  );
  await chunks(
    'work_logs',
    projects.slice(0, 3000).map((p, i) => ({
      accountId: p.projectLeadAccountId,
      institutionId: p.institutionId,
      idempotencyKey: `bench-${i}`,
      date: '2026-11-20',
      content: '检查消防设施运行情况',
      photoFileIds: [],
      createdAtClient: now,
      createdAt: now,
      updatedAt: now,
    })),
  );
  const logT = await select('SELECT * FROM operation_logs ORDER BY id');
  await chunks(
    'operation_logs',
    Array.from({ length: 30_000 }, (_, i) => {
      const p = projects[i % projects.length];
      const t = { ...logT[i % logT.length] };
      delete t.id;
      return {
        ...t,
        institutionId: p.institutionId,
        actorId: adminOf.get(p.institutionId) ?? t.actorId,
        at: now,
      };
    }),
  );
  await app.close();
}

// 2. The server in its own process.
const profile = process.env.BENCH_CPU_PROF
  ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
  : [];
const server = spawn(
  process.execPath,
  [...profile, '--import', 'tsx', path.join(root, 'scripts/bench/lists-server.ts')],
  {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const port = await new Promise<number>((resolve, reject) => {
  let out = '';
  server.stdout!.on('data', (d) => {
    out += d;
    const m = /LISTENING (\d+)/.exec(out);
    if (m) resolve(Number(m[1]));
  });
  server.on('exit', (code) => reject(new Error(`服务进程退出（${code}）`)));
});
const url = `http://127.0.0.1:${port}`;

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

// 3. The list endpoints: every GET route without a path parameter (downloads and the captcha aside).
const queries: Record<string, string> = { '/social-units': '?q=北京' };
const endpoints = allRoutes
  .filter((r) => r.method === 'get' && !r.path.includes(':'))
  .map((r) => r.path)
  .filter((p) => p !== '/health' && !p.startsWith('/auth/captcha') && !p.endsWith('/template'))
  .filter((p) => !only || only.some((o) => p.includes(o)))
  .map((p) => `/api${p}${queries[p] ?? ''}`);

interface Result {
  rps: number;
  p99: number;
  status: string;
  /** CPU milliseconds per response of the server process and of the database server (null when not local). */
  serverCpu: number;
  dbCpu: number | null;
}

/** CPU time (utime + stime) of a process in milliseconds, from /proc (Linux). */
function cpuMs(pid: number | null | undefined): number | null {
  if (!pid) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
const CLOCK_TICKS = 100;
/** The local database server's process, when there is one (its CPU per request is reported beside the server's). */
const dbPid = (() => {
  for (const name of ['mariadbd', 'mysqld'])
    try {
      return Number(execFileSync('pidof', ['-s', name], { encoding: 'utf8' }).trim()) || null;
    } catch {
      // not running under this name
    }
  return null;
})();
/** Waits until the server has worked off what a previous run left queued (three quick answers in a row). */
async function drain() {
  for (let quick = 0, tries = 0; quick < 3 && tries < 600; tries++) {
    const t = performance.now();
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.arrayBuffer().then(() => true),
      () => false, // a connection the previous run left half-closed
    );
    quick = ok && performance.now() - t < 100 ? quick + 1 : 0;
    if (!quick) await new Promise((r) => setTimeout(r, 100));
  }
}
/**
 * `everyPage`: each request asks for another page (page 1–500, then a larger page size), so no answer is ever asked
 * twice and the read cache has none ready: what a person paging through a list costs.
 */
async function cannon(pathAndQuery: string, token?: string, everyPage = false): Promise<Result> {
  await drain();
  let n = 0;
  const sep = pathAndQuery.includes('?') ? '&' : '?';
  const requests = everyPage
    ? [
        {
          setupRequest: (req: any) => {
            req.path = `${pathAndQuery}${sep}page=${1 + (n % 500)}&pageSize=${20 + Math.floor(n / 500)}`;
            n++;
            return req;
          },
        },
      ]
    : undefined;
  const statuses = new Map<number, number>();
  const [server0, db0] = [cpuMs(server.pid), cpuMs(dbPid)];
  const r = await autocannon({
    url: url + pathAndQuery,
    connections: CONNECTIONS,
    duration: SECONDS,
    timeout: 5,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(requests ? { requests } : {}),
    setupClient: (client: any) =>
      client.on('response', (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1)),
  } as any);
  const responses = Math.max(
    1,
    [...statuses.values()].reduce((a, b) => a + b, 0),
  );
  const [server1, db1] = [cpuMs(server.pid), cpuMs(dbPid)];
  return {
    serverCpu: ((server1 ?? 0) - (server0 ?? 0)) / responses,
    dbCpu: db0 === null || db1 === null ? null : (db1 - db0) / responses,
    rps: r.requests.average,
    p99: r.latency.p99,
    status: [...statuses, ...(r.timeouts ? [[0, r.timeouts] as const] : [])]
      .map(([s, n]) => (statuses.size > 1 || r.timeouts ? `${s || '超时'}×${n}` : String(s)))
      .join(' '),
  };
}

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const cpu = (ms: number | null) => (ms === null ? '—' : ms.toFixed(2));
try {
  await cannon('/api/health'); // warm-up
  for (const account of ['zongdui', 'jigou01']) {
    const token = await login(account);
    const before = await cannon('/api/health');
    const rows: [string, Result][] = [];
    for (const e of endpoints) rows.push([e, await cannon(e, token)]);
    const after = await cannon('/api/health');
    const health = (before.rps + after.rps) / 2;
    console.log(
      `\n${account === 'zongdui' ? '总队' : '机构管理员'}（${account}），${CONNECTIONS} 个连接，每项 ${SECONDS} 秒；/api/health ${health.toFixed(0)} 次/秒（p99 ${Math.max(before.p99, after.p99)} 毫秒；每次 CPU 服务 ${cpu(before.serverCpu)} 毫秒、数据库 ${cpu(before.dbCpu)} 毫秒）；负载 ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      `${pad('接口', 44)}${pad('次/秒', 9)}${pad('比值', 7)}${pad('p99毫秒', 9)}${pad('CPU服务', 9)}${pad('CPU库', 8)}状态`,
    );
    for (const [e, r] of rows) {
      const ok = r.status === '200' && r.rps / health >= 0.3 && r.p99 <= 150;
      console.log(
        `${pad(e, 44)}${pad(r.rps.toFixed(0), 9)}${pad((r.rps / health).toFixed(2), 7)}${pad(r.p99, 9)}${pad(cpu(r.serverCpu), 9)}${pad(cpu(r.dbCpu), 8)}${r.status}${r.status === '200' ? (ok ? ' ✓' : ' ✗') : ''}`,
      );
    }
    // Paging through the brigade's big lists: every request a page nobody asked for yet.
    if (account !== 'zongdui') continue;
    const paged = endpoints.filter((e) =>
      /\/(projects|institutions|reports|special-applications|clients|maintenance-contracts|operation-logs|coverage|red-flags)$/.test(
        e,
      ),
    );
    const pagedRows: [string, Result][] = [];
    for (const e of paged) pagedRows.push([e, await cannon(e, token, true)]);
    console.log(`\n总队翻页：每次请求不同的一页（缓存中没有现成的答复；比值相对上面的 /api/health）`);
    console.log(
      `${pad('接口', 44)}${pad('次/秒', 9)}${pad('比值', 7)}${pad('p99毫秒', 9)}${pad('CPU服务', 9)}${pad('CPU库', 8)}状态`,
    );
    for (const [e, r] of pagedRows)
      console.log(
        `${pad(e, 44)}${pad(r.rps.toFixed(0), 9)}${pad((r.rps / health).toFixed(2), 7)}${pad(r.p99, 9)}${pad(cpu(r.serverCpu), 9)}${pad(cpu(r.dbCpu), 8)}${r.status}`,
      );
  }
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
}
