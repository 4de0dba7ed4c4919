import { computeItemResult, hasMeasuredLimit } from '@xf/domain/judgment/measured';
import { validateTestRecord } from '@xf/domain/judgment/record';
import { TEST_RESULT_LABELS, type TestResult } from '@xf/domain/judgment/results';
import { newClientId } from './client-id';
import type {
  LocalPhoto,
  LocalPlanItem,
  LocalPlanSingleItem,
  LocalTestingRecord,
  LocalTestingTask,
  OfflineDb,
  RequestState,
} from './db';
import { enqueue, outboxEntries, type OutboxHandler } from './outbox';
import { patchSyncStatus } from './sync-status';
import { queueTestingTask } from './testing-tasks';
import type { PhotoPayload, TestingRecordInput } from './transport';

/**
 * 检测 on the phone (manual §02 操作员使用检测APP): a task keeps the plan content of its single items, the operator
 * records every test item per position with no network, and 提交检测结果申请 sends a submit request, waits for
 * the lead's consent, uploads the photos one by one and then all records in one submission. Every key
 * (start request, submit request, submission, each record, each photo) is made once on the phone and kept, so
 * any retry or replay is the same request to the server.
 */

export const MAX_POSITIONS = 200;

/** The server's view of a task as far as the phone needs it (TestingTaskView + the submit request). */
export interface ServerTaskState {
  id: number;
  idempotencyKey: string;
  statusLabel?: string;
  startRequest: { id: number; status: string; decisionReason: string | null } | null;
  submitRequest?: { id: number; status: string; decisionReason: string | null } | null;
}

const requestState = (status: string | undefined): RequestState =>
  status === 'approved' ? 'approved' : status === 'rejected' ? 'rejected' : 'pending';

export const REQUEST_STATE_LABELS: Record<RequestState, string> = {
  queued: '待发送',
  pending: '待同意',
  approved: '已同意',
  rejected: '已拒绝',
};

// ---------------------------------------------------------------- tasks

/** 建立测试任务 + 开始申请: the task is on the phone at once; its start request goes through the outbox. */
export async function createTestingTask(
  db: OfflineDb,
  accountKey: string,
  input: { projectId: number; siteName: string; singleItems: LocalPlanSingleItem[] },
  fix: Record<string, string>,
  photo: PhotoPayload,
): Promise<LocalTestingTask> {
  if (!input.singleItems.length) throw new Error('请至少选择一个检测单项');
  const startKey = await queueTestingTask(
    db,
    accountKey,
    {
      ...fix,
      projectId: String(input.projectId),
      planSingleItemIds: input.singleItems.map((s) => s.planSingleItemId).join(','),
    },
    photo,
  );
  const task: LocalTestingTask = {
    clientId: newClientId(),
    accountKey,
    projectId: input.projectId,
    siteName: input.siteName,
    createdAt: new Date().toISOString(),
    singleItems: input.singleItems,
    positions: {},
    startKey,
    start: { state: 'queued' },
  };
  await db.put('testingTasks', task);
  return task;
}

/** A refused start request is made again: a new request (new key, fix and live photo) for the same items. */
export async function requestStartAgain(
  db: OfflineDb,
  task: LocalTestingTask,
  fix: Record<string, string>,
  photo: PhotoPayload,
): Promise<LocalTestingTask> {
  if (task.start.state !== 'rejected') throw new Error('只有被拒绝的开始申请才能重新申请');
  const startKey = await queueTestingTask(
    db,
    task.accountKey,
    {
      ...fix,
      projectId: String(task.projectId),
      planSingleItemIds: task.singleItems.map((s) => s.planSingleItemId).join(','),
    },
    photo,
  );
  const next: LocalTestingTask = { ...task, startKey, serverId: undefined, start: { state: 'queued' } };
  await db.put('testingTasks', next);
  return next;
}

export async function listTestingTasks(db: OfflineDb, accountKey: string): Promise<LocalTestingTask[]> {
  const tasks = await db.getAllFromIndex('testingTasks', 'byAccount', accountKey);
  return tasks.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * Joins the server's tasks (GET /operators/me/testing-tasks) to the phone's by the start request's key: the
 * start and submit requests' states and reasons; an approved submit request queues the submission.
 */
export async function applyServerTasks(
  db: OfflineDb,
  accountKey: string,
  server: ServerTaskState[],
): Promise<void> {
  const byKey = new Map(server.map((t) => [t.idempotencyKey, t]));
  for (const task of await listTestingTasks(db, accountKey)) {
    const remote = byKey.get(task.startKey);
    if (!remote) continue;
    const next: LocalTestingTask = {
      ...task,
      serverId: remote.id,
      start: {
        state: requestState(remote.startRequest?.status),
        reason: remote.startRequest?.decisionReason ?? null,
        statusLabel: remote.statusLabel,
      },
    };
    const sr = remote.submitRequest;
    // Only the answer to this phone's latest request counts (the refused one before it may still be listed).
    const ours = !!sr && sr.id !== next.submit?.replacesRequestId;
    if (next.submit && sr && next.submit.request.state !== 'queued' && ours) {
      next.submit = {
        ...next.submit,
        request: { state: requestState(sr.status), reason: sr.decisionReason, id: sr.id },
      };
    }
    if (next.submit?.request.state === 'approved' && next.submit.submission === 'waiting') {
      next.submit = { ...next.submit, submission: 'queued' };
      await enqueue(db, 'testingSubmission', next.submit.submissionKey, accountKey);
    }
    await db.put('testingTasks', next);
  }
}

export async function setPositionCount(
  db: OfflineDb,
  taskClientId: string,
  planSubItemId: string,
  count: number,
): Promise<LocalTestingTask> {
  if (!Number.isInteger(count) || count < 1 || count > MAX_POSITIONS)
    throw new Error(`位置数量：应为1到${MAX_POSITIONS}的整数`);
  const task = await db.get('testingTasks', taskClientId);
  if (!task) throw new Error('测试任务不存在');
  const next = { ...task, positions: { ...task.positions, [planSubItemId]: count } };
  await db.put('testingTasks', next);
  return next;
}

export const positionCount = (task: LocalTestingTask, planSubItemId: string): number =>
  task.positions[planSubItemId] ?? 1;

/** Positions are labelled 1…n (位置数量); the same labels are used by every item of the sub-item. */
export const positionLabels = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => String(i + 1));

// ---------------------------------------------------------------- records

export const slotOf = (taskClientId: string, planItemId: string, position: string) =>
  `${taskClientId}|${planItemId}|${position}`;

export async function recordsOf(db: OfflineDb, taskClientId: string): Promise<LocalTestingRecord[]> {
  return db.getAllFromIndex('testingRecords', 'byTask', taskClientId);
}

export async function recordPhotos(db: OfflineDb, record: LocalTestingRecord): Promise<LocalPhoto[]> {
  const photos = await db.getAllFromIndex('photos', 'byOwner', record.clientId);
  return record.photoClientIds
    .map((id) => photos.find((p) => p.clientId === id))
    .filter((p): p is LocalPhoto => !!p);
}

/** What the standard says the result is, from the measured value where the item has limits. */
export function computedResult(
  item: LocalPlanItem,
  record: Pick<LocalTestingRecord, 'result' | 'measuredValue'>,
): TestResult | null {
  if (!record.result) return null;
  return computeItemResult(item, record.result, record.measuredValue);
}

/** The operator's choice differs from the computed one (the server records it as a mismatch). */
export function isMismatch(
  item: LocalPlanItem,
  record: Pick<LocalTestingRecord, 'result' | 'measuredValue'>,
): boolean {
  const computed = computedResult(item, record);
  return !!computed && computed !== record.result;
}

export const needsMeasuredValue = (item: LocalPlanItem) => hasMeasuredLimit(item);

/** Why a record cannot be submitted yet (the server's own rule, domain validateTestRecord), or null. */
export function recordProblem(item: LocalPlanItem, record: LocalTestingRecord | undefined): string | null {
  if (!record?.result) return '请选择检测结果';
  const check = validateTestRecord(
    { result: record.result, photoCount: record.photoClientIds.length, measuredValue: record.measuredValue },
    item,
  );
  return check.ok ? null : check.message;
}

export interface RecordChange {
  result?: TestResult | null;
  measuredValue?: number | null;
  note?: string;
  addPhotos?: PhotoPayload[];
  removePhotoIds?: string[];
}

/**
 * Saves what the operator entered for one item at one position, at once and with no network. One record per
 * item and position: its key (`idempotencyKey`) is made the first time and kept for every later change.
 */
export async function saveRecord(
  db: OfflineDb,
  task: LocalTestingTask,
  at: { planSingleItemId: string; planSubItemId: string; planItemId: string; position: string },
  change: RecordChange,
): Promise<LocalTestingRecord> {
  if (task.submit && task.submit.request.state !== 'rejected')
    throw new Error('该测试任务已提交检测结果申请，不能再修改记录');
  const slot = slotOf(task.clientId, at.planItemId, at.position);
  const existing = await db.getFromIndex('testingRecords', 'bySlot', slot);
  const record: LocalTestingRecord = existing ?? {
    clientId: newClientId(),
    taskClientId: task.clientId,
    slot,
    ...at,
    result: null,
    measuredValue: null,
    photoClientIds: [],
    note: '',
    recordedAt: new Date().toISOString(),
  };
  const added: LocalPhoto[] = (change.addPhotos ?? []).map((p) => ({
    clientId: newClientId(),
    ownerClientId: record.clientId,
    blob: p.blob,
    name: p.name,
  }));
  const removed = new Set(change.removePhotoIds ?? []);
  const next: LocalTestingRecord = {
    ...record,
    ...(change.result !== undefined ? { result: change.result } : {}),
    ...(change.measuredValue !== undefined ? { measuredValue: change.measuredValue } : {}),
    ...(change.note !== undefined ? { note: change.note } : {}),
    photoClientIds: [
      ...record.photoClientIds.filter((id) => !removed.has(id)),
      ...added.map((p) => p.clientId),
    ],
    recordedAt: new Date().toISOString(),
  };
  if (next.photoClientIds.length > 20) throw new Error('现场照片：每条记录最多20张');
  const tx = db.transaction(['testingRecords', 'photos'], 'readwrite');
  await Promise.all([
    tx.objectStore('testingRecords').put(next),
    ...added.map((p) => tx.objectStore('photos').put(p)),
    ...[...removed].map((id) => tx.objectStore('photos').delete(id)),
    tx.done,
  ]);
  return next;
}

// ---------------------------------------------------------------- where the operator was (继续现场记录)

export interface RecordingCursor {
  taskClientId: string;
  planSingleItemId?: string;
  planSubItemId?: string;
  planItemId?: string;
  position?: string;
}

const cursorKey = (accountKey: string) => `${accountKey}:testing-cursor`;

export async function saveCursor(db: OfflineDb, accountKey: string, cursor: RecordingCursor): Promise<void> {
  await db.put('kv', { key: cursorKey(accountKey), value: cursor });
}

export async function loadCursor(db: OfflineDb, accountKey: string): Promise<RecordingCursor | null> {
  const hit = await db.get('kv', cursorKey(accountKey));
  return (hit?.value as RecordingCursor | undefined) ?? null;
}

// ---------------------------------------------------------------- 提交检测结果申请

export interface TaskProgress {
  /** Test items × positions the task asks for. */
  expected: number;
  recorded: number;
  /** Records with a result that the server would refuse (photo or measured value missing). */
  problems: { planItemId: string; position: string; message: string }[];
  photos: number;
  uploadedPhotos: number;
}

export function taskItems(task: LocalTestingTask) {
  return task.singleItems.flatMap((single) =>
    single.subItems.flatMap((sub) =>
      sub.items.map((item) => ({ single, sub, item, positions: positionCount(task, sub.planSubItemId) })),
    ),
  );
}

export async function taskProgress(db: OfflineDb, task: LocalTestingTask): Promise<TaskProgress> {
  const records = await recordsOf(db, task.clientId);
  const bySlot = new Map(records.map((r) => [r.slot, r]));
  const progress: TaskProgress = { expected: 0, recorded: 0, problems: [], photos: 0, uploadedPhotos: 0 };
  for (const { item, sub, positions } of taskItems(task)) {
    for (const position of positionLabels(positions)) {
      progress.expected++;
      const r = bySlot.get(slotOf(task.clientId, item.planItemId, position));
      if (!r?.result) continue;
      progress.recorded++;
      const problem = recordProblem(item, r);
      if (problem)
        progress.problems.push({
          planItemId: item.planItemId,
          position,
          message: `${sub.name} · ${item.name}（位置${position}）：${problem}`,
        });
    }
  }
  // One read of the photo store (Blobs are not loaded until read), not one query per record: tasks of 2,000
  // records stay quick to list.
  const wanted = new Set(records.filter((r) => r.result).flatMap((r) => r.photoClientIds));
  if (wanted.size) {
    let cursor = await db.transaction('photos').store.openCursor();
    while (cursor) {
      if (wanted.has(cursor.key)) {
        progress.photos++;
        if (cursor.value.serverFileId) progress.uploadedPhotos++;
      }
      cursor = await cursor.continue();
    }
  }
  return progress;
}

/** Records that go into the submission: those with a result, at positions the sub-item still has. */
async function submittedRecords(db: OfflineDb, task: LocalTestingTask): Promise<LocalTestingRecord[]> {
  const wanted = new Set<string>();
  for (const { item, positions } of taskItems(task))
    for (const position of positionLabels(positions))
      wanted.add(slotOf(task.clientId, item.planItemId, position));
  return (await recordsOf(db, task.clientId)).filter((r) => r.result && wanted.has(r.slot));
}

/**
 * 提交检测结果申请: the submit request (fix + live photo) goes through the outbox; the submission waits for the
 * lead's consent (applyServerTasks queues it). Refused while records are incomplete or the task not started.
 */
export async function requestSubmission(
  db: OfflineDb,
  task: LocalTestingTask,
  fix: Record<string, string>,
  photo: PhotoPayload,
): Promise<LocalTestingTask> {
  if (task.start.state !== 'approved' || !task.serverId)
    throw new Error('开始申请尚未同意，不能提交检测结果');
  if (task.submit && task.submit.request.state !== 'rejected')
    throw new Error('已提交检测结果申请，请等待项目负责人处理');
  const progress = await taskProgress(db, task);
  if (progress.recorded === 0) throw new Error('检测记录：请至少记录一个检测项');
  if (progress.problems.length) throw new Error(progress.problems[0]!.message);
  const requestKey = newClientId();
  await enqueue(db, 'testingSubmitRequest', requestKey, task.accountKey, {
    taskId: task.serverId,
    fields: fix,
    photo,
  });
  const next: LocalTestingTask = {
    ...task,
    submit: {
      requestKey,
      request: { state: 'queued' },
      // A submission key is made once: a refused request made again still submits under the same key.
      submissionKey: task.submit?.submissionKey ?? newClientId(),
      replacesRequestId: task.submit?.request.id,
      submission: 'waiting',
    },
  };
  await db.put('testingTasks', next);
  return next;
}

async function taskByKey(
  db: OfflineDb,
  accountKey: string,
  match: (t: LocalTestingTask) => boolean,
): Promise<LocalTestingTask | undefined> {
  return (await db.getAllFromIndex('testingTasks', 'byAccount', accountKey)).find(match);
}

/** Start request: sent as queued; on success the task knows its server id and waits for the lead (待同意). */
export const testingTaskOutboxHandler: OutboxHandler = {
  async push(entry, { db, transport }) {
    const saved = await transport.send(entry.kind, entry.entityClientId, entry.payload);
    const task = await taskByKey(db, entry.accountKey, (t) => t.startKey === entry.entityClientId);
    if (task && task.start.state === 'queued')
      await db.put('testingTasks', { ...task, serverId: Number(saved.id), start: { state: 'pending' } });
  },
  async markRejected(entry, message, db) {
    const task = await taskByKey(db, entry.accountKey, (t) => t.startKey === entry.entityClientId);
    if (task) await db.put('testingTasks', { ...task, start: { state: 'rejected', reason: message } });
  },
};

/** Submit request: sent as queued; then 待同意 until the server's task list says otherwise. */
export const testingSubmitRequestOutboxHandler: OutboxHandler = {
  async push(entry, { db, transport }) {
    await transport.send(entry.kind, entry.entityClientId, entry.payload);
    const task = await taskByKey(db, entry.accountKey, (t) => t.submit?.requestKey === entry.entityClientId);
    if (task?.submit && task.submit.request.state === 'queued')
      await db.put('testingTasks', {
        ...task,
        submit: { ...task.submit, request: { state: 'pending' } },
      });
  },
  async markRejected(entry, message, db) {
    const task = await taskByKey(db, entry.accountKey, (t) => t.submit?.requestKey === entry.entityClientId);
    if (task?.submit)
      await db.put('testingTasks', {
        ...task,
        submit: { ...task.submit, request: { state: 'rejected', reason: message } },
      });
  },
};

export function toWireRecord(record: LocalTestingRecord, photoFileIds: number[]): TestingRecordInput {
  return {
    idempotencyKey: record.clientId,
    planItemId: record.planItemId,
    position: record.position,
    result: record.result!,
    measuredValue: record.measuredValue,
    photoFileIds,
    note: record.note,
    recordedAt: record.recordedAt,
  };
}

/**
 * The submission: photos first, one request each under the photo's own key, every server file id written back
 * at once (a retry uploads only what is missing); then all records in one request under the submission's key.
 */
export const testingSubmissionOutboxHandler: OutboxHandler = {
  async push(entry, { db, transport }) {
    const task = await taskByKey(
      db,
      entry.accountKey,
      (t) => t.submit?.submissionKey === entry.entityClientId,
    );
    if (!task?.submit || !task.serverId) return;
    const records = await submittedRecords(db, task);
    const photosOf = new Map<string, LocalPhoto[]>();
    for (const r of records) photosOf.set(r.clientId, await recordPhotos(db, r));
    const total = [...photosOf.values()].reduce((n, p) => n + p.length, 0);
    let done = [...photosOf.values()].reduce((n, p) => n + p.filter((x) => x.serverFileId).length, 0);
    const wire: TestingRecordInput[] = [];
    try {
      for (const record of records) {
        const ids: number[] = [];
        for (const photo of photosOf.get(record.clientId)!) {
          if (!photo.serverFileId) {
            patchSyncStatus({ uploading: { done, total } });
            const uploaded = await transport.send('photo', photo.clientId, {
              blob: photo.blob,
              name: photo.name,
            });
            photo.serverFileId = uploaded.id;
            await db.put('photos', photo);
            done++;
          }
          ids.push(Number(photo.serverFileId));
        }
        wire.push(toWireRecord(record, ids));
      }
      patchSyncStatus({ uploading: { done, total } });
      await transport.send('testingSubmission', task.submit.submissionKey, {
        taskId: task.serverId,
        records: wire,
      });
    } finally {
      patchSyncStatus({ uploading: null });
    }
    const current = (await db.get('testingTasks', task.clientId)) ?? task;
    await db.put('testingTasks', {
      ...current,
      submit: { ...current.submit!, submission: 'submitted', error: undefined },
    });
  },
  async markRejected(entry, message, db) {
    const task = await taskByKey(
      db,
      entry.accountKey,
      (t) => t.submit?.submissionKey === entry.entityClientId,
    );
    if (task?.submit) await db.put('testingTasks', { ...task, submit: { ...task.submit, error: message } });
  },
};

/** The outbox entries of one task (start request, submit request, submission) with their errors, for its card. */
export async function taskOutbox(db: OfflineDb, task: LocalTestingTask) {
  const keys = new Set([task.startKey, task.submit?.requestKey, task.submit?.submissionKey].filter(Boolean));
  return (await outboxEntries(db, task.accountKey)).filter((e) => keys.has(e.entityClientId));
}

/** Removes a task that never reached the server or was refused, with its records and photos (operator's choice). */
export async function discardTestingTask(db: OfflineDb, task: LocalTestingTask): Promise<void> {
  const records = await recordsOf(db, task.clientId);
  const tx = db.transaction(['testingTasks', 'testingRecords', 'photos', 'outbox'], 'readwrite');
  const ops: Promise<unknown>[] = [tx.objectStore('testingTasks').delete(task.clientId)];
  for (const r of records) {
    ops.push(tx.objectStore('testingRecords').delete(r.clientId));
    for (const id of r.photoClientIds) ops.push(tx.objectStore('photos').delete(id));
  }
  for (const key of [task.startKey, task.submit?.requestKey, task.submit?.submissionKey]) {
    if (!key) continue;
    for (const kind of ['testingTask', 'testingSubmitRequest', 'testingSubmission'])
      ops.push(tx.objectStore('outbox').delete(`${kind}:${key}`));
  }
  await Promise.all([...ops, tx.done]);
}

export const resultLabel = (r: TestResult) => TEST_RESULT_LABELS[r];
