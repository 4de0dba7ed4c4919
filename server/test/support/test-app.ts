import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { inject } from 'vitest';
import { createApp } from '../../src/app';
import { createAppContext } from '../../src/bootstrap';
import { loadConfig } from '../../src/config';
import type { AppContext } from '../../src/context';
import { createLogger } from '../../src/core/logger';
import { DEMO_PASSWORD, ensureDetachments, seedDemoData } from '../../src/demo/seed';
import { copyTemplateDatabase, copyTemplateDataDir } from './seeded-template';

/** Which database this run uses: TEST_DB=mysql runs the same tests against MariaDB/MySQL (MYSQL_URL). */
export const testDialect = process.env.TEST_DB === 'mysql' ? 'mysql' : 'sqlite';

export interface TestApp {
  baseURL: string;
  app: AppContext;
  dataDir: string;
  /** The MySQL database URL of this run (absent on SQLite, where the file lives in dataDir). */
  databaseUrl?: string;
  close(): Promise<void>;
  request(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; headers?: Record<string, string>; form?: FormData },
  ): Promise<TestResponse>;
  login(accountName: string, password?: string, channel?: 'web' | 'weapp' | 'app'): Promise<string>;
}

export interface TestResponse {
  status: number;
  body: any;
  headers: Headers;
  buffer?: Buffer;
}

/** The JWT secret every process of a MySQL test run shares (a secret is required with MySQL). */
export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123';

export async function createMysqlDatabase(
  prefix = 'xf_test',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/';
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const conn = await mysql.createConnection(base);
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = await mysql.createConnection(base);
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

/** The environment every test app starts with (the template of the run too). */
export function testConfigEnv(dataDir: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    BCRYPT_ROUNDS: '4',
    LOG_LEVEL: 'silent',
    SERVE_CLIENTS: 'off',
    // The fixtures send one live photo many times; test/face-profiles/replay.test.ts turns the check on.
    FACE_REPLAY_MAX_BITS: 'off',
    // CI exports it: every test app then serves repeated reads from its cache, so the suite checks that no answer
    // outlives a write (core/read-cache.ts).
    ...(process.env.READ_CACHE_REDIS_URL ? { READ_CACHE_REDIS_URL: process.env.READ_CACHE_REDIS_URL } : {}),
  };
}

/** Variables that change what seeding writes or where it goes: a start with any of them seeds from scratch. */
const SEED_SHAPING = /^(OSS_|WECHAT_|MINISTRY_|INSPECTION_|DEMO_|DATABASE_URL$|DATA_DIR$)/;

/** The run's seeded template; none outside a vitest run (the benches start apps too). */
function seededTemplate() {
  try {
    return inject('seededTemplate');
  } catch {
    return null;
  }
}

/**
 * Starts the real Koa app on a free port with a fresh database (SQLite file or a new MySQL database). With the
 * demo data, the database is a copy of the run's seeded template (seeded-template.ts) when there is one.
 */
export async function startTestApp(
  opts: { demo?: boolean; env?: Record<string, string>; log?: { write(line: string): void } } = {},
): Promise<TestApp> {
  const template =
    opts.demo !== false && !Object.keys(opts.env ?? {}).some((k) => SEED_SHAPING.test(k))
      ? seededTemplate()
      : null;
  const dataDir = template ? copyTemplateDataDir(template) : mkdtempSync(path.join(tmpdir(), 'xf-test-'));
  const mysqlDb = testDialect === 'mysql' ? await createMysqlDatabase() : null;
  if (mysqlDb && template) await copyTemplateDatabase(template, mysqlDb.url);
  const config = loadConfig({
    ...testConfigEnv(dataDir),
    ...(mysqlDb ? { DATABASE_URL: mysqlDb.url, JWT_SECRET: TEST_JWT_SECRET } : {}),
    ...opts.env,
  });
  // `log` receives every log line (e.g. to check what is never logged); otherwise the tests log nothing.
  const app = await createAppContext(
    config,
    opts.log ? createLogger('info', opts.log) : createLogger('silent'),
  );
  await ensureDetachments();
  if (opts.demo !== false) await seedDemoData(app);
  const koa = createApp(app);
  const server: Server = await new Promise((resolve) => {
    const s = koa.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as { port: number };
  const baseURL = `http://127.0.0.1:${port}`;

  const request: TestApp['request'] = async (method, p, o = {}) => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: any;
    if (o.form) body = o.form;
    else if (o.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(o.body);
    }
    const res = await fetch(baseURL + p, { method, headers, body });
    const type = res.headers.get('content-type') ?? '';
    if (type.includes('json')) return { status: res.status, body: await res.json(), headers: res.headers };
    const buffer = Buffer.from(await res.arrayBuffer());
    return {
      status: res.status,
      body: type.startsWith('text') ? buffer.toString('utf8') : undefined,
      buffer,
      headers: res.headers,
    };
  };

  const login: TestApp['login'] = async (accountName, password = DEMO_PASSWORD, channel) => {
    const kindChannel =
      channel ??
      (['xiangmu01', 'jishu01'].includes(accountName)
        ? 'weapp'
        : accountName.startsWith('caozuo')
          ? 'app'
          : 'web');
    let body: Record<string, unknown> = { channel: kindChannel, accountName, password };
    if (kindChannel === 'web') {
      const cap = await request('GET', '/api/auth/captcha');
      const peek = await request('GET', `/api/auth/captcha/${cap.body.captchaId}/peek`);
      body = { ...body, captchaId: cap.body.captchaId, captchaText: peek.body.text };
    }
    const res = await request('POST', '/api/auth/login', { body });
    if (res.status !== 200)
      throw new Error(`login ${accountName} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };

  return {
    baseURL,
    app,
    dataDir,
    databaseUrl: mysqlDb?.url,
    request,
    login,
    async close() {
      await new Promise((r) => server.close(r));
      await app.close();
      await mysqlDb?.drop();
    },
  };
}

/**
 * Start a second server process on the same database as `t` and return its base URL, for tests of what must
 * hold across processes (lockout, captcha, refresh). `stop` ends that process.
 */
export function startPeerProcess(
  t: TestApp,
  env: Record<string, string> = {},
): Promise<{ baseURL: string; stop(): Promise<void> }> {
  return startServerProcess({ dataDir: t.dataDir, databaseUrl: t.databaseUrl, env });
}

/**
 * A server process as `npm start` runs it (migrations and, with `seed`, demo seeding under the start-up lock)
 * on the given data directory and database; resolves once it listens.
 */
export async function startServerProcess(opts: {
  dataDir: string;
  databaseUrl?: string;
  seed?: boolean;
  env?: Record<string, string>;
}): Promise<{ baseURL: string; pid: number; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./peer-server.ts', import.meta.url))],
    {
      cwd: fileURLToPath(new URL('../../', import.meta.url)),
      env: {
        ...process.env,
        PEER_DATA_DIR: opts.dataDir,
        PEER_DATABASE_URL: opts.databaseUrl ?? '',
        PEER_SEED: opts.seed ? 'on' : '',
        PEER_ENV: JSON.stringify(opts.env ?? {}),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /\{"port":(\d+)\}/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`peer server exited with ${code}`)));
  });
  return {
    baseURL: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
