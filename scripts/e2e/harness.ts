import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Folder where browser tests save screenshots (kept by CI as artifacts). */
export const screenshotDir = path.join(repoRoot, 'artifacts', 'screenshots');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface RunningServer {
  baseURL: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the real server (as `npm start` would, without rebuilding the clients) on a free port with a
 * fresh data folder, so demo data is loaded on first start. The client builds must already exist.
 * `reuse` starts it on a given port and data folder instead (see restartServer).
 */
export async function startServer(
  env: Record<string, string> = {},
  reuse?: { port: number; dataDir: string },
): Promise<RunningServer> {
  const port = reuse?.port ?? (await freePort());
  const dataDir = reuse?.dataDir ?? mkdtempSync(path.join(tmpdir(), 'xf-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: path.join(repoRoot, 'server'),
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      // The browser tests send one fixture photo as every live photo.
      FACE_REPLAY_MAX_BITS: 'off',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${baseURL}/api/health`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('server did not start within 120 s');
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    baseURL,
    port,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/**
 * Stops the server and starts it again on the same port and data folder with `env` (e.g. a later XF_NOW): the
 * same origin keeps the pages' sessions and offline stores, the same data folder keeps the database and files.
 */
export async function restartServer(
  server: RunningServer,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  await server.stop();
  return startServer(env, { port: server.port, dataDir: server.dataDir });
}

/** `extraArgs`: e.g. the fake camera's switches (fake-camera.ts). */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

/** A phone-sized context for the Taro H5 build (operators' app, leads' H5). */
export async function mobileContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
}

export async function desktopContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
}

export function screenshotPath(client: 'admin-web' | 'h5-lead' | 'h5-operator', name: string): string {
  const dir = path.join(screenshotDir, client);
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}

/** A laptop screen, where every page of the admin web must stay readable. */
export const LAPTOP_VIEWPORT = { width: 1366, height: 768 } as const;

/**
 * Saves a screenshot of an admin-web page at the size the test uses and again at 1366×768
 * (`<name>-1366x768.png`), then restores the size, so both are looked at on every run.
 */
export async function shootAdmin(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  await page.screenshot({ path: screenshotPath('admin-web', name), ...options });
  const size = page.viewportSize();
  if (!size || (size.width === LAPTOP_VIEWPORT.width && size.height === LAPTOP_VIEWPORT.height)) return;
  await page.setViewportSize(LAPTOP_VIEWPORT);
  try {
    await page.screenshot({ path: screenshotPath('admin-web', `${name}-1366x768`), ...options });
  } finally {
    await page.setViewportSize(size);
  }
}

/** Reads the text of a captcha through the test/dev-only peek route. */
export async function peekCaptcha(baseURL: string, captchaId: string): Promise<string> {
  const res = await fetch(`${baseURL}/api/auth/captcha/${captchaId}/peek`);
  if (!res.ok) throw new Error(`captcha peek failed: ${res.status}`);
  return ((await res.json()) as { text: string }).text;
}
