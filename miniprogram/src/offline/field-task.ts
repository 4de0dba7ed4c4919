import { newClientId } from './client-id';
import type { LocalPhoto, OfflineDb, OutboxKind, RequestState } from './db';
import { enqueue, outboxEntries, type OutboxHandler } from './outbox';
import { patchSyncStatus } from './sync-status';
import type { PhotoPayload } from './transport';

/**
 * The life of a task done in the field, the same for 检测 (testing.ts) and 维保 (maintenance.ts): a start request
 * (location fix + live photo) through the outbox, 待同意/已同意/已拒绝 from the server's task list, a refused
 * request made again under a new key, then 提交申请 (fix + photo) and, once the lead consented, the submission:
 * photos first (each under its own key, its server id written back at once), then every record in one request
 * under the submission's key. Every key is made once on the phone and kept, so any retry is a replay.
 *
 * A feature says only what differs (`FieldTaskFlow`): its IndexedDB store, its outbox kinds, the start request's
 * fields, which records go into the submission and their wire shape.
 */

/** What both kinds of task keep about their requests. */
export interface FieldTask {
  clientId: string;
  accountKey: string;
  projectId: number;
  siteName: string;
  createdAt: string;
  /** Key of the current start request; a new one when a refused request is made again. */
  startKey: string;
  serverId?: number;
  start: { state: RequestState; reason?: string | null; statusLabel?: string };
  submit?: {
    requestKey: string;
    request: { state: RequestState; reason?: string | null; id?: number };
    submissionKey: string;
    /** The refused request this one replaces: its answer, still listed by the server, is not this one's. */
    replacesRequestId?: number;
    /** queued: waits in the outbox; submitted: the server has every record. */
    submission: 'waiting' | 'queued' | 'submitted';
    error?: string;
  };
}

/** The server's view of a task as far as the phone needs it. */
export interface ServerTaskState {
  id: number;
  idempotencyKey: string;
  statusLabel?: string;
  startRequest: { id: number; status: string; decisionReason: string | null } | null;
  submitRequest?: { id: number; status: string; decisionReason: string | null } | null;
}

export type TaskStoreName = 'testingTasks' | 'maintenanceTasks';

export interface FieldTaskFlow<T extends FieldTask, R> {
  store: TaskStoreName;
  kinds: { start: OutboxKind; submitRequest: OutboxKind; submission: OutboxKind };
  /** 测试任务 / 维保任务, in the refusals. */
  noun: string;
  /** 检测结果 / 维保结果. */
  resultNoun: string;
  /** The start request's multipart fields besides the location fix. */
  startFields(task: Pick<T, 'projectId'> & Partial<T>): Record<string, string>;
  /** Records that go into the submission, in order, and the client ids of each one's photos. */
  submittedRecords(db: OfflineDb, task: T): Promise<{ record: R; photoIds: string[] }[]>;
  /**
   * The submission's body, from records with their files' server ids: in the order of `photoIds` (`fileIds`),
   * and by client id (`uploaded`) for records that send files in more than one role.
   */
  submissionPayload(
    task: T,
    records: { record: R; fileIds: number[]; uploaded: ReadonlyMap<string, number> }[],
  ): unknown;
  /** Why the task cannot be submitted yet (nothing recorded, a record incomplete), or null. */
  submitProblem(db: OfflineDb, task: T): Promise<string | null>;
  /** Removes the task's records and their photos (discard). */
  recordStoreCleanup(db: OfflineDb, task: T): Promise<void>;
}

const requestState = (status: string | undefined): RequestState =>
  status === 'approved' ? 'approved' : status === 'rejected' ? 'rejected' : 'pending';

export const REQUEST_STATE_LABELS: Record<RequestState, string> = {
  queued: '待发送',
  pending: '待同意',
  approved: '已同意',
  rejected: '已拒绝',
};

// idb's typed schema cannot follow a store name chosen at run time; the flows name only task stores.
type AnyStoreDb = {
  get(store: TaskStoreName, key: string): Promise<any>;
  put(store: TaskStoreName, value: any): Promise<any>;
  delete(store: TaskStoreName, key: string): Promise<any>;
  getAllFromIndex(store: TaskStoreName, index: 'byAccount', key: string): Promise<any[]>;
};
const taskDb = (db: OfflineDb) => db as unknown as AnyStoreDb;

export async function listFieldTasks<T extends FieldTask>(
  flow: FieldTaskFlow<T, unknown>,
  db: OfflineDb,
  accountKey: string,
): Promise<T[]> {
  const tasks = (await taskDb(db).getAllFromIndex(flow.store, 'byAccount', accountKey)) as T[];
  return tasks.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export const getFieldTask = async <T extends FieldTask>(
  flow: FieldTaskFlow<T, unknown>,
  db: OfflineDb,
  clientId: string,
): Promise<T | undefined> => (await taskDb(db).get(flow.store, clientId)) as T | undefined;

export const putFieldTask = async <T extends FieldTask>(
  flow: FieldTaskFlow<T, unknown>,
  db: OfflineDb,
  task: T,
): Promise<void> => void (await taskDb(db).put(flow.store, task));

/** A start request (fix, live photo, the flow's fields) into the outbox under a new key. */
async function queueStart<T extends FieldTask>(
  flow: FieldTaskFlow<T, unknown>,
  db: OfflineDb,
  accountKey: string,
  task: Pick<T, 'projectId'> & Partial<T>,
  fix: Record<string, string>,
  photo: PhotoPayload,
): Promise<string> {
  const startKey = newClientId();
  await enqueue(db, flow.kinds.start, startKey, accountKey, {
    fields: { ...fix, ...flow.startFields(task) },
    photo,
  });
  return startKey;
}

/** 建立任务 + 开始申请: the task is on the phone at once; its start request goes through the outbox. */
export async function createFieldTask<T extends FieldTask>(
  flow: FieldTaskFlow<T, unknown>,
  db: OfflineDb,
  accountKey: string,
  content: Omit<T, keyof FieldTask> & Pick<T, 'projectId' | 'siteName'>,
  fix: Record<string, string>,
  photo: PhotoPayload,
): Promise<T> {
  const startKey = await queueStart(flow, db, accountKey, content as unknown as T, fix, photo);
  const task = {
    ...content,
    clientId: newClientId(),
    accountKey,
    createdAt: new Date().toISOString(),
    startKey,
    start: { state: 'queued' },
  } as unknown as T;
  await putFieldTask(flow, db, task);
  return task;
}

/** A refused start request is made again: a new request (new key, fix and live photo) for the same content. */
export async function requestFieldTaskStartAgain<T extends FieldTask>(
  flow: FieldTaskFlow<T, unknown>,
  db: OfflineDb,
  task: T,
  fix: Record<string, string>,
  photo: PhotoPayload,
): Promise<T> {
  if (task.start.state !== 'rejected') throw new Error('只有被拒绝的开始申请才能重新申请');
  const startKey = await queueStart(flow, db, task.accountKey, task, fix, photo);
  const next: T = { ...task, startKey, serverId: undefined, start: { state: 'queued' } };
  await putFieldTask(flow, db, next);
  return next;
}

/**
 * Joins the server's tasks to the phone's by the start request's key: the start and submit requests' states and
 * reasons; an approved submit request queues the submission.
 */
export async function applyServerFieldTasks<T extends FieldTask>(
  flow: FieldTaskFlow<T, unknown>,
  db: OfflineDb,
  accountKey: string,
  server: ServerTaskState[],
): Promise<void> {
  const byKey = new Map(server.map((t) => [t.idempotencyKey, t]));
  for (const task of await listFieldTasks(flow, db, accountKey)) {
    const remote = byKey.get(task.startKey);
    if (!remote) continue;
    const next: T = {
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
      await enqueue(db, flow.kinds.submission, next.submit.submissionKey, accountKey);
    }
    await putFieldTask(flow, db, next);
  }
}

/** May the operator still change the task's records (no submit request, or the last one was refused)? */
export const isEditable = (task: FieldTask): boolean =>
  !task.submit || task.submit.request.state === 'rejected';

/**
 * 提交申请: the submit request (fix + live photo) goes through the outbox; the submission waits for the lead's
 * consent (applyServerFieldTasks queues it). Refused while the records are incomplete or the task not started.
 */
export async function requestFieldTaskSubmission<T extends FieldTask>(
  flow: FieldTaskFlow<T, unknown>,
  db: OfflineDb,
  task: T,
  fix: Record<string, string>,
  photo: PhotoPayload,
): Promise<T> {
  if (task.start.state !== 'approved' || !task.serverId)
    throw new Error(`开始申请尚未同意，不能提交${flow.resultNoun}`);
  if (!isEditable(task)) throw new Error(`已提交${flow.resultNoun}申请，请等待项目负责人处理`);
  const problem = await flow.submitProblem(db, task);
  if (problem) throw new Error(problem);
  const requestKey = newClientId();
  await enqueue(db, flow.kinds.submitRequest, requestKey, task.accountKey, {
    taskId: task.serverId,
    fields: fix,
    photo,
  });
  const next: T = {
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
  await putFieldTask(flow, db, next);
  return next;
}

/**
 * A task the lead rejected, corrected on the phone, is submitted again without a new 提交申请: a new submission key
 * (the corrected results replace the previous ones on the server), queued at once.
 */
export async function queueFieldTaskResubmission<T extends FieldTask>(
  flow: FieldTaskFlow<T, unknown>,
  db: OfflineDb,
  task: T,
): Promise<T> {
  if (!task.serverId) throw new Error(`该${flow.noun}尚未在服务器上建立`);
  if (task.submit && task.submit.submission !== 'waiting' && task.submit.request.state === 'approved')
    throw new Error(`该${flow.noun}的修改已提交`);
  const problem = await flow.submitProblem(db, task);
  if (problem) throw new Error(problem);
  const submissionKey = newClientId();
  const next: T = {
    ...task,
    submit: { requestKey: '', request: { state: 'approved' }, submissionKey, submission: 'queued' },
  };
  await putFieldTask(flow, db, next);
  await enqueue(db, flow.kinds.submission, submissionKey, task.accountKey);
  return next;
}

/** Which of a task's keys an outbox entry is sent under. */
const KEY_OF = {
  start: (t: FieldTask) => t.startKey,
  submitRequest: (t: FieldTask) => t.submit?.requestKey,
  submission: (t: FieldTask) => t.submit?.submissionKey,
};

/** The task an outbox entry belongs to: the one whose start, submit-request or submission key it carries. */
async function taskOf<T extends FieldTask>(
  flow: FieldTaskFlow<T, unknown>,
  db: OfflineDb,
  entry: { accountKey: string; entityClientId: string },
  role: keyof typeof KEY_OF,
): Promise<T | undefined> {
  return (await listFieldTasks(flow, db, entry.accountKey)).find(
    (t) => KEY_OF[role](t) === entry.entityClientId,
  );
}

/** The three outbox handlers of a flow: start request, submit request, submission. */
export function fieldTaskOutboxHandlers<T extends FieldTask, R>(
  flow: FieldTaskFlow<T, R>,
): { start: OutboxHandler; submitRequest: OutboxHandler; submission: OutboxHandler } {
  const f = flow as FieldTaskFlow<T, unknown>;
  return {
    // Start request: sent as queued; on success the task knows its server id and waits for the lead (待同意).
    start: {
      async push(entry, { db, transport }) {
        const saved = await transport.send(entry.kind, entry.entityClientId, entry.payload);
        const task = await taskOf(f, db, entry, 'start');
        if (task && task.start.state === 'queued')
          await putFieldTask(f, db, { ...task, serverId: Number(saved.id), start: { state: 'pending' } });
      },
      async markRejected(entry, message, db) {
        const task = await taskOf(f, db, entry, 'start');
        if (task) await putFieldTask(f, db, { ...task, start: { state: 'rejected', reason: message } });
      },
    },
    // Submit request: sent as queued; then 待同意 until the server's task list says otherwise.
    submitRequest: {
      async push(entry, { db, transport }) {
        await transport.send(entry.kind, entry.entityClientId, entry.payload);
        const task = await taskOf(f, db, entry, 'submitRequest');
        if (task?.submit && task.submit.request.state === 'queued')
          await putFieldTask(f, db, { ...task, submit: { ...task.submit, request: { state: 'pending' } } });
      },
      async markRejected(entry, message, db) {
        const task = await taskOf(f, db, entry, 'submitRequest');
        if (task?.submit)
          await putFieldTask(f, db, {
            ...task,
            submit: { ...task.submit, request: { state: 'rejected', reason: message } },
          });
      },
    },
    // The submission: photos first, one request each under the photo's own key, every server file id written
    // back at once (a retry uploads only what is missing); then all records in one request under its key.
    submission: {
      async push(entry, { db, transport }) {
        const task = await taskOf(f, db, entry, 'submission');
        if (!task?.submit || !task.serverId) return;
        const records = await flow.submittedRecords(db, task);
        const photoIds = new Set(records.flatMap((r) => r.photoIds));
        const photos = new Map<string, LocalPhoto>();
        for (const id of photoIds) {
          const p = await db.get('photos', id);
          if (p) photos.set(id, p);
        }
        const total = photos.size;
        let done = [...photos.values()].filter((p) => p.serverFileId).length;
        try {
          for (const photo of photos.values()) {
            if (photo.serverFileId) continue;
            patchSyncStatus({ uploading: { done, total } });
            const uploaded = await transport.send('photo', photo.clientId, {
              blob: photo.blob,
              name: photo.name,
            });
            photo.serverFileId = uploaded.id;
            await db.put('photos', photo);
            done++;
          }
          patchSyncStatus({ uploading: { done, total } });
          const uploaded = new Map([...photos].map(([id, p]) => [id, Number(p.serverFileId)]));
          const wire = records.map(({ record, photoIds: ids }) => ({
            record,
            fileIds: ids.filter((id) => uploaded.has(id)).map((id) => uploaded.get(id)!),
            uploaded,
          }));
          await transport.send(entry.kind, task.submit.submissionKey, flow.submissionPayload(task, wire));
        } finally {
          patchSyncStatus({ uploading: null });
        }
        const current = (await getFieldTask(f, db, task.clientId)) ?? task;
        await putFieldTask(f, db, {
          ...current,
          submit: { ...current.submit!, submission: 'submitted', error: undefined },
        });
      },
      async markRejected(entry, message, db) {
        const task = await taskOf(f, db, entry, 'submission');
        if (task?.submit) await putFieldTask(f, db, { ...task, submit: { ...task.submit, error: message } });
      },
    },
  };
}

/** The outbox entries of one task (start request, submit request, submission) with their errors, for its card. */
export async function fieldTaskOutbox(db: OfflineDb, task: FieldTask) {
  const keys = new Set([task.startKey, task.submit?.requestKey, task.submit?.submissionKey].filter(Boolean));
  return (await outboxEntries(db, task.accountKey)).filter((e) => keys.has(e.entityClientId));
}

/** Removes a task that never reached the server or was refused, with its records and photos (operator's choice). */
export async function discardFieldTask<T extends FieldTask>(
  flow: FieldTaskFlow<T, unknown>,
  db: OfflineDb,
  task: T,
): Promise<void> {
  await flow.recordStoreCleanup(db, task);
  const tx = db.transaction('outbox', 'readwrite');
  const ops: Promise<unknown>[] = [];
  for (const key of [task.startKey, task.submit?.requestKey, task.submit?.submissionKey]) {
    if (!key) continue;
    for (const kind of Object.values(flow.kinds)) ops.push(tx.store.delete(`${kind}:${key}`));
  }
  await Promise.all([...ops, tx.done]);
  await taskDb(db).delete(flow.store, task.clientId);
}
