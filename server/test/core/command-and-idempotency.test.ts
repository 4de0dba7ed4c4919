import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../../src/accounts/models';
import { Client } from '../../src/clients/models';
import type { Actor } from '../../src/core/actor';
import { LoggedRefusal, runCommand, type RequestContext } from '../../src/core/command';
import { createOnce, fingerprintOf, IdempotencyRecord } from '../../src/core/idempotent';
import { conflict, forbidden } from '../../src/core/errors';
import { OperationLog } from '../../src/operation-log/model';
import { startTestApp, testDialect, type TestApp } from '../support/test-app';

let t: TestApp;
let context: RequestContext;

beforeAll(async () => {
  t = await startTestApp();
  const account = (await Account.findOne({ where: { accountName: 'jigou01' } }))!;
  const actor: Actor = {
    id: account.id,
    kind: account.kind,
    accountName: account.accountName,
    displayName: account.displayName,
    institutionId: account.institutionId,
    detachmentId: account.detachmentId,
    personId: account.personId,
    channel: 'web',
    account,
  };
  context = { app: t.app, actor, requestId: 'core-test' };
});
afterAll(() => t.close());

const newClient = (name: string) => ({
  name,
  province: '北京市',
  city: '市辖区',
  district: '东城区',
  address: '东城区某路1号',
  institutionId: (context.actor as Actor).institutionId!,
});

describe(`command runner (${testDialect})`, () => {
  it('writes the change and its operation-log entry in one transaction, with the request id', async () => {
    const client = await runCommand(context, 'client.created', async ({ transaction }) => {
      const c = await Client.create(newClient('命令甲方一'), { transaction });
      return { result: c, audit: { entityType: 'client', entityId: c.id, after: { name: c.name } } };
    });
    const log = await OperationLog.findOne({ where: { entityType: 'client', entityId: String(client.id) } });
    expect(log?.action).toBe('client.created');
    expect(log?.requestId).toBe('core-test');
    expect(log?.after).toEqual({ name: '命令甲方一' });
  });

  it('rolls the change and its entry back together when the change fails', async () => {
    const before = await OperationLog.count();
    await expect(
      runCommand(context, 'client.created', async ({ transaction }) => {
        await Client.create(newClient('命令甲方二'), { transaction });
        throw conflict('甲方名称：测试拒绝', 'name');
      }),
    ).rejects.toMatchObject({ status: 409 });
    expect(await Client.count({ where: { name: '命令甲方二' } })).toBe(0);
    expect(await OperationLog.count()).toBe(before);
  });

  it('records a refusal that must be logged, and keeps nothing of the refused change', async () => {
    await expect(
      runCommand(context, 'site_request.filed', async ({ transaction }) => {
        await Client.create(newClient('命令甲方三'), { transaction });
        throw new LoggedRefusal(forbidden('模拟定位，拒绝', 'mock_location'), {
          action: 'site_request.mock_location_refused',
          entityType: 'project',
          entityId: 7,
        });
      }),
    ).rejects.toMatchObject({ status: 403, code: 'mock_location' });
    expect(await Client.count({ where: { name: '命令甲方三' } })).toBe(0);
    const log = await OperationLog.findOne({ where: { action: 'site_request.mock_location_refused' } });
    expect(log?.entityId).toBe('7');
  });

  it('takes 30 parallel commands, three rounds, without a busy database', async () => {
    for (let round = 0; round < 3; round++) {
      const results = await Promise.allSettled(
        Array.from({ length: 30 }, (_, i) =>
          runCommand(context, 'client.created', async ({ transaction }) => {
            const c = await Client.create(newClient(`并发甲方${round}-${i}`), { transaction });
            return { result: c.id, audit: { entityType: 'client', entityId: c.id } };
          }),
        ),
      );
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    }
    expect(await Client.count({ where: { address: '东城区某路1号' } })).toBeGreaterThanOrEqual(90);
  });
});

describe(`create once by a device-generated key (${testDialect})`, () => {
  const spec = (key: string, name: string) => ({
    kind: 'test_client',
    key,
    payload: { name },
    action: 'client.created',
    create: async ({ transaction }: { transaction: any }) => {
      const c = await Client.create(newClient(name), { transaction });
      return { id: c.id, result: c.id, audit: { entityType: 'client', entityId: c.id } };
    },
    replay: async (id: string) => Number(id),
  });

  it('returns the original result on a replay and creates nothing more', async () => {
    const first = await createOnce(context, spec('key-replay-0001', '一次甲方'));
    const again = await createOnce(context, spec('key-replay-0001', '一次甲方'));
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ result: first.result, replayed: true });
    expect(await Client.count({ where: { name: '一次甲方' } })).toBe(1);
  });

  it('produces one row from ten identical requests racing', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => createOnce(context, spec('key-race-00001', '竞争甲方'))),
    );
    expect(new Set(results.map((r) => r.result)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await Client.count({ where: { name: '竞争甲方' } })).toBe(1);
  });

  it('refuses a replay with a different body with 409 and changes nothing', async () => {
    await createOnce(context, spec('key-differ-001', '原样甲方'));
    await expect(createOnce(context, spec('key-differ-001', '另样甲方'))).rejects.toMatchObject({
      status: 409,
      field: 'idempotencyKey',
    });
    expect(await Client.count({ where: { name: '另样甲方' } })).toBe(0);
  });

  it('hashes a serialised payload as it is; a key claimed under its quoted hash (before 2026-12) still replays', async () => {
    const text = (name: string) => ({ ...spec('key-string-001', name), payload: JSON.stringify({ name }) });
    const first = await createOnce(context, text('串行甲方'));
    const claim = (await IdempotencyRecord.findOne({ where: { idempotencyKey: 'key-string-001' } }))!;
    expect(claim.fingerprint).toBe(fingerprintOf(JSON.stringify({ name: '串行甲方' })));
    const quoted = createHash('sha256')
      .update(JSON.stringify(JSON.stringify({ name: '串行甲方' })))
      .digest('hex');
    await claim.update({ fingerprint: quoted });
    expect(await createOnce(context, text('串行甲方'))).toEqual({ result: first.result, replayed: true });
    await expect(createOnce(context, text('另串甲方'))).rejects.toMatchObject({ status: 409 });
    expect(await Client.count({ where: { name: ['串行甲方', '另串甲方'] } })).toBe(1);
  });

  it('refuses a malformed key with 400', async () => {
    await expect(createOnce(context, spec('短', '短键甲方'))).rejects.toMatchObject({ status: 400 });
  });
});
