import {
  computeItemResult,
  testingRecordMachine,
  testingReviewMachine,
  testingTaskMachine,
  validateTestRecord,
  type TestingSubmissionInput,
} from '@xf/domain';
import { actorOf, type RequestContext } from '../core/command';
import { badRequest, conflict } from '../core/errors';
import { remindLeadOfSubmission } from '../reminders/service';
import { createOnceChecked } from '../core/idempotent';
import { nextState } from '../core/transition';
import { assertOwnFile, filesById, firstSeen } from '../field-records/checks';
import { insertRecords } from '../field-records/insert';
import { findProject } from '../projects/find';
import { Project } from '../projects/models';
import { assertInProgress } from '../projects/state';
import { raiseRedFlag } from '../red-flags/service';
import { assertSubmitApproved } from '../site-requests/filing';
import { testingTaskKind } from '../testing-tasks/requests';
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
  const keys = firstSeen();
  const places = firstSeen();
  const photos = await filesById(input.records.flatMap((r) => r.photoFileIds));
  const now = clockNow();
  return input.records.map((r, i) => {
    const at = `检测记录第${i + 1}条`;
    const field = (f: string) => `records.${i}.${f}`;
    const entry = index.get(r.planItemId);
    if (!entry || !taskSingles.has(entry.single.planSingleItemId))
      throw badRequest(`${at}：检测项“${r.planItemId}”不在本测试任务的检测单项中`, field('planItemId'));
    const name = `${at}（${entry.item.name}）`;
    const earlier = keys(r.idempotencyKey, i);
    if (earlier !== undefined)
      throw badRequest(`${name}：请求编号与第${earlier + 1}条重复`, field('idempotencyKey'));
    const same = places(`${r.planItemId}\u0000${r.position}`, i);
    if (same !== undefined)
      throw badRequest(`${name}：位置“${r.position}”与第${same + 1}条重复`, field('position'));
    const photoFileIds = [...new Set(r.photoFileIds)];
    const check = validateTestRecord(
      { result: r.result, photoCount: photoFileIds.length, measuredValue: r.measuredValue },
      entry.item,
    );
    if (!check.ok)
      throw badRequest(`${name}：${check.message}`, field(refusalField[check.field] ?? check.field));
    r.photoFileIds.forEach((id, j) =>
      assertOwnFile(photos, actorId, id, {
        record: name,
        label: '现场照片',
        category: 'image',
        field: field(`photoFileIds.${j}`),
      }),
    );
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
  const { result, replayed } = await createOnceChecked(context, spec, async () => {
    const project = await findProject(task.projectId);
    const rows = await prepareRows(actor.id, project, task, input);
    return async (c) => {
      const { transaction } = c;
      // The project first (opening review locks it too), then the task: states are decided under the locks.
      const locked = (await Project.findByPk(project.id, { transaction, lock: transaction.LOCK.UPDATE }))!;
      assertInProgress(locked);
      assertReviewClosed(locked);
      const row = (await TestingTask.findByPk(task.id, { transaction, lock: transaction.LOCK.UPDATE }))!;
      const status = nextState(testingTaskMachine, row.status, 'submit', actor);
      await assertSubmitApproved(testingTaskKind, row, transaction);
      await insertRecords(TestingRecord, '检测记录', rows, transaction);
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
        project: locked,
        operatorName: actor.displayName,
        testingTaskId: row.id,
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
    };
  });
  return { ...result, replayed };
}
