import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { drain, fix, freshDb, freshDbName, photo, recordingServer, serverTask } from './support/field-task';

vi.mock('@tarojs/taro', () => ({ default: {} }));

const { NetworkError, ApiError } = await import('../src/api/errors');
const { openOfflineDb } = await import('../src/offline/db');
const { drainOutbox, outboxEntries } = await import('../src/offline/outbox');
const { outboxHandlers: handlers } = await import('../src/offline/handlers');
const { entityHandler } = await import('../src/offline/transport');
const testing = await import('../src/offline/testing');
type LocalPlanSingleItem = import('../src/offline/db').LocalPlanSingleItem;
type OfflineDb = import('../src/offline/db').OfflineDb;

const single: LocalPlanSingleItem = {
  planSingleItemId: '1:A.8',
  buildingName: '主楼',
  code: 'A.8',
  name: '消防应急照明',
  subItems: [
    {
      planSubItemId: '1:A.8.1',
      name: '应急照明灯',
      items: [
        {
          planItemId: '1:A.8.1.1',
          name: '应急转换时间',
          class: 'A',
          method: '切断正常电源，测量转换时间',
          requirement: '不大于5s',
          measured: { quantity: '转换时间', unit: 's', max: 5 },
        },
        { planItemId: '1:A.8.1.2', name: '外观', class: 'C', method: '目测', requirement: '无破损' },
      ],
    },
  ],
};

/** The server answers a task with id 41 and a submit request with id 77. */
const fakeServer = (fail?: (call: string, n: number) => Error | null) =>
  recordingServer(fail, (kind) => (kind === 'testingSubmitRequest' ? '77' : '41'));

/** 开始检测申请 for the one single item, made on the phone (queued). */
const newTask = (db: OfflineDb) =>
  testing.createTestingTask(
    db,
    '7',
    { projectId: 3, siteName: '检测大厦', singleItems: [single] },
    fix,
    photo('live'),
  );

async function startedTask(db: OfflineDb) {
  const task = await newTask(db);
  const server = fakeServer();
  await drain(db, '7', server.transport);
  await testing.applyServerTasks(db, '7', [serverTask(41, task.startKey, { id: 9, status: 'approved' })]);
  return (await db.get('testingTasks', task.clientId))!;
}

const at = (planItemId: string, position: string) => ({
  planSingleItemId: '1:A.8',
  planSubItemId: '1:A.8.1',
  planItemId,
  position,
});

describe('testing task and its start request', () => {
  it('keeps the task on the phone and sends the start request with its fix, photo and key', async () => {
    const db = await freshDb();
    const task = await newTask(db);
    expect(task.start.state).toBe('queued');
    const [entry] = await outboxEntries(db, '7');
    expect(entry!.id).toBe(`testingTask:${task.startKey}`);
    const wire = entityHandler('testingTask').request(task.startKey, entry!.payload);
    expect(wire.path).toBe('/testing-tasks');
    const form = wire.form!;
    expect(form.get('idempotencyKey')).toBe(task.startKey);
    expect(form.get('planSingleItemIds')).toBe('1:A.8');
    expect(form.get('projectId')).toBe('3');
    expect(form.get('lng')).toBe('116.39');

    const server = fakeServer();
    await drain(db, '7', server.transport);
    expect((await db.get('testingTasks', task.clientId))!.start).toEqual({ state: 'pending' });
  });

  it('shows a refusal with its reason, and a refused request is made again under a new key', async () => {
    const db = await freshDb();
    const task = await newTask(db);
    await drain(db, '7', fakeServer().transport);
    await testing.applyServerTasks(db, '7', [
      {
        id: 41,
        idempotencyKey: task.startKey,
        startRequest: { id: 9, status: 'rejected', decisionReason: '不在现场' },
      },
    ]);
    const refused = (await db.get('testingTasks', task.clientId))!;
    expect(refused.start).toMatchObject({ state: 'rejected', reason: '不在现场' });
    const again = await testing.requestStartAgain(db, refused, fix, photo('live2'));
    expect(again.startKey).not.toBe(task.startKey);
    expect(again.start.state).toBe('queued');
    expect((await outboxEntries(db, '7')).map((e) => e.id)).toEqual([`testingTask:${again.startKey}`]);
  });
});

describe('recording with no network', () => {
  it('keeps one record per item and position under one key, and checks it with the domain rules', async () => {
    const db = await freshDb();
    const task = await startedTask(db);
    const first = await testing.saveRecord(db, task, at('1:A.8.1.1', '1'), { result: 'pass' });
    const item = single.subItems[0]!.items[0]!;
    expect(testing.recordProblem(item, first)).toBe('检测结果为“合格”时至少需要拍摄1张现场照片');
    const withPhoto = await testing.saveRecord(db, task, at('1:A.8.1.1', '1'), {
      addPhotos: [photo('p1')],
    });
    expect(withPhoto.clientId).toBe(first.clientId);
    expect(testing.recordProblem(item, withPhoto)).toBe('检测项“应急转换时间”需要填写转换时间的测量值（s）');
    const measured = await testing.saveRecord(db, task, at('1:A.8.1.1', '1'), { measuredValue: 7.5 });
    expect(testing.recordProblem(item, measured)).toBeNull();
    // 7.5 s > 5 s: the standard says 不合格; the operator chose 合格 → highlighted as a mismatch.
    expect(testing.computedResult(item, measured)).toBe('fail');
    expect(testing.isMismatch(item, measured)).toBe(true);
    expect(testing.isMismatch(item, { ...measured, measuredValue: 3 })).toBe(false);

    // 现场无此设备 needs no photo.
    const absent = await testing.saveRecord(db, task, at('1:A.8.1.2', '1'), { result: 'not_present' });
    expect(testing.recordProblem(single.subItems[0]!.items[1]!, absent)).toBeNull();
    expect(await testing.recordsOf(db, task.clientId)).toHaveLength(2);
    expect(await outboxEntries(db, '7')).toEqual([]);
  });

  it('位置数量 gives every item of the sub-item positions 1…n; each position is its own record', async () => {
    const db = await freshDb();
    let task = await startedTask(db);
    expect(testing.positionCount(task, '1:A.8.1')).toBe(1);
    await expect(testing.setPositionCount(db, task.clientId, '1:A.8.1', 0)).rejects.toThrow('位置数量');
    task = await testing.setPositionCount(db, task.clientId, '1:A.8.1', 3);
    expect(testing.positionLabels(testing.positionCount(task, '1:A.8.1'))).toEqual(['1', '2', '3']);
    for (const p of ['1', '2', '3'])
      await testing.saveRecord(db, task, at('1:A.8.1.2', p), { result: 'pass', addPhotos: [photo(p)] });
    const progress = await testing.taskProgress(db, task);
    expect(progress.expected).toBe(6);
    expect(progress.recorded).toBe(3);
    expect(progress.photos).toBe(3);
  });

  it('resumes where the operator was after the app is closed (a new connection to the same database)', async () => {
    const name = freshDbName('testing-resume');
    const db = await openOfflineDb(name);
    const task = await startedTask(db);
    await testing.saveRecord(db, task, at('1:A.8.1.2', '2'), { result: 'fail', addPhotos: [photo('x')] });
    await testing.saveCursor(db, '7', { taskClientId: task.clientId, ...at('1:A.8.1.2', '2') });
    db.close();

    const reopened = await openOfflineDb(name);
    const cursor = await testing.loadCursor(reopened, '7');
    expect(cursor).toEqual({ taskClientId: task.clientId, ...at('1:A.8.1.2', '2') });
    const [record] = await testing.recordsOf(reopened, task.clientId);
    expect(record).toMatchObject({ result: 'fail', position: '2' });
    const [saved] = await testing.recordPhotos(reopened, record!);
    expect(await saved!.blob.text()).toBe('x');
    expect(await testing.loadCursor(reopened, '8')).toBeNull();
  });
});

describe('提交检测结果申请 and the submission', () => {
  async function recordedTask() {
    const db = await freshDb();
    const task = await startedTask(db);
    await testing.saveRecord(db, task, at('1:A.8.1.1', '1'), {
      result: 'pass',
      measuredValue: 3,
      addPhotos: [photo('a'), photo('b')],
    });
    await testing.saveRecord(db, task, at('1:A.8.1.2', '1'), { result: 'not_present' });
    return { db, task: (await db.get('testingTasks', task.clientId))! };
  }

  it('is refused before the start request was approved and while a record is incomplete', async () => {
    const db = await freshDb();
    const created = await newTask(db);
    await expect(testing.requestSubmission(db, created, fix, photo('s'))).rejects.toThrow('开始申请尚未同意');
    const task = await startedTask(await freshDb());
    const db2 = await freshDb();
    await db2.put('testingTasks', task);
    await testing.saveRecord(db2, task, at('1:A.8.1.1', '1'), { result: 'pass' });
    await expect(testing.requestSubmission(db2, task, fix, photo('s'))).rejects.toThrow(
      '至少需要拍摄1张现场照片',
    );
  });

  it('waits for the lead, then uploads photos first and all records in one request; nothing twice on a retry', async () => {
    const { db, task } = await recordedTask();
    const requested = await testing.requestSubmission(db, task, fix, photo('s'));
    expect(requested.submit!.request.state).toBe('queued');
    // Records are locked once the request is made.
    await expect(testing.saveRecord(db, requested, at('1:A.8.1.2', '1'), { result: 'pass' })).rejects.toThrow(
      '已提交检测结果申请',
    );

    const first = fakeServer();
    await drain(db, '7', first.transport);
    expect(first.calls).toEqual([`testingSubmitRequest:${requested.submit!.requestKey}`]);
    expect(entityHandler('testingSubmitRequest').request('k', first.bodies[0]).path).toBe(
      '/testing-tasks/41/submit-requests',
    );
    let now = (await db.get('testingTasks', task.clientId))!;
    expect(now.submit!.request.state).toBe('pending');

    // Still pending on the server: nothing is uploaded.
    await testing.applyServerTasks(db, '7', [
      serverTask(41, task.startKey, { id: 9, status: 'approved' }, { id: 77, status: 'pending' }),
    ]);
    expect(await outboxEntries(db, '7')).toEqual([]);

    await testing.applyServerTasks(db, '7', [
      serverTask(41, task.startKey, { id: 9, status: 'approved' }, { id: 77, status: 'approved' }),
    ]);
    now = (await db.get('testingTasks', task.clientId))!;
    expect(now.submit!.submission).toBe('queued');
    const key = now.submit!.submissionKey;

    // The connection drops after the first photo: that photo is remembered with its file id.
    const flaky = fakeServer((call, n) => (n === 2 ? new NetworkError() : null));
    const report = await drain(db, '7', flaky.transport);
    expect(report.retrying).toBe(1);
    expect(flaky.calls.filter((c) => c.startsWith('photo:'))).toHaveLength(2);
    expect((await testing.taskProgress(db, now)).uploadedPhotos).toBe(1);

    const retry = fakeServer();
    await drainOutbox({ db, transport: retry.transport, handlers, accountKey: '7', force: true });
    expect(retry.calls.filter((c) => c.startsWith('photo:'))).toHaveLength(1);
    expect(retry.calls.at(-1)).toBe(`testingSubmission:${key}`);
    const body = retry.bodies.at(-1) as { taskId: number; records: any[] };
    expect(body.taskId).toBe(41);
    expect(body.records).toHaveLength(2);
    const withPhotos = body.records.find((r) => r.planItemId === '1:A.8.1.1');
    expect(withPhotos).toMatchObject({ position: '1', result: 'pass', measuredValue: 3 });
    expect(withPhotos.photoFileIds).toHaveLength(2);
    const wire = entityHandler('testingSubmission').request(key, body);
    expect(wire.path).toBe('/testing-tasks/41/submission');
    expect((wire.json as any).idempotencyKey).toBe(key);
    expect((await db.get('testingTasks', task.clientId))!.submit!.submission).toBe('submitted');
    expect(await outboxEntries(db, '7')).toEqual([]);

    // Each record keeps its key: the same records under the same keys if the submission is ever replayed.
    const keys = (await testing.recordsOf(db, task.clientId)).map((r) => r.clientId).sort();
    expect(body.records.map((r) => r.idempotencyKey).sort()).toEqual(keys);
  });

  it('a refused submission stays on the phone with the server’s message', async () => {
    const { db, task } = await recordedTask();
    await testing.requestSubmission(db, task, fix, photo('s'));
    await drain(db, '7', fakeServer().transport);
    await testing.applyServerTasks(db, '7', [
      serverTask(41, task.startKey, { id: 9, status: 'approved' }, { id: 77, status: 'approved' }),
    ]);
    const refusing = fakeServer((call) =>
      call.startsWith('testingSubmission:') ? new ApiError(409, 'review_open', '审核已开启，不能提交') : null,
    );
    const report = await drain(db, '7', refusing.transport);
    expect(report.rejected).toBe(1);
    const now = (await db.get('testingTasks', task.clientId))!;
    expect(now.submit!.error).toBe('审核已开启，不能提交');
    expect(now.submit!.submission).toBe('queued');
    expect((await testing.recordsOf(db, task.clientId)).length).toBe(2);
  });

  it('a refused submit request can be made again; the submission keeps its key', async () => {
    const { db, task } = await recordedTask();
    const first = await testing.requestSubmission(db, task, fix, photo('s'));
    await drain(db, '7', fakeServer().transport);
    await testing.applyServerTasks(db, '7', [
      {
        id: 41,
        idempotencyKey: task.startKey,
        startRequest: { id: 9, status: 'approved', decisionReason: null },
        submitRequest: { id: 77, status: 'rejected', decisionReason: '照片不清楚' },
      },
    ]);
    const refused = (await db.get('testingTasks', task.clientId))!;
    expect(refused.submit!.request).toMatchObject({ state: 'rejected', reason: '照片不清楚' });
    const again = await testing.requestSubmission(db, refused, fix, photo('s2'));
    expect(again.submit!.requestKey).not.toBe(first.submit!.requestKey);
    expect(again.submit!.submissionKey).toBe(first.submit!.submissionKey);
    await drain(db, '7', fakeServer().transport);
    const serverSays = (id: number, status: string) => [
      {
        id: 41,
        idempotencyKey: task.startKey,
        startRequest: { id: 9, status: 'approved', decisionReason: null },
        submitRequest: { id, status, decisionReason: null },
      },
    ];
    // The old refusal, still listed, is not the answer to the new request.
    await testing.applyServerTasks(db, '7', serverSays(77, 'rejected'));
    expect((await db.get('testingTasks', task.clientId))!.submit!.request.state).toBe('pending');
    await testing.applyServerTasks(db, '7', serverSays(78, 'approved'));
    const approved = (await db.get('testingTasks', task.clientId))!;
    expect(approved.submit!.request.state).toBe('approved');
    expect(approved.submit!.submission).toBe('queued');
    expect((await outboxEntries(db, '7')).map((e) => e.id)).toEqual([
      `testingSubmission:${first.submit!.submissionKey}`,
    ]);
  });
});

describe('a task of 2,000 test items', () => {
  it('records, counts and submits every item in one submission, photos first', async () => {
    const db = await freshDb();
    const big: LocalPlanSingleItem = {
      planSingleItemId: '1:A.9',
      buildingName: '主楼',
      code: 'A.9',
      name: '大任务',
      subItems: Array.from({ length: 100 }, (_, s) => ({
        planSubItemId: `1:A.9.${s}`,
        name: `子项${s}`,
        items: Array.from({ length: 20 }, (_, i) => ({
          planItemId: `1:A.9.${s}.${i}`,
          name: `检测项${i}`,
          class: 'C' as const,
          method: '目测',
          requirement: '完好',
        })),
      })),
    };
    const created = await testing.createTestingTask(
      db,
      '7',
      { projectId: 3, siteName: '大任务', singleItems: [big] },
      fix,
      photo('live'),
    );
    await drain(db, '7', fakeServer().transport);
    const approved = (id: number | null) => [
      {
        id: 41,
        idempotencyKey: created.startKey,
        startRequest: { id: 9, status: 'approved', decisionReason: null },
        ...(id ? { submitRequest: { id, status: 'approved', decisionReason: null } } : {}),
      },
    ];
    await testing.applyServerTasks(db, '7', approved(null));
    const task = (await db.get('testingTasks', created.clientId))!;
    for (const { sub, item } of testing.taskItems(task))
      await testing.saveRecord(
        db,
        task,
        {
          planSingleItemId: '1:A.9',
          planSubItemId: sub.planSubItemId,
          planItemId: item.planItemId,
          position: '1',
        },
        { result: 'pass', addPhotos: [photo(item.planItemId)] },
      );
    const progress = await testing.taskProgress(db, task);
    expect(progress).toMatchObject({ expected: 2000, recorded: 2000, photos: 2000, uploadedPhotos: 0 });
    expect(progress.problems).toEqual([]);

    await testing.requestSubmission(db, task, fix, photo('s'));
    await drain(db, '7', fakeServer().transport);
    await testing.applyServerTasks(db, '7', approved(77));
    const server = fakeServer();
    await drain(db, '7', server.transport);
    expect(server.calls.filter((c) => c.startsWith('photo:'))).toHaveLength(2000);
    expect(server.calls.at(-1)).toMatch(/^testingSubmission:/);
    expect((server.bodies.at(-1) as { records: unknown[] }).records).toHaveLength(2000);
  }, 120_000);
});
