import type { TestApp } from '../support/test-app';

export interface Answer {
  status: number;
  body: any;
}

/** A JSON call to any server process (the test app or a peer on the same database). */
export async function call(baseURL: string, method: string, path: string, body?: unknown, token?: string) {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(baseURL + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined } as Answer;
}

export async function captcha(baseURL: string) {
  const cap = await call(baseURL, 'GET', '/api/auth/captcha');
  const peek = await call(baseURL, 'GET', `/api/auth/captcha/${cap.body.captchaId}/peek`);
  return { captchaId: cap.body.captchaId as string, captchaText: peek.body.text as string };
}

export const login = (baseURL: string, body: Record<string, unknown>) =>
  call(baseURL, 'POST', '/api/auth/login', body);

/** A fresh web-only (detachment) account, so each test counts its own failures. */
export async function freshAccount(t: TestApp, accountName: string, password = 'Start1234') {
  const brigade = await t.login('zongdui');
  const res = await t.request('POST', '/api/accounts/detachment', {
    token: brigade,
    body: { detachmentId: 2, accountName, password },
  });
  if (res.status !== 201) throw new Error(`create ${accountName}: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id as number, accountName, password };
}

/** What a person sees of a refusal: status, code and message (the request id differs by design). */
export const seen = (a: Answer) => ({
  status: a.status,
  code: a.body?.error?.code,
  message: a.body?.error?.message,
});
