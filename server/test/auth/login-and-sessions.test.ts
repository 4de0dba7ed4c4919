import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPeerProcess, startTestApp, type TestApp } from '../support/test-app';
import { Account } from '../../src/accounts/models';
import { OperationLog } from '../../src/operation-log/model';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

async function captcha() {
  const cap = await t.request('GET', '/api/auth/captcha');
  const peek = await t.request('GET', `/api/auth/captcha/${cap.body.captchaId}/peek`);
  return { captchaId: cap.body.captchaId as string, captchaText: peek.body.text as string };
}

describe('web login', () => {
  it('serves an SVG captcha', async () => {
    const cap = await t.request('GET', '/api/auth/captcha');
    expect(cap.status).toBe(200);
    expect(cap.body.svg).toMatch(/^<svg/);
  });

  it("tells the captcha's text only to the test profile, not to a development server", async () => {
    const cap = await t.request('GET', '/api/auth/captcha');
    expect((await t.request('GET', `/api/auth/captcha/${cap.body.captchaId}/peek`)).status).toBe(200);
    // A second process in the development profile, as `npm start` runs, on the same database.
    const dev = await startPeerProcess(t, { NODE_ENV: 'development' });
    try {
      const devCap = (await fetch(`${dev.baseURL}/api/auth/captcha`).then((r) => r.json())) as any;
      expect(devCap.captchaId).toBeTruthy();
      const peek = await fetch(`${dev.baseURL}/api/auth/captcha/${devCap.captchaId}/peek`);
      expect(peek.status).toBe(404);
      expect(((await peek.json()) as any).text).toBeUndefined();
    } finally {
      await dev.stop();
    }
  }, 60_000);

  it('refuses a web login without a captcha, naming the field', async () => {
    const res = await t.request('POST', '/api/auth/login', {
      body: { channel: 'web', accountName: 'zongdui', password: 'demo123456' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('captchaText');
    expect(res.body.error.message).toContain('验证码');
  });

  it('refuses a wrong captcha and accepts the right one once', async () => {
    const c = await captcha();
    const wrong = await t.request('POST', '/api/auth/login', {
      body: {
        channel: 'web',
        accountName: 'zongdui',
        password: 'demo123456',
        captchaId: c.captchaId,
        captchaText: '0000x',
      },
    });
    expect(wrong.status).toBe(400);
    const c2 = await captcha();
    const ok = await t.request('POST', '/api/auth/login', {
      body: { channel: 'web', accountName: 'zongdui', password: 'demo123456', ...c2 },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.user.kind).toBe('brigade');
    const replay = await t.request('POST', '/api/auth/login', {
      body: { channel: 'web', accountName: 'zongdui', password: 'demo123456', ...c2 },
    });
    expect(replay.status).toBe(400);
  });

  it('locks the account for 15 minutes after 5 wrong passwords', async () => {
    const token = await t.login('zongdui');
    const issued = await t.request('POST', '/api/accounts/detachment', {
      token,
      body: { detachmentId: 2, accountName: 'locktest01', password: 'Start123' },
    });
    expect(issued.status).toBe(201);
    for (let i = 1; i <= 4; i++) {
      const r = await t.request('POST', '/api/auth/login', {
        body: { channel: 'web', accountName: 'locktest01', password: 'wrong-pass', ...(await captcha()) },
      });
      expect(r.status).toBe(401);
      expect(r.body.error.message).toBe('账号或密码错误');
    }
    const fifth = await t.request('POST', '/api/auth/login', {
      body: { channel: 'web', accountName: 'locktest01', password: 'wrong-pass', ...(await captcha()) },
    });
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.message).toContain('锁定15分钟');
    const rightButLocked = await t.request('POST', '/api/auth/login', {
      body: { channel: 'web', accountName: 'locktest01', password: 'Start123', ...(await captcha()) },
    });
    expect(rightButLocked.status).toBe(423);
    const a = await Account.findOne({ where: { accountName: 'locktest01' } });
    expect(a!.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    // After the lock expires the right password works again.
    await a!.update({ lockedUntil: new Date(Date.now() - 1000) });
    const after = await t.request('POST', '/api/auth/login', {
      body: { channel: 'web', accountName: 'locktest01', password: 'Start123', ...(await captcha()) },
    });
    expect(after.status).toBe(200);
  });
});

describe('first login forces a password change', () => {
  it('blocks everything but auth routes until the password is changed', async () => {
    const brigade = await t.login('zongdui');
    const created = await t.request('POST', '/api/accounts/institution-admin', {
      token: brigade,
      body: { institutionId: 2, accountName: 'newadmin02', password: 'Init1234' },
    });
    expect(created.status).toBe(201);
    expect(created.body.mustChangePassword).toBe(true);
    const token = await t.login('newadmin02', 'Init1234');
    const me = await t.request('GET', '/api/auth/me', { token });
    expect(me.body.mustChangePassword).toBe(true);
    const blocked = await t.request('GET', '/api/institutions/2', { token });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('must_change_password');
    const short = await t.request('POST', '/api/auth/password', {
      token,
      body: { oldPassword: 'Init1234', newPassword: '123' },
    });
    expect(short.status).toBe(400);
    expect(short.body.error.field).toBe('newPassword');
    const changed = await t.request('POST', '/api/auth/password', {
      token,
      body: { oldPassword: 'Init1234', newPassword: 'Better5678' },
    });
    expect(changed.status).toBe(200);
    const now = await t.request('GET', '/api/institutions/2', { token });
    expect(now.status).toBe(200);
  });
});

describe('channels per account kind', () => {
  it('an operator logs in from the app only', async () => {
    const app = await t.request('POST', '/api/auth/login', {
      body: { channel: 'app', accountName: 'caozuo01', password: 'demo123456' },
    });
    expect(app.status).toBe(200);
    const weapp = await t.request('POST', '/api/auth/login', {
      body: { channel: 'weapp', accountName: 'caozuo01', password: 'demo123456' },
    });
    expect(weapp.status).toBe(403);
    expect(weapp.body.error.code).toBe('wrong_channel');
    expect(weapp.body.error.message).toContain('APP');
  });
  it('a project lead logs in from WeChat only, a technical lead from WeChat and web', async () => {
    expect(
      (
        await t.request('POST', '/api/auth/login', {
          body: { channel: 'weapp', accountName: 'xiangmu01', password: 'demo123456' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await t.request('POST', '/api/auth/login', {
          body: { channel: 'app', accountName: 'xiangmu01', password: 'demo123456' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.request('POST', '/api/auth/login', {
          body: { channel: 'weapp', accountName: 'jishu01', password: 'demo123456' },
        })
      ).status,
    ).toBe(200);
    await expect(t.login('jishu01', 'demo123456', 'web')).resolves.toBeTypeOf('string');
  });
  it('an institution admin cannot log in from the app', async () => {
    const r = await t.request('POST', '/api/auth/login', {
      body: { channel: 'app', accountName: 'jigou01', password: 'demo123456' },
    });
    expect(r.status).toBe(403);
  });
});

describe('tokens', () => {
  it('refresh rotates the token; revoke-all ends every session', async () => {
    const login = await t.request('POST', '/api/auth/login', {
      body: { channel: 'app', accountName: 'caozuo01', password: 'demo123456' },
    });
    const r1 = await t.request('POST', '/api/auth/refresh', {
      body: { refreshToken: login.body.refreshToken },
    });
    expect(r1.status).toBe(200);
    expect(r1.body.refreshToken).not.toBe(login.body.refreshToken);
    expect((await t.request('GET', '/api/auth/me', { token: r1.body.accessToken })).status).toBe(200);

    const a = await t.request('POST', '/api/auth/login', {
      body: { channel: 'app', accountName: 'caozuo01', password: 'demo123456' },
    });
    const b = await t.request('POST', '/api/auth/login', {
      body: { channel: 'app', accountName: 'caozuo01', password: 'demo123456' },
    });
    const revoked = await t.request('POST', '/api/auth/revoke-all', { token: a.body.accessToken });
    expect(revoked.body.revoked).toBeGreaterThanOrEqual(2);
    expect((await t.request('GET', '/api/auth/me', { token: b.body.accessToken })).status).toBe(401);
    expect(
      (await t.request('POST', '/api/auth/refresh', { body: { refreshToken: b.body.refreshToken } })).status,
    ).toBe(401);
  });
  it('an expired access token answers token_expired', async () => {
    const { signAccessToken } = await import('../../src/auth/tokens');
    const account = await Account.findOne({ where: { accountName: 'caozuo01' } });
    const login = await t.request('POST', '/api/auth/login', {
      body: { channel: 'app', accountName: 'caozuo01', password: 'demo123456' },
    });
    const payload = decodeJwt(login.body.accessToken);
    const token = await signAccessToken(
      t.app.config.jwtSecret,
      account!,
      { id: payload.sid as string, channel: 'app' },
      -10,
    );
    const r = await t.request('GET', '/api/auth/me', { token });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('token_expired');
  });
});

describe('wechat binding', () => {
  it('binds once, then logs in silently; refuses a bad code', async () => {
    const first = await t.request('POST', '/api/auth/wechat/login', { body: { code: 'ok-lead-wx-1' } });
    expect(first.status).toBe(200);
    expect(first.body.bound).toBe(false);
    const wrongPw = await t.request('POST', '/api/auth/wechat/bind', {
      body: { bindTicket: first.body.bindTicket, accountName: 'xiangmu01', password: 'nope-nope' },
    });
    expect(wrongPw.status).toBe(401);
    const bound = await t.request('POST', '/api/auth/wechat/bind', {
      body: { bindTicket: first.body.bindTicket, accountName: 'xiangmu01', password: 'demo123456' },
    });
    expect(bound.status).toBe(200);
    expect(bound.body.user.accountName).toBe('xiangmu01');
    const again = await t.request('POST', '/api/auth/wechat/login', { body: { code: 'ok-lead-wx-2' } });
    expect(again.body.bound).toBe(true);
    expect(again.body.user.accountName).toBe('xiangmu01');
    const bad = await t.request('POST', '/api/auth/wechat/login', { body: { code: 'bad-code' } });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
    const unbind = await t.request('POST', '/api/auth/wechat/unbind', { token: again.body.accessToken });
    expect(unbind.status).toBe(200);
    expect(
      (await t.request('POST', '/api/auth/wechat/login', { body: { code: 'ok-lead-wx-3' } })).body.bound,
    ).toBe(false);
  });
  it('an operator cannot bind WeChat', async () => {
    const first = await t.request('POST', '/api/auth/wechat/login', { body: { code: 'ok-operator-wx-1' } });
    const r = await t.request('POST', '/api/auth/wechat/bind', {
      body: { bindTicket: first.body.bindTicket, accountName: 'caozuo01', password: 'demo123456' },
    });
    expect(r.status).toBe(403);
  });
});

describe('operation log', () => {
  it('is append-only', async () => {
    const row = await OperationLog.findOne();
    expect(row).not.toBeNull();
    await expect(row!.update({ action: 'tampered' })).rejects.toThrow();
    await expect(row!.destroy()).rejects.toThrow();
  });
});
