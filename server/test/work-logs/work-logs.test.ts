import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFacePhoto } from '../../src/demo/seed';
import { OperationLog } from '../../src/operation-log/model';
import { WorkLog } from '../../src/work-logs/model';
import { startTestApp, type TestApp } from '../support/test-app';
import { fileForm } from '../support/forms';

let t: TestApp;
let op: string;
let photo: Buffer;
beforeAll(async () => {
  t = await startTestApp();
  photo = await demoFacePhoto();
  op = await t.login('caozuo01');
});
afterAll(async () => t?.close());

describe('work logs', () => {
  it('a replayed PUT never duplicates; an edit updates', async () => {
    const file = await t.request('POST', '/api/files', {
      token: op,
      form: fileForm(photo, 'w.jpg'),
      headers: { 'Idempotency-Key': 'wl-photo-0001' },
    });
    const body = { date: '2026-11-24', content: '巡查1号楼消防泵房，运行正常', photoFileIds: [file.body.id] };
    const first = await t.request('PUT', '/api/work-logs/client-log-0001', { token: op, body });
    expect(first.status).toBe(201);
    const replay = await t.request('PUT', '/api/work-logs/client-log-0001', { token: op, body });
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(first.body.id);
    const racing = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.request('PUT', '/api/work-logs/client-log-0002', { token: op, body }),
      ),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([...Array(9).fill(200), 201]);
    expect(new Set(racing.map((r) => r.body.id)).size).toBe(1);
    expect(await WorkLog.count({ where: { idempotencyKey: 'client-log-0002' } })).toBe(1);
    const edited = await t.request('PUT', '/api/work-logs/client-log-0001', {
      token: op,
      body: { ...body, content: '巡查1号楼、2号楼' },
    });
    // An edit made offline is sent under the same key: it updates the entry (the one exception to 409).
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: first.body.id, idempotencyKey: 'client-log-0001' });
    expect(edited.body.content).toBe('巡查1号楼、2号楼');
    expect(
      await OperationLog.count({ where: { action: 'work_log.updated', entityId: String(first.body.id) } }),
    ).toBe(1);
    expect(await WorkLog.count({ where: { idempotencyKey: 'client-log-0001' } })).toBe(1);
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const before = await WorkLog.count();
    for (const [body, field] of [
      [{ date: '2026-13-01', content: 'x' }, 'date'],
      [{ date: '2026-11-24', content: '' }, 'content'],
      [{ date: '2026-11-24', content: 'x', photoFileIds: [999999] }, 'photoFileIds'],
    ] as const) {
      const r = await t.request('PUT', '/api/work-logs/client-log-bad1', { token: op, body });
      expect(r.status).toBe(400);
      expect(r.body.error.field).toBe(field);
    }
    expect(
      (await t.request('PUT', '/api/work-logs/x', { token: op, body: { date: '2026-11-24', content: 'x' } }))
        .body.error.field,
    ).toBe('idempotencyKey');
    expect(await WorkLog.count()).toBe(before);
  });

  it('an operator without an approved face profile is refused with a clear message', async () => {
    const other = await t.login('caozuo02');
    const r = await t.request('PUT', '/api/work-logs/client-log-0100', {
      token: other,
      body: { date: '2026-11-24', content: '测试' },
    });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('face_profile_not_approved');
    expect(r.body.error.message).toContain('人脸底图');
  });

  it('the institution admin sees the logs; a lead cannot write one', async () => {
    const admin = await t.login('jigou01');
    const list = await t.request('GET', '/api/work-logs', { token: admin });
    expect(list.body.total).toBeGreaterThanOrEqual(2);
    expect(list.body.items[0].photos[0].url).toMatch(/^\/api\/files\/\d+$/);
    const lead = await t.login('xiangmu01');
    expect(
      (
        await t.request('PUT', '/api/work-logs/client-log-0200', {
          token: lead,
          body: { date: '2026-11-24', content: 'x' },
        })
      ).status,
    ).toBe(403);
  });
});
