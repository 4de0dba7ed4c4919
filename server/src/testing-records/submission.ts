import {
  computeItemResult,
  testingRecordMachine,
  testingReviewMachine,
  testingTaskMachine,
  validateTestRecord,
  type TestingSubmissionInput,
} from '@xf/domain';
import { UniqueConstraintError, type Transaction } from 'sequelize';
import { actorOf, type RequestContext } from '../core/command';
import { badRequest, conflict } from '../core/errors';
import { remindLeadOfSubmission } from '../reminders/service';
import { createOnce, IdempotencyRecord } from '../core/idempotent';
import { nextState } from '../core/transition';
import { insertRows } from '../db/insert-rows';
import { StoredFile } from '../files/model';
import { findProject } from '../projects/find';
import { Project } from '../projects/models';
import { assertInProgress } from '../projects/state';
import { raiseRedFlag } from '../red-flags/service';
import { latestRequest } from '../site-requests/filing';
import { TestingTask } from '../testing-tasks/models';
import { projectTestingPlan } from '../testing-plans/plan';
import { TestingRecord } from './models';
import { planItemIndex } from './plan-index';
import { now as clockNow } from '../core/clock';

const KIND = 'testing_submission';

/**
 * 开启审核 forbids the app to submit or delete (manual §02 项目负责人审核APP提交结果 3, 退回 1): only while the lead has
 * review closed.
 */
export function assertReviewClosed(project: Pick<Project, 'testingReviewStatus'>) {
  if (project.testingReviewStatus !== 'closed')
    throw conflict(
      `本项目的检测审核状态为“${testingReviewMachine.states[project.testingReviewStatus]}”，APP不能提交或删除检测记录，请项目负责人关闭审核后再试`,
      'testingReviewStatus',
    );
}

/** Only after the lead approved the task's latest 提交申请 (on site). */
async function assertSubmitApproved(task: TestingTask, transaction?: Transaction) {
  const last = await latestRequest({ column: 'testingTaskId', id: task.id }, 'submit', transaction);
  if (!last) throw conflict('请先提交检测结果申请，经项目负责人同意后再提交检测结果', 'status');
  if (last.status === 'pending')
    throw conflict('提交申请正在等待项目负责人处理，同意后才能提交检测结果', 'status');
  if (last.status === 'rejected')
    throw conflict(`提交申请已被驳回（${last.decisionReason ?? ''}），请重新申请`, 'status');
}

const refusalField: Record<string, string> = {
  photos: 'photoFileIds',
  photoCount: 'photoFileIds',
  result: 'result',
  measuredValue: 'measuredValue',
};

/**
 * Every record checked before anything is written; a refusal names the record (第n条), its item and the field.
 * Returns the rows to insert.
 */
async function prepareRows(
  actorId: number,
  project: Project,
  task: TestingTask,
  input: TestingSubmissionInput,
) {
  const index = planItemIndex(await projectTestingPlan(project));
  const taskSingles = new Set(task.planSingleItemIds);
  const keys = new Map<string, number>();
  const places = new Map<string, number>();
  const photoIds = new Set<number>();
  for (const r of input.records) r.photoFileIds.forEach((id) => photoIds.add(id));
  const photos = photoIds.size
    ? new Map(
        (
          await StoredFile.findAll({
            where: { id: [...photoIds] },
            attributes: ['id', 'ownerAccountId', 'category'],
          })
        ).map((f) => [f.id, f]),
      )
    : new Map<number, StoredFile>();
  const now = clockNow();
  return input.records.map((r, i) => {
    const at = `检测记录第${i + 1}条`;
    const field = (f: string) => `records.${i}.${f}`;
    const entry = index.get(r.planItemId);
    if (!entry || !taskSingles.has(entry.single.planSingleItemId))
      throw badRequest(`${at}：检测项“${r.planItemId}”不在本测试任务的检测单项中`, field('planItemId'));
    const name = `${at}（${entry.item.name}）`;
    const earlier = keys.get(r.idempotencyKey);
    if (earlier !== undefined)
      throw badRequest(`${name}：请求编号与第${earlier + 1}条重复`, field('idempotencyKey'));
    keys.set(r.idempotencyKey, i);
    const place = `${r.planItemId}\u0000${r.position}`;
    const same = places.get(place);
    if (same !== undefined)
      throw badRequest(`${name}：位置“${r.position}”与第${same + 1}条重复`, field('position'));
    places.set(place, i);
    const photoFileIds = [...new Set(r.photoFileIds)];
    const check = validateTestRecord(
      { result: r.result, photoCount: photoFileIds.length, measuredValue: r.measuredValue },
      entry.item,
    );
    if (!check.ok)
      throw badRequest(`${name}：${check.message}`, field(refusalField[check.field] ?? check.field));
    r.photoFileIds.forEach((id, j) => {
      const photo = photos.get(id);
      if (!photo) throw badRequest(`${name}：现场照片${id}不存在，请先上传照片`, field(`photoFileIds.${j}`));
      if (photo.ownerAccountId !== actorId)
        throw badRequest(`${name}：现场照片${id}不是您上传的照片`, field(`photoFileIds.${j}`));
      if (photo.category !== 'image')
        throw badRequest(`${name}：现场照片${id}不是图片`, field(`photoFileIds.${j}`));
    });
    const computedResult = computeItemResult(entry.item, r.result, r.measuredValue);
    return {
      projectId: project.id,
      testingTaskId: task.id,
      operatorAccountId: actorId,
      idempotencyKey: r.idempotencyKey,
      submissionKey: input.idempotencyKey,
      planItemId: r.planItemId,
      planSubItemId: entry.sub.planSubItemId,
      planSingleItemId: entry.single.planSingleItemId,
      itemId: entry.item.itemId,
      itemClass: entry.item.class,
      position: r.position,
      result: r.result,
      measuredValue: r.measuredValue,
      computedResult,
      mismatch: computedResult !== r.result,
      reviewedResult: null,
      reviewReason: null,
      photoFileIds,
      note: r.note,
      status: testingRecordMachine.initial,
      recordedAt: r.recordedAt,
      submittedAt: now,
      createdAt: now,
      updatedAt: now,
    };
  });
}

/**
 * A record key stored by an earlier submission (the unique index refused the insert): 409 naming the first one.
 * A stored record is changed only by deleting it and recording it again under a new key.
 */
async function storedKeyRefusal(
  operatorAccountId: number,
  rows: { idempotencyKey: string }[],
  transaction: Transaction,
) {
  const stored = await TestingRecord.findAll({
    where: { operatorAccountId, idempotencyKey: rows.map((r) => r.idempotencyKey) },
    attributes: ['id', 'idempotencyKey'],
    order: [['id', 'ASC']],
    transaction,
  });
  const keys = new Map(stored.map((r) => [r.idempotencyKey, r.id]));
  const i = rows.findIndex((r) => keys.has(r.idempotencyKey));
  if (i < 0) return conflict('检测记录：请求编号与已保存的检测记录重复，请重试', 'records');
  const key = rows[i]!.idempotencyKey;
  return conflict(
    `检测记录第${i + 1}条：请求编号“${key}”已随之前的提交保存为检测记录${keys.get(key)}，不能重复提交；重新记录请使用新的请求编号`,
    `records.${i}.idempotencyKey`,
  );
}

/**
 * 提交检测结果 (manual §02): every record of the task at once, all or nothing, in one command. Only the task's
 * operator, only once the lead approved the latest 提交申请, and only while review is closed. Created once by the
 * submission's key: a replay answers the original result (`replayed`), racing copies write one set of rows, a
 * different body under the key is 409. A record key already stored by an earlier submission is refused (409,
 * naming the record): a stored record is changed only by deleting it and recording it again under a new key.
 */
export async function submitTestingRecords(
  context: RequestContext,
  task: TestingTask,
  input: TestingSubmissionInput,
) {
  const actor = actorOf(context);
  const spec = {
    kind: KIND,
    key: input.idempotencyKey,
    // As one string: the parsed body has its keys in schema order, and hashing one string is fast for 5,000 records.
    payload: JSON.stringify({ testingTaskId: task.id, records: input.records }),
    action: 'testing_task.submitted',
    replay: async (id: string) => ({
      testingTaskId: Number(id),
      recordCount: await TestingRecord.count({
        where: { testingTaskId: Number(id), submissionKey: input.idempotencyKey },
      }),
    }),
  };
  const answer = async (
    run: ReturnType<typeof createOnce<{ testingTaskId: number; recordCount: number }>>,
  ) => {
    const { result, replayed } = await run;
    return { ...result, replayed };
  };
  const known = await IdempotencyRecord.findOne({
    where: { accountId: actor.id, kind: KIND, idempotencyKey: input.idempotencyKey },
  });
  if (known)
    return answer(
      createOnce(context, {
        ...spec,
        create: () => Promise.reject(new Error('the key was used; createOnce replays it')),
      }),
    );

  const project = await findProject(task.projectId);
  const rows = await prepareRows(actor.id, project, task, input);

  return answer(
    createOnce(context, {
      ...spec,
      create: async (c) => {
        const { transaction } = c;
        // The project first (opening review locks it too), then the task: states are decided under the locks.
        const locked = (await Project.findByPk(project.id, { transaction, lock: transaction.LOCK.UPDATE }))!;
        assertInProgress(locked);
        assertReviewClosed(locked);
        const row = (await TestingTask.findByPk(task.id, { transaction, lock: transaction.LOCK.UPDATE }))!;
        const status = nextState(testingTaskMachine, row.status, 'submit', actor);
        await assertSubmitApproved(row, transaction);
        try {
          // One multi-row INSERT for the whole task, straight from the rows (see insertRows).
          await insertRows(TestingRecord.sequelize!, 'testing_records', rows, transaction);
        } catch (e) {
          if (e instanceof UniqueConstraintError) throw await storedKeyRefusal(actor.id, rows, transaction);
          throw e;
        }
        await row.update({ status }, { transaction });
        const mismatches = rows.filter((r) => r.mismatch).length;
        if (mismatches)
          await raiseRedFlag(
            {
              kind: 'judgment_mismatch',
              subjectType: 'testing_task',
              subjectId: row.id,
              subjectName: `${project.siteName} 测试任务${row.id}`,
              institutionId: project.institutionId,
              reason: `操作员${actor.displayName}提交的检测记录中有${mismatches}条填写结果与按测量值判定的结果不符`,
              details: {
                projectId: project.id,
                testingTaskId: row.id,
                records: rows
                  .filter((r) => r.mismatch)
                  .slice(0, 50)
                  .map((r) => ({
                    planItemId: r.planItemId,
                    position: r.position,
                    before: r.computedResult,
                    after: r.result,
                  })),
              },
            },
            transaction,
          );
        // 待审核 reminder to the lead, sent once the submission commits.
        await remindLeadOfSubmission(c, {
          projectId: project.id,
          testingTaskId: row.id,
          operatorAccountId: actor.id,
          recordCount: rows.length,
        });
        return {
          id: row.id,
          result: { testingTaskId: row.id, recordCount: rows.length },
          audit: {
            entityType: 'testing_task',
            entityId: row.id,
            institutionId: project.institutionId,
            before: { status: task.status },
            after: { status, submissionKey: input.idempotencyKey, recordCount: rows.length, mismatches },
          },
        };
      },
    }),
  );
}
