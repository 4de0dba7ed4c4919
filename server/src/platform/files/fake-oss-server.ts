// A stand-in for Aliyun OSS used by tests and the dev profile only: the real ali-oss client talks to it over HTTP,
// so request signing, content digests and error responses go through the same code paths as in production.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OssFileStoreConfig } from './file-store';

export interface FakeOssServerOptions {
  bucket?: string;
  accessKeyId?: string;
  accessKeySecret?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
}

export interface FakeOssServer {
  /** `http://localhost:PORT`: ali-oss refuses to sign for an IP endpoint, so the host name is used. */
  endpoint: string;
  port: number;
  /** Ready to pass to createFileStore. */
  config: OssFileStoreConfig;
  objectKeys(): string[];
  close(): Promise<void>;
}

interface StoredObject {
  body: Buffer;
  contentType: string;
  etag: string;
  lastModified: Date;
}

export async function startFakeOssServer(options: FakeOssServerOptions = {}): Promise<FakeOssServer> {
  const bucket = options.bucket ?? 'xf-dev';
  const accessKeyId = options.accessKeyId ?? 'fake-oss-key-id';
  const accessKeySecret = options.accessKeySecret ?? 'fake-oss-key-secret';
  const objects = new Map<string, StoredObject>();

  const server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => sendError(res, 500, 'InternalError', err.message));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const key = decodeURIComponent(url.pathname.slice(1));
    const body = await readBody(req);

    const authError = checkSignature(req, url, key);
    if (authError) return sendError(res, 403, authError.code, authError.message);
    if (!key) return sendError(res, 400, 'InvalidObjectName', 'The object name is empty.');

    switch (req.method) {
      case 'PUT': {
        const digest = createHash('md5').update(body).digest();
        const declared = req.headers['content-md5'];
        if (declared && declared !== digest.toString('base64')) {
          return sendError(res, 400, 'InvalidDigest', 'The Content-MD5 you specified was invalid.');
        }
        const etag = `"${digest.toString('hex').toUpperCase()}"`;
        objects.set(key, {
          body,
          contentType: req.headers['content-type'] ?? 'application/octet-stream',
          etag,
          lastModified: new Date(),
        });
        res.writeHead(200, { ETag: etag, 'x-oss-request-id': requestId(), 'Content-Length': 0 });
        return void res.end();
      }
      case 'GET':
      case 'HEAD': {
        const object = objects.get(key);
        if (!object)
          return sendError(res, 404, 'NoSuchKey', 'The specified key does not exist.', req.method === 'HEAD');
        res.writeHead(200, {
          'Content-Type': object.contentType,
          'Content-Length': object.body.length,
          ETag: object.etag,
          'Last-Modified': object.lastModified.toUTCString(),
          'x-oss-request-id': requestId(),
        });
        return void res.end(req.method === 'GET' ? object.body : undefined);
      }
      case 'DELETE':
        objects.delete(key);
        res.writeHead(204, { 'x-oss-request-id': requestId() });
        return void res.end();
      default:
        return sendError(
          res,
          405,
          'MethodNotAllowed',
          'The specified method is not allowed against this resource.',
        );
    }
  }

  /** OSS header signature, version 1: HMAC-SHA1 over the verb, digest, type, date, x-oss-* headers and resource. */
  function checkSignature(
    req: IncomingMessage,
    url: URL,
    key: string,
  ): { code: string; message: string } | null {
    const match = /^OSS ([^:]+):(.+)$/.exec(req.headers.authorization ?? '');
    if (!match) return { code: 'AccessDenied', message: 'Authorization header is missing or malformed.' };
    if (match[1] !== accessKeyId)
      return { code: 'InvalidAccessKeyId', message: 'The OSS Access Key Id you provided does not exist.' };
    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(',') : (value ?? '');
    };
    const ossHeaders = Object.keys(req.headers)
      .filter((name) => name.startsWith('x-oss-'))
      .sort()
      .map((name) => `${name}:${header(name).trim()}`);
    const subresources = [...url.searchParams.keys()].sort().map((name) => {
      const value = url.searchParams.get(name);
      return value ? `${name}=${value}` : name;
    });
    const resource = `/${bucket}/${key}${subresources.length ? `?${subresources.join('&')}` : ''}`;
    const date = header('x-oss-date') || header('date');
    const stringToSign = [
      req.method,
      header('content-md5'),
      header('content-type'),
      date,
      ...ossHeaders,
      resource,
    ].join('\n');
    const expected = createHmac('sha1', accessKeySecret)
      .update(Buffer.from(stringToSign, 'utf8'))
      .digest('base64');
    if (expected !== match[2]) {
      return {
        code: 'SignatureDoesNotMatch',
        message: 'The request signature we calculated does not match the signature you provided.',
      };
    }
    return null;
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const endpoint = `http://localhost:${port}`;
  return {
    endpoint,
    port,
    config: { kind: 'oss', endpoint, bucket, accessKeyId, accessKeySecret, cname: true, secure: false },
    objectKeys: () => [...objects.keys()],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const requestId = () => randomBytes(12).toString('hex').toUpperCase();

function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headOnly = false,
): void {
  const id = requestId();
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>${code}</Code>\n  <Message>${message}</Message>\n` +
    `  <RequestId>${id}</RequestId>\n  <HostId>localhost</HostId>\n</Error>\n`;
  res.writeHead(status, {
    'Content-Type': 'application/xml',
    'x-oss-request-id': id,
    'Content-Length': headOnly ? 0 : Buffer.byteLength(xml),
  });
  res.end(headOnly ? undefined : xml);
}
