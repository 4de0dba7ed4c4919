import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fakeOpenIdForCode,
  startFakeWechatServer,
  type FakeWechatServer,
} from '../../src/platform/wechat/fake-wechat-server';
import { createWechatClient, WechatError } from '../../src/platform/wechat/wechat-client';
import { recordingLogger } from './fixtures/recording-logger';

const appId = 'wx-fake-app';
const appSecret = 'fake-secret';

describe('WechatClient (real co-wechat-api → fake WeChat server)', () => {
  let fake: FakeWechatServer;
  let outboxDir: string;
  beforeAll(async () => {
    outboxDir = await mkdtemp(path.join(tmpdir(), 'xf-wechat-'));
    fake = await startFakeWechatServer({
      appId,
      appSecret,
      outboxFile: path.join(outboxDir, 'outbox', 'wechat.jsonl'),
    });
  });
  afterAll(async () => {
    await fake.close();
    await rm(outboxDir, { recursive: true, force: true });
  });

  it('code2Session turns a log-in code into the openid the documented rule gives', async () => {
    const client = createWechatClient({ appId, appSecret, apiBase: fake.apiBase }, recordingLogger());
    const session = await client.code2Session('dev-xiangmu01-123');
    expect(session.openId).toBe('o-dev-xiangmu01');
    expect(session.unionId).toBe('u-dev-xiangmu01');
    expect(session.sessionKey).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect((await client.code2Session('ok-alice')).openId).toBe('o-alice');
    expect((await client.code2Session('ok-alice-99')).openId).toBe('o-alice');
  });

  it('code2Session of a refused code throws WechatError 40029 with a Chinese message and logs it', async () => {
    const logger = recordingLogger();
    const client = createWechatClient({ appId, appSecret, apiBase: fake.apiBase }, logger);
    const err = await client.code2Session('bad-code').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WechatError);
    expect(err).toMatchObject({ errcode: 40029, status: 400, message: '微信登录凭证无效，请重新打开小程序' });
    expect(logger.entries).toContainEqual(
      expect.objectContaining({ level: 'warn', obj: expect.objectContaining({ errcode: 40029 }) }),
    );
    await expect(client.code2Session('')).rejects.toMatchObject({ errcode: 40029 });
  });

  it('a wrong AppSecret is reported as a configuration error', async () => {
    const client = createWechatClient(
      { appId, appSecret: 'wrong', apiBase: fake.apiBase },
      recordingLogger(),
    );
    await expect(client.code2Session('ok-alice')).rejects.toMatchObject({
      errcode: 40125,
      status: 502,
      message: '小程序 AppSecret 配置错误，请联系管理员',
    });
  });

  it('a subscribe message lands in the outbox, at GET /__outbox and in the outbox file', async () => {
    const client = createWechatClient({ appId, appSecret, apiBase: fake.apiBase }, recordingLogger());
    const before = fake.outbox().length;
    await client.sendSubscribeMessage({
      toOpenId: 'o-xiangmu01',
      templateId: 'tmpl-task-submitted',
      page: 'pages/maintenance/task?id=7',
      data: { thing1: { value: '东城区某大厦维保任务' }, time2: { value: '2025-03-01 10:00' } },
    });
    const sent = fake.outbox().slice(before);
    expect(sent).toEqual([
      expect.objectContaining({
        toOpenId: 'o-xiangmu01',
        templateId: 'tmpl-task-submitted',
        page: 'pages/maintenance/task?id=7',
        data: { thing1: { value: '东城区某大厦维保任务' }, time2: { value: '2025-03-01 10:00' } },
      }),
    ]);
    const overHttp = (await (await fetch(`${fake.apiBase}/__outbox`)).json()) as unknown[];
    expect(overHttp.at(-1)).toMatchObject({ toOpenId: 'o-xiangmu01', templateId: 'tmpl-task-submitted' });
    const lines = (await readFile(path.join(outboxDir, 'outbox', 'wechat.jsonl'), 'utf8')).trim().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({
      toOpenId: 'o-xiangmu01',
      data: { thing1: { value: '东城区某大厦维保任务' } },
    });
  });

  it('a refused subscribe message throws WechatError 43101 and is not in the outbox', async () => {
    const logger = recordingLogger();
    const client = createWechatClient({ appId, appSecret, apiBase: fake.apiBase }, logger);
    const before = fake.outbox().length;
    await expect(
      client.sendSubscribeMessage({
        toOpenId: 'o-refuse-someone',
        templateId: 't',
        data: { thing1: { value: 'x' } },
      }),
    ).rejects.toMatchObject({ errcode: 43101, message: '用户未订阅该消息，无法发送' });
    expect(fake.outbox().length).toBe(before);
    expect(logger.entries.some((e) => e.level === 'error')).toBe(true);
  });

  it('fetches the access token once and reuses it, and fetches a new one after WeChat invalidates it', async () => {
    const client = createWechatClient({ appId, appSecret, apiBase: fake.apiBase }, recordingLogger());
    const issuedBefore = fake.tokensIssued();
    const message = {
      toOpenId: 'o-jishu01',
      templateId: 'tmpl-report',
      data: { thing1: { value: '报告待审核' } },
    };
    await client.sendSubscribeMessage(message);
    await client.sendSubscribeMessage(message);
    await client.sendSubscribeMessage(message);
    expect(fake.tokensIssued() - issuedBefore).toBe(1);

    fake.expireAccessTokens();
    await client.sendSubscribeMessage(message);
    expect(fake.tokensIssued() - issuedBefore).toBe(2);
  });

  it('an unreachable WeChat is a WechatError without errcode', async () => {
    const closed = await startFakeWechatServer();
    const apiBase = closed.apiBase;
    await closed.close();
    const client = createWechatClient({ appId, appSecret, apiBase }, recordingLogger());
    await expect(client.code2Session('ok-alice')).rejects.toMatchObject({
      errcode: null,
      status: 502,
      message: '无法连接微信服务器，请稍后再试',
    });
  });
});

describe('fake openid rule', () => {
  it.each([
    ['ok-alice', 'o-alice'],
    ['dev-xiangmu01-123', 'o-dev-xiangmu01'],
    ['ok-xiangmu01-1700000000', 'o-xiangmu01'],
    ['plain', 'o-plain'],
    ['bad', null],
    ['bad-xiangmu01', null],
    ['ok-', null],
  ])('%s → %s', (code, openId) => {
    expect(fakeOpenIdForCode(code)).toBe(openId);
  });
});
