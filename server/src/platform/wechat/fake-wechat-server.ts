// A stand-in for api.weixin.qq.com used by tests and the dev profile only; the real co-wechat-api client talks to it.
//
// Log-in codes (what wx.login would return) map to openids by this rule:
//   - a code starting with `bad` is refused with errcode 40029 (invalid code);
//   - otherwise a leading `ok-` is dropped, then one trailing `-<digits>` segment (a nonce, so every log-in can send
//     a fresh code as real WeChat does), and the openid is `o-` + what remains, the unionid `u-` + what remains.
//   Examples: `ok-alice` → `o-alice`; `dev-xiangmu01-123` → `o-dev-xiangmu01`; `ok-xiangmu01-1700000000` → `o-xiangmu01`.
// Subscribe messages to an openid starting with `o-refuse` are refused with errcode 43101 (user has not subscribed);
// every accepted message is kept in the outbox (GET /__outbox) and appended as a JSON line to `outboxFile`.
import { createHash, randomBytes } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface FakeWechatMessage {
  toOpenId: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  sentAt: string;
}

export interface FakeWechatServerOptions {
  /** When given, requests carrying another AppID/AppSecret are refused as WeChat would (40013 / 40125). */
  appId?: string;
  appSecret?: string;
  outboxFile?: string;
  port?: number;
}

export interface FakeWechatServer {
  /** `http://127.0.0.1:PORT`, for createWechatClient's `apiBase`. */
  apiBase: string;
  port: number;
  outbox(): FakeWechatMessage[];
  /** How many access tokens /cgi-bin/token has handed out. */
  tokensIssued(): number;
  /** Invalidates every access token handed out so far, as WeChat does when a token is refreshed elsewhere. */
  expireAccessTokens(): void;
  close(): Promise<void>;
}

/** The openid the fake returns for a log-in code, or null when the code is refused. */
export function fakeOpenIdForCode(code: string): string | null {
  const subject = fakeSubjectForCode(code);
  return subject === null ? null : `o-${subject}`;
}

function fakeSubjectForCode(code: string): string | null {
  if (code.startsWith('bad')) return null;
  const subject = code.replace(/^ok-/, '').replace(/-\d+$/, '');
  return subject === '' ? null : subject;
}

export async function startFakeWechatServer(
  options: FakeWechatServerOptions = {},
): Promise<FakeWechatServer> {
  const outbox: FakeWechatMessage[] = [];
  const validTokens = new Set<string>();
  let tokensIssued = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((err: Error) =>
      sendJson(res, { errcode: -1, errmsg: `system error: ${err.message}` }),
    );
  });

  const credentialError = (appId: string | null, secret: string | null) => {
    if (options.appId !== undefined && appId !== options.appId)
      return { errcode: 40013, errmsg: 'invalid appid' };
    if (options.appSecret !== undefined && secret !== options.appSecret)
      return { errcode: 40125, errmsg: 'invalid appsecret' };
    return null;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = url.searchParams;

    if (req.method === 'GET' && url.pathname === '/cgi-bin/token') {
      const refused = credentialError(query.get('appid'), query.get('secret'));
      if (refused) return sendJson(res, refused);
      tokensIssued += 1;
      const token = `fake-token-${tokensIssued}-${randomBytes(8).toString('hex')}`;
      validTokens.add(token);
      return sendJson(res, { access_token: token, expires_in: 7200 });
    }

    if (req.method === 'GET' && url.pathname === '/sns/jscode2session') {
      const refused = credentialError(query.get('appid'), query.get('secret'));
      if (refused) return sendJson(res, refused, 'text/plain');
      const code = query.get('js_code') ?? '';
      const subject = fakeSubjectForCode(code);
      if (subject === null) return sendJson(res, { errcode: 40029, errmsg: 'invalid code' }, 'text/plain');
      const sessionKey = createHash('sha256').update(code).digest().subarray(0, 16).toString('base64');
      return sendJson(
        res,
        { openid: `o-${subject}`, unionid: `u-${subject}`, session_key: sessionKey },
        'text/plain',
      );
    }

    if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
      if (!validTokens.has(query.get('access_token') ?? '')) {
        return sendJson(res, {
          errcode: 40001,
          errmsg: 'invalid credential, access_token is invalid or not latest',
        });
      }
      const body = JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>;
      if (typeof body.touser !== 'string' || body.touser === '')
        return sendJson(res, { errcode: 40003, errmsg: 'invalid openid' });
      if (typeof body.template_id !== 'string' || body.template_id === '') {
        return sendJson(res, { errcode: 40037, errmsg: 'invalid template_id' });
      }
      if (!isTemplateData(body.data))
        return sendJson(res, { errcode: 47003, errmsg: 'argument invalid! data.value invalid' });
      if (body.touser.startsWith('o-refuse'))
        return sendJson(res, { errcode: 43101, errmsg: 'user refuse to accept the msg' });

      const message: FakeWechatMessage = {
        toOpenId: body.touser,
        templateId: body.template_id,
        ...(typeof body.page === 'string' && body.page !== '' ? { page: body.page } : {}),
        data: body.data,
        sentAt: new Date().toISOString(),
      };
      outbox.push(message);
      if (options.outboxFile) {
        await mkdir(path.dirname(options.outboxFile), { recursive: true });
        await appendFile(options.outboxFile, `${JSON.stringify(message)}\n`);
      }
      return sendJson(res, { errcode: 0, errmsg: 'ok', msgid: outbox.length });
    }

    if (req.method === 'GET' && url.pathname === '/__outbox') return sendJson(res, outbox);

    res.writeHead(404, { 'Content-Type': 'text/html' });
    res.end('<html><body>404 Not Found</body></html>');
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    apiBase: `http://127.0.0.1:${port}`,
    port,
    outbox: () => outbox.map((m) => structuredClone(m)),
    tokensIssued: () => tokensIssued,
    expireAccessTokens: () => validTokens.clear(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function isTemplateData(data: unknown): data is Record<string, { value: string }> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  return Object.values(data).every(
    (v) => typeof v === 'object' && v !== null && typeof (v as { value?: unknown }).value === 'string',
  );
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, body: unknown, contentType = 'application/json'): void {
  const text = JSON.stringify(body);
  res.writeHead(200, {
    'Content-Type': `${contentType}; charset=utf-8`,
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}
