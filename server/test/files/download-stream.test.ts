import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { Account } from '../../src/accounts/models';
import { StoredFile } from '../../src/files/model';
import { startFakeOssServer, type FakeOssServer } from '../../src/platform/files/fake-oss-server';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Downloads (stored files and generated reports, both served by GET /api/files/:id) are streamed from the file
 * store, on local disk and on OSS: the bytes arrive whole, in chunked transfer (a buffered body would carry a
 * Content-Length), and a row whose bytes are gone is a 404, not a broken response.
 */
const stores: [string, () => Promise<{ env: Record<string, string>; close?: () => Promise<void> }>][] = [
  ['local disk', async () => ({ env: {} })],
  [
    'OSS (fake OSS on loopback)',
    async () => {
      const oss: FakeOssServer = await startFakeOssServer({
        bucket: 'xf-stream',
        accessKeyId: 'id-stream',
        accessKeySecret: 'secret-stream',
      });
      return {
        env: {
          OSS_BUCKET: 'xf-stream',
          OSS_ACCESS_KEY_ID: 'id-stream',
          OSS_ACCESS_KEY_SECRET: 'secret-stream',
          OSS_ENDPOINT: oss.endpoint,
          OSS_CNAME: 'true',
        },
        close: () => oss.close(),
      };
    },
  ],
];

for (const [name, open] of stores) {
  describe(`downloads stream from the file store: ${name}`, () => {
    let t: TestApp;
    let close: (() => Promise<void>) | undefined;
    afterAll(async () => {
      await t?.close();
      await close?.();
    });

    it('serves a 6 MB report whole, chunked, as an attachment; a file whose bytes are gone is 404', async () => {
      const store = await open();
      close = store.close;
      t = await startTestApp({ env: store.env });
      expect(t.app.files.kind).toBe(name.startsWith('OSS') ? 'oss' : 'disk');
      const admin = (await Account.findOne({ where: { accountName: 'jigou01' } }))!;
      const token = await t.login('jigou01');

      const body = Buffer.alloc(6 * 1024 * 1024);
      for (let i = 0; i < body.length; i++) body[i] = (i * 7 + (i >> 12)) % 256;
      const key = 'reports/stream-test/检测报告.pdf';
      await t.app.files.put(key, body, 'application/pdf');
      const file = await StoredFile.create({
        ownerAccountId: admin.id,
        institutionId: admin.institutionId,
        storageKey: key,
        mime: 'application/pdf',
        category: 'document',
        size: body.length,
        sha256: createHash('sha256').update(body).digest('hex'),
        originalName: '检测报告.pdf',
      });

      const got = await t.request('GET', `/api/files/${file.id}`, { token });
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('application/pdf');
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');
      expect(got.headers.get('content-disposition')).toContain('attachment');
      expect(got.headers.get('transfer-encoding')).toBe('chunked');
      expect(got.headers.get('content-length')).toBeNull();
      expect(got.buffer!.equals(body)).toBe(true);

      await t.app.files.delete(key);
      const gone = await t.request('GET', `/api/files/${file.id}`, { token });
      expect(gone.status).toBe(404);
      expect(gone.body.error.message).toBe('文件不存在');
    });
  });
}
