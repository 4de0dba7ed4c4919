import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../../src/clients/models';
import { call, captcha, login } from '../auth/support';
import { startPeerProcess, startTestApp, testDialect, type TestApp } from '../support/test-app';

/**
 * Issue 9 §4: the embedded SQLite default (and MariaDB) takes concurrent writes through HTTP: 30 parallel
 * `POST /api/clients`, three rounds, spread over two server processes on one database, all succeed (on main
 * 41 of 90 failed with SQLITE_BUSY). A malformed one in the same burst is still refused.
 */
let t: TestApp;
let peer: Awaited<ReturnType<typeof startPeerProcess>>;
let token: string;
beforeAll(async () => {
  t = await startTestApp();
  peer = await startPeerProcess(t);
  const c = await captcha(t.baseURL);
  token = (await login(t.baseURL, { channel: 'web', accountName: 'jigou01', password: 'demo123456', ...c }))
    .body.accessToken;
}, 120_000);
afterAll(async () => {
  await peer?.stop();
  await t?.close();
});

const client = (name: string) => ({
  name,
  province: '北京市',
  city: '市辖区',
  district: '东城区',
  address: '东城区并发写入路1号',
});

describe(`concurrent writes over HTTP (${testDialect})`, () => {
  it('30 parallel POST /api/clients on two processes, three rounds: every one is created once', async () => {
    const before = await Client.count({ where: { address: '东城区并发写入路1号' } });
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          call(
            i % 2 ? peer.baseURL : t.baseURL,
            'POST',
            '/api/clients',
            client(`并发写入${round}-${i}`),
            token,
          ),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 30 }, () => 201));
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(30);
    }
    expect((await Client.count({ where: { address: '东城区并发写入路1号' } })) - before).toBe(90);
  }, 120_000);

  it('a refused body in the same burst is a 400 naming the field and writes nothing', async () => {
    const before = await Client.count();
    const answers = await Promise.all([
      ...Array.from({ length: 10 }, (_, i) =>
        call(i % 2 ? peer.baseURL : t.baseURL, 'POST', '/api/clients', client(`并发写入补充-${i}`), token),
      ),
      call(t.baseURL, 'POST', '/api/clients', { ...client('并发写入坏'), name: true }, token),
    ]);
    expect(answers.slice(0, 10).every((a) => a.status === 201)).toBe(true);
    expect(answers[10]!.status).toBe(400);
    expect(answers[10]!.body.error.field).toBe('name');
    expect(await Client.count()).toBe(before + 10);
  }, 120_000);
});
