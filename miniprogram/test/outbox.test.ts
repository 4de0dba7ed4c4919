import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';

// The outbox must not reach Taro's runtime in node; http.ts is only used by the real transport.
vi.mock('@tarojs/taro', () => ({ default: {} }));

const { ApiError, NetworkError } = await import('../src/api/errors');
const { openOfflineDb } = await import('../src/offline/db');
const { drainOutbox, enqueue, outboxEntries } = await import('../src/offline/outbox');
const { entityHandler, registerEntity } = await import('../src/offline/transport');
const { classifyFailure, retryDelayMs } = await import('../src/offline/retry-policy');
const { listWorkLogs, saveWorkLog, validateWorkLogDraft } = await import('../src/offline/work-logs');
type SyncTransport = import('../src/offline/transport').SyncTransport;

let dbCounter = 0;
const freshDb = () => openOfflineDb(`test-${++dbCounter}`);
const { outboxHandlers: handlers } = await import('../src/offline/handlers');
const photo = (text: string) => ({ blob: new Blob([text], { type: 'image/jpeg' }), name: `${text}.jpg` });

/** Records calls in order; `fail` decides per call whether and how it fails. */
function recordingTransport(fail: (call: string) => Error | null = () => null) {
  const calls: string[] = [];
  let fileId = 100;
  const transport: SyncTransport = {
    async send(kind, key, payload: any) {
      const call = kind === 'workLog' ? `log:${key}:${payload.photoFileIds.join(',')}` : `${kind}:${key}`;
      calls.push(call);
      const err = fail(call);
      if (err) throw err;
      return { id: kind === 'photo' ? String(++fileId) : '1' };
    },
  };
  return { transport, calls };
}

describe('failure classification', () => {
  it('retries network errors and 5xx/408/429, rejects other 4xx, waits for login on 401', () => {
    expect(classifyFailure(new NetworkError())).toBe('retry');
    expect(classifyFailure(new ApiError(503, 'x', '服务器忙'))).toBe('retry');
    expect(classifyFailure(new ApiError(429, 'x', '太频繁'))).toBe('retry');
    expect(classifyFailure(new ApiError(400, 'validation_failed', '请填写工作内容'))).toBe('reject');
    expect(classifyFailure(new ApiError(403, 'face_profile_not_approved', '人脸底图未通过'))).toBe('reject');
    expect(classifyFailure(new ApiError(401, 'token_expired', '登录已过期'))).toBe('login');
  });

  it('backs off exponentially with jitter and a 5 minute cap', () => {
    expect(retryDelayMs(1, () => 0.5)).toBe(2000);
    expect(retryDelayMs(3, () => 0.5)).toBe(8000);
    expect(retryDelayMs(30, () => 0.5)).toBe(300_000);
    expect(retryDelayMs(1, () => 0)).toBe(1500);
  });
});

describe('work log drafts', () => {
  it('uses the server rules: content required, date format, at most 20 photos', () => {
    expect(validateWorkLogDraft({ date: '2025-03-01', content: '巡查', photos: [] })).toBeNull();
    expect(validateWorkLogDraft({ date: '2025-03-01', content: '   ', photos: [] })).toBe('请填写工作内容');
    expect(validateWorkLogDraft({ date: '2025/03/01', content: '巡查', photos: [] })).toBe(
      '日期格式应为YYYY-MM-DD',
    );
    const many = Array.from({ length: 21 }, (_, i) => photo(String(i)));
    expect(validateWorkLogDraft({ date: '2025-03-01', content: '巡查', photos: many })).toBe(
      '照片不能超过20张',
    );
  });

  it('refuses to store an invalid draft and stores nothing', async () => {
    const db = await freshDb();
    await expect(saveWorkLog(db, '7', { date: '2025-03-01', content: '', photos: [] })).rejects.toThrow(
      '请填写工作内容',
    );
    expect(await listWorkLogs(db, '7')).toEqual([]);
    expect(await outboxEntries(db, '7')).toEqual([]);
  });
});

describe('outbox', () => {
  it('uploads photos before the record, sends their server ids, and empties the outbox only on success', async () => {
    const db = await freshDb();
    const log = await saveWorkLog(db, '7', {
      date: '2025-03-01',
      content: '巡查',
      photos: [photo('a'), photo('b')],
    });
    const { transport, calls } = recordingTransport();
    const report = await drainOutbox({ db, transport, handlers, accountKey: '7' });
    expect(report.sent).toBe(1);
    expect(calls).toEqual([
      `photo:${log.photoClientIds[0]}`,
      `photo:${log.photoClientIds[1]}`,
      `log:${log.clientId}:101,102`,
    ]);
    expect(await outboxEntries(db, '7')).toEqual([]);
    expect((await listWorkLogs(db, '7'))[0]!.syncState).toBe('synced');
  });

  it('keeps the entry on a network error, backs off, and does not upload an acknowledged photo twice', async () => {
    const db = await freshDb();
    const log = await saveWorkLog(db, '7', { date: '2025-03-01', content: '巡查', photos: [photo('a')] });
    let offline = true;
    const { transport, calls } = recordingTransport((c) =>
      c.startsWith('log:') && offline ? new NetworkError() : null,
    );
    const first = await drainOutbox({ db, transport, handlers, accountKey: '7', now: () => 1_000 });
    expect(first.retrying).toBe(1);
    const [entry] = await outboxEntries(db, '7');
    expect(entry!.state).toBe('retrying');
    expect(entry!.nextAttemptAt).toBeGreaterThan(1_000);

    // Not due yet: nothing is sent.
    expect((await drainOutbox({ db, transport, handlers, accountKey: '7', now: () => 1_001 })).skipped).toBe(
      1,
    );

    offline = false;
    await drainOutbox({ db, transport, handlers, accountKey: '7', now: () => 10 * 60_000 });
    expect(calls.filter((c) => c.startsWith('photo:'))).toEqual([`photo:${log.photoClientIds[0]}`]);
    expect(calls.filter((c) => c.startsWith('log:'))).toHaveLength(2);
    expect(await outboxEntries(db, '7')).toEqual([]);
  });

  it('keeps a refused entry with the server message until the operator acts, and goes on with the others', async () => {
    const db = await freshDb();
    const bad = await saveWorkLog(db, '7', { date: '2025-03-01', content: '第一条', photos: [] });
    const good = await saveWorkLog(db, '7', { date: '2025-03-02', content: '第二条', photos: [] });
    const { transport } = recordingTransport((c) =>
      c.startsWith(`log:${bad.clientId}`)
        ? new ApiError(400, 'validation_failed', '日期：不能晚于今天')
        : null,
    );
    const report = await drainOutbox({ db, transport, handlers, accountKey: '7' });
    expect(report).toMatchObject({ sent: 1, rejected: 1 });
    const left = await outboxEntries(db, '7');
    expect(left.map((e) => [e.entityClientId, e.state, e.lastError])).toEqual([
      [bad.clientId, 'rejected', '日期：不能晚于今天'],
    ]);
    const logs = await listWorkLogs(db, '7');
    expect(logs.find((l) => l.clientId === bad.clientId)).toMatchObject({
      syncState: 'rejected',
      error: '日期：不能晚于今天',
    });
    expect(logs.find((l) => l.clientId === good.clientId)?.syncState).toBe('synced');

    // An automatic pass leaves it alone; only a manual retry tries again.
    expect((await drainOutbox({ db, transport, handlers, accountKey: '7' })).skipped).toBe(1);
    expect((await drainOutbox({ db, transport, handlers, accountKey: '7', force: true })).rejected).toBe(1);
  });

  it('stops and keeps everything when the session is gone', async () => {
    const db = await freshDb();
    await saveWorkLog(db, '7', { date: '2025-03-01', content: '巡查', photos: [] });
    const { transport } = recordingTransport(() => new ApiError(401, 'unauthenticated', '请先登录'));
    const report = await drainOutbox({ db, transport, handlers, accountKey: '7' });
    expect(report.needsLogin).toBe(true);
    expect(await outboxEntries(db, '7')).toHaveLength(1);
  });

  it("only sends the signed-in operator's entries", async () => {
    const db = await freshDb();
    await saveWorkLog(db, '7', { date: '2025-03-01', content: '甲', photos: [] });
    await saveWorkLog(db, '8', { date: '2025-03-01', content: '乙', photos: [] });
    const { transport, calls } = recordingTransport();
    await drainOutbox({ db, transport, handlers, accountKey: '8' });
    expect(calls).toHaveLength(1);
    expect(await outboxEntries(db, '7')).toHaveLength(1);
  });
});

describe('entity handler registry', () => {
  it('sends every entity through one send(kind, key, payload): each kind is a registered handler', () => {
    const photoReq = entityHandler('photo').request('photo-key-0001', photo('a'));
    expect(photoReq).toMatchObject({
      method: 'POST',
      path: '/files',
      headers: { 'Idempotency-Key': 'photo-key-0001' },
    });
    expect(
      entityHandler('workLog').request('log key/1', {
        date: '2025-03-01',
        content: '巡查',
        photoFileIds: [],
        createdAtClient: '2025-03-01T08:00:00+08:00',
      }),
    ).toMatchObject({ method: 'PUT', path: '/work-logs/log%20key%2F1', json: { content: '巡查' } });
    const task = entityHandler('testingTask').request('task-key-0001', {
      fields: { projectId: '3', allAssigned: 'true' },
      photo: photo('live'),
    });
    expect(task).toMatchObject({ method: 'POST', path: '/testing-tasks' });
    expect(task.form!.get('idempotencyKey')).toBe('task-key-0001');
    expect(task.form!.get('projectId')).toBe('3');
    expect(task.form!.get('photo')).toBeInstanceOf(Blob);
    expect(() => entityHandler('unknownThing')).toThrow('unknownThing');
    // A new entity is one more handler, no new code path.
    registerEntity('demoEntity', { request: (key) => ({ method: 'PUT', path: `/demo/${key}`, json: {} }) });
    expect(entityHandler('demoEntity').request('k-000001', null).path).toBe('/demo/k-000001');
  });

  it('queues a testing task with its payload and sends it through the same drain, once acknowledged', async () => {
    const db = await freshDb();
    const key = 'task-key-0002';
    await enqueue(db, 'testingTask', key, '7', {
      fields: { projectId: '3', allAssigned: 'true' },
      photo: photo('live'),
    });
    const [entry] = await outboxEntries(db, '7');
    expect(entry).toMatchObject({ kind: 'testingTask', entityClientId: key, state: 'pending' });
    let down = true;
    const { transport, calls } = recordingTransport(() => (down ? new NetworkError() : null));
    expect((await drainOutbox({ db, transport, handlers, accountKey: '7', now: () => 0 })).retrying).toBe(1);
    down = false;
    const report = await drainOutbox({ db, transport, handlers, accountKey: '7', now: () => 10 * 60_000 });
    expect(report.sent).toBe(1);
    // The retry carries the same key, so the server makes one task of both attempts.
    expect(calls).toEqual([`testingTask:${key}`, `testingTask:${key}`]);
    expect(await outboxEntries(db, '7')).toEqual([]);
  });
});
