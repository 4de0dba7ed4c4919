import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { QueryTypes } from 'sequelize';
import { watchWrites } from '../../src/db/data-version';
import { call } from '../auth/support';
import { getWithStatements } from '../support/statements';
import { startPeerProcess, startTestApp, type TestApp } from '../support/test-app';

/**
 * The read cache (core/read-cache.ts, db/data-version.ts) on two server processes sharing one database and one
 * Redis: a repeated read costs no statement, and no answer outlives a write made on either process — lists,
 * the session check of every request (logout, password change), one account's answers never another's.
 */
const REDIS = process.env.READ_CACHE_REDIS_URL ?? process.env.REDIS_URL_TEST ?? 'redis://127.0.0.1:6379';
let t: TestApp;
let peer: { baseURL: string; stop(): Promise<void> };
beforeAll(async () => {
  t = await startTestApp({ env: { READ_CACHE_REDIS_URL: REDIS } });
  peer = await startPeerProcess(t, { READ_CACHE_REDIS_URL: REDIS });
}, 120_000);
afterAll(async () => {
  await peer?.stop();
  await t?.close();
});

/** A GET on the test app's process, with the statements it ran. */
const read = (token: string, path: string) => getWithStatements(t, token, path);

const newClient = (name: string) => ({
  name,
  province: '北京市',
  city: '市辖区',
  district: '西城区',
  address: '平安里西大街1号',
});

describe('a repeated read', () => {
  it('is answered without a statement, with the same answer, until something is written', async () => {
    const admin = await t.login('jigou01');
    const first = await read(admin, '/api/clients?pageSize=50');
    expect(first.statements.length).toBeGreaterThan(0);
    const again = await read(admin, '/api/clients?pageSize=50');
    expect(again.statements).toEqual([]);
    expect(again.body).toEqual(first.body);

    // A write on this process: the next read asks the database again and sees it.
    const made = await t.request('POST', '/api/clients', { token: admin, body: newClient('缓存测试物业甲') });
    expect(made.status).toBe(201);
    const after = await read(admin, '/api/clients?pageSize=50');
    expect(after.statements.length).toBeGreaterThan(0);
    expect(after.body.total).toBe(first.body.total + 1);
    expect(after.body.items.map((c: any) => c.name)).toContain('缓存测试物业甲');
  });

  it('sees a write made on another process at once', async () => {
    const admin = await t.login('jigou01');
    const before = await read(admin, '/api/clients?pageSize=50');
    await read(admin, '/api/clients?pageSize=50'); // now cached here
    const made = await call(peer.baseURL, 'POST', '/api/clients', newClient('缓存测试物业乙'), admin);
    expect(made.status).toBe(201);
    const after = await read(admin, '/api/clients?pageSize=50');
    expect(after.body.total).toBe(before.body.total + 1);
    expect(after.body.items.map((c: any) => c.name)).toContain('缓存测试物业乙');
    // And the other way round: the peer had cached nothing stale either.
    const renamed = await t.request('PUT', `/api/clients/${made.body.id}`, {
      token: admin,
      body: newClient('缓存测试物业丙'),
    });
    expect(renamed.status).toBe(200);
    const onPeer = await call(peer.baseURL, 'GET', `/api/clients/${made.body.id}`, undefined, admin);
    expect(onPeer.body.name).toBe('缓存测试物业丙');
  });

  it("is one account's own: another account of another kind gets its own answer", async () => {
    const admin = await t.login('jigou01');
    const brigade = await t.login('zongdui');
    const mine = await read(admin, '/api/auth/me');
    const theirs = await read(brigade, '/api/auth/me');
    expect(mine.body.accountName).toBe('jigou01');
    expect(theirs.body.accountName).toBe('zongdui');
    const ownProjects = await read(admin, '/api/projects?pageSize=100');
    const allProjects = await read(brigade, '/api/projects?pageSize=100');
    expect(allProjects.body.total).toBeGreaterThanOrEqual(ownProjects.body.total);
    expect((await read(admin, '/api/projects?pageSize=100')).body).toEqual(ownProjects.body);
  });

  it('still checks who asks: no token, a foreign kind, a refused route get no cached answer', async () => {
    const brigade = await t.login('zongdui');
    await read(brigade, '/api/operation-logs');
    await read(brigade, '/api/operation-logs');
    expect((await t.request('GET', '/api/operation-logs')).status).toBe(401);
    const operator = await t.login('caozuo01', undefined, 'app');
    expect((await t.request('GET', '/api/operation-logs', { token: operator })).status).toBe(403);
    // Same address, narrower scope: the operator sees the institutions list as the operator sees it.
    const all = await read(brigade, '/api/institutions');
    const own = await t.request('GET', '/api/institutions', { token: operator });
    expect(own.status).toBe(200);
    expect(own.body).not.toEqual(all.body);
  });
});

describe('the session check', () => {
  it('ends at once on the other process after a logout', async () => {
    const res = await call(t.baseURL, 'POST', '/api/auth/login', {
      channel: 'app',
      accountName: 'caozuo01',
      password: 'demo123456',
    });
    expect(res.status).toBe(200);
    const { accessToken, refreshToken } = res.body;
    // Checked (and cached) on both processes.
    for (let i = 0; i < 2; i++) {
      expect((await call(t.baseURL, 'GET', '/api/auth/me', undefined, accessToken)).status).toBe(200);
      expect((await call(peer.baseURL, 'GET', '/api/auth/me', undefined, accessToken)).status).toBe(200);
    }
    const out = await call(peer.baseURL, 'POST', '/api/auth/logout', { refreshToken }, accessToken);
    expect(out.status).toBe(200);
    for (const base of [t.baseURL, peer.baseURL]) {
      const me = await call(base, 'GET', '/api/auth/me', undefined, accessToken);
      expect(me.status).toBe(401);
      expect(me.body.error.code).toBe('session_ended');
    }
  });

  it("ends another device's session on the other process after a password change", async () => {
    const brigade = await t.login('zongdui');
    const made = await t.request('POST', '/api/accounts/detachment', {
      token: brigade,
      body: { detachmentId: 2, accountName: 'cachepw01', password: 'Start1234' },
    });
    expect(made.status).toBe(201);
    const first = await t.login('cachepw01', 'Start1234');
    // A new account must change its password first; that change is this test's write.
    const second = await t.login('cachepw01', 'Start1234');
    expect((await call(peer.baseURL, 'GET', '/api/auth/me', undefined, second)).status).toBe(200);
    expect((await call(peer.baseURL, 'GET', '/api/auth/me', undefined, second)).status).toBe(200);
    const changed = await call(
      t.baseURL,
      'POST',
      '/api/auth/password',
      { oldPassword: 'Start1234', newPassword: 'Changed5678' },
      first,
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const me = await call(peer.baseURL, 'GET', '/api/auth/me', undefined, second);
    expect(me.status).toBe(401);
  });
});

describe('the data version', () => {
  it('moves on only once a transaction has committed, and not for a read or a rollback', async () => {
    const s = t.app.sequelize;
    let moves = 0;
    // A second watcher on the same instance, counting what the app's own watcher reacts to.
    watchWrites(s, async () => {
      moves++;
    });
    await s.query('SELECT 1');
    expect(moves).toBe(0);
    const t1 = await s.transaction();
    await s.query(`UPDATE institutions SET updatedAt = updatedAt WHERE id = 1`, { transaction: t1 });
    expect(moves).toBe(0); // written, not yet visible to anyone else
    await t1.commit();
    expect(moves).toBe(1);
    const t2 = await s.transaction();
    await s.query(`UPDATE institutions SET updatedAt = updatedAt WHERE id = 1`, { transaction: t2 });
    await t2.rollback();
    expect(moves).toBe(1);
    await s.query(`UPDATE institutions SET updatedAt = updatedAt WHERE id = 1`);
    expect(moves).toBe(2);
    // Told by the statement, not the query type: an INSERT … RETURNING runs as a SELECT to read its rows back.
    await s.query(`DELETE FROM login_throttles WHERE accountName = 'nobody-at-all' RETURNING accountName`, {
      type: QueryTypes.SELECT,
    });
    expect(moves).toBe(3);
  });

  it('is shared through Redis: a write moves the counter every process reads', async () => {
    const version = await t.app.readCache!.version();
    expect(version).not.toBeNull();
    const admin = await t.login('jigou01');
    expect((await call(peer.baseURL, 'POST', '/api/clients', newClient('缓存测试物业丁'), admin)).status).toBe(201);
    const moved = await t.app.readCache!.version();
    expect(Number(moved)).toBeGreaterThan(Number(version));
    const redis = new Redis(REDIS);
    try {
      const keys = await redis.keys('*data-version:*');
      expect(keys.length).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
  });
});

describe('a Redis that lost the counter (restarted empty)', () => {
  it('starts it again at a random point, so no answer cached before is served', async () => {
    const admin = await t.login('jigou01');
    await read(admin, '/api/clients?pageSize=7');
    expect((await read(admin, '/api/clients?pageSize=7')).statements).toEqual([]);
    const before = await t.app.readCache!.version();
    const redis = new Redis(REDIS);
    try {
      for (const key of await redis.keys('*data-version:*')) await redis.del(key);
    } finally {
      redis.disconnect();
    }
    const after = await t.app.readCache!.version();
    expect(after).not.toBe(before);
    expect(Number(after)).toBeGreaterThan(1);
    expect((await read(admin, '/api/clients?pageSize=7')).statements.length).toBeGreaterThan(0);
  });
});

describe('without Redis', () => {
  it('answers from the database: correct, only slower', async () => {
    const u = await startTestApp({ env: { READ_CACHE_REDIS_URL: 'redis://127.0.0.1:9' } });
    try {
      const admin = await u.login('jigou01');
      const before = await u.request('GET', '/api/clients', { token: admin });
      expect(before.status).toBe(200);
      expect((await u.request('POST', '/api/clients', { token: admin, body: newClient('无缓存物业') })).status).toBe(
        201,
      );
      const after = await u.request('GET', '/api/clients', { token: admin });
      expect(after.body.total).toBe(before.body.total + 1);
    } finally {
      await u.close();
    }
  }, 60_000);
});
