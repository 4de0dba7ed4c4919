import { Op, type Transaction } from 'sequelize';
import {
  reviewLevelLabels,
  TEST_RESULT_LABELS,
  testingRecordMachine,
  testingReviewMachine,
  VERDICT_LABELS,
  type ReviewNodeInput,
  type TestResult,
} from '@xf/domain';
import type { Actor } from '../core/actor';
import { actorOf, runCommand, type RequestContext } from '../core/command';
import { badRequest, conflict, forbidden, notFound } from '../core/errors';
import { can } from '../core/policy';
import { nextState, transition } from '../core/transition';
import { findProject } from '../projects/find';
import { Project } from '../projects/models';
import { clearRedFlags, raiseRedFlag } from '../red-flags/service';
import { TestingRecord, TestingReview } from './models';
import type { TestingRecordSubject } from './policies';
import { findNode, loadReview, OVERALL } from './review';
import { assertReviewClosed } from './submission';
import { now as clockNow } from '../core/clock';

export async function loadRecord(id: number): Promise<TestingRecordSubject> {
  const record = await TestingRecord.findByPk(id);
  if (!record) throw notFound('检测记录');
  return { record, project: await findProject(record.projectId) };
}

const lockProject = async (id: number, transaction: Transaction) =>
  (await Project.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE }))!;
const lockRecord = async (id: number, transaction: Transaction) => {
  const row = await TestingRecord.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
  if (!row) throw notFound('检测记录');
  return row;
};

/** The lead reviews (审核检测项、子项、单项、综合评定) only while review is open. */
export function assertReviewOpen(project: Pick<Project, 'testingReviewStatus'>) {
  if (project.testingReviewStatus === 'closed')
    throw conflict('请先开启审核，再审核检测记录', 'testingReviewStatus');
  if (project.testingReviewStatus === 'approved')
    throw conflict('检测计划已审核通过，如需修改请先退回计划', 'testingReviewStatus');
}

const audit = (project: Project, record: TestingRecord) => ({
  entityType: 'testing_record',
  entityId: record.id,
  institutionId: project.institutionId,
});

/**
 * APP删除已提交记录 (manual §02): the operator's own record, only while it waits (an approved one is first returned
 * by the lead) and only while review is closed; the machine removes it (GONE). The item is then recorded again
 * from 接收下发计划 in a new task.
 */
export async function deleteTestingRecord(context: RequestContext, subject: TestingRecordSubject) {
  const actor = actorOf(context);
  return runCommand(context, 'testing_record.deleted', async ({ transaction }) => {
    const project = await lockProject(subject.project.id, transaction);
    const row = await lockRecord(subject.record.id, transaction);
    transition(testingRecordMachine, row.status, 'delete', actor);
    assertReviewClosed(project);
    const before = row.get({ plain: true });
    await row.destroy({ transaction });
    return { result: undefined, audit: { ...audit(project, row), before, after: null } };
  });
}

/**
 * 审核检测项: approve a record as the standard judges it, or with a changed result; a result that differs from
 * the computed one needs a reason and raises a red flag (跟踪标红) with before and after.
 */
export async function approveTestingRecord(
  context: RequestContext,
  subject: TestingRecordSubject,
  input: { result?: TestResult; reason?: string },
) {
  const actor = actorOf(context);
  const changed = input.result !== undefined && input.result !== subject.record.computedResult;
  if (changed && !input.reason)
    throw badRequest(
      `原因：系统判定为“${TEST_RESULT_LABELS[subject.record.computedResult]}”，修改为“${TEST_RESULT_LABELS[input.result!]}”须填写原因，并将记入跟踪标红`,
      'reason',
    );
  return runCommand(context, 'testing_record.approved', async ({ transaction }) => {
    const project = await lockProject(subject.project.id, transaction);
    const row = await lockRecord(subject.record.id, transaction);
    const status = nextState(testingRecordMachine, row.status, 'approve', actor);
    assertReviewOpen(project);
    const before = { status: row.status, result: row.result, computedResult: row.computedResult };
    await row.update(
      {
        status,
        reviewedResult: input.result ?? null,
        reviewReason: input.reason || null,
        reviewedBy: actor.id,
        reviewedAt: clockNow(),
      },
      { transaction },
    );
    if (changed)
      await raiseRedFlag(
        {
          kind: 'forced_override',
          subjectType: 'testing_record',
          subjectId: row.id,
          subjectName: `${project.siteName} 检测记录${row.id}（${row.planItemId} ${row.position}）`,
          institutionId: project.institutionId,
          reason: `项目负责人${actor.displayName}将检测项结果由“${TEST_RESULT_LABELS[row.computedResult]}”改为“${TEST_RESULT_LABELS[input.result!]}”。原因：${input.reason}`,
          details: {
            projectId: project.id,
            testingRecordId: row.id,
            level: 'item',
            before: row.computedResult,
            after: input.result,
          },
        },
        transaction,
      );
    return {
      result: row,
      audit: {
        ...audit(project, row),
        before,
        after: { status, reviewedResult: row.reviewedResult, reason: row.reviewReason, flagged: changed },
      },
    };
  });
}

/** 审核本子项全部检测项: many records at once, each as the standard judges it; every one must be the lead's and waiting. */
export async function approveTestingRecords(context: RequestContext, recordIds: number[]) {
  const actor = actorOf(context);
  const ids = [...new Set(recordIds)];
  const found = await TestingRecord.findAll({ where: { id: ids } });
  const byId = new Map(found.map((r) => [r.id, r]));
  const projects = new Map<number, Project>();
  for (const [i, id] of ids.entries()) {
    const record = byId.get(id);
    if (!record) throw badRequest(`检测记录：检测记录${id}不存在`, `recordIds.${i}`);
    const project = projects.get(record.projectId) ?? (await findProject(record.projectId));
    projects.set(project.id, project);
    if (!(await can(actor, 'approve', 'testing_record', { record, project })))
      throw forbidden(`检测记录${id}不属于您负责的项目，不能审核`);
  }
  return runCommand(context, 'testing_record.approved', async ({ transaction }) => {
    for (const id of [...projects.keys()].sort((a, b) => a - b))
      assertReviewOpen(await lockProject(id, transaction));
    const rows = await TestingRecord.findAll({
      where: { id: ids },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    for (const row of rows) nextStateNamed(row, actor);
    const now = clockNow();
    await TestingRecord.update(
      { status: 'approved', reviewedResult: null, reviewReason: null, reviewedBy: actor.id, reviewedAt: now },
      { where: { id: ids, status: 'submitted' }, transaction },
    );
    const fresh = await TestingRecord.findAll({ where: { id: ids }, order: [['id', 'ASC']], transaction });
    return {
      result: fresh,
      audit: [...projects.values()].map((p) => ({
        entityType: 'project',
        entityId: p.id,
        institutionId: p.institutionId,
        after: { approvedRecordIds: rows.filter((r) => r.projectId === p.id).map((r) => r.id) },
      })),
    };
  });
}

function nextStateNamed(row: TestingRecord, actor: Actor) {
  try {
    return nextState(testingRecordMachine, row.status, 'approve', actor);
  } catch (e) {
    throw conflict(`检测记录${row.id}：${(e as Error).message}`, 'recordIds');
  }
}

/**
 * 退回已审核通过的记录 (manual §02): the record waits again; the reviews of its sub-item, its single item and the
 * 综合评定 are cleared (they were judged with it), and an approved plan is reopened.
 */
export async function returnTestingRecord(context: RequestContext, subject: TestingRecordSubject) {
  const actor = actorOf(context);
  return runCommand(context, 'testing_record.returned', async ({ transaction }) => {
    const project = await lockProject(subject.project.id, transaction);
    const row = await lockRecord(subject.record.id, transaction);
    const status = nextState(testingRecordMachine, row.status, 'return', actor);
    const before = {
      status: row.status,
      reviewedResult: row.reviewedResult,
      review: project.testingReviewStatus,
    };
    await row.update(
      { status, reviewedResult: null, reviewReason: null, reviewedBy: null, reviewedAt: null },
      { transaction },
    );
    const cleared = await TestingReview.destroy({
      where: {
        projectId: project.id,
        [Op.or]: [
          { level: 'sub_item', nodeId: row.planSubItemId },
          { level: 'single_item', nodeId: row.planSingleItemId },
          { level: 'overall' },
        ],
      },
      transaction,
    });
    if (project.testingReviewStatus === 'approved')
      await project.update(
        {
          testingReviewStatus: nextState(testingReviewMachine, project.testingReviewStatus, 'reopen', actor),
        },
        { transaction },
      );
    return {
      result: row,
      audit: {
        ...audit(project, row),
        before,
        after: { status, review: project.testingReviewStatus, clearedReviews: cleared },
      },
    };
  });
}

type ReviewAction = 'open' | 'close' | 'approve' | 'reopen';

/**
 * Manual §02 项目负责人审核APP提交结果 2: “计划完成统计”显示计划已完成，可以进入“审核检测记录” — review opens only on a
 * complete plan (every dispatched test item has a record), and the plan is approved only while it still is.
 */
const PLAN_INCOMPLETE = '计划尚未完成：还有已下发的检测项没有检测记录，请查看计划完成统计';

/** Why the plan cannot be approved yet (审核计划): the first missing step, in the manual's order. */
function approvalBlocker(state: Awaited<ReturnType<typeof loadReview>>): string | null {
  if (!state.planComplete) return PLAN_INCOMPLETE;
  const waiting = state.records.filter((r) => r.status !== 'approved').length;
  if (waiting) return `还有${waiting}条检测记录未审核`;
  for (const s of state.singles.filter((x) => x.inReview)) {
    for (const sub of s.single.subItems)
      if (!state.review('sub_item', sub.planSubItemId))
        return `子项“${sub.name}”（${s.single.code}）尚未审核`;
    if (!state.review('single_item', s.single.planSingleItemId))
      return `单项“${s.single.code} ${s.single.name}”（${s.building.buildingName}）尚未审核`;
  }
  if (!state.review('overall', OVERALL)) return '综合评定尚未审核';
  return null;
}

/**
 * 开启/关闭审核 (the app may then neither submit nor delete, or may again; opening needs the plan complete),
 * 审核计划 (once every record, sub-item,
 * single item and the 综合评定 are reviewed and the plan is complete) and 退回计划, by the review machine.
 */
export async function changeReview(context: RequestContext, subject: Project, action: ReviewAction) {
  const actor = actorOf(context);
  return runCommand(context, `testing_review.${action}`, async ({ transaction }) => {
    const project = await lockProject(subject.id, transaction);
    const before = project.testingReviewStatus;
    const status = nextState(testingReviewMachine, before, action, actor);
    if (action === 'open' && !(await loadReview(project, transaction)).planComplete)
      throw conflict(`不能开启审核：${PLAN_INCOMPLETE}`, 'testingReviewStatus');
    if (action === 'approve') {
      const blocker = approvalBlocker(await loadReview(project, transaction));
      if (blocker) throw conflict(`不能审核计划：${blocker}`, 'testingReviewStatus');
    }
    await project.update({ testingReviewStatus: status }, { transaction });
    return {
      result: project,
      audit: {
        entityType: 'project',
        entityId: project.id,
        institutionId: project.institutionId,
        before: { testingReviewStatus: before },
        after: { testingReviewStatus: status },
      },
    };
  });
}

/**
 * 审核子项、单项、综合评定 in the manual's order: a sub-item once all its records are approved, a single item once
 * all its sub-items are reviewed, the 综合评定 once every single item is. A verdict that differs from the computed
 * one needs a reason and raises a red flag with before and after; a changed verdict clears the reviews above it.
 */
export async function reviewNode(context: RequestContext, subject: Project, input: ReviewNodeInput) {
  const actor = actorOf(context);
  return runCommand(context, 'testing_review.node_reviewed', async ({ transaction }) => {
    const project = await lockProject(subject.id, transaction);
    assertReviewOpen(project);
    const state = await loadReview(project, transaction);
    const levelLabel = reviewLevelLabels[input.level];
    let computed: 'pass' | 'fail' | 'not_applicable';
    let name: string;
    let above: { level: string; nodeId: string }[];
    if (input.level === 'overall') {
      if (input.nodeId !== OVERALL) throw badRequest('审核对象：综合评定的编号应为overall', 'nodeId');
      const open = state.singles.find(
        (s) => s.inReview && !state.review('single_item', s.single.planSingleItemId),
      );
      if (open)
        throw conflict(`单项“${open.single.code} ${open.single.name}”尚未审核，请先审核全部单项`, 'nodeId');
      if (!state.singles.some((s) => s.inReview)) throw conflict('本项目尚无检测单项可评定', 'nodeId');
      computed = state.overall.verdict;
      name = '综合评定';
      above = [];
    } else {
      const node = findNode(state, input.level, input.nodeId);
      if (!node) throw badRequest(`审核对象：“${input.nodeId}”不是本项目检测计划中的${levelLabel}`, 'nodeId');
      const { s, sub } = node;
      if (sub) {
        const own = s.records.filter((r) => r.planSubItemId === sub.planSubItemId);
        if (!own.length) throw conflict(`子项“${sub.name}”尚无检测记录，不能审核`, 'nodeId');
        const waiting = own.filter((r) => r.status !== 'approved').length;
        if (waiting)
          throw conflict(`子项“${sub.name}”还有${waiting}条检测记录未审核，请先审核检测项`, 'nodeId');
        computed = state.subEvaluation(s, sub.planSubItemId).verdict;
        name = sub.name;
        above = [
          { level: 'single_item', nodeId: s.single.planSingleItemId },
          { level: 'overall', nodeId: OVERALL },
        ];
      } else {
        const open = s.single.subItems.find((x) => !state.review('sub_item', x.planSubItemId));
        if (open) throw conflict(`子项“${open.name}”尚未审核，请先审核本单项的全部子项`, 'nodeId');
        computed = s.evaluation.verdict;
        name = `${s.single.code} ${s.single.name}`;
        above = [{ level: 'overall', nodeId: OVERALL }];
      }
    }
    const flagged = input.verdict !== computed;
    if (flagged && !input.reason)
      throw badRequest(
        `原因：${levelLabel}“${name}”系统判定为“${VERDICT_LABELS[computed]}”，修改为“${VERDICT_LABELS[input.verdict]}”须填写原因，并将记入跟踪标红`,
        'reason',
      );
    const existing = state.review(input.level, input.nodeId);
    const previous = existing?.verdict ?? null;
    const values = {
      computedVerdict: computed,
      verdict: input.verdict,
      reason: input.reason || null,
      flagged,
      reviewedBy: actor.id,
      reviewedAt: clockNow(),
    };
    const row = existing
      ? await existing.update(values, { transaction })
      : await TestingReview.create(
          { projectId: project.id, level: input.level, nodeId: input.nodeId, ...values },
          { transaction },
        );
    if (previous !== null && previous !== input.verdict && above.length)
      await TestingReview.destroy({ where: { projectId: project.id, [Op.or]: above }, transaction });
    if (flagged)
      await raiseRedFlag(
        {
          kind: 'forced_override',
          subjectType: 'testing_review',
          subjectId: row.id,
          subjectName: `${project.siteName} ${levelLabel}“${name}”`,
          institutionId: project.institutionId,
          reason: `项目负责人${actor.displayName}将${levelLabel}“${name}”的评定由“${VERDICT_LABELS[computed]}”改为“${VERDICT_LABELS[input.verdict]}”。原因：${input.reason}`,
          details: {
            projectId: project.id,
            level: input.level,
            nodeId: input.nodeId,
            before: computed,
            after: input.verdict,
          },
        },
        transaction,
      );
    else await clearRedFlags('forced_override', 'testing_review', row.id, transaction);
    return {
      result: project,
      audit: {
        entityType: 'project',
        entityId: project.id,
        institutionId: project.institutionId,
        before: previous ? { level: input.level, nodeId: input.nodeId, verdict: previous } : null,
        after: { level: input.level, nodeId: input.nodeId, computed, verdict: input.verdict, flagged },
      },
    };
  });
}
