import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../../src/clients/models';
import { scrub } from '../../src/core/logger';
import { startTestApp, type TestApp } from '../support/test-app';

// Issue 9 §2: bad input is a Chinese 400, never a 500, and nothing secret reaches the log.
let t: TestApp;
const lines: string[] = [];
beforeAll(async () => {
  t = await startTestApp({ log: { write: (line) => void lines.push(line) } });
}, 120_000);
afterAll(async () => t?.close());

async function raw(
  method: string,
  path: string,
  body: string,
  contentType = 'application/json',
  token?: string,
) {
  const res = await fetch(t.baseURL + path, {
    method,
    headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: res.status, body: (await res.json()) as any };
}
const chinese = /[\u4e00-\u9fff]/;
/** zod's zh-CN wording keeps type names and patterns in English ("期望 数字，实际接收 string"). */
const english = /\b(string|number|boolean|object|undefined|int)\b|期望 |实际接收|正则表达式/;

describe('bodies that are not what a route takes', () => {
  it.each([
    ['malformed JSON', '{"channel":"web","accountName":"zongdui","password":"Leaked-pw-1'],
    ['an array', '[{"accountName":"zongdui"}]'],
    ['a string', '"zongdui"'],
    ['null', 'null'],
    ['a __proto__ key', '{"__proto__":{"admin":true},"channel":"app","accountName":"a","password":"b"}'],
    [
      'a constructor key',
      '{"constructor":{"prototype":{"admin":true}},"channel":"app","accountName":"a","password":"b"}',
    ],
    ['a NUL byte', '{"channel":"app","accountName":"zong\\u0000dui","password":"b"}'],
  ])('%s → 400 in Chinese', async (label, body) => {
    const res = await raw('POST', '/api/auth/login', body);
    expect(res.status).toBe(400);
    // Refused for what it is, not for the made-up account further on.
    if (/__proto__|constructor|NUL/.test(label)) expect(res.body.error.code).toBe('bad_input');
    expect(res.body.error.message).toMatch(chinese);
    expect(({} as any).admin).toBeUndefined();
  });

  it('a truncated multipart upload → 400 in Chinese', async () => {
    const token = await t.login('jigou01');
    const res = await raw(
      'POST',
      '/api/files',
      '--b0\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4',
      'multipart/form-data; boundary=b0',
      token,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(chinese);
  });
});

describe('strict numbers and ids', () => {
  it('path ids are positive decimal integers: 0x10, 1e3 and the like touch nothing', async () => {
    const token = await t.login('jigou01');
    const created = await t.request('POST', '/api/clients', {
      token,
      body: {
        name: '严格编号测试甲方',
        province: '北京市',
        city: '市辖区',
        district: '东城区',
        address: '东城区某路1号',
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    for (const bad of [`0x${id.toString(16)}`, `${id}e0`, `${id}.0`, `0${id}`, `+${id}`, `${id}%20`, '1e3']) {
      const refused = await t.request('DELETE', `/api/clients/${bad}`, { token });
      expect(refused.status, bad).toBe(400);
      expect(refused.body.error).toMatchObject({ field: 'id', message: '编号：应为数字' });
    }
    expect(await Client.findByPk(id)).not.toBeNull();
    expect((await t.request('DELETE', `/api/clients/${id}`, { token })).status).toBe(204);
  });

  it.each([true, null, '', [], '1e1', '0x2'])(
    'a number field refuses %j instead of coercing it',
    async (value) => {
      const token = await t.login('zongdui');
      const res = await t.request('POST', '/api/accounts/detachment', {
        token,
        body: { detachmentId: value, accountName: 'strict01', password: 'Start1234' },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe('detachmentId');
      expect(res.body.error.message).toMatch(chinese);
      expect(res.body.error.message).not.toMatch(english);
    },
  );

  it('a number sent as decimal text is still taken (forms and query strings)', async () => {
    const token = await t.login('zongdui');
    const res = await t.request('POST', '/api/accounts/detachment', {
      token,
      body: { detachmentId: '2', accountName: 'strict02', password: 'Start1234' },
    });
    expect(res.status).toBe(201);
    expect(
      (await t.request('GET', '/api/clients?page=0x1', { token: await t.login('jigou01') })).status,
    ).toBe(400);
  });
});

describe('the log', () => {
  it('holds no request body, password, token or captcha text', async () => {
    const secretPassword = 'Never-Logged-9';
    await raw(
      'POST',
      '/api/auth/login',
      `{"channel":"app","accountName":"caozuo01","password":"${secretPassword}`,
    );
    await raw(
      'POST',
      '/api/auth/login',
      JSON.stringify({ channel: 'app', accountName: 'caozuo01', password: secretPassword }),
    );
    const ok = await t.request('POST', '/api/auth/login', {
      body: { channel: 'app', accountName: 'caozuo01', password: 'demo123456' },
    });
    const cap = await t.request('GET', '/api/auth/captcha');
    const text = (await t.request('GET', `/api/auth/captcha/${cap.body.captchaId}/peek`)).body.text as string;
    await t.request('POST', '/api/auth/login', {
      body: {
        channel: 'web',
        accountName: 'zongdui',
        password: secretPassword,
        captchaId: cap.body.captchaId,
        captchaText: text,
      },
    });
    await t.request('GET', '/api/auth/me', { token: ok.body.accessToken });
    const log = lines.join('');
    expect(log).toContain('/api/auth/login');
    for (const secret of [
      secretPassword,
      'demo123456',
      ok.body.accessToken,
      ok.body.refreshToken,
      `"${text}"`,
    ])
      expect(log).not.toContain(secret);
  });

  it('scrubs ID numbers, secrets and bodies from whatever is logged, errors included', () => {
    const err = Object.assign(new Error("Duplicate entry '11010519900101123X' for key 'idNumber'"), {
      body: '{"password":"x"}',
      sql: "INSERT INTO persons VALUES ('11010519900101123X')",
    });
    const out = JSON.stringify(
      scrub({
        err,
        idNumber: '110105199001011234',
        nested: { refreshToken: 'abc', note: '证件110105199001011234' },
      }),
    );
    expect(out).not.toMatch(/11010519900101123[4X]/);
    expect(out).not.toContain('"password":"x"');
    expect(out).not.toContain('abc');
    expect(out).toContain('Duplicate entry');
  });
});
