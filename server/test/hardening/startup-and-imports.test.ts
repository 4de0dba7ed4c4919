import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { Sequelize } from 'sequelize';
import { createMigrator, latestMigration } from '../../src/db/migrate';
import { RegistryChange, RegistryImport } from '../../src/registries/models';
import { ministrySnapshotFromDb } from '../../src/registries/snapshot-from-db';
import { writeMinistryWorkbook } from '../../src/registries/workbook';
import { fileForm } from '../support/forms';
import {
  createMysqlDatabase,
  startPeerProcess,
  startServerProcess,
  startTestApp,
  TEST_JWT_SECRET,
  testDialect,
  type TestApp,
} from '../support/test-app';

const run = promisify(execFile);

let t: TestApp;
let brigade: string;
beforeAll(async () => {
  t = await startTestApp();
  brigade = await t.login('zongdui');
});
afterAll(async () => t?.close());

async function post(baseURL: string, p: string, token: string, form: FormData) {
  const res = await fetch(baseURL + p, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** The database a server on `dataDir` (or the MySQL `url`) uses, opened directly. */
async function openDatabase(dataDir: string, url?: string) {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...(url ? { DATABASE_URL: url, JWT_SECRET: TEST_JWT_SECRET } : {}),
  });
  return config.database.dialect === 'mysql'
    ? new Sequelize(config.database.url, { logging: false })
    : new Sequelize({ dialect: 'sqlite', storage: config.database.storage, logging: false });
}

async function changedWorkbook(suffix: string) {
  const snap = structuredClone((await ministrySnapshotFromDb())!);
  snap.institutions[0]!.registeredAddress = `${snap.institutions[0]!.registeredAddress}${suffix}`;
  return writeMinistryWorkbook(snap);
}

describe('several processes start at once', () => {
  it('three processes on an empty database: one migrates and seeds, all serve, the demo data is there once', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'xf-start-'));
    const db = testDialect === 'mysql' ? await createMysqlDatabase() : null;
    const procs = await Promise.all(
      [1, 2, 3].map(() => startServerProcess({ dataDir, databaseUrl: db?.url, seed: true })),
    );
    try {
      for (const p of procs) {
        const health = await fetch(`${p.baseURL}/api/health`);
        expect(health.status).toBe(200);
      }
      const login = await fetch(`${procs[2]!.baseURL}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ channel: 'app', accountName: 'caozuo01', password: 'demo123456' }),
      });
      expect(login.status).toBe(200);
      const token = ((await login.json()) as any).accessToken;
      const me = await fetch(`${procs[0]!.baseURL}/api/registry/imports`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(me.status).toBe(403); // an operator may not, but the token from process 3 is valid on process 1
    } finally {
      await Promise.all(procs.map((p) => p.stop()));
    }
    // Seeded once: one ministry and one inspection import in the history.
    const s = await openDatabase(dataDir, db?.url);
    const [rows] = await s.query('SELECT registry, COUNT(*) AS n FROM registry_imports GROUP BY registry');
    await s.close();
    await db?.drop();
    expect((rows as { registry: string; n: number }[]).map((r) => [r.registry, Number(r.n)]).sort()).toEqual([
      ['inspection', 1],
      ['ministry', 1],
    ]);
  }, 300_000);

  it('three processes on an older database: the missing migrations run once, all serve the latest', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'xf-older-'));
    const db = testDialect === 'mysql' ? await createMysqlDatabase() : null;
    const older = await openDatabase(dataDir, db?.url);
    // The database of the release before the list indexes (whose parallel creation once failed with
    // Duplicate key name): everything up to 0018.
    await createMigrator(older).up({ to: '0018-retest-plans' });
    await older.close();
    const procs = await Promise.all(
      [1, 2, 3].map(() => startServerProcess({ dataDir, databaseUrl: db?.url })),
    );
    try {
      for (const p of procs) {
        const health = (await (await fetch(`${p.baseURL}/api/health`)).json()) as any;
        expect(health.database.migration).toBe(latestMigration);
      }
    } finally {
      await Promise.all(procs.map((p) => p.stop()));
    }
    const after = await openDatabase(dataDir, db?.url);
    const [rows] = await after.query('SELECT name FROM SequelizeMeta');
    await after.close();
    await db?.drop();
    const names = (rows as { name: string }[]).map((r) => r.name);
    expect(names).toHaveLength(new Set(names).size);
    expect(names).toContain(latestMigration);
  }, 300_000);

  it('npm run migrate -w server brings a new database up to the latest migration', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'xf-migrate-'));
    const db = testDialect === 'mysql' ? await createMysqlDatabase() : null;
    try {
      const { stdout } = await run('npm', ['run', 'migrate', '-w', 'server'], {
        cwd: fileURLToPath(new URL('../../..', import.meta.url)),
        env: {
          ...process.env,
          DATA_DIR: dataDir,
          LOG_LEVEL: 'silent',
          ...(db ? { DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET } : {}),
        },
      });
      expect(stdout).toContain(`已迁移到 ${latestMigration}`);
    } finally {
      await db?.drop();
    }
  }, 240_000);
});

describe('registry imports are serialized per registry', () => {
  let peer: Awaited<ReturnType<typeof startPeerProcess>>;
  beforeAll(async () => {
    peer = await startPeerProcess(t);
  });
  afterAll(async () => peer?.stop());

  it('while an import of a registry runs anywhere, another is refused with 409 in Chinese', async () => {
    {
      const workbook = await changedWorkbook('（一）');
      let inner: { status: number; body: any } | undefined;
      await t.app.locks.withLock('registry-import-ministry', 1000, async () => {
        inner = await post(
          peer.baseURL,
          '/api/registry/ministry/imports',
          brigade,
          fileForm(workbook, 'a.xlsx'),
        );
      });
      expect(inner!.status).toBe(409);
      expect(inner!.body.error.message).toMatch(/另一次部局人员机构导入正在进行/);
      // once the other import is done, the same file imports
      const after = await post(
        peer.baseURL,
        '/api/registry/ministry/imports',
        brigade,
        fileForm(workbook, 'a.xlsx'),
      );
      expect(after.status).toBe(201);
    }
  });

  it('the same workbook imported on two processes at once records each change once', async () => {
    {
      const workbook = await changedWorkbook('（二）');
      const before = await RegistryChange.count();
      const results = await Promise.all(
        [t.baseURL, peer.baseURL, t.baseURL, peer.baseURL].map((base) =>
          post(base, '/api/registry/ministry/imports', brigade, fileForm(workbook, 'b.xlsx')),
        ),
      );
      for (const r of results) expect([201, 409]).toContain(r.status);
      expect(results.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1);
      // one institution's address changed: one change in total, however the imports interleaved
      expect((await RegistryChange.count()) - before).toBe(1);
    }
  }, 180_000);

  it('an import cut short by a crash is marked interrupted at the next start', async () => {
    const rec = await RegistryImport.create({
      registry: 'inspection',
      source: 'excel',
      fileName: 'crash.xlsx',
      status: 'running',
      startedAt: new Date(),
    });
    const restarted = await startPeerProcess(t);
    await restarted.stop();
    const res = await t.request('GET', '/api/registry/imports?registry=inspection', { token: brigade });
    const item = res.body.items.find((i: any) => i.id === rec.id);
    expect(item).toMatchObject({ status: 'interrupted', statusLabel: '已中断' });
    expect(item.message).toMatch(/导入过程中服务停止/);
    expect(item.finishedAt).not.toBeNull();
  }, 180_000);

  it('an import still running on a live process is left 导入中 by a process that starts meanwhile', async () => {
    const rec = await RegistryImport.create({
      registry: 'inspection',
      source: 'excel',
      fileName: 'running.xlsx',
      status: 'running',
      startedAt: new Date(),
    });
    // This process holds the registry's import lock, as a running import does.
    await t.app.locks.withLock('registry-import-inspection', 1000, async () => {
      const started = await startPeerProcess(t);
      await started.stop();
    });
    expect((await RegistryImport.findByPk(rec.id))!.status).toBe('running');
    await rec.update({ status: 'completed', finishedAt: new Date() });
  }, 180_000);
});
