import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOssServer, type FakeOssServer } from '../../src/platform/files/fake-oss-server';
import { fileForm } from '../support/forms';
import { createMysqlDatabase, startServerProcess, testDialect } from '../support/test-app';
import { sampleImage } from '../platform/fixtures/sample-files';

/**
 * Three server processes as production runs them: MariaDB, Redis (BullMQ, WeChat token), OSS (the fake),
 * each with its own DATA_DIR (no shared local disk), started at once on an empty database.
 */
describe.skipIf(testDialect !== 'mysql')('three processes on MariaDB and Redis act as one', () => {
  const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `xft${randomBytes(4).toString('hex')}`;
  let oss: FakeOssServer;
  let db: Awaited<ReturnType<typeof createMysqlDatabase>>;
  let procs: Awaited<ReturnType<typeof startServerProcess>>[] = [];
  const base = (i: number) => procs[i]!.baseURL;
  const call = async (i: number, method: string, p: string, body?: unknown, token?: string) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(base(i) + p, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const type = res.headers.get('content-type') ?? '';
    return {
      status: res.status,
      body: type.includes('json') ? ((await res.json()) as any) : Buffer.from(await res.arrayBuffer()),
    };
  };

  beforeAll(async () => {
    oss = await startFakeOssServer();
    db = await createMysqlDatabase();
    const env = {
      REDIS_URL,
      REDIS_PREFIX: prefix,
      OSS_BUCKET: oss.config.bucket,
      OSS_ACCESS_KEY_ID: oss.config.accessKeyId,
      OSS_ACCESS_KEY_SECRET: oss.config.accessKeySecret,
      OSS_ENDPOINT: oss.endpoint,
      OSS_CNAME: 'true',
    };
    procs = await Promise.all(
      [1, 2, 3].map(() =>
        startServerProcess({
          dataDir: mkdtempSync(path.join(tmpdir(), 'xf-three-')),
          databaseUrl: db.url,
          seed: true,
          env,
        }),
      ),
    );
  }, 400_000);
  afterAll(async () => {
    await Promise.all(procs.map((p) => p.stop()));
    await db?.drop();
    await oss?.close();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  let access: string;
  let refresh: string;
  it('a captcha issued by one process is solved on another', async () => {
    const cap = await call(0, 'GET', '/api/auth/captcha');
    const peek = await call(1, 'GET', `/api/auth/captcha/${cap.body.captchaId}/peek`);
    const login = await call(2, 'POST', '/api/auth/login', {
      channel: 'web',
      accountName: 'zongdui',
      password: 'demo123456',
      captchaId: cap.body.captchaId,
      captchaText: peek.body.text,
    });
    expect(login.status).toBe(200);
    access = login.body.accessToken;
    refresh = login.body.refreshToken;
    // used once, whichever process is asked next
    const again = await call(0, 'POST', '/api/auth/login', {
      channel: 'web',
      accountName: 'zongdui',
      password: 'demo123456',
      captchaId: cap.body.captchaId,
      captchaText: peek.body.text,
    });
    expect(again.status).not.toBe(200);
  });

  it('a refresh token from one process is rotated on another, and the new token works on the third', async () => {
    const r = await call(1, 'POST', '/api/auth/refresh', { refreshToken: refresh });
    expect(r.status).toBe(200);
    expect((await call(2, 'GET', '/api/auth/me', undefined, r.body.accessToken)).status).toBe(200);
    expect((await call(0, 'POST', '/api/auth/refresh', { refreshToken: refresh })).status).toBe(401);
    access = r.body.accessToken;
  });

  it('failed log-ins are counted across all processes: five wrong ones, spread over three, lock it on each', async () => {
    // Counted per process, no process would see more than two failures and the account would stay open.
    const withCaptcha = async (i: number) => {
      const cap = await call(i, 'GET', '/api/auth/captcha');
      const peek = await call((i + 1) % 3, 'GET', `/api/auth/captcha/${cap.body.captchaId}/peek`);
      return { captchaId: cap.body.captchaId as string, captchaText: peek.body.text as string };
    };
    const attempt = async (i: number, password: string) =>
      call(i, 'POST', '/api/auth/login', {
        channel: 'app',
        accountName: 'caozuo02',
        password,
        ...(await withCaptcha(i)),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt(i % 3, 'wrong-pass')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    for (const i of [0, 1, 2]) {
      const right = await attempt(i, 'demo123456');
      expect(right.status).toBe(423);
      expect(right.body.error.message).toMatch(/锁定/);
    }
  });

  it('the three processes seeded the demo data once: one import per registry in the history', async () => {
    const res = await call(1, 'GET', '/api/registry/imports?pageSize=100', undefined, access);
    expect(res.status).toBe(200);
    const registries = (res.body.items as { registry: string }[]).map((i) => i.registry).sort();
    expect(registries).toEqual(['inspection', 'ministry']);
  });

  it('a file uploaded via one process is downloaded via another (OSS, no shared disk)', async () => {
    const img = await sampleImage('jpeg');
    const up = await fetch(`${base(0)}/api/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${access}` },
      body: fileForm(img, 'a.jpg'),
    });
    expect(up.status).toBe(201);
    const { id } = (await up.json()) as any;
    const down = await call(2, 'GET', `/api/files/${id}`, undefined, access);
    expect(down.status).toBe(200);
    expect((down.body as Buffer).equals(img)).toBe(true);
  });

  it('the daily compliance pass has one schedule for the whole deployment', async () => {
    const queue = new Queue('compliance.daily', {
      connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }),
      prefix,
    });
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key ?? s.name)).toHaveLength(1);
    await queue.close();
  });
});
