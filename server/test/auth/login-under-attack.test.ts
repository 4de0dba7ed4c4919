import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../../src/accounts/models';
import { LoginThrottle, RefreshToken } from '../../src/auth/models';
import { IDLE_THROTTLE_MS, pruneIdleThrottles } from '../../src/auth/throttle';
import { hashToken } from '../../src/auth/tokens';
import { startPeerProcess, startTestApp, type TestApp } from '../support/test-app';
import { call, captcha, freshAccount, login, seen, type Answer } from './support';

// Issue 9 §1: login under parallel guessing, captchas, wrong channels and unknown names, on one process and
// across two processes sharing the database.
let t: TestApp;
let peer: { baseURL: string; stop(): Promise<void> };
beforeAll(async () => {
  t = await startTestApp();
  peer = await startPeerProcess(t);
}, 120_000);
afterAll(async () => {
  await peer?.stop();
  await t?.close();
});

const both = (i: number) => (i % 2 ? peer.baseURL : t.baseURL);
/** Answers that mean the password was actually checked (right, wrong, wrong channel, or the locking one). */
const checked = (a: Answer) =>
  a.status === 200 ||
  a.status === 401 ||
  a.status === 403 ||
  (a.status === 423 && String(a.body.error.message).includes('连续错误'));

describe('the failure counter holds under parallel guesses', () => {
  it('checks at most five of 30 parallel guesses on two processes, the right one among them, then locks', async () => {
    const acc = await freshAccount(t, 'guess30');
    const captchas = await Promise.all(Array.from({ length: 30 }, (_, i) => captcha(both(i))));
    const answers = await Promise.all(
      captchas.map((c, i) =>
        login(both(i), {
          channel: 'web',
          accountName: acc.accountName,
          password: i === 17 ? acc.password : `wrong-${i}`,
          ...c,
        }),
      ),
    );
    expect(answers.filter(checked).length).toBeLessThanOrEqual(5);
    expect(answers.every((a) => [200, 401, 423].includes(a.status))).toBe(true);
    const right = answers[17]!;
    if (right.status !== 200) {
      // The right password came too late: the account is locked and stays locked for it.
      const row = await Account.findByPk(acc.id);
      expect(row!.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    }
  });

  it('without a captcha, 100 parallel wrong passwords through the app channel check only two', async () => {
    const acc = await freshAccount(t, 'guess100');
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        login(both(i), { channel: 'app', accountName: acc.accountName, password: `wrong-${i}` }),
      ),
    );
    expect(answers.filter(checked)).toHaveLength(2);
    expect(answers.filter((a) => a.body.error?.code === 'captcha_required')).toHaveLength(98);
    const row = await Account.findByPk(acc.id);
    expect(row!.failedLogins).toBe(2);
  });

  it('with captchas, 40 parallel wrong passwords on two processes lock the account after exactly five', async () => {
    const acc = await freshAccount(t, 'guess40');
    const captchas = await Promise.all(Array.from({ length: 40 }, (_, i) => captcha(both(i))));
    const answers = await Promise.all(
      captchas.map((c, i) =>
        login(both(i), { channel: 'app', accountName: acc.accountName, password: `wrong-${i}`, ...c }),
      ),
    );
    expect(answers.filter((a) => a.status === 401)).toHaveLength(4);
    expect(answers.filter((a) => String(a.body.error?.message).includes('连续错误5次'))).toHaveLength(1);
    expect(answers.filter((a) => a.status === 423)).toHaveLength(36);
    const locked = await login(t.baseURL, {
      channel: 'web',
      accountName: acc.accountName,
      password: acc.password,
      ...(await captcha(t.baseURL)),
    });
    expect(locked.status).toBe(423);
  });
});

describe('a challenge on every channel', () => {
  it.each(['app', 'weapp'] as const)('after two failures the %s channel needs a captcha', async (channel) => {
    const acc = await freshAccount(t, `cap${channel}`);
    for (let i = 0; i < 2; i++)
      expect(
        (await login(t.baseURL, { channel, accountName: acc.accountName, password: 'nope-nope' })).status,
      ).toBe(401);
    const blocked = await login(peer.baseURL, {
      channel,
      accountName: acc.accountName,
      password: acc.password,
    });
    expect(blocked.status).toBe(400);
    expect(blocked.body.error).toMatchObject({ code: 'captcha_required', field: 'captchaText' });
    expect(blocked.body.error.message).toContain('验证码');
    const withCaptcha = await login(peer.baseURL, {
      channel: 'web',
      accountName: acc.accountName,
      password: acc.password,
      ...(await captcha(t.baseURL)),
    });
    expect(withCaptcha.status).toBe(200);
  });

  it('a channel without a captcha form may try again once the challenge period has passed', async () => {
    const acc = await freshAccount(t, 'capwait');
    for (let i = 0; i < 2; i++)
      await login(t.baseURL, { channel: 'app', accountName: acc.accountName, password: 'nope-nope' });
    const body = { channel: 'app', accountName: acc.accountName, password: acc.password };
    expect((await login(t.baseURL, body)).body.error.code).toBe('captcha_required');
    await Account.update({ lastAttemptAt: new Date(Date.now() - 16 * 60_000) }, { where: { id: acc.id } });
    expect((await login(t.baseURL, body)).body.error.code).toBe('wrong_channel');
    expect((await Account.findByPk(acc.id))!.failedLogins).toBe(0);
  });

  it('one captcha is good for one login even under 10 parallel logins on two processes', async () => {
    const c = await captcha(t.baseURL);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        login(both(i), { channel: 'web', accountName: 'zongdui', password: 'demo123456', ...c }),
      ),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 400 && a.body.error.field === 'captchaText')).toHaveLength(9);
  });
});

describe('the answers tell nothing about which accounts exist', () => {
  async function attempts(accountName: string, channel: string, n: number) {
    const out = [];
    for (let i = 0; i < n; i++)
      out.push(
        seen(
          await login(t.baseURL, {
            channel,
            accountName,
            password: `wrong-${i}`,
            ...(await captcha(t.baseURL)),
          }),
        ),
      );
    return out;
  }

  it('an unknown name and a known one with wrong passwords get the same answers, lock included', async () => {
    const acc = await freshAccount(t, 'enum01');
    const known = await attempts(acc.accountName, 'web', 6);
    const unknown = await attempts('nobody-here', 'web', 6);
    expect(unknown.slice(0, 5)).toEqual(known.slice(0, 5));
    expect(known[0]).toEqual({ status: 401, code: 'invalid_credentials', message: '账号或密码错误' });
    expect(known[4]!.status).toBe(423);
    expect(unknown[5]!.status).toBe(known[5]!.status);
    expect(unknown[5]!.code).toBe(known[5]!.code);
  });

  it('without a captcha too: an unknown name needs the captcha after the same two failures', async () => {
    const acc = await freshAccount(t, 'enum02');
    const run = async (accountName: string) => {
      const out = [];
      for (let i = 0; i < 3; i++)
        out.push(seen(await login(t.baseURL, { channel: 'app', accountName, password: `wrong-${i}` })));
      return out;
    };
    const known = await run(acc.accountName);
    expect(await run('nobody-else')).toEqual(known);
    expect(known[2]!.code).toBe('captcha_required');
  });

  it('forgets a name without an account a day after its last try, unless it is locked', async () => {
    const idle = 'nobody-idle';
    for (let i = 0; i < 2; i++) await login(t.baseURL, { channel: 'app', accountName: idle, password: `w-${i}` });
    const locked = await attempts('nobody-locked', 'web', 5);
    expect(locked[4]!.status).toBe(423);
    const names = async () =>
      (await LoginThrottle.findAll({ where: { accountName: [idle, 'nobody-locked'] } })).map((r) => r.accountName);
    expect((await names()).sort()).toEqual(['nobody-idle', 'nobody-locked']);
    // An hour later nothing goes; a day later the idle name goes, the locked one stays until its lock ends.
    expect(await pruneIdleThrottles(new Date(Date.now() + 3600_000))).toBe(0);
    const dayLater = new Date(Date.now() + IDLE_THROTTLE_MS + 60_000);
    const lockedRow = (await LoginThrottle.findOne({ where: { accountName: 'nobody-locked' } }))!;
    await lockedRow.update({ lockedUntil: new Date(dayLater.getTime() + 60_000) });
    await pruneIdleThrottles(dayLater);
    expect(await names()).toEqual(['nobody-locked']);
    await pruneIdleThrottles(new Date(dayLater.getTime() + 120_000));
    expect(await names()).toEqual([]);
  });

  it('a web-only account tried through the app with a wrong password answers as a wrong password', async () => {
    const acc = await freshAccount(t, 'channel01');
    const wrongChannelWrongPassword = await login(t.baseURL, {
      channel: 'app',
      accountName: acc.accountName,
      password: 'wrong-pass',
    });
    const rightChannelWrongPassword = await login(t.baseURL, {
      channel: 'app',
      accountName: 'caozuo02',
      password: 'wrong-pass',
    });
    const unknown = await login(t.baseURL, {
      channel: 'app',
      accountName: 'nobody-3',
      password: 'wrong-pass',
    });
    expect(seen(wrongChannelWrongPassword)).toEqual(seen(rightChannelWrongPassword));
    expect(seen(unknown)).toEqual(seen(rightChannelWrongPassword));
    const right = await login(t.baseURL, {
      channel: 'app',
      accountName: acc.accountName,
      password: acc.password,
    });
    expect(right.status).toBe(403);
    expect(right.body.error.code).toBe('wrong_channel');
  });
});

describe('refresh tokens', () => {
  const appLogin = async () =>
    (await login(t.baseURL, { channel: 'app', accountName: 'caozuo01', password: 'demo123456' })).body;

  const refreshWith = (base: string, refreshToken: string) =>
    call(base, 'POST', '/api/auth/refresh', { refreshToken });

  it('reusing a rotated refresh token after its successor was used ends the whole family', async () => {
    const first = await appLogin();
    const second = await refreshWith(t.baseURL, first.refreshToken);
    const third = await refreshWith(peer.baseURL, second.body.refreshToken);
    expect(third.status).toBe(200);
    expect((await call(t.baseURL, 'GET', '/api/auth/me', undefined, third.body.accessToken)).status).toBe(
      200,
    );
    const reused = await refreshWith(peer.baseURL, first.refreshToken);
    expect(reused.status).toBe(401);
    expect(reused.body.error.code).toBe('refresh_reused');
    expect((await refreshWith(t.baseURL, third.body.refreshToken)).status).toBe(401);
    expect((await call(t.baseURL, 'GET', '/api/auth/me', undefined, third.body.accessToken)).status).toBe(
      401,
    );
  });

  it('reusing a rotated refresh token later ends the whole family; just after the rotation it is refused', async () => {
    const first = await appLogin();
    const second = await refreshWith(t.baseURL, first.refreshToken);
    // Right after the rotation, with the successor unused, a repeat may be a slow racer: refused, session kept.
    const soon = await refreshWith(t.baseURL, first.refreshToken);
    expect(soon.status).toBe(401);
    expect((await call(t.baseURL, 'GET', '/api/auth/me', undefined, second.body.accessToken)).status).toBe(
      200,
    );
    await RefreshToken.update(
      { rotatedAt: new Date(Date.now() - 11_000) },
      { where: { tokenHash: hashToken(first.refreshToken) } },
    );
    const later = await refreshWith(peer.baseURL, first.refreshToken);
    expect(later.body.error.code).toBe('refresh_reused');
    expect((await refreshWith(t.baseURL, second.body.refreshToken)).status).toBe(401);
    expect((await call(t.baseURL, 'GET', '/api/auth/me', undefined, second.body.accessToken)).status).toBe(
      401,
    );
  });

  it('parallel refreshes of one token leave one live token', async () => {
    const first = await appLogin();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call(both(i), 'POST', '/api/auth/refresh', { refreshToken: first.refreshToken }),
      ),
    );
    // Those that arrived before the rotation share its successor; any that arrived just after are refused.
    expect(answers.every((a) => a.status === 200 || a.body.error.code === 'refresh_invalid')).toBe(true);
    const issued = new Set(answers.filter((a) => a.status === 200).map((a) => a.body.refreshToken));
    expect(issued.size).toBe(1);
    const [live] = [...issued];
    const next = await call(t.baseURL, 'POST', '/api/auth/refresh', { refreshToken: live });
    expect(next.status).toBe(200);
    expect(
      (await call(t.baseURL, 'POST', '/api/auth/refresh', { refreshToken: first.refreshToken })).status,
    ).toBe(401);
  });
});

describe('ending sessions ends their access tokens at once', () => {
  const appLogin = async (password = 'demo123456') =>
    (await login(t.baseURL, { channel: 'app', accountName: 'caozuo02', password })).body;
  const me = (token: string, base = t.baseURL) => call(base, 'GET', '/api/auth/me', undefined, token);

  it('changing the password ends the other sessions; the one that changed it goes on', async () => {
    const here = await appLogin();
    const there = await appLogin();
    const changed = await call(
      t.baseURL,
      'POST',
      '/api/auth/password',
      { oldPassword: 'demo123456', newPassword: 'Changed123' },
      here.accessToken,
    );
    expect(changed.status).toBe(200);
    expect((await me(here.accessToken)).status).toBe(200);
    expect((await me(there.accessToken, peer.baseURL)).status).toBe(401);
    expect(
      (await call(t.baseURL, 'POST', '/api/auth/refresh', { refreshToken: there.refreshToken })).status,
    ).toBe(401);
    expect(
      (await call(t.baseURL, 'POST', '/api/auth/refresh', { refreshToken: here.refreshToken })).status,
    ).toBe(200);
    // Back to the demo password for the tests below.
    const token = (await appLogin('Changed123')).accessToken;
    await call(
      t.baseURL,
      'POST',
      '/api/auth/password',
      { oldPassword: 'Changed123', newPassword: 'demo123456' },
      token,
    );
  });

  it('logout ends the access token of that session at once', async () => {
    const s = await appLogin();
    expect((await me(s.accessToken)).status).toBe(200);
    const out = await call(
      t.baseURL,
      'POST',
      '/api/auth/logout',
      { refreshToken: s.refreshToken },
      s.accessToken,
    );
    expect(out.status).toBe(200);
    expect((await me(s.accessToken, peer.baseURL)).status).toBe(401);
    expect(
      (await call(t.baseURL, 'POST', '/api/auth/refresh', { refreshToken: s.refreshToken })).status,
    ).toBe(401);
  });

  it('an admin reset and disabling end the sessions at once', async () => {
    const admin = await t.login('jigou01');
    const operator = await Account.findOne({ where: { accountName: 'caozuo02' } });
    const s = await appLogin();
    const reset = await t.request('POST', `/api/accounts/${operator!.id}/reset-password`, {
      token: admin,
      body: { password: 'Reset5678' },
    });
    expect(reset.status).toBe(200);
    expect((await me(s.accessToken)).status).toBe(401);
    expect(
      (await call(t.baseURL, 'POST', '/api/auth/refresh', { refreshToken: s.refreshToken })).status,
    ).toBe(401);

    const s2 = await appLogin('Reset5678');
    expect((await me(s2.accessToken)).status).toBe(200);
    const disabled = await t.request('POST', `/api/accounts/${operator!.id}/disable`, { token: admin });
    expect(disabled.status).toBe(200);
    expect((await me(s2.accessToken, peer.baseURL)).status).toBeGreaterThanOrEqual(401);
    expect((await me(s2.accessToken, peer.baseURL)).status).toBeLessThanOrEqual(403);
    const refreshed = await call(t.baseURL, 'POST', '/api/auth/refresh', { refreshToken: s2.refreshToken });
    expect([401, 403]).toContain(refreshed.status);
  });
});
