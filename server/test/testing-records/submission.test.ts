import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdempotencyRecord } from '../../src/core/idempotent';
import { Project } from '../../src/projects/models';
import { RedFlag } from '../../src/red-flags/model';
import { SiteRequest } from '../../src/site-requests/models';
import { TestingRecord } from '../../src/testing-records/models';
import { TestingTask } from '../../src/testing-tasks/models';
import { samplePdf } from '../platform/fixtures/sample-files';
import { onSiteGcj } from '../site-requests/field-world';
import { testDialect } from '../support/test-app';
import { newKey, recordWorld, type RecordWorld } from './world';

let w: RecordWorld;
let photo: number;
beforeAll(async () => {
  w = await recordWorld();
  photo = await w.uploadPhoto(w.tokens.caozuo01);
}, 400_000);
afterAll(async () => w?.t.close());

const op = () => w.tokens.caozuo01;

describe(`开始申请与提交检测结果申请 (${testDialect})`, () => {
  it('asks again to start after a refusal, not while one waits', async () => {
    const task = await w.createTask(op(), { planSingleItemIds: w.singles[1] });
    expect(task.status).toBe(201);
    const again = (fields: Record<string, unknown> = {}) =>
      w.t.request('POST', `/api/testing-tasks/${task.body.id}/start-requests`, {
        token: op(),
        form: (() => {
          const fd = new FormData();
          for (const [k, v] of Object.entries({
            idempotencyKey: newKey(),
            lng: onSiteGcj.lng,
            lat: onSiteGcj.lat,
            crs: 'GCJ02',
            accuracy: 10,
            fixTime: new Date().toISOString(),
            ...fields,
          }))
            fd.append(k, String(v));
          fd.append('photo', new Blob([new Uint8Array(w.live)]), 'live.jpg');
          return fd;
        })(),
      });
    const waiting = await again();
    expect(waiting.status).toBe(409);
    expect(waiting.body.error.message).toContain('正在等待项目负责人处理');
    const reject = await w.t.request('POST', `/api/site-requests/${task.body.startRequest.id}/reject`, {
      token: w.tokens.lead,
      body: { reason: '人不在现场' },
    });
    expect(reject.status).toBe(200);
    const other = await w.t.request('POST', `/api/testing-tasks/${task.body.id}/start-requests`, {
      token: w.tokens.caozuo02,
      form: new FormData(),
    });
    expect(other.status).toBe(403);
    const key = newKey();
    const second = await again({ idempotencyKey: key });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ kind: 'start', status: 'pending', replayed: false });
    const tasks = await w.t.request('GET', '/api/operators/me/testing-tasks', { token: op() });
    const mine = tasks.body.items.find((t: any) => t.id === task.body.id);
    expect(mine.startRequest.id).toBe(second.body.id);
    expect(mine.submitRequest).toBeNull();
    // Approving the second start request starts the task; asking to start again is then refused.
    expect((await w.approve(second.body.id, w.tokens.lead, onSiteGcj)).status).toBe(200);
    const started = await again();
    expect(started.status).toBe(409);
    expect(started.body.error.message).toContain('已开始');
  }, 180_000);

  it('files a submit request only for a started task of the operator; a refused one may be filed again', async () => {
    const created = await w.createTask(op(), { planSingleItemIds: w.singles[2] });
    const early = await w.submitRequest(created.body.id, op());
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('开始申请尚未同意');

    const { id } = await w.startedTask(op(), [w.singles[2]!]);
    expect((await w.submitRequest(id, w.tokens.caozuo02)).status).toBe(403);
    expect((await w.submitRequest(id, w.tokens.lead)).status).toBe(403);
    const key = newKey();
    const first = await w.submitRequest(id, op(), { idempotencyKey: key, fixTime: '2026-12-01T08:00:00Z' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      kind: 'submit',
      kindLabel: '提交申请',
      status: 'pending',
      testingTaskId: id,
    });
    const replay = await w.submitRequest(id, op(), { idempotencyKey: key, fixTime: '2026-12-01T08:00:00Z' });
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ id: first.body.id, replayed: true });
    const twice = await w.submitRequest(id, op());
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain('提交申请正在等待');

    const list = await w.t.request('GET', '/api/site-requests?status=pending', { token: w.tokens.lead });
    expect(list.body.items.find((r: any) => r.id === first.body.id)).toMatchObject({
      kind: 'submit',
      abilities: { approve: true, reject: true },
    });
    const rejected = await w.t.request('POST', `/api/site-requests/${first.body.id}/reject`, {
      token: w.tokens.lead,
      body: { reason: '请补测' },
    });
    expect(rejected.status).toBe(200);
    const body = {
      idempotencyKey: newKey(),
      records: w.records(w.itemsOf([w.singles[2]!]).slice(0, 1), photo),
    };
    const refusedSubmission = await w.submit(id, op(), body);
    expect(refusedSubmission.status).toBe(409);
    expect(refusedSubmission.body.error.message).toContain('已被驳回');

    const again = await w.submitRequest(id, op());
    expect(again.status).toBe(201);
    const approved = await w.approve(again.body.id, w.tokens.lead, onSiteGcj);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ kind: 'submit', status: 'approved' });
    // Approving a submit request leaves the task 检测中 (it is not a second start).
    const task = (await TestingTask.findByPk(id))!;
    expect(task.status).toBe('started');
    const done = await w.submitRequest(id, op());
    expect(done.status).toBe(409);
    expect(done.body.error.message).toContain('请直接提交检测结果');
  }, 180_000);
});

describe(`提交检测结果 (all or nothing, ${testDialect})`, () => {
  let taskId: number;
  let items: ReturnType<RecordWorld['itemsOf']>;
  beforeAll(async () => {
    taskId = await w.readyTask(op(), [w.singles[1]!]);
    items = w.itemsOf([w.singles[1]!]);
  }, 120_000);

  it('refuses anyone but the task’s operator, and a task whose submit request is not approved', async () => {
    const body = { idempotencyKey: newKey(), records: w.records(items.slice(0, 1), photo) };
    expect((await w.submit(taskId, w.tokens.caozuo02, body)).status).toBe(403);
    expect((await w.submit(taskId, w.tokens.lead, body)).status).toBe(403);
    const { id } = await w.startedTask(op(), [w.singles[1]!]);
    const none = await w.submit(id, op(), body);
    expect(none.status).toBe(409);
    expect(none.body.error.message).toContain('请先提交检测结果申请');
  }, 180_000);

  it('refuses while the lead has review open, naming the lead’s step', async () => {
    await Project.update({ testingReviewStatus: 'open' }, { where: { id: w.projectId } });
    const res = await w.submit(taskId, op(), { idempotencyKey: newKey(), records: w.records(items, photo) });
    await Project.update({ testingReviewStatus: 'closed' }, { where: { id: w.projectId } });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('关闭审核');
    expect(await TestingRecord.count({ where: { testingTaskId: taskId } })).toBe(0);
  });

  it('names the record and the field of every refused rule, writing nothing', async () => {
    const ok = w.records(items, photo);
    const refuse = async (i: number, change: Record<string, unknown>, field: string, text: string) => {
      const records = ok.map((r, j) => (j === i ? { ...r, ...change } : r));
      const res = await w.submit(taskId, op(), { idempotencyKey: newKey(), records });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.field).toBe(field);
      expect(res.body.error.message).toContain(`第${i + 1}条`);
      expect(res.body.error.message).toContain(text);
    };
    const otherItem = w.itemsOf([w.singles[0]!])[0]!.planItemId;
    await refuse(1, { planItemId: otherItem }, 'records.1.planItemId', '不在本测试任务');
    await refuse(0, { photoFileIds: [] }, 'records.0.photoFileIds', '至少需要拍摄1张');
    const measured = items.findIndex((i) => i.measured);
    if (measured >= 0)
      await refuse(measured, { measuredValue: null }, `records.${measured}.measuredValue`, '测量值');
    await refuse(0, { photoFileIds: [99_999_999] }, 'records.0.photoFileIds.0', '不存在');
    const foreign = await w.uploadPhoto(w.tokens.caozuo02);
    await refuse(0, { photoFileIds: [foreign] }, 'records.0.photoFileIds.0', '不是您上传的');
    const fd = new FormData();
    fd.append('file', new Blob([new Uint8Array(samplePdf())]), 'a.pdf');
    const pdf = (await w.t.request('POST', '/api/files', { token: op(), form: fd })).body.id;
    await refuse(0, { photoFileIds: [pdf] }, 'records.0.photoFileIds.0', '不是图片');
    await refuse(1, { idempotencyKey: ok[0]!.idempotencyKey }, 'records.1.idempotencyKey', '重复');
    // 现场无此设备 needs no photo.
    const bad = await w.submit(taskId, op(), {
      idempotencyKey: newKey(),
      records: [{ ...ok[0], result: 'maybe' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('records.0.result');
    expect(await TestingRecord.count({ where: { testingTaskId: taskId } })).toBe(0);
  });

  it('stores every record at once, computes the result and flags a mismatch; a replay changes nothing', async () => {
    const records = w.records(items, photo);
    records[0] = { ...records[0], result: 'not_present', photoFileIds: [], measuredValue: null };
    const m = items.findIndex(
      (i) => i.measured && (i.measured.min !== undefined || i.measured.max !== undefined),
    );
    if (m > 0) {
      const limit = items[m]!.measured!;
      // A value outside the limit entered as 合格: the standard says 不合格.
      records[m] = { ...records[m], measuredValue: limit.min !== undefined ? limit.min - 1 : limit.max! + 1 };
    }
    const key = newKey();
    const first = await w.submit(taskId, op(), { idempotencyKey: key, records });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toEqual({ testingTaskId: taskId, recordCount: records.length, replayed: false });
    expect(await TestingRecord.count({ where: { testingTaskId: taskId } })).toBe(records.length);
    expect((await TestingTask.findByPk(taskId))!.status).toBe('submitted');
    if (m > 0) {
      const row = (await TestingRecord.findOne({
        where: { planItemId: items[m]!.planItemId, testingTaskId: taskId },
      }))!;
      expect(row).toMatchObject({ result: 'pass', computedResult: 'fail', mismatch: true });
      expect(await RedFlag.count({ where: { kind: 'judgment_mismatch', subjectId: taskId } })).toBe(1);
    }
    const replay = await w.submit(taskId, op(), { idempotencyKey: key, records });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ testingTaskId: taskId, recordCount: records.length, replayed: true });
    const changed = await w.submit(taskId, op(), { idempotencyKey: key, records: records.slice(1) });
    expect(changed.status).toBe(409);
    expect(changed.body.error.field).toBe('idempotencyKey');
    const again = await w.submit(taskId, op(), { idempotencyKey: newKey(), records });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('已提交');
    expect(await TestingRecord.count({ where: { testingTaskId: taskId } })).toBe(records.length);
  });

  it('refuses a record key stored by an earlier submission, naming it', async () => {
    const stored = (await TestingRecord.findOne({ where: { testingTaskId: taskId } }))!;
    const next = await w.quickReadyTask('caozuo01', [w.singles[1]!]);
    const records = w.records(items.slice(0, 2), photo);
    records[1] = { ...records[1], idempotencyKey: stored.idempotencyKey };
    const res = await w.submit(next, op(), { idempotencyKey: newKey(), records });
    expect(res.status).toBe(409);
    expect(res.body.error.field).toBe('records.1.idempotencyKey');
    expect(res.body.error.message).toContain(stored.idempotencyKey);
    expect(await TestingRecord.count({ where: { testingTaskId: next } })).toBe(0);
    expect((await TestingTask.findByPk(next))!.status).toBe('started');
  });

  it('writes one set of rows of ten identical submissions racing', async () => {
    const id = await w.quickReadyTask('caozuo01', [w.singles[1]!]);
    const body = { idempotencyKey: newKey(), records: w.records(items, photo) };
    const results = await Promise.all(Array.from({ length: 10 }, () => w.submit(id, op(), body)));
    expect(results.map((r) => r.status).sort()).toEqual([...Array(9).fill(200), 201]);
    expect(results.filter((r) => r.body.replayed)).toHaveLength(9);
    expect(await TestingRecord.count({ where: { testingTaskId: id } })).toBe(items.length);
    expect(
      await IdempotencyRecord.count({
        where: { kind: 'testing_submission', idempotencyKey: body.idempotencyKey },
      }),
    ).toBe(1);
  }, 120_000);

  it('takes a 2,000-record task in one submission', async () => {
    const all = w.itemsOf(w.singles.slice(0, -1));
    const id = await w.quickReadyTask('caozuo01', w.singles.slice(0, -1));
    const records = Array.from({ length: 2000 }, (_, n) => {
      const item = all[n % all.length]!;
      return w.records([item], photo, { position: String(Math.floor(n / all.length) + 1) })[0]!;
    });
    const res = await w.submit(id, op(), { idempotencyKey: newKey(), records });
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(201);
    expect(res.body.recordCount).toBe(2000);
    expect(await TestingRecord.count({ where: { testingTaskId: id } })).toBe(2000);
    expect(
      await SiteRequest.count({ where: { testingTaskId: id, kind: 'submit', status: 'approved' } }),
    ).toBe(1);
  }, 120_000);
});
