// Shared steps for the admin-web browser tests (scripts/e2e/admin-*.test.ts).
import type { Page } from 'playwright-core';
import { peekCaptcha } from './harness';

export const DEMO_PASSWORD = 'demo123456';

export interface ApiSession {
  accessToken: string;
  user: {
    id: number;
    accountName: string;
    kind: string;
    institutionId: number | null;
    mustChangePassword: boolean;
  };
}

/** Logs in through the API (web client, captcha read via the test-only peek route). */
export async function apiLogin(
  baseURL: string,
  accountName: string,
  password = DEMO_PASSWORD,
  channel = 'web',
): Promise<ApiSession> {
  let captcha: { captchaId?: string; captchaText?: string } = {};
  if (channel === 'web') {
    const { captchaId } = (await (await fetch(`${baseURL}/api/auth/captcha`)).json()) as {
      captchaId: string;
    };
    captcha = { captchaId, captchaText: await peekCaptcha(baseURL, captchaId) };
  }
  const res = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ channel, accountName, password, ...captcha }),
  });
  if (!res.ok) throw new Error(`login ${accountName} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as ApiSession;
}

export async function apiCall<T>(
  baseURL: string,
  session: ApiSession,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${baseURL}/api${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${session.accessToken}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Waits for a captcha image different from `previousId` and returns its id. */
async function currentCaptchaId(page: Page, previousId = ''): Promise<string> {
  const handle = await page.waitForFunction((prev) => {
    const id = document.querySelector('[data-testid="captcha-image"]')?.getAttribute('data-captcha-id');
    return id && id !== prev ? id : null;
  }, previousId);
  return (await handle.jsonValue()) as string;
}

/** Fills 用户名 / 密码 / 验证码 on the login page and clicks 登录. Returns the captcha id used. */
export async function uiLogin(
  page: Page,
  baseURL: string,
  accountName: string,
  password: string,
  previousCaptchaId = '',
): Promise<string> {
  const captchaId = await currentCaptchaId(page, previousCaptchaId);
  await page.getByPlaceholder('用户名').fill(accountName);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByPlaceholder('验证码').fill(await peekCaptcha(baseURL, captchaId));
  await page.getByRole('button', { name: '登录', exact: true }).click();
  return captchaId;
}

/** Opens the login page and logs in; waits for the home page. */
export async function loginAndWaitHome(
  page: Page,
  baseURL: string,
  accountName: string,
  password = DEMO_PASSWORD,
) {
  await page.goto('/login');
  await uiLogin(page, baseURL, accountName, password);
  await page.getByTestId('home-welcome').waitFor();
}

/** Text of the antd form field error under the labelled form item. */
export async function fieldError(page: Page, label: string): Promise<string> {
  const item = page.locator('.ant-form-item').filter({ has: page.locator(`label[title="${label}"]`) });
  const explain = item.locator('.ant-form-item-explain-error').first();
  await explain.waitFor();
  return (await explain.textContent()) ?? '';
}
