import {
  isFaultResult,
  judgeMaintenanceLine,
  maintenanceTaskMachine,
  type MaintenanceContentLine,
  type MaintenanceSubmissionInput,
} from '@xf/domain';
import { Op, type Transaction } from 'sequelize';
import { actorOf, type CommandContext, type RequestContext } from '../core/command';
import { badRequest } from '../core/errors';
import { createOnceChecked } from '../core/idempotent';
import { nextState } from '../core/transition';
import { insertRows } from '../db/insert-rows';
import { assertOwnFile, filesById, firstSeen } from '../field-records/checks';
import type { StoredFile } from '../files/model';
import { insertRecords } from '../field-records/insert';
import { MaintenanceFault, MaintenanceFaultEvent } from '../maintenance-faults/models';
import { addFaultEvent } from '../maintenance-faults/timeline';
import { contentOf, facilitiesById } from '../maintenance-plans/plan';
import { MaintenancePlanRecord } from '../maintenance-plans/models';
import { Project } from '../projects/models';
import { assertInProgress } from '../projects/state';
import { remindLeadOfMaintenanceSubmission } from '../reminders/service';
import { assertSubmitApproved } from '../site-requests/filing';
import { maintenanceTaskKind } from '../maintenance-tasks/service';
import { MaintenanceTask } from '../maintenance-tasks/models';
import type { MaintenanceTaskSubject } from '../maintenance-tasks/policies';
import { catalogIndex } from './catalog';
import { MaintenanceRecord, MaintenanceRecordFile } from './models';
import { now as clockNow } from '../core/clock';

const KIND = 'maintenance_submission';

/** A line found 不符合, as the report prints it: the prompts answered with their non-conforming option. */
function faultDescription(
  line: Pick<MaintenanceContentLine, 'text' | 'prompts'>,
  r: MaintenanceSubmissionInput['records'][number],
): string {
  if (r.notCheckableReason === 'standard_mismatch' && r.mismatch)
    return `${r.mismatch.itemName}：${r.mismatch.result}`.slice(0, 1000);
  const bad = line.prompts
    .filter((p) => r.answers[p.id] !== undefined && r.answers[p.id] !== p.conformingOption)
    .map((p) => `${p.text}：${r.answers[p.id]}`);
  return (bad.length ? bad.join('；') : `${line.text}：不符合`).slice(0, 1000);
}

interface PreparedRow {
  row: Record<string, unknown> & { idempotencyKey: string; operatorAccountId: number; conformity: string };
  files: { fileId: number; role: 'photo' | 'video' | 'signature'; position: number }[];
  fault: { systemId: string; description: string } | null;
}

/**
 * Every line result checked before anything is written, against the plan's content for the task's facilities;
 * a refusal names the result (第n条), its facility and line, and the field (`records.n.answers.<promptId>` …).
 */
async function prepareRows(
  actorId: number,
  task: MaintenanceTask,
  input: MaintenanceSubmissionInput,
): Promise<PreparedRow[]> {
  // The plan and the named files at once (two reads outside any transaction).
  const [plan, stored] = await Promise.all([
    MaintenancePlanRecord.findByPk(task.planId).then((p) => p!),
    filesById(
      input.records.flatMap((r) => [
        ...r.photoFileIds,
        ...r.videoFileIds,
        ...(r.signaturePhotoFileId ? [r.signaturePhotoFileId] : []),
      ]),
    ),
  ]);
  const facilities = facilitiesById(await contentOf(plan));
  const { systemIds } = await systemsOf(plan.editionId);
  const inTask = new Set(task.facilityIds);
  const keys = firstSeen();
  const places = firstSeen();
  const now = clockNow();
  // Read once: a model's attributes are getters, and this loop runs for every one of up to 5,000 results.
  const { id: maintenanceTaskId, projectId, planId } = task;
  const submissionKey = input.idempotencyKey;
  return input.records.map((r, i) => {
    // The names a refusal gives are built only for a refusal: most submissions have none.
    const at = () => `维保记录第${i + 1}条`;
    const entry = inTask.has(r.facilityId) ? facilities.get(r.facilityId) : undefined;
    if (!entry)
      throw badRequest(`${at()}：消防设施“${r.facilityId}”不在本维保任务中`, `records.${i}.facilityId`);
    const line = entry.facility.lines.find((l) => l.lineId === r.lineId);
    if (!line)
      throw badRequest(
        `${at()}（${entry.facility.name}）：维保内容“${r.lineId}”不属于该设施在本计划中的维保内容`,
        `records.${i}.lineId`,
      );
    const name = () => `${at()}（${entry.facility.name}(${r.facilityIndex})—${line.letter}. ${line.text}）`;
    const earlier = keys(r.idempotencyKey, i);
    if (earlier !== undefined)
      throw badRequest(`${name()}：请求编号与第${earlier + 1}条重复`, `records.${i}.idempotencyKey`);
    const same = places(`${r.facilityId}\u0000${r.facilityIndex}\u0000${r.lineId}`, i);
    if (same !== undefined)
      throw badRequest(`${name()}：与第${same + 1}条是同一设施的同一维保内容`, `records.${i}.facilityIndex`);
    const judged = judgeMaintenanceLine(r, { id: line.lineId, prompts: line.prompts });
    if (!judged.ok) throw badRequest(`${name()}：${judged.message}`, `records.${i}.${judged.field}`);
    const files: PreparedRow['files'] = [];
    const fileIds = (ids: number[]) => (ids.length > 1 ? [...new Set(ids)] : ids);
    fileIds(r.photoFileIds).forEach((id, j) =>
      files.push(checkedFile(stored, actorId, name, i, id, 'photo', `photoFileIds.${j}`, j)),
    );
    fileIds(r.videoFileIds).forEach((id, j) =>
      files.push(checkedFile(stored, actorId, name, i, id, 'video', `videoFileIds.${j}`, j)),
    );
    if (r.signaturePhotoFileId && r.notCheckableReason === 'no_conditions')
      files.push(
        checkedFile(stored, actorId, name, i, r.signaturePhotoFileId, 'signature', 'signaturePhotoFileId', 0),
      );
    const mismatch = r.notCheckableReason === 'standard_mismatch' ? r.mismatch : undefined;
    return {
      row: {
        projectId,
        maintenanceTaskId,
        planId,
        operatorAccountId: actorId,
        idempotencyKey: r.idempotencyKey,
        submissionKey,
        facilityId: r.facilityId,
        facilityIndex: r.facilityIndex,
        facilityLocation: r.facilityLocation,
        lineId: r.lineId,
        checkable: r.checkable,
        answers: r.checkable ? r.answers : {},
        conformity: judged.conformity,
        notCheckableReason: r.checkable ? null : (r.notCheckableReason ?? null),
        mismatchItemName: mismatch?.itemName ?? null,
        mismatchLocation: mismatch?.location ?? null,
        mismatchProcess: mismatch?.process ?? null,
        mismatchResult: mismatch?.result ?? null,
        explanation: r.notCheckableReason === 'no_conditions' ? (r.explanation ?? null) : null,
        note: r.note,
        faultId: null,
        recordedAt: r.recordedAt,
        submittedAt: now,
        createdAt: now,
        updatedAt: now,
      },
      files,
      fault: isFaultResult(judged.conformity)
        ? { systemId: systemIds.get(r.facilityId) ?? '', description: faultDescription(line, r) }
        : null,
    };
  });
}

/** A file the `i`-th result names, checked (the operator's own upload, of the field's kind) and in its role. */
function checkedFile(
  stored: Map<number, StoredFile>,
  actorId: number,
  name: () => string,
  i: number,
  id: number,
  role: 'photo' | 'video' | 'signature',
  path: string,
  position: number,
): PreparedRow['files'][number] {
  assertOwnFile(stored, actorId, id, {
    record: name,
    label: role === 'video' ? '现场视频' : role === 'signature' ? '甲方签字照片' : '现场照片',
    category: role === 'video' ? 'video' : 'image',
    field: `records.${i}.${path}`,
  });
  return { fileId: id, role, position };
}

/** facilityId → systemId of an edition. */
async function systemsOf(editionId: string) {
  const index = await catalogIndex(editionId);
  return { systemIds: new Map([...index.facilities].map(([id, f]) => [id, f.system.id])) };
}

/**
 * The faults of the 不符合 results (manual §03 审核 2): one open fault per facility, position and line of the
 * project; a result on a line whose fault is still open joins it (timeline: recurred), otherwise a new fault
 * (detected). Sets `faultId` on the rows. Returns how many faults the submission touched.
 */
async function openFaults(c: CommandContext, task: MaintenanceTask, prepared: PreparedRow[]) {
  const { transaction } = c;
  const actor = actorOf(c);
  const faulty = prepared.filter((p) => p.fault);
  if (!faulty.length) return 0;
  const open = await MaintenanceFault.findAll({
    where: {
      projectId: task.projectId,
      status: { [Op.ne]: 'resolved' },
      facilityId: [...new Set(faulty.map((p) => p.row.facilityId as string))],
    },
    transaction,
    lock: transaction.LOCK.UPDATE,
  });
  const byPlace = new Map(open.map((f) => [`${f.facilityId}\u0000${f.facilityIndex}\u0000${f.lineId}`, f]));
  const now = clockNow();
  for (const p of faulty) {
    const r = p.row;
    const key = `${String(r.facilityId)}\u0000${String(r.facilityIndex)}\u0000${String(r.lineId)}`;
    let fault = byPlace.get(key);
    if (fault) {
      const again = fault.latestMaintenanceTaskId !== task.id;
      await fault.update(
        { latestMaintenanceTaskId: task.id, description: p.fault!.description, note: r.note as string },
        { transaction },
      );
      if (again)
        await addFaultEvent(
          fault,
          {
            kind: 'recurred',
            status: fault.status,
            text: '再次检查仍不符合',
            actorAccountId: actor.id,
            maintenanceTaskId: task.id,
            at: now,
          },
          transaction,
        );
    } else {
      fault = await MaintenanceFault.create(
        {
          projectId: task.projectId,
          systemId: p.fault!.systemId,
          facilityId: r.facilityId,
          facilityIndex: r.facilityIndex,
          facilityLocation: r.facilityLocation,
          lineId: r.lineId,
          description: p.fault!.description,
          note: r.note,
          status: 'pending',
          detectedAt: now,
          firstMaintenanceTaskId: task.id,
          latestMaintenanceTaskId: task.id,
        },
        { transaction },
      );
      byPlace.set(key, fault);
      await addFaultEvent(
        fault,
        {
          kind: 'detected',
          status: 'pending',
          text: '发现故障，判定结果是不符合',
          actorAccountId: actor.id,
          maintenanceTaskId: task.id,
          at: now,
        },
        transaction,
      );
    }
    r.faultId = fault.id;
  }
  return new Set(faulty.map((p) => p.row.faultId)).size;
}

/**
 * A corrected resubmission replaces the task's results: the old rows and their files go, and a fault this task
 * opened that is still 待处理 and not found again goes with them (it was a wrong entry).
 */
async function clearPreviousRound(
  task: MaintenanceTask,
  keptFaultIds: Set<number>,
  transaction: Transaction,
) {
  const old = await MaintenanceRecord.findAll({
    where: { maintenanceTaskId: task.id },
    attributes: ['id', 'faultId'],
    transaction,
  });
  const oldFaults = [...new Set(old.map((r) => r.faultId).filter((id): id is number => id !== null))];
  await MaintenanceRecordFile.destroy({ where: { maintenanceTaskId: task.id }, transaction });
  await MaintenanceRecord.destroy({ where: { maintenanceTaskId: task.id }, transaction });
  const stale = oldFaults.filter((id) => !keptFaultIds.has(id));
  if (!stale.length) return;
  const gone = await MaintenanceFault.findAll({
    where: { id: stale, firstMaintenanceTaskId: task.id, status: 'pending' },
    transaction,
  });
  const ids = gone.map((f) => f.id);
  if (!ids.length) return;
  await MaintenanceFaultEvent.destroy({ where: { faultId: ids }, transaction });
  await MaintenanceFault.destroy({ where: { id: ids }, transaction });
}

/** The photos, videos and signature photos of the rows just inserted, by the rows' ids. */
async function insertRecordFiles(
  task: MaintenanceTask,
  ids: Map<string, number>,
  prepared: PreparedRow[],
  transaction: Transaction,
) {
  const now = clockNow();
  await insertRows(
    MaintenanceRecordFile.sequelize!,
    'maintenance_record_files',
    prepared.flatMap((p) =>
      p.files.map((f) => ({
        maintenanceRecordId: ids.get(p.row.idempotencyKey)!,
        maintenanceTaskId: task.id,
        fileId: f.fileId,
        role: f.role,
        position: f.position,
        createdAt: now,
        updatedAt: now,
      })),
    ),
    transaction,
  );
}

export interface MaintenanceSubmissionOutcome {
  maintenanceTaskId: number;
  recordCount: number;
  faultCount: number;
}

/**
 * 提交维保结果 (manual §03 操作员使用APP说明 4, APP重新提交测试结果): every line result of the task at once, all or
 * nothing, in one command; only the task's operator; the first time only once the lead approved the latest
 * 提交申请; a task the lead rejected is corrected and submitted again (its results replaced). Created once by the
 * submission's key: a replay answers the original result, a different body under the key is 409.
 */
export async function submitMaintenanceRecords(
  context: RequestContext,
  { task, project }: MaintenanceTaskSubject,
  input: MaintenanceSubmissionInput,
) {
  const actor = actorOf(context);
  const spec = {
    kind: KIND,
    key: input.idempotencyKey,
    payload: JSON.stringify({ maintenanceTaskId: task.id, records: input.records }),
    action: 'maintenance_task.submitted',
    replay: async (id: string): Promise<MaintenanceSubmissionOutcome> => {
      const rows = await MaintenanceRecord.findAll({
        where: { maintenanceTaskId: Number(id), submissionKey: input.idempotencyKey },
        attributes: ['faultId'],
      });
      return {
        maintenanceTaskId: Number(id),
        recordCount: rows.length,
        faultCount: new Set(rows.map((r) => r.faultId).filter((f) => f !== null)).size,
      };
    },
  };
  const { result, replayed } = await createOnceChecked(context, spec, async () => {
    assertInProgress(project);
    const prepared = await prepareRows(actor.id, task, input);
    return async (c) => {
      const { transaction } = c;
      const locked = (await Project.findByPk(project.id, { transaction, lock: transaction.LOCK.UPDATE }))!;
      assertInProgress(locked);
      const row = (await MaintenanceTask.findByPk(task.id, {
        transaction,
        lock: transaction.LOCK.UPDATE,
      }))!;
      // A corrected resubmission of a rejected task needs no new 提交申请.
      const resubmit = row.status === 'rejected';
      const status = nextState(maintenanceTaskMachine, row.status, resubmit ? 'resubmit' : 'submit', actor);
      if (!resubmit) await assertSubmitApproved(maintenanceTaskKind, row, transaction);
      const faultCount = await openFaults(c, row, prepared);
      if (resubmit)
        await clearPreviousRound(
          row,
          new Set(prepared.map((p) => p.row.faultId as number | null).filter((id) => id !== null)),
          transaction,
        );
      const rows = prepared.map((p) => p.row);
      // The rows' ids only when files refer to them (a submission without photos needs none).
      if (prepared.some((p) => p.files.length)) {
        const ids = await insertRecords(MaintenanceRecord, '维保记录', rows, transaction, {
          where: { maintenanceTaskId: row.id, submissionKey: input.idempotencyKey },
        });
        await insertRecordFiles(row, ids, prepared, transaction);
      } else await insertRecords(MaintenanceRecord, '维保记录', rows, transaction);
      const now = clockNow();
      const before = { status: row.status, submissionKey: row.submissionKey };
      await row.update(
        {
          status,
          submissionKey: input.idempotencyKey,
          submittedAt: now,
          firstSubmittedAt: row.firstSubmittedAt ?? now,
        },
        { transaction },
      );
      await remindLeadOfMaintenanceSubmission(c, {
        project: locked,
        operatorName: actor.displayName,
        maintenanceTaskId: row.id,
        recordCount: rows.length,
      });
      return {
        id: row.id,
        result: { maintenanceTaskId: row.id, recordCount: rows.length, faultCount },
        audit: {
          entityType: 'maintenance_task',
          entityId: row.id,
          institutionId: project.institutionId,
          before,
          after: { status, submissionKey: input.idempotencyKey, recordCount: rows.length, faultCount },
        },
      };
    };
  });
  return { ...result, replayed };
}
