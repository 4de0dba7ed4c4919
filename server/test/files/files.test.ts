import { readFileSync } from 'node:fs';
import { latestMigration } from '../../src/db/migrate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { fileForm } from '../support/forms';
import { demoFacePhoto } from '../../src/demo/seed';
import { StoredFile } from '../../src/files/model';

let t: TestApp;
let op: string;
let photo: Buffer;
beforeAll(async () => {
  t = await startTestApp();
  photo = await demoFacePhoto();
  op = await t.login('caozuo01');
});
afterAll(async () => t?.close());

describe('files', () => {
  it('stores an image once per idempotency key', async () => {
    const a = await t.request('POST', '/api/files', {
      token: op,
      form: fileForm(photo, 'a.jpg'),
      headers: { 'Idempotency-Key': 'photo-key-0001' },
    });
    expect(a.status).toBe(201);
    expect(a.body.category).toBe('image');
    const b = await t.request('POST', '/api/files', {
      token: op,
      form: fileForm(photo, 'a.jpg'),
      headers: { 'Idempotency-Key': 'photo-key-0001' },
    });
    expect(b.status).toBe(200);
    expect(b.body.id).toBe(a.body.id);
    expect(await StoredFile.count({ where: { idempotencyKey: 'photo-key-0001' } })).toBe(1);
    const got = await t.request('GET', `/api/files/${a.body.id}`, { token: op });
    expect(got.buffer!.equals(photo)).toBe(true);
  });

  it('makes one file of ten identical uploads racing, and refuses other bytes under a used key', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.request('POST', '/api/files', {
          token: op,
          form: fileForm(photo, 'race.jpg'),
          headers: { 'Idempotency-Key': 'photo-race-0001' },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([...Array(9).fill(200), 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await StoredFile.count({ where: { idempotencyKey: 'photo-race-0001' } })).toBe(1);
    const other = await t.request('POST', '/api/files', {
      token: op,
      form: fileForm(Buffer.concat([photo, Buffer.from([0])]), 'other.jpg'),
      headers: { 'Idempotency-Key': 'photo-race-0001' },
    });
    expect(other.status).toBe(409);
    expect(other.body.error.field).toBe('idempotencyKey');
    expect(await StoredFile.count({ where: { idempotencyKey: 'photo-race-0001' } })).toBe(1);
  });

  it('checks content, not the file name, and enforces the size limit', async () => {
    const fake = await t.request('POST', '/api/files', {
      token: op,
      form: fileForm(Buffer.from('MZ this is an exe'), 'photo.jpg'),
    });
    expect(fake.status).toBe(415);
    // Images have their own 10 MB limit, checked after the content says it is an image.
    const big = Buffer.concat([photo.subarray(0, 4), Buffer.alloc(11 * 1024 * 1024)]);
    const tooBig = await t.request('POST', '/api/files', { token: op, form: fileForm(big, 'big.jpg') });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.message).toContain('10MB');
  });

  it('another institution cannot read the file', async () => {
    const a = await t.request('POST', '/api/files', { token: op, form: fileForm(photo, 'x.jpg') });
    const admin = await t.login('jigou01');
    expect((await t.request('GET', `/api/files/${a.body.id}`, { token: admin })).status).toBe(200);
    const { Account } = await import('../../src/accounts/models');
    const { hashPassword } = await import('../../src/auth/passwords');
    const me = await Account.findOne({ where: { accountName: 'jigou01' } });
    await Account.create({
      accountName: 'otheradmin9',
      passwordHash: await hashPassword('abc12345', 4),
      kind: 'institution_admin',
      displayName: '他机构',
      institutionId: me!.institutionId! + 1,
      mustChangePassword: false,
    });
    const other = await t.login('otheradmin9', 'abc12345');
    expect((await t.request('GET', `/api/files/${a.body.id}`, { token: other })).status).toBe(403);
  });
});

describe('meta', () => {
  it('health reports dialect and migration', async () => {
    const r = await t.request('GET', '/api/health');
    expect(r.body.status).toBe('ok');
    expect(['sqlite', 'mysql']).toContain(r.body.database.dialect);
    expect(r.body.database.migration).toBe(latestMigration);
  });
  it('serves an OpenAPI document generated from the schemas, and a docs page', async () => {
    const doc = await t.request('GET', '/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    const login = doc.body.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.properties.accountName).toBeDefined();
    expect(doc.body.paths['/api/institutions/{id}/office-address'].put.parameters[0].name).toBe('id');
    const page = await t.request('GET', '/api/docs');
    expect(page.body).toContain('接口文档');
  });
  it('errors carry the request id', async () => {
    const r = await t.request('GET', '/api/institutions', {
      headers: { 'x-request-id': 'test-request-123' },
    });
    expect(r.body.error.requestId).toBe('test-request-123');
    expect(r.headers.get('x-request-id')).toBe('test-request-123');
  });
  void readFileSync;
});
