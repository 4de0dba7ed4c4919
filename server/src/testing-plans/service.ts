import { Op } from 'sequelize';
import {
  testingAssignmentMachine,
  TESTING_PLAN_KIND_LABELS,
  type AssignableOperator,
  type AssignedOperator,
  type OperatorTestingAssignment,
  type TestingPlan,
  type TestingPlanAssignmentsInput,
  type TestingPlanView,
} from '@xf/domain';
import { Account } from '../accounts/models';
import type { Actor } from '../core/actor';
import { actorOf, runCommand, type RequestContext } from '../core/command';
import { AppError, badRequest } from '../core/errors';
import { nextState } from '../core/transition';
import { FaceProfile } from '../face-profiles/models';
import { Project } from '../projects/models';
import { assertInProgress } from '../projects/state';
import { TestingPlanAssignment, TestingPlanDispatch } from './models';
import { checkOperators, operatorsById, presentOperator } from './operators';
import { countItems, projectTestingPlan, singleItemsById } from './plan';
import { now as clockNow } from '../core/clock';

const dispatchStatusOf = (dispatch: TestingPlanDispatch | null) =>
  dispatch ? ('dispatched' as const) : ('not_dispatched' as const);

/** The plan with each single item's operators; assignments to buildings since removed are not shown. */
export async function testingPlanView(project: Project): Promise<TestingPlanView> {
  const plan = await projectTestingPlan(project);
  const [rows, dispatch] = await Promise.all([
    TestingPlanAssignment.findAll({ where: { projectId: project.id }, order: [['id', 'ASC']] }),
    TestingPlanDispatch.findOne({ where: { projectId: project.id } }),
  ]);
  const accounts = await operatorsById(rows.map((r) => r.operatorAccountId));
  const bySingle = new Map<string, AssignedOperator[]>();
  for (const r of rows) {
    const a = accounts.get(r.operatorAccountId);
    if (!a) continue;
    bySingle.set(r.planSingleItemId, [...(bySingle.get(r.planSingleItemId) ?? []), presentOperator(a)]);
  }
  return {
    projectId: project.id,
    siteName: project.siteName,
    planKind: project.parentProjectId ? 'retest' : 'testing',
    planKindLabel: TESTING_PLAN_KIND_LABELS[project.parentProjectId ? 'retest' : 'testing'],
    parentProjectId: project.parentProjectId ?? null,
    retestOfReportId: project.retestOfReportId ?? null,
    editionId: plan.editionId,
    dispatchStatus: dispatchStatusOf(dispatch),
    dispatchStatusLabel: testingAssignmentMachine.states[dispatchStatusOf(dispatch)],
    dispatchedAt: dispatch?.dispatchedAt.toISOString() ?? null,
    revisedAt: dispatch?.revisedAt?.toISOString() ?? null,
    revisionCount: dispatch?.revisionCount ?? 0,
    singleItemCodes: plan.singleItemCodes,
    scopeWithoutTesting: plan.scopeWithoutTesting,
    itemCount: plan.itemCount,
    buildings: plan.buildings.map((b) => ({
      buildingId: b.buildingId,
      buildingName: b.buildingName,
      singleItems: b.singleItems.map((s) => ({
        planSingleItemId: s.planSingleItemId,
        code: s.code,
        name: s.name,
        subItemCount: s.subItems.length,
        itemCount: countItems(s),
        operators: bySingle.get(s.planSingleItemId) ?? [],
        subItems: s.subItems,
      })),
    })),
  };
}

/** 检测计划只能派发给消防设施操作员: enabled operator accounts of the project's institution. */
export async function assignableOperators(project: Project): Promise<AssignableOperator[]> {
  const rows = await Account.findAll({
    where: { kind: 'operator', institutionId: project.institutionId, disabled: false },
    order: [['accountName', 'ASC']],
  });
  const approved = rows.length
    ? await FaceProfile.findAll({ where: { accountId: rows.map((a) => a.id), status: 'approved' } })
    : [];
  const approvedIds = new Set(approved.map((f) => f.accountId));
  return rows.map((a) => ({ ...presentOperator(a), faceApproved: approvedIds.has(a.id) }));
}

function checkAssignments(plan: TestingPlan, input: TestingPlanAssignmentsInput) {
  const singles = singleItemsById(plan);
  const seen = new Set<string>();
  input.assignments.forEach((a, i) => {
    const field = `assignments.${i}.planSingleItemId`;
    if (!singles.has(a.planSingleItemId))
      throw badRequest(`检测单项：“${a.planSingleItemId}”不是本项目检测计划中的单项`, field);
    if (seen.has(a.planSingleItemId))
      throw badRequest(`检测单项：“${a.planSingleItemId}”重复分配，请合并为一项`, field);
    seen.add(a.planSingleItemId);
  });
}

type AssignmentMap = Record<string, number[]>;

const toMap = (rows: { planSingleItemId: string; operatorAccountId: number }[]): AssignmentMap => {
  const map: AssignmentMap = {};
  for (const r of rows) (map[r.planSingleItemId] ??= []).push(r.operatorAccountId);
  for (const ids of Object.values(map)) ids.sort((a, b) => a - b);
  return map;
};

/**
 * 下发检测计划 (first save) or 修改计划 (later saves): replaces the whole assignment. Each change is
 * kept in the operation log with the assignment before and after, which is the assignment history.
 */
export async function saveAssignments(
  context: RequestContext,
  project: Project,
  input: TestingPlanAssignmentsInput,
) {
  const actor = actorOf(context);
  assertInProgress(project);
  const plan = await projectTestingPlan(project);
  checkAssignments(plan, input);
  await checkOperators(
    project,
    input.assignments.flatMap((a, i) =>
      a.operatorAccountIds.map((id, j) => ({ id, field: `assignments.${i}.operatorAccountIds.${j}` })),
    ),
    '检测计划',
  );
  const next = toMap(
    input.assignments.flatMap((a) =>
      [...new Set(a.operatorAccountIds)].map((operatorAccountId) => ({
        planSingleItemId: a.planSingleItemId,
        operatorAccountId,
      })),
    ),
  );
  await runCommand(context, 'testing_plan.dispatched', async ({ transaction }) => {
    const previous = await TestingPlanAssignment.findAll({ where: { projectId: project.id }, transaction });
    const before = toMap(previous);
    const dispatch = await TestingPlanDispatch.findOne({
      where: { projectId: project.id },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    // 下发 the first time, 修改计划 afterwards: the machine names which.
    const action = dispatch ? 'revise' : 'dispatch';
    nextState(testingAssignmentMachine, dispatchStatusOf(dispatch), action, actor);
    const now = clockNow();
    if (dispatch)
      await dispatch.update({ revisedAt: now, revisionCount: dispatch.revisionCount + 1 }, { transaction });
    else
      await TestingPlanDispatch.create(
        { projectId: project.id, dispatchedAt: now, dispatchedBy: actor.id, revisionCount: 0 },
        { transaction },
      );
    // Keep rows (and their assignedAt) for pairs that stay; only the differences change.
    const key = (s: string, id: number) => `${s}\u0000${id}`;
    const wanted = new Set(Object.entries(next).flatMap(([s, ids]) => ids.map((id) => key(s, id))));
    const kept = new Set<string>();
    for (const row of previous) {
      const k = key(row.planSingleItemId, row.operatorAccountId);
      if (wanted.has(k)) kept.add(k);
      else await row.destroy({ transaction });
    }
    const added = Object.entries(next).flatMap(([planSingleItemId, ids]) =>
      ids
        .filter((id) => !kept.has(key(planSingleItemId, id)))
        .map((operatorAccountId) => ({ projectId: project.id, planSingleItemId, operatorAccountId })),
    );
    if (added.length) await TestingPlanAssignment.bulkCreate(added, { transaction });
    return {
      result: undefined,
      audit: {
        action: dispatch ? 'testing_plan.revised' : 'testing_plan.dispatched',
        entityType: 'project',
        entityId: project.id,
        institutionId: project.institutionId,
        before: dispatch ? { assignments: before } : null,
        after: { assignments: next },
      },
    };
  });
  return testingPlanView(project);
}

/** 接收下发计划: the single items assigned to an operator in running testing projects. */
export async function operatorAssignments(actor: Actor): Promise<OperatorTestingAssignment[]> {
  const mine = await TestingPlanAssignment.findAll({
    where: { operatorAccountId: actor.id },
    order: [['id', 'ASC']],
  });
  const projectIds = [...new Set(mine.map((r) => r.projectId))];
  if (!projectIds.length) return [];
  const projects = await Project.findAll({
    where: { id: projectIds, kind: 'testing', status: 'in_progress' },
    order: [['id', 'ASC']],
  });
  const everyone = await TestingPlanAssignment.findAll({
    where: { projectId: projects.map((p) => p.id), operatorAccountId: { [Op.ne]: actor.id } },
    order: [['id', 'ASC']],
  });
  const accounts = await operatorsById(everyone.map((r) => r.operatorAccountId));
  const out: OperatorTestingAssignment[] = [];
  for (const project of projects) {
    // A plan that can no longer be generated (e.g. every building removed) has nothing to show.
    const plan = await projectTestingPlan(project).catch((e) => {
      if (e instanceof AppError) return null;
      throw e;
    });
    if (!plan) continue;
    const singles = singleItemsById(plan);
    for (const row of mine.filter((r) => r.projectId === project.id)) {
      const found = singles.get(row.planSingleItemId);
      if (!found) continue;
      out.push({
        projectId: project.id,
        siteName: project.siteName,
        address: project.address,
        buildingId: found.buildingId,
        buildingName: found.buildingName,
        planSingleItemId: row.planSingleItemId,
        code: found.single.code,
        name: found.single.name,
        subItemCount: found.single.subItems.length,
        itemCount: countItems(found.single),
        coOperators: everyone
          .filter((r) => r.projectId === project.id && r.planSingleItemId === row.planSingleItemId)
          .flatMap((r) => {
            const a = accounts.get(r.operatorAccountId);
            return a ? [presentOperator(a)] : [];
          }),
        assignedAt: row.createdAt.toISOString(),
      });
    }
  }
  return out;
}
