import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';
import { startFakeOssServer, type FakeOssServer } from '../../src/platform/files/fake-oss-server';
import { startFakeWechatServer, type FakeWechatServer } from '../../src/platform/wechat/fake-wechat-server';
import { ministrySnapshotFromDb } from '../../src/registries/snapshot-from-db';
import { startTestApp, type TestApp } from '../support/test-app';
import { demoFacePhoto } from '../../src/demo/seed';
import { Person } from '../../src/institutions/models';

describe('configuration', () => {
  it('refuses bad values naming the variable', () => {
    expect(() => loadConfig({ PORT: 'abc', DATA_DIR: '/tmp/xf-cfg' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x', DATA_DIR: '/tmp/xf-cfg' })).toThrow(
      /DATABASE_URL/,
    );
    expect(() => loadConfig({ OSS_BUCKET: 'b', DATA_DIR: '/tmp/xf-cfg' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: '/tmp/xf-cfg' })).toThrow(
      /生产环境必须设置DATABASE_URL/,
    );
  });
  it('accepts the embedded defaults', () => {
    const c = loadConfig({ DATA_DIR: '/tmp/xf-cfg' });
    expect(c.database.dialect).toBe('sqlite');
    expect(c.port).toBe(3000);
    expect(c.uploads.maxImageBytes).toBe(10 * 1024 * 1024);
  });
});

describe('production adapters against loopback stand-ins', () => {
  let oss: FakeOssServer;
  let wechat: FakeWechatServer;
  let feed: Server;
  let feedBody: unknown = {};
  let t: TestApp;
  beforeAll(async () => {
    oss = await startFakeOssServer({ bucket: 'xf-test', accessKeyId: 'id1', accessKeySecret: 'secret1' });
    wechat = await startFakeWechatServer({ appId: 'wx-test', appSecret: 'wx-secret' });
    feed = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(feedBody));
    });
    await new Promise<void>((r) => feed.listen(0, '127.0.0.1', () => r()));
    t = await startTestApp({
      env: {
        OSS_BUCKET: 'xf-test',
        OSS_ACCESS_KEY_ID: 'id1',
        OSS_ACCESS_KEY_SECRET: 'secret1',
        OSS_ENDPOINT: oss.endpoint,
        OSS_CNAME: 'true',
        WECHAT_APPID: 'wx-test',
        WECHAT_SECRET: 'wx-secret',
        WECHAT_API_BASE: wechat.apiBase,
        MINISTRY_FEED_URL: `http://127.0.0.1:${(feed.address() as any).port}/ministry.json`,
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await oss?.close();
    await wechat?.close();
    feed?.close();
  });

  it('stores uploads in OSS', async () => {
    const op = await t.login('caozuo01');
    const f = new FormData();
    f.append('file', new Blob([new Uint8Array(await demoFacePhoto())]), 'a.jpg');
    const res = await t.request('POST', '/api/files', { token: op, form: f });
    expect(res.status).toBe(201);
    expect(oss.objectKeys().some((k) => k.startsWith('uploads/'))).toBe(true);
    const back = await t.request('GET', `/api/files/${res.body.id}`, { token: op });
    expect(back.status).toBe(200);
    expect((await t.request('GET', '/api/health')).body.files).toBe('oss');
  });

  it('logs in through the configured WeChat API', async () => {
    const res = await t.request('POST', '/api/auth/wechat/login', { body: { code: 'ok-someone-1' } });
    expect(res.status).toBe(200);
    expect(res.body.bound).toBe(false);
    expect(wechat.tokensIssued()).toBeGreaterThanOrEqual(0);
  });

  it('pulls the ministry feed from the configured URL and diffs it', async () => {
    const snap = (await ministrySnapshotFromDb())!;
    const leaving = snap.persons.find((p) => p.post === 'other') ?? snap.persons.at(-1)!;
    feedBody = { institutions: snap.institutions, persons: snap.persons.filter((p) => p !== leaving) };
    const brigade = await t.login('zongdui');
    const res = await t.request('POST', '/api/registry/ministry/pull', { token: brigade });
    expect(res.status).toBe(200);
    expect(res.body.source).toBe('feed');
    expect(res.body.summary).toMatchObject({ joined: 0, left: 1, errors: 0 });
    expect((await Person.findOne({ where: { idNumber: leaving.idNumber } }))!.inRegistry).toBe(false);
    feedBody = { nonsense: true };
    const refused = await t.request('POST', '/api/registry/ministry/pull', { token: brigade });
    expect(refused.status).toBe(400);
    const history = await t.request('GET', '/api/registry/imports?registry=ministry', { token: brigade });
    expect(history.body.items[0].status).toBe('refused');
  });
});

describe('cross-origin calls from the Android shell', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: false });
  });
  afterAll(async () => t?.close());
  it('allows the app origin and not others', async () => {
    const ok = await t.request('OPTIONS', '/api/auth/login', {
      headers: { origin: 'https://localhost', 'access-control-request-method': 'POST' },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://localhost');
    const other = await t.request('GET', '/api/health', { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
