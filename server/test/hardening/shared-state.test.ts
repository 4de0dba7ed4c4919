import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';
import { startFakeWechatServer, type FakeWechatServer } from '../../src/platform/wechat/fake-wechat-server';
import { createWechatClient, redisTokenStore } from '../../src/platform/wechat/wechat-client';
import { recordingLogger } from '../platform/fixtures/recording-logger';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('the WeChat access token is shared through Redis', () => {
  let fake: FakeWechatServer;
  let redis: Redis;
  const prefix = `xf-test-${randomBytes(4).toString('hex')}`;
  beforeAll(async () => {
    fake = await startFakeWechatServer({ appId: 'wx-shared', appSecret: 's' });
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    await fake.close();
  });

  it('three processes fetch one token between them and none invalidates another', async () => {
    const clients = [1, 2, 3].map(() =>
      createWechatClient(
        { appId: 'wx-shared', appSecret: 's', apiBase: fake.apiBase },
        recordingLogger(),
        redisTokenStore(new Redis(REDIS_URL), 'wx-shared', prefix),
      ),
    );
    for (const round of [1, 2])
      for (const [i, c] of clients.entries())
        await c.sendSubscribeMessage({
          toOpenId: `o-${i}`,
          templateId: 't',
          data: { thing1: { value: `第${round}轮` } },
        });
    expect(fake.tokensIssued()).toBe(1);
    expect(fake.outbox()).toHaveLength(6);
    expect(await redis.pttl(`${prefix}:wechat:access-token:wx-shared`)).toBeGreaterThan(0);
  });
});

describe('configuration for several processes', () => {
  it('a MySQL database needs JWT_SECRET: no per-process generated secret', () => {
    const env = {
      NODE_ENV: 'development',
      DATA_DIR: '/tmp/xf-cfg',
      DATABASE_URL: 'mysql://root@db/xf',
    } as const;
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(/使用MySQL数据库.*必须设置JWT_SECRET/);
    expect(loadConfig({ ...env, JWT_SECRET: 'x'.repeat(32) }).jwtSecret).toBe('x'.repeat(32));
  });
});
