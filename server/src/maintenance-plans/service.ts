import { UniqueConstraintError, type Transaction } from 'sequelize';
import {
  MAINTENANCE_ASSIGNMENT_STATE_LABELS,
  MAINTENANCE_PLAN_KINDS,
  MAINTENANCE_PLAN_KIND_LABELS,
  MAINTENANCE_PLAN_STATUS_LABELS,
  maintenanceAssignmentMachine,
  maintenancePlanMachine,
  beijingMonthOf,
  checkMaintenanceYears,
  checkPlanCreationNow,
  type AssignedOperator,
  type MaintenanceAssignmentState,
  type MaintenancePlanCreateInput,
  type MaintenancePlanDistributeInput,
  type MaintenancePlanList,
  type MaintenancePlanStatus,
  type MaintenancePlanSummary,
  type MaintenancePlanView,
  type OperatorMaintenanceAssignment,
} from '@xf/domain';
import { Account } from '../accounts/models';
import type { AppContext } from '../context';
import type { Actor } from '../core/actor';
import { nextState, transition } from '../core/transition';
import { badRequest, conflict, notFound } from '../core/errors';
import { labelFor } from '../core/field-labels';
import { logChange } from '../projects/log';
import { Project } from '../projects/models';
import { assertInProgress } from '../projects/state';
import { MaintenancePlanAssignment, MaintenancePlanRecord } from './models';
import { assertMaintenanceProject, contentOf, facilitiesById, generateContent } from './plan';

const presentOperator = (a: Account): AssignedOperator => ({
  id: a.id,
  accountName: a.accountName,
  displayName: a.displayName,
});

async function operatorsById(ids: number[]) {
  const rows = ids.length ? await Account.findAll({ where: { id: [...new Set(ids)] } }) : [];
  return new Map(rows.map((a) => [a.id, a]));
}

export async function findPlan(id: number) {
  const plan = await MaintenancePlanRecord.findByPk(id);
  if (!plan) throw notFound('维保计划');
  return plan;
}

function summary(
  record: MaintenancePlanRecord,
  facilityCount: number,
  lineCount: number,
  assignments: MaintenancePlanAssignment[],
): MaintenancePlanSummary {
  return {
    id: record.id,
    projectId: record.projectId,
    kind: record.kind,
    kindLabel: MAINTENANCE_PLAN_KIND_LABELS[record.kind],
    month: record.month,
    status: record.status,
    statusLabel: MAINTENANCE_PLAN_STATUS_LABELS[record.status],
    facilityCount,
    distributedFacilityCount: new Set(assignments.map((a) => a.facilityId)).size,
    lineCount,
    createdAt: record.createdAt.toISOString(),
  };
}

/** The plans of a project and, per maintenance year, whether ≥3 季计划 and 1 年计划 are there. */
export async function listPlans(project: Project, now = new Date()): Promise<MaintenancePlanList> {
  assertMaintenanceProject(project);
  const records = await MaintenancePlanRecord.findAll({
    where: { projectId: project.id },
    order: [
      ['month', 'DESC'],
      ['id', 'ASC'],
    ],
  });
  const assignments = records.length
    ? await MaintenancePlanAssignment.findAll({ where: { planId: records.map((r) => r.id) } })
    : [];
  const items: MaintenancePlanSummary[] = [];
  for (const r of records) {
    const content = await contentOf(r);
    const facilityCount = content.systems.reduce((n, s) => n + s.facilities.length, 0);
    items.push(
      summary(
        r,
        facilityCount,
        content.lineCount,
        assignments.filter((a) => a.planId === r.id),
      ),
    );
  }
  const currentMonth = beijingMonthOf(now);
  const first = project.firstMonth;
  const last = project.lastMonth;
  const years =
    first && last
      ? checkMaintenanceYears(
          records.map((r) => ({ kind: r.kind, month: r.month })),
          { firstMonth: first, lastMonth: last, asOfMonth: currentMonth },
        )
      : [];
  const inMonths = checkPlanCreationNow(currentMonth, now, first ?? undefined, last ?? undefined).ok;
  const creatableKinds =
    inMonths && project.status === 'in_progress'
      ? MAINTENANCE_PLAN_KINDS.filter((k) => !records.some((r) => r.kind === k && r.month === currentMonth))
      : [];
  return {
    projectId: project.id,
    siteName: project.siteName,
    firstMonth: first,
    lastMonth: last,
    currentMonth,
    creatableKinds: [...creatableKinds],
    items,
    years,
    warnings: years.flatMap((y) =>
      y.message ? [y.status === 'in_progress' ? `${y.message}（年度未结束，请及时补充）` : y.message] : [],
    ),
  };
}

export async function planView(
  record: MaintenancePlanRecord,
  project: Project,
): Promise<MaintenancePlanView> {
  const content = await contentOf(record);
  const assignments = await MaintenancePlanAssignment.findAll({
    where: { planId: record.id },
    order: [['id', 'ASC']],
  });
  const accounts = await operatorsById(assignments.map((a) => a.operatorAccountId));
  const facilities = content.systems.flatMap((s) =>
    s.facilities.map((f) => ({
      facilityId: f.facilityId,
      name: f.name,
      systemName: s.name,
      categoryName: f.categoryName,
      lines: f.lines,
      assignments: assignments
        .filter((a) => a.facilityId === f.facilityId)
        .flatMap((a) => {
          const op = accounts.get(a.operatorAccountId);
          return op
            ? [
                {
                  id: a.id,
                  operator: presentOperator(op),
                  state: a.state,
                  stateLabel: MAINTENANCE_ASSIGNMENT_STATE_LABELS[a.state],
                  assignedAt: a.createdAt.toISOString(),
                },
              ]
            : [];
        }),
    })),
  );
  return {
    ...summary(record, facilities.length, content.lineCount, assignments),
    siteName: project.siteName,
    editionId: record.editionId,
    facilities,
    systemsWithoutLines: content.systemsWithoutLines,
  };
}

/** 只能创建当月的计划, within the maintenance months, one plan per kind per month. */
export async function createPlan(
  app: AppContext,
  actor: Actor,
  project: Project,
  input: MaintenancePlanCreateInput,
  requestId: string,
  now = new Date(),
) {
  assertMaintenanceProject(project);
  assertInProgress(project);
  const rule = checkPlanCreationNow(
    input.month,
    now,
    project.firstMonth ?? undefined,
    project.lastMonth ?? undefined,
  );
  if (!rule.ok) {
    const field = rule.field === 'planMonth' ? 'month' : rule.field;
    throw badRequest(`${labelFor([field])}：${rule.message}`, field);
  }
  const facilityIds = [...(project.fireSystemFacilityIds ?? [])];
  const content = await generateContent(project.editionId, input.kind, input.month, facilityIds);
  if (content.systems.length === 0)
    throw conflict(
      `计划类别（kind）：所选消防设施没有${MAINTENANCE_PLAN_KIND_LABELS[input.kind]}需要维保的内容`,
      'kind',
    );
  const duplicate = () =>
    conflict(
      `计划类别（kind）：本项目${input.month}已有${MAINTENANCE_PLAN_KIND_LABELS[input.kind]}，同一类别每月只能创建一个`,
      'kind',
    );
  if (
    await MaintenancePlanRecord.findOne({
      where: { projectId: project.id, kind: input.kind, month: input.month },
    })
  )
    throw duplicate();
  try {
    const record = await app.sequelize.transaction(async (t) => {
      const created = await MaintenancePlanRecord.create(
        {
          projectId: project.id,
          kind: input.kind,
          month: input.month,
          editionId: project.editionId,
          facilityIds,
          status: 'undistributed',
          createdBy: actor.id,
        },
        { transaction: t },
      );
      await logChange(t, actor, requestId, {
        action: 'maintenance_plan.created',
        entityType: 'maintenance_plan',
        entityId: created.id,
        institutionId: project.institutionId,
        after: { projectId: project.id, kind: input.kind, month: input.month, facilityIds },
      });
      return created;
    });
    return planView(record, project);
  } catch (e) {
    if (e instanceof UniqueConstraintError) throw duplicate();
    throw e;
  }
}

/** 计划只能派发给消防设施操作员: enabled operators of the project's own institution. */
async function checkOperators(project: Project, ids: number[]) {
  const accounts = await operatorsById(ids);
  ids.forEach((id, j) => {
    const field = `operatorAccountIds.${j}`;
    const account = accounts.get(id);
    if (!account || account.institutionId !== project.institutionId)
      throw badRequest(`操作员（${field}）：账号${id}不是本机构的人员`, field);
    if (account.kind !== 'operator')
      throw badRequest(
        `操作员（${field}）：${account.displayName}（${account.accountName}）不是消防设施操作员，维保计划只能派发给消防设施操作员`,
        field,
      );
    if (account.disabled)
      throw badRequest(
        `操作员（${field}）：${account.displayName}（${account.accountName}）的账号已停用`,
        field,
      );
  });
}

/** 下发维保计划: each chosen facility to each chosen operator; pairs already there are kept as they are. */
export async function distribute(
  app: AppContext,
  actor: Actor,
  project: Project,
  record: MaintenancePlanRecord,
  input: MaintenancePlanDistributeInput,
  requestId: string,
) {
  assertInProgress(project);
  const facilities = facilitiesById(await contentOf(record));
  const facilityIds = [...new Set(input.facilityIds)];
  facilityIds.forEach((id) => {
    if (!facilities.has(id)) {
      const field = `facilityIds.${input.facilityIds.indexOf(id)}`;
      throw badRequest(`消防设施（${field}）：“${id}”不是本维保计划中的设施`, field);
    }
  });
  const operatorIds = [...new Set(input.operatorAccountIds)];
  await checkOperators(project, operatorIds);
  await app.sequelize.transaction(async (t) => {
    const fresh = (await MaintenancePlanRecord.findByPk(record.id, { transaction: t, lock: t.LOCK.UPDATE }))!;
    const next = nextState(maintenancePlanMachine, fresh.status, 'distribute');
    const existing = await MaintenancePlanAssignment.findAll({
      where: { planId: record.id },
      transaction: t,
    });
    const have = new Set(existing.map((a) => `${a.facilityId}\u0000${a.operatorAccountId}`));
    const added = facilityIds.flatMap((facilityId) =>
      operatorIds
        .filter((op) => !have.has(`${facilityId}\u0000${op}`))
        .map((operatorAccountId) => ({
          planId: record.id,
          projectId: project.id,
          facilityId,
          operatorAccountId,
          state: 'pending' as const,
          assignedBy: actor.id,
        })),
    );
    if (added.length) await MaintenancePlanAssignment.bulkCreate(added, { transaction: t });
    if (fresh.status !== next) await fresh.update({ status: next }, { transaction: t });
    await logChange(t, actor, requestId, {
      action: 'maintenance_plan.distributed',
      entityType: 'maintenance_plan',
      entityId: record.id,
      institutionId: project.institutionId,
      before: { status: fresh.status },
      after: {
        status: next,
        added: added.map((a) => ({ facilityId: a.facilityId, operatorAccountId: a.operatorAccountId })),
      },
    });
  });
  await record.reload();
  return planView(record, project);
}

async function withdrawIfEmpty(t: Transaction, record: MaintenancePlanRecord) {
  const left = await MaintenancePlanAssignment.count({ where: { planId: record.id }, transaction: t });
  if (left > 0) return record.status;
  const next = nextState(maintenancePlanMachine, record.status, 'withdrawLast');
  await record.update({ status: next }, { transaction: t });
  return record.status;
}

/** 已下发、操作员还未执行: the lead removes a distributed facility from one operator. */
export async function removeAssignment(
  app: AppContext,
  actor: Actor,
  project: Project,
  record: MaintenancePlanRecord,
  assignmentId: number,
  requestId: string,
) {
  assertInProgress(project);
  await app.sequelize.transaction(async (t) => {
    const a = await MaintenancePlanAssignment.findOne({
      where: { id: assignmentId, planId: record.id },
      transaction: t,
      lock: t.LOCK.UPDATE,
    });
    if (!a) throw notFound('维保计划的派发记录');
    transition(maintenanceAssignmentMachine, a.state, 'remove');
    const before = { facilityId: a.facilityId, operatorAccountId: a.operatorAccountId, state: a.state };
    await a.destroy({ transaction: t });
    const fresh = (await MaintenancePlanRecord.findByPk(record.id, { transaction: t, lock: t.LOCK.UPDATE }))!;
    const status = await withdrawIfEmpty(t, fresh);
    await logChange(t, actor, requestId, {
      action: 'maintenance_plan.assignment_removed',
      entityType: 'maintenance_plan',
      entityId: record.id,
      institutionId: project.institutionId,
      before,
      after: { status },
    });
  });
  await record.reload();
  return planView(record, project);
}

/** 计划还没有下发 → delete; otherwise its distributed facilities must be removed first. */
export async function deletePlan(
  app: AppContext,
  actor: Actor,
  project: Project,
  record: MaintenancePlanRecord,
  requestId: string,
) {
  assertInProgress(project);
  await app.sequelize.transaction(async (t) => {
    const fresh = await MaintenancePlanRecord.findByPk(record.id, { transaction: t, lock: t.LOCK.UPDATE });
    if (!fresh) throw notFound('维保计划');
    const left = await MaintenancePlanAssignment.count({ where: { planId: record.id }, transaction: t });
    if (left === 0) transition(maintenancePlanMachine, fresh.status, 'delete');
    else
      throw conflict(
        `状态（status）：维保计划已下发给操作员（${left}条派发），请先在“已下发”中删除各设施的派发，再删除整个计划`,
        'status',
      );
    await fresh.destroy({ transaction: t });
    await logChange(t, actor, requestId, {
      action: 'maintenance_plan.deleted',
      entityType: 'maintenance_plan',
      entityId: record.id,
      institutionId: project.institutionId,
      before: { projectId: project.id, kind: fresh.kind, month: fresh.month, status: fresh.status },
      after: null,
    });
  });
}

/** 接收下发计划: the facilities distributed to an operator in running maintenance projects. */
export async function operatorAssignments(actor: Actor): Promise<OperatorMaintenanceAssignment[]> {
  const mine = await MaintenancePlanAssignment.findAll({
    where: { operatorAccountId: actor.id },
    order: [['id', 'ASC']],
  });
  if (!mine.length) return [];
  const plans = await MaintenancePlanRecord.findAll({
    where: { id: [...new Set(mine.map((a) => a.planId))] },
  });
  const projects = await Project.findAll({
    where: { id: [...new Set(plans.map((p) => p.projectId))], kind: 'maintenance', status: 'in_progress' },
  });
  const out: OperatorMaintenanceAssignment[] = [];
  for (const plan of plans) {
    const project = projects.find((p) => p.id === plan.projectId);
    if (!project) continue;
    const facilities = facilitiesById(await contentOf(plan));
    for (const a of mine.filter((x) => x.planId === plan.id)) {
      const found = facilities.get(a.facilityId);
      if (!found) continue;
      out.push({
        id: a.id,
        planId: plan.id,
        projectId: project.id,
        siteName: project.siteName,
        address: project.address,
        kind: plan.kind,
        kindLabel: MAINTENANCE_PLAN_KIND_LABELS[plan.kind],
        month: plan.month,
        facilityId: a.facilityId,
        facilityName: found.facility.name,
        systemName: found.systemName,
        lineCount: found.facility.lines.length,
        state: a.state,
        stateLabel: MAINTENANCE_ASSIGNMENT_STATE_LABELS[a.state],
        assignedAt: a.createdAt.toISOString(),
      });
    }
  }
  return out.sort((x, y) => x.id - y.id);
}
