import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdempotencyRecord } from '../../src/core/idempotent';
import { OperationLog } from '../../src/operation-log/model';
import { SiteRequest } from '../../src/site-requests/models';
import { TestingTask } from '../../src/testing-tasks/models';
import { testDialect } from '../support/test-app';
import { fieldWorld, form, newKey, onSiteWgs, type FieldWorld } from '../site-requests/field-world';

let f: FieldWorld;
beforeAll(async () => {
  f = await fieldWorld();
}, 180_000);
afterAll(async () => f?.t.close());

/** The exact request the outbox stores and resends. */
const sent = (idempotencyKey: string, planSingleItemIds: string) => ({
  projectId: f.projectId,
  idempotencyKey,
  planSingleItemIds,
  ...onSiteWgs,
  fixTime: new Date().toISOString(),
});
const post = (fields: Record<string, unknown>) =>
  f.t.request('POST', '/api/testing-tasks', { token: f.tokens.caozuo01, form: form(f.live, fields) });

describe(`测试任务只建一次 (created once by idempotencyKey, ${testDialect})`, () => {
  it('makes one task and one start request of ten identical requests racing', async () => {
    const fields = sent(newKey(), f.singles[0]!);
    const results = await Promise.all(Array.from({ length: 10 }, () => post(fields)));
    expect(results.map((r) => r.status).sort()).toEqual([...Array(9).fill(200), 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.filter((r) => r.body.replayed)).toHaveLength(9);
    expect(await TestingTask.count({ where: { idempotencyKey: fields.idempotencyKey } })).toBe(1);
    expect(await SiteRequest.count({ where: { testingTaskId: results[0]!.body.id } })).toBe(1);
    expect(
      await IdempotencyRecord.count({
        where: { kind: 'testing_task', idempotencyKey: fields.idempotencyKey },
      }),
    ).toBe(1);
    expect(
      await OperationLog.count({
        where: { action: 'site_request.start_filed', entityId: String(results[0]!.body.startRequest.id) },
      }),
    ).toBe(1);
  }, 120_000);

  it('returns the original on a replay, and refuses another request under the same key', async () => {
    const fields = sent(newKey(), f.singles[0]!);
    const first = await post(fields);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ idempotencyKey: fields.idempotencyKey, replayed: false });
    const replay = await post(fields);
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ id: first.body.id, replayed: true });

    const other = await post({ ...fields, planSingleItemIds: f.singles[1] });
    expect(other.status).toBe(409);
    expect(other.body.error.field).toBe('idempotencyKey');
    expect(other.body.error.message).toContain('请求编号');
    expect(await TestingTask.count({ where: { idempotencyKey: fields.idempotencyKey } })).toBe(1);
  });

  it('names a malformed key in Chinese, with the field', async () => {
    const bad = await post(sent('短', f.singles[0]!));
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('idempotencyKey');
    expect(bad.body.error.message).toContain('请求编号');
  });

  it('lists the operator’s own tasks only', async () => {
    const mine = await f.t.request('GET', '/api/operators/me/testing-tasks', { token: f.tokens.caozuo01 });
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThanOrEqual(2);
    const theirs = await f.t.request('GET', '/api/operators/me/testing-tasks', { token: f.tokens.caozuo02 });
    expect(theirs.body.items).toEqual([]);
    expect(
      (await f.t.request('GET', '/api/operators/me/testing-tasks', { token: f.tokens.lead })).status,
    ).toBe(403);
  });
});
