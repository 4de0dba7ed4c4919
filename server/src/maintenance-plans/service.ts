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
  fieldName,
  labelledMessage,
  maintenancePlanSourceSchema,
  type MaintenancePlanCreateInput,
  type MaintenancePlanDistributeInput,
  type MaintenancePlanList,
  type MaintenancePlanSummary,
  type MaintenancePlanView,
  type OperatorMaintenanceAssignment,
} from '@xf/domain';
import type { Actor } from '../core/actor';
import { actorOf, runCommand, type RequestContext } from '../core/command';
import { abilities } from '../core/policy';
import { nextState, transition } from '../core/transition';
import { badRequest, conflict, notFound } from '../core/errors';
import { Building } from '../buildings/models';
import { findProject } from '../projects/find';
import { fenceOf } from '../projects/geofence';
import { Project } from '../projects/models';
import { assertInProgress } from '../projects/state';
import { workflowAbilities } from '../site-requests/abilities';
import { checkOperators, operatorsById, presentOperator } from '../testing-plans/operators';
import { MaintenancePlanAssignment, MaintenancePlanRecord } from './models';
import { assertMaintenanceProject, contentOf, facilitiesById, generateContent } from './plan';
import type { PlanSubject } from './policies';
import { now as clockNow } from '../core/clock';

export async function loadPlan(id: number): Promise<PlanSubject> {
  const plan = await MaintenancePlanRecord.findByPk(id);
  if (!plan) throw notFound('维保计划');
  return { plan, project: await findProject(plan.projectId) };
}

const planAudit = ({ plan, project }: PlanSubject) => ({
  entityType: 'maintenance_plan',
  entityId: plan.id,
  institutionId: project.institutionId,
});

const planAbilities = (actor: Actor, subject: PlanSubject) =>
  workflowAbilities(actor, 'maintenance_plan', subject, maintenancePlanMachine, subject.plan.status, [
    'distribute',
    'delete',
  ]);

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
export async function listPlans(
  actor: Actor,
  project: Project,
  now = clockNow(),
): Promise<MaintenancePlanList> {
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
    items.push({
      ...summary(
        r,
        facilityCount,
        content.lineCount,
        assignments.filter((a) => a.planId === r.id),
      ),
      abilities: await planAbilities(actor, { plan: r, project }),
    });
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
    abilities: await abilities(actor, 'maintenance_plan', project, ['create']),
  };
}

export async function planView(actor: Actor, subject: PlanSubject): Promise<MaintenancePlanView> {
  const { plan: record, project } = subject;
  const content = await contentOf(record);
  const assignments = await MaintenancePlanAssignment.findAll({
    where: { planId: record.id },
    order: [['id', 'ASC']],
  });
  const accounts = await operatorsById(assignments.map((a) => a.operatorAccountId));
  const assignmentView = async (a: MaintenancePlanAssignment) => {
    const op = accounts.get(a.operatorAccountId);
    if (!op) return [];
    return [
      {
        id: a.id,
        operator: presentOperator(op),
        state: a.state,
        stateLabel: MAINTENANCE_ASSIGNMENT_STATE_LABELS[a.state],
        assignedAt: a.createdAt.toISOString(),
        abilities: await workflowAbilities(
          actor,
          'maintenance_assignment',
          subject,
          maintenanceAssignmentMachine,
          a.state,
          ['remove'],
        ),
      },
    ];
  };
  const facilities = await Promise.all(
    content.systems.flatMap((s) =>
      s.facilities.map(async (f) => ({
        facilityId: f.facilityId,
        name: f.name,
        systemName: s.name,
        categoryName: f.categoryName,
        lines: f.lines,
        assignments: (
          await Promise.all(assignments.filter((a) => a.facilityId === f.facilityId).map(assignmentView))
        ).flat(),
      })),
    ),
  );
  return {
    ...summary(record, facilities.length, content.lineCount, assignments),
    abilities: await planAbilities(actor, subject),
    siteName: project.siteName,
    editionId: record.editionId,
    facilities,
    systemsWithoutLines: content.systemsWithoutLines,
  };
}

/** 只能创建当月的计划, within the maintenance months, one plan per kind per month. */
export async function createPlan(
  context: RequestContext,
  project: Project,
  input: MaintenancePlanCreateInput,
  now = clockNow(),
) {
  const actor = actorOf(context);
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
    throw badRequest(labelledMessage(fieldName(maintenancePlanSourceSchema, [field]), rule.message), field);
  }
  const facilityIds = [...(project.fireSystemFacilityIds ?? [])];
  const content = await generateContent(project.editionId, input.kind, input.month, facilityIds);
  if (content.systems.length === 0)
    throw conflict(
      `计划类别：所选消防设施没有${MAINTENANCE_PLAN_KIND_LABELS[input.kind]}需要维保的内容`,
      'kind',
    );
  const duplicate = () =>
    conflict(
      `计划类别：本项目${input.month}已有${MAINTENANCE_PLAN_KIND_LABELS[input.kind]}，同一类别每月只能创建一个`,
      'kind',
    );
  if (
    await MaintenancePlanRecord.findOne({
      where: { projectId: project.id, kind: input.kind, month: input.month },
    })
  )
    throw duplicate();
  try {
    const plan = await runCommand(context, 'maintenance_plan.created', async ({ transaction }) => {
      const created = await MaintenancePlanRecord.create(
        {
          projectId: project.id,
          kind: input.kind,
          month: input.month,
          editionId: project.editionId,
          facilityIds,
          status: maintenancePlanMachine.initial,
          createdBy: actor.id,
        },
        { transaction },
      );
      return {
        result: created,
        audit: {
          ...planAudit({ plan: created, project }),
          after: { projectId: project.id, kind: input.kind, month: input.month, facilityIds },
        },
      };
    });
    return planView(actor, { plan, project });
  } catch (e) {
    if (e instanceof UniqueConstraintError) throw duplicate();
    throw e;
  }
}

/**
 * The manual (维保项目 → 添加建筑物, 添加消防系统, 标注项目位置): 如果填写不完整，无法下发维保计划. The project list
 * shows the same three as 未添加/已添加 and 去标注/已标注.
 */
async function assertProjectComplete(project: Project) {
  const missing = [
    ...((await Building.count({ where: { projectId: project.id } })) ? [] : ['未添加建筑物']),
    ...((project.fireSystemFacilityIds ?? []).length ? [] : ['未添加消防系统']),
    ...(fenceOf(project) ? [] : ['未标注项目位置']),
  ];
  if (missing.length) throw conflict(`项目信息填写不完整，无法下发维保计划：${missing.join('、')}`);
}

/** 下发维保计划: each chosen facility to each chosen operator; pairs already there are kept as they are. */
export async function distribute(
  context: RequestContext,
  subject: PlanSubject,
  input: MaintenancePlanDistributeInput,
) {
  const actor = actorOf(context);
  const { plan: record, project } = subject;
  assertInProgress(project);
  await assertProjectComplete(project);
  const facilities = facilitiesById(await contentOf(record));
  const facilityIds = [...new Set(input.facilityIds)];
  facilityIds.forEach((id) => {
    if (!facilities.has(id)) {
      const field = `facilityIds.${input.facilityIds.indexOf(id)}`;
      throw badRequest(`消防设施：“${id}”不是本维保计划中的设施`, field);
    }
  });
  const operatorIds = [...new Set(input.operatorAccountIds)];
  await checkOperators(
    project,
    operatorIds.map((id) => ({ id, field: `operatorAccountIds.${input.operatorAccountIds.indexOf(id)}` })),
    '维保计划',
  );
  await runCommand(context, 'maintenance_plan.distributed', async ({ transaction }) => {
    const fresh = (await MaintenancePlanRecord.findByPk(record.id, {
      transaction,
      lock: transaction.LOCK.UPDATE,
    }))!;
    const next = nextState(maintenancePlanMachine, fresh.status, 'distribute', actor);
    const existing = await MaintenancePlanAssignment.findAll({ where: { planId: record.id }, transaction });
    const have = new Set(existing.map((a) => `${a.facilityId}\u0000${a.operatorAccountId}`));
    const added = facilityIds.flatMap((facilityId) =>
      operatorIds
        .filter((op) => !have.has(`${facilityId}\u0000${op}`))
        .map((operatorAccountId) => ({
          planId: record.id,
          projectId: project.id,
          facilityId,
          operatorAccountId,
          state: maintenanceAssignmentMachine.initial,
          assignedBy: actor.id,
        })),
    );
    if (added.length) await MaintenancePlanAssignment.bulkCreate(added, { transaction });
    const before = { status: fresh.status };
    if (fresh.status !== next) await fresh.update({ status: next }, { transaction });
    return {
      result: undefined,
      audit: {
        ...planAudit(subject),
        before,
        after: {
          status: next,
          added: added.map((a) => ({ facilityId: a.facilityId, operatorAccountId: a.operatorAccountId })),
        },
      },
    };
  });
  await record.reload();
  return planView(actor, subject);
}

async function withdrawIfEmpty(transaction: Transaction, record: MaintenancePlanRecord, actor: Actor) {
  const left = await MaintenancePlanAssignment.count({ where: { planId: record.id }, transaction });
  if (left > 0) return record.status;
  const next = nextState(maintenancePlanMachine, record.status, 'withdrawLast', actor);
  await record.update({ status: next }, { transaction });
  return record.status;
}

/** 已下发、操作员还未执行: the lead removes a distributed facility from one operator. */
export async function removeAssignment(context: RequestContext, subject: PlanSubject, assignmentId: number) {
  const actor = actorOf(context);
  const { plan: record, project } = subject;
  assertInProgress(project);
  await runCommand(context, 'maintenance_plan.assignment_removed', async ({ transaction }) => {
    const a = await MaintenancePlanAssignment.findOne({
      where: { id: assignmentId, planId: record.id },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!a) throw notFound('维保计划的派发记录');
    transition(maintenanceAssignmentMachine, a.state, 'remove', actor);
    const before = { facilityId: a.facilityId, operatorAccountId: a.operatorAccountId, state: a.state };
    await a.destroy({ transaction });
    const fresh = (await MaintenancePlanRecord.findByPk(record.id, {
      transaction,
      lock: transaction.LOCK.UPDATE,
    }))!;
    const status = await withdrawIfEmpty(transaction, fresh, actor);
    return { result: undefined, audit: { ...planAudit(subject), before, after: { status } } };
  });
  await record.reload();
  return planView(actor, subject);
}

/** 计划还没有下发 → delete; a distributed plan's facilities must be removed first (the machine refuses). */
export async function deletePlan(context: RequestContext, subject: PlanSubject) {
  const actor = actorOf(context);
  assertInProgress(subject.project);
  await runCommand(context, 'maintenance_plan.deleted', async ({ transaction }) => {
    const fresh = await MaintenancePlanRecord.findByPk(subject.plan.id, {
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!fresh) throw notFound('维保计划');
    transition(maintenancePlanMachine, fresh.status, 'delete', actor);
    await fresh.destroy({ transaction });
    return {
      result: undefined,
      audit: {
        ...planAudit(subject),
        before: { projectId: fresh.projectId, kind: fresh.kind, month: fresh.month, status: fresh.status },
        after: null,
      },
    };
  });
}

/**
 * 接收下发计划: the facilities distributed to an operator in running maintenance projects and in none of their tasks
 * yet. A facility already in a task (started) is not offered again: a phone without that task (a new phone, or last
 * month's plan above this month's) would choose it and be refused (已在您的另一个维保任务中).
 */
export async function operatorAssignments(actor: Actor): Promise<OperatorMaintenanceAssignment[]> {
  const mine = await MaintenancePlanAssignment.findAll({
    where: { operatorAccountId: actor.id, state: 'pending' },
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
