import type { z } from 'zod';
import type { MaintenancePlanView } from '@xf/domain/api/maintenance-plans';
import type { MaintenanceTaskDetail } from '@xf/domain/api/maintenance-tasks';
import type { completeFaultTaskSchema } from '@xf/domain/api/maintenance-faults';
import type {
  maintenanceLineResultInputSchema,
  maintenanceSubmissionSchema,
} from '@xf/domain/api/maintenance-records';
import { newClientId } from './client-id';
import type { LocalPhoto, OfflineDb } from './db';
import {
  applyServerFieldTasks,
  createFieldTask,
  discardFieldTask,
  fieldTaskOutbox,
  fieldTaskOutboxHandlers,
  isEditable,
  listFieldTasks,
  requestFieldTaskStartAgain,
  queueFieldTaskResubmission,
  requestFieldTaskSubmission,
  type FieldTaskFlow,
  type ServerTaskState,
} from './field-task';
import {
  applyLineChange,
  conformityOf,
  emptyLineRecord,
  lineProblem,
  recordBlobIds,
  recordPhotoIds,
  type LineChange,
} from './maintenance-form';
import type {
  LocalMaintenanceFacility,
  LocalMaintenanceLine,
  LocalMaintenanceRecord,
  LocalMaintenanceTask,
} from './maintenance-types';
import { enqueue, outboxEntries, type OutboxHandler } from './outbox';
import { countUploads, recordingCursor } from './recording-cursor';
import { registerEntity, type PhotoPayload } from './transport';

/**
 * 维保 on the phone (manual §03 操作员使用维保APP): a task keeps the content lines of its chosen facilities; the
 * operator records every line of every facility (添加下一个: another facility of the same kind) with no network;
 * 提交 follows the same request → consent → photos → all records path as testing (field-task.ts).
 */

export const MAX_INSTANCES = 200;
export const MAX_PHOTOS = 20;

// ---------------------------------------------------------------- wire

/** One line result as the submission sends it (the wire shape of maintenanceLineResultInputSchema). */
export type MaintenanceRecordWire = z.input<typeof maintenanceLineResultInputSchema>;

/** `uploaded`: the server file id of each of the record's blobs (by client id) that reached the server. */
export function toWireRecord(
  r: LocalMaintenanceRecord,
  uploaded: ReadonlyMap<string, number>,
  facilityLocation = '',
): MaintenanceRecordWire {
  const noConditions = r.checkable === false && r.reason === 'no_conditions';
  const ids = (clientIds: string[]) =>
    clientIds.map((id) => uploaded.get(id)).filter((id): id is number => id !== undefined);
  const [localSignature] = noConditions ? ids(r.signaturePhotoClientIds.slice(0, 1)) : [];
  const signaturePhotoFileId = localSignature ?? (noConditions ? r.remoteSignatureFileId : undefined);
  const photoFileIds = [...(r.remotePhotoFileIds ?? []), ...ids(r.photoClientIds)];
  const videoFileIds = [...(r.remoteVideoFileIds ?? []), ...ids(r.videoClientIds ?? [])];
  const conformity = conformityOf(r) ?? undefined;
  return {
    idempotencyKey: r.clientId,
    facilityId: r.facilityId,
    facilityIndex: r.instance,
    facilityLocation,
    lineId: r.lineId,
    checkable: !!r.checkable,
    answers: r.checkable ? r.answers : {},
    ...(conformity ? { conformity } : {}),
    ...(r.checkable === false && r.reason ? { notCheckableReason: r.reason } : {}),
    ...(r.checkable === false && r.reason === 'standard_mismatch' ? { mismatch: r.mismatch } : {}),
    ...(noConditions
      ? { explanation: r.explanation, ...(signaturePhotoFileId ? { signaturePhotoFileId } : {}) }
      : {}),
    note: r.note,
    photoFileIds,
    videoFileIds,
    recordedAt: r.recordedAt,
  };
}

export interface MaintenanceTaskPayload {
  fields: Record<string, string>;
  photo: PhotoPayload;
}
export interface MaintenanceSubmitRequestPayload extends MaintenanceTaskPayload {
  taskId: number;
}
export interface MaintenanceSubmissionPayload {
  taskId: number;
  records: MaintenanceRecordWire[];
}

const multipart = (key: string, p: MaintenanceTaskPayload) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(p.fields)) form.append(k, v);
  form.append('idempotencyKey', key);
  form.append('photo', p.photo.blob, p.photo.name);
  return form;
};
registerEntity<MaintenanceTaskPayload>('maintenanceTask', {
  request: (key, p) => ({ method: 'POST', path: '/maintenance-tasks', form: multipart(key, p) }),
});
registerEntity<MaintenanceSubmitRequestPayload>('maintenanceSubmitRequest', {
  request: (key, p) => ({
    method: 'POST',
    path: `/maintenance-tasks/${p.taskId}/submit-requests`,
    form: multipart(key, p),
  }),
});
registerEntity<MaintenanceSubmissionPayload>('maintenanceSubmission', {
  request: (key, p) => ({
    method: 'POST',
    path: `/maintenance-tasks/${p.taskId}/submission`,
    json: { idempotencyKey: key, records: p.records } satisfies z.input<typeof maintenanceSubmissionSchema>,
  }),
});

// ---------------------------------------------------------------- the flow

export const maintenanceFlow: FieldTaskFlow<LocalMaintenanceTask, LocalMaintenanceRecord> = {
  store: 'maintenanceTasks',
  kinds: {
    start: 'maintenanceTask',
    submitRequest: 'maintenanceSubmitRequest',
    submission: 'maintenanceSubmission',
  },
  noun: '维保任务',
  resultNoun: '维保结果',
  startFields: (task) => ({
    planId: String(task.planId),
    facilityIds: (task.facilities ?? []).map((f) => f.facilityId).join(','),
  }),
  async submittedRecords(db, task) {
    return (await submittedRecords(db, task)).map((record) => ({ record, photoIds: recordPhotoIds(record) }));
  },
  submissionPayload: (task, records) => ({
    taskId: task.serverId!,
    records: records.map(({ record, uploaded }) =>
      toWireRecord(record, uploaded, instanceLocation(task, record.facilityId, record.instance)),
    ),
  }),
  async submitProblem(db, task) {
    const progress = await maintenanceProgress(db, task);
    if (progress.problems.length) return progress.problems[0]!.message;
    if (progress.expected > progress.recorded)
      return `还有${progress.expected - progress.recorded}条维保内容未记录`;
    return null;
  },
  async recordStoreCleanup(db, task) {
    const records = await maintenanceRecordsOf(db, task.clientId);
    const tx = db.transaction(['maintenanceRecords', 'photos'], 'readwrite');
    const ops: Promise<unknown>[] = [];
    for (const r of records) {
      ops.push(tx.objectStore('maintenanceRecords').delete(r.clientId));
      for (const id of recordBlobIds(r)) ops.push(tx.objectStore('photos').delete(id));
    }
    await Promise.all([...ops, tx.done]);
  },
};

const handlers = fieldTaskOutboxHandlers(maintenanceFlow);
export const maintenanceTaskOutboxHandler: OutboxHandler = handlers.start;
export const maintenanceSubmitRequestOutboxHandler: OutboxHandler = handlers.submitRequest;
export const maintenanceSubmissionOutboxHandler: OutboxHandler = handlers.submission;

// ---------------------------------------------------------------- tasks

/** 建立维保任务 + 开始申请 (chosen facilities of dispatched plans of one project). */
export async function createMaintenanceTask(
  db: OfflineDb,
  accountKey: string,
  input: {
    projectId: number;
    siteName: string;
    planId: number;
    planLabel: string;
    facilities: LocalMaintenanceFacility[];
  },
  fix: Record<string, string>,
  photo: PhotoPayload,
): Promise<LocalMaintenanceTask> {
  if (!input.facilities.length) throw new Error('请至少选择一个消防设施');
  return createFieldTask(
    maintenanceFlow,
    db,
    accountKey,
    { ...input, instances: {}, locations: {} },
    fix,
    photo,
  );
}

export const requestMaintenanceStartAgain = (
  db: OfflineDb,
  task: LocalMaintenanceTask,
  fix: Record<string, string>,
  photo: PhotoPayload,
) => requestFieldTaskStartAgain(maintenanceFlow, db, task, fix, photo);

export const listMaintenanceTasks = (db: OfflineDb, accountKey: string) =>
  listFieldTasks(maintenanceFlow, db, accountKey);

export const applyServerMaintenanceTasks = (db: OfflineDb, accountKey: string, server: ServerTaskState[]) =>
  applyServerFieldTasks(maintenanceFlow, db, accountKey, server);

export const requestMaintenanceSubmission = (
  db: OfflineDb,
  task: LocalMaintenanceTask,
  fix: Record<string, string>,
  photo: PhotoPayload,
) => requestFieldTaskSubmission(maintenanceFlow, db, task, fix, photo);

export const maintenanceTaskOutbox = (db: OfflineDb, task: LocalMaintenanceTask) => fieldTaskOutbox(db, task);

export const discardMaintenanceTask = (db: OfflineDb, task: LocalMaintenanceTask) =>
  discardFieldTask(maintenanceFlow, db, task);

// ---------------------------------------------------------------- facility instances (添加下一个)

const LOCKED = '该维保任务已提交维保结果申请，不能再修改记录';

/** The task as it is on the phone now, refused once its records are locked (提交申请 made). */
async function editableTask(db: OfflineDb, taskClientId: string): Promise<LocalMaintenanceTask> {
  const task = await db.get('maintenanceTasks', taskClientId);
  if (!task) throw new Error('维保任务不存在');
  if (!isEditable(task)) throw new Error(LOCKED);
  return task;
}

export const instanceLocation = (task: LocalMaintenanceTask, facilityId: string, n: number): string =>
  task.locations?.[`${facilityId}|${n}`] ?? '';

/** 设施位置 of one facility instance (e.g. 1号楼地下一层配电室), sent with each of its line results. */
export async function setInstanceLocation(
  db: OfflineDb,
  taskClientId: string,
  facilityId: string,
  n: number,
  location: string,
): Promise<LocalMaintenanceTask> {
  const task = await editableTask(db, taskClientId);
  if (location.length > 100) throw new Error('设施位置：不能超过100个字符');
  const next = { ...task, locations: { ...task.locations, [`${facilityId}|${n}`]: location } };
  await db.put('maintenanceTasks', next);
  return next;
}

export const instanceCount = (task: LocalMaintenanceTask, facilityId: string): number =>
  task.instances[facilityId] ?? 1;

/** 添加下一个: one more facility of the same kind (its lines are recorded again, as instance n+1). */
export async function addInstance(
  db: OfflineDb,
  taskClientId: string,
  facilityId: string,
): Promise<LocalMaintenanceTask> {
  const task = await editableTask(db, taskClientId);
  const n = instanceCount(task, facilityId) + 1;
  if (n > MAX_INSTANCES) throw new Error(`同类设施最多${MAX_INSTANCES}个`);
  const next = { ...task, instances: { ...task.instances, [facilityId]: n } };
  await db.put('maintenanceTasks', next);
  return next;
}

/** Removes the last instance of a facility with its records and photos (added by mistake). */
export async function removeLastInstance(
  db: OfflineDb,
  taskClientId: string,
  facilityId: string,
): Promise<LocalMaintenanceTask> {
  const task = await editableTask(db, taskClientId);
  const n = instanceCount(task, facilityId);
  if (n <= 1) throw new Error('每种设施至少保留一个');
  const gone = (await maintenanceRecordsOf(db, task.clientId)).filter(
    (r) => r.facilityId === facilityId && r.instance === n,
  );
  const next = { ...task, instances: { ...task.instances, [facilityId]: n - 1 } };
  const tx = db.transaction(['maintenanceTasks', 'maintenanceRecords', 'photos'], 'readwrite');
  const ops: Promise<unknown>[] = [tx.objectStore('maintenanceTasks').put(next)];
  for (const r of gone) {
    ops.push(tx.objectStore('maintenanceRecords').delete(r.clientId));
    for (const id of recordBlobIds(r)) ops.push(tx.objectStore('photos').delete(id));
  }
  await Promise.all([...ops, tx.done]);
  return next;
}

// ---------------------------------------------------------------- records

export const maintenanceSlot = (taskClientId: string, facilityId: string, instance: number, lineId: string) =>
  `${taskClientId}|${facilityId}|${instance}|${lineId}`;

export const maintenanceRecordsOf = (db: OfflineDb, taskClientId: string) =>
  db.getAllFromIndex('maintenanceRecords', 'byTask', taskClientId);

export async function photosOfIds(db: OfflineDb, ids: string[]): Promise<LocalPhoto[]> {
  const out: LocalPhoto[] = [];
  for (const id of ids) {
    const p = await db.get('photos', id);
    if (p) out.push(p);
  }
  return out;
}

export interface MaintenanceRecordChange extends LineChange {
  addPhotos?: PhotoPayload[];
  /** 不具备测试条件: the signature photo (replaces the previous one). */
  signaturePhoto?: PhotoPayload;
  removePhotoIds?: string[];
  /** "+" 视频: recorded on the phone, kept as a blob until the submission uploads it. */
  addVideos?: PhotoPayload[];
  removeVideoIds?: string[];
}

export const MAX_VIDEOS = 5;
/** The server's default UPLOAD_MAX_VIDEO_MB: a longer clip would be refused at the submission, so it is refused here. */
export const MAX_VIDEO_MB = 50;

/** Why a recorded video cannot be kept (too large), or null. */
export const videoProblem = (video: { blob: Blob }): string | null =>
  video.blob.size > MAX_VIDEO_MB * 1024 * 1024
    ? `现场视频：每段不能超过${MAX_VIDEO_MB}MB（本段约${Math.ceil(video.blob.size / 1024 / 1024)}MB），请缩短录制时间后重新录制`
    : null;

/**
 * Saves what the operator entered for one line of one facility instance, at once and with no network. One record
 * per slot: its key (`idempotencyKey`) is made the first time and kept for every later change.
 */
export async function saveMaintenanceRecord(
  db: OfflineDb,
  task: LocalMaintenanceTask,
  at: { facilityId: string; instance: number; line: LocalMaintenanceLine },
  change: MaintenanceRecordChange,
): Promise<LocalMaintenanceRecord> {
  if (!isEditable(task)) throw new Error(LOCKED);
  const facility = task.facilities.find((f) => f.facilityId === at.facilityId);
  if (!facility) throw new Error('该设施不在此维保任务中');
  const slot = maintenanceSlot(task.clientId, at.facilityId, at.instance, at.line.lineId);
  const existing = await db.getFromIndex('maintenanceRecords', 'bySlot', slot);
  const record =
    existing ??
    emptyLineRecord({
      clientId: newClientId(),
      taskClientId: task.clientId,
      slot,
      facilityId: at.facilityId,
      instance: at.instance,
      lineId: at.line.lineId,
    });
  const changed = applyLineChange(at.line, record, change);
  const photo = (p: PhotoPayload, owner: string): LocalPhoto => ({
    clientId: newClientId(),
    ownerClientId: owner,
    blob: p.blob,
    name: p.name,
  });
  for (const v of change.addVideos ?? []) {
    const problem = videoProblem(v);
    if (problem) throw new Error(problem);
  }
  const added = (change.addPhotos ?? []).map((p) => photo(p, record.clientId));
  const videos = (change.addVideos ?? []).map((p) => photo(p, record.clientId));
  const signature = change.signaturePhoto ? photo(change.signaturePhoto, record.clientId) : null;
  const removed = new Set([
    ...(change.removePhotoIds ?? []),
    ...(change.removeVideoIds ?? []),
    ...(signature ? record.signaturePhotoClientIds : []),
  ]);
  const next: LocalMaintenanceRecord = {
    ...changed,
    photoClientIds: [
      ...record.photoClientIds.filter((id) => !removed.has(id)),
      ...added.map((p) => p.clientId),
    ],
    signaturePhotoClientIds: signature
      ? [signature.clientId]
      : record.signaturePhotoClientIds.filter((id) => !removed.has(id)),
    videoClientIds: [
      ...(record.videoClientIds ?? []).filter((id) => !removed.has(id)),
      ...videos.map((p) => p.clientId),
    ],
    recordedAt: new Date().toISOString(),
  };
  if (next.photoClientIds.length > MAX_PHOTOS) throw new Error(`现场照片：每条记录最多${MAX_PHOTOS}张`);
  if (next.videoClientIds!.length + (record.remoteVideoFileIds?.length ?? 0) > MAX_VIDEOS)
    throw new Error(`现场视频：每条记录最多${MAX_VIDEOS}段`);
  const tx = db.transaction(['maintenanceRecords', 'photos'], 'readwrite');
  await Promise.all([
    tx.objectStore('maintenanceRecords').put(next),
    ...[...added, ...videos, ...(signature ? [signature] : [])].map((p) => tx.objectStore('photos').put(p)),
    ...[...removed].map((id) => tx.objectStore('photos').delete(id)),
    tx.done,
  ]);
  return next;
}

/** Every line of every facility instance of the task, in the order the form shows them. */
export function taskSlots(task: LocalMaintenanceTask) {
  return task.facilities.flatMap((facility) =>
    Array.from({ length: instanceCount(task, facility.facilityId) }, (_, i) => i + 1).flatMap((instance) =>
      facility.lines.map((line) => ({
        facility,
        instance,
        line,
        slot: maintenanceSlot(task.clientId, facility.facilityId, instance, line.lineId),
      })),
    ),
  );
}

export interface MaintenanceProgress {
  expected: number;
  recorded: number;
  nonconforming: number;
  problems: { slot: string; message: string }[];
  photos: number;
  uploadedPhotos: number;
}

/** What is recorded (a complete record per line and instance), what is not, and the photos waiting to upload. */
export async function maintenanceProgress(
  db: OfflineDb,
  task: LocalMaintenanceTask,
): Promise<MaintenanceProgress> {
  const bySlot = new Map((await maintenanceRecordsOf(db, task.clientId)).map((r) => [r.slot, r]));
  const progress: MaintenanceProgress = {
    expected: 0,
    recorded: 0,
    nonconforming: 0,
    problems: [],
    photos: 0,
    uploadedPhotos: 0,
  };
  const wanted = new Set<string>();
  for (const { facility, instance, line, slot } of taskSlots(task)) {
    progress.expected++;
    const r = bySlot.get(slot);
    if (!r || r.checkable === null) continue;
    const problem = lineProblem(line, r);
    if (problem) {
      progress.problems.push({
        slot,
        message: `${facility.name}（${instance}）${line.letter}. ${line.text}：${problem}`,
      });
      continue;
    }
    progress.recorded++;
    if (conformityOf(r) === 'nonconforming') progress.nonconforming++;
    for (const id of recordPhotoIds(r)) wanted.add(id);
  }
  return { ...progress, ...(await countUploads(db, wanted)) };
}

/** Records that go into the submission: complete ones at slots the task still has. */
async function submittedRecords(
  db: OfflineDb,
  task: LocalMaintenanceTask,
): Promise<LocalMaintenanceRecord[]> {
  const bySlot = new Map((await maintenanceRecordsOf(db, task.clientId)).map((r) => [r.slot, r]));
  const out: LocalMaintenanceRecord[] = [];
  for (const { line, slot } of taskSlots(task)) {
    const r = bySlot.get(slot);
    if (r && !lineProblem(line, r)) out.push(r);
  }
  return out;
}

// ---------------------------------------------------------------- 继续记录

export interface MaintenanceCursor {
  taskClientId: string;
  facilityId?: string;
  instance?: number;
  lineId?: string;
}

const maintenanceCursor = recordingCursor<MaintenanceCursor>('maintenance');
export const saveMaintenanceCursor = maintenanceCursor.save;
export const loadMaintenanceCursor = maintenanceCursor.load;

/** The content lines of the chosen facilities, kept on the phone with the task (recording needs no network). */
export function facilitiesOf(plan: MaintenancePlanView, ids: Set<string>): LocalMaintenanceFacility[] {
  return plan.facilities
    .filter((f) => ids.has(f.facilityId))
    .map((f) => ({
      facilityId: f.facilityId,
      name: f.name,
      systemName: f.systemName,
      categoryName: f.categoryName,
      lines: f.lines.map((l) => ({
        lineId: l.lineId,
        letter: l.letter,
        text: l.text,
        period: l.period,
        prompts: l.prompts,
        conformityStandard: l.conformityStandard,
      })),
    }));
}

// ---------------------------------------------------------------- 查询历史记录 → 修改 (a rejected task corrected)

const fileIdOf = (url: string | null): number | undefined => {
  const m = url ? /\/files\/(\d+)/.exec(url) : null;
  return m ? Number(m[1]) : undefined;
};

/**
 * 修改 a task the lead rejected (审核不通过): the phone's own task when it still has it (its records as they were
 * submitted), otherwise the task rebuilt from the server's results (photos already there are kept by their file
 * ids). Either way the records can be changed again and the task is submitted again without a new 提交申请.
 */
export async function correctionFromServer(
  db: OfflineDb,
  accountKey: string,
  detail: MaintenanceTaskDetail,
  plan: MaintenancePlanView,
): Promise<LocalMaintenanceTask> {
  if (detail.status !== 'rejected') throw new Error('只有审核不通过的维保任务才能修改');
  const mine = (await listMaintenanceTasks(db, accountKey)).find((t) => t.startKey === detail.idempotencyKey);
  if (mine) {
    const reopened: LocalMaintenanceTask = { ...mine, correction: true, submit: undefined };
    await db.put('maintenanceTasks', reopened);
    return reopened;
  }
  const ids = new Set(detail.facilities.map((f) => f.facilityId));
  const task: LocalMaintenanceTask = {
    clientId: newClientId(),
    accountKey,
    projectId: detail.projectId,
    siteName: detail.siteName,
    createdAt: new Date().toISOString(),
    startKey: detail.idempotencyKey,
    serverId: detail.id,
    start: { state: 'approved', statusLabel: detail.statusLabel },
    planId: detail.planId,
    planLabel: `${detail.planMonth} ${detail.planKindLabel}`,
    facilities: facilitiesOf(plan, ids),
    instances: {},
    locations: {},
    correction: true,
  };
  const records: LocalMaintenanceRecord[] = [];
  for (const v of detail.records) {
    task.instances[v.facilityId] = Math.max(task.instances[v.facilityId] ?? 1, v.facilityIndex);
    if (v.facilityLocation) task.locations[`${v.facilityId}|${v.facilityIndex}`] = v.facilityLocation;
    const record = emptyLineRecord({
      clientId: newClientId(),
      taskClientId: task.clientId,
      slot: maintenanceSlot(task.clientId, v.facilityId, v.facilityIndex, v.lineId),
      facilityId: v.facilityId,
      instance: v.facilityIndex,
      lineId: v.lineId,
    });
    records.push({
      ...record,
      checkable: v.checkable,
      answers: Object.fromEntries(v.answers.map((a) => [a.promptId, a.answer])),
      conformity: v.conformity === 'not_applicable' ? null : v.conformity,
      reason: v.notCheckableReason,
      mismatch: v.mismatch ?? record.mismatch,
      explanation: v.explanation ?? '',
      note: v.note,
      remotePhotoFileIds: v.photoUrls.map(fileIdOf).filter((x): x is number => !!x),
      remoteVideoFileIds: v.videoUrls.map(fileIdOf).filter((x): x is number => !!x),
      ...(fileIdOf(v.signaturePhotoUrl) ? { remoteSignatureFileId: fileIdOf(v.signaturePhotoUrl) } : {}),
      recordedAt: v.recordedAt,
    });
  }
  const tx = db.transaction(['maintenanceTasks', 'maintenanceRecords'], 'readwrite');
  await Promise.all([
    tx.objectStore('maintenanceTasks').put(task),
    ...records.map((r) => tx.objectStore('maintenanceRecords').put(r)),
    tx.done,
  ]);
  return task;
}

/** 重新提交 a corrected task: every line complete, then the submission is queued (no new 提交申请). */
export async function resubmitCorrection(
  db: OfflineDb,
  task: LocalMaintenanceTask,
): Promise<LocalMaintenanceTask> {
  if (!task.correction) throw new Error('该维保任务不是审核不通过后的修改');
  return queueFieldTaskResubmission(maintenanceFlow, db, task);
}

// ---------------------------------------------------------------- 排查维修: the operator's result

export interface FaultTaskResultPayload {
  faultTaskId: number;
  result: 'resolved' | 'unresolved';
  note: string;
}
registerEntity<FaultTaskResultPayload>('faultTaskResult', {
  request: (key, p) => ({
    method: 'POST',
    path: `/maintenance-fault-tasks/${p.faultTaskId}/complete`,
    json: { idempotencyKey: key, result: p.result, note: p.note } satisfies z.input<
      typeof completeFaultTaskSchema
    >,
  }),
});

/** 解决 / 未解决 of a 排查/维修 task: queued under its own key (kept offline, sent once). */
export async function queueFaultTaskResult(
  db: OfflineDb,
  accountKey: string,
  faultTaskId: number,
  input: { result: 'resolved' | 'unresolved'; note: string },
): Promise<string> {
  if (input.note.length > 500) throw new Error('说明：不能超过500个字符');
  const key = newClientId();
  await enqueue(db, 'faultTaskResult', key, accountKey, { faultTaskId, ...input });
  return key;
}

/** The fault tasks whose result still waits in the outbox. */
export async function queuedFaultResults(db: OfflineDb, accountKey: string): Promise<Set<number>> {
  return new Set(
    (await outboxEntries(db, accountKey))
      .filter((e) => e.kind === 'faultTaskResult')
      .map((e) => (e.payload as FaultTaskResultPayload).faultTaskId),
  );
}
