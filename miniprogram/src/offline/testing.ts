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
} from './db';
import {
  applyServerFieldTasks,
  createFieldTask,
  discardFieldTask,
  fieldTaskOutbox,
  fieldTaskOutboxHandlers,
  isEditable,
  listFieldTasks,
  REQUEST_STATE_LABELS,
  requestFieldTaskStartAgain,
  requestFieldTaskSubmission,
  type FieldTaskFlow,
  type ServerTaskState,
} from './field-task';
import type { OutboxHandler } from './outbox';
import { countUploads, recordingCursor } from './recording-cursor';
import type { PhotoPayload, TestingRecordInput } from './transport';

/**
 * 检测 on the phone (manual §02 操作员使用检测APP): a task keeps the plan content of its single items, the operator
 * records every test item per position with no network, and 提交检测结果申请 sends a submit request, waits for
 * the lead's consent, uploads the photos one by one and then all records in one submission. Every key
 * (start request, submit request, submission, each record, each photo) is made once on the phone and kept, so
 * any retry or replay is the same request to the server.
 */

export const MAX_POSITIONS = 200;

/** How a testing task travels (start request, submit request, submission): the shared field-task flow. */
export const testingFlow: FieldTaskFlow<LocalTestingTask, LocalTestingRecord> = {
  store: 'testingTasks',
  kinds: { start: 'testingTask', submitRequest: 'testingSubmitRequest', submission: 'testingSubmission' },
  noun: '测试任务',
  resultNoun: '检测结果',
  startFields: (task) => ({
    projectId: String(task.projectId),
    planSingleItemIds: (task.singleItems ?? []).map((s) => s.planSingleItemId).join(','),
  }),
  async submittedRecords(db, task) {
    return (await submittedRecords(db, task)).map((record) => ({ record, photoIds: record.photoClientIds }));
  },
  submissionPayload: (task, records) => ({
    taskId: task.serverId!,
    records: records.map(({ record, fileIds }) => toWireRecord(record, fileIds)),
  }),
  async submitProblem(db, task) {
    const progress = await taskProgress(db, task);
    if (progress.recorded === 0) return '检测记录：请至少记录一个检测项';
    return progress.problems[0]?.message ?? null;
  },
  async recordStoreCleanup(db, task) {
    const records = await recordsOf(db, task.clientId);
    const tx = db.transaction(['testingRecords', 'photos'], 'readwrite');
    const ops: Promise<unknown>[] = [];
    for (const r of records) {
      ops.push(tx.objectStore('testingRecords').delete(r.clientId));
      for (const id of r.photoClientIds) ops.push(tx.objectStore('photos').delete(id));
    }
    await Promise.all([...ops, tx.done]);
  },
};

export { REQUEST_STATE_LABELS, type ServerTaskState };

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
  return createFieldTask(testingFlow, db, accountKey, { ...input, positions: {} }, fix, photo);
}

/** A refused start request is made again: a new request (new key, fix and live photo) for the same items. */
export const requestStartAgain = (
  db: OfflineDb,
  task: LocalTestingTask,
  fix: Record<string, string>,
  photo: PhotoPayload,
): Promise<LocalTestingTask> => requestFieldTaskStartAgain(testingFlow, db, task, fix, photo);

export const listTestingTasks = (db: OfflineDb, accountKey: string): Promise<LocalTestingTask[]> =>
  listFieldTasks(testingFlow, db, accountKey);

/**
 * Joins the server's tasks (GET /operators/me/testing-tasks) to the phone's by the start request's key: the
 * start and submit requests' states and reasons; an approved submit request queues the submission.
 */
export const applyServerTasks = (
  db: OfflineDb,
  accountKey: string,
  server: ServerTaskState[],
): Promise<void> => applyServerFieldTasks(testingFlow, db, accountKey, server);

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
  if (!isEditable(task)) throw new Error('该测试任务已提交检测结果申请，不能再修改记录');
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

const testingCursor = recordingCursor<RecordingCursor>('testing');
export const saveCursor = testingCursor.save;
export const loadCursor = testingCursor.load;

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
  const wanted = new Set(records.filter((r) => r.result).flatMap((r) => r.photoClientIds));
  return { ...progress, ...(await countUploads(db, wanted)) };
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
export const requestSubmission = (
  db: OfflineDb,
  task: LocalTestingTask,
  fix: Record<string, string>,
  photo: PhotoPayload,
): Promise<LocalTestingTask> => requestFieldTaskSubmission(testingFlow, db, task, fix, photo);

const handlersOfTesting = fieldTaskOutboxHandlers(testingFlow);
/** Start request: sent as queued; on success the task knows its server id and waits for the lead (待同意). */
export const testingTaskOutboxHandler: OutboxHandler = handlersOfTesting.start;
/** Submit request: sent as queued; then 待同意 until the server's task list says otherwise. */
export const testingSubmitRequestOutboxHandler: OutboxHandler = handlersOfTesting.submitRequest;
/** The submission: photos first (a retry uploads only what is missing), then all records in one request. */
export const testingSubmissionOutboxHandler: OutboxHandler = handlersOfTesting.submission;

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

/** The outbox entries of one task (start request, submit request, submission) with their errors, for its card. */
export const taskOutbox = (db: OfflineDb, task: LocalTestingTask) => fieldTaskOutbox(db, task);

/** Removes a task that never reached the server or was refused, with its records and photos (operator's choice). */
export const discardTestingTask = (db: OfflineDb, task: LocalTestingTask): Promise<void> =>
  discardFieldTask(testingFlow, db, task);

export const resultLabel = (r: TestResult) => TEST_RESULT_LABELS[r];
