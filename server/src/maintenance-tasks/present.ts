import {
  MAINTENANCE_PLAN_KIND_LABELS,
  maintenanceTaskMachine,
  maintenanceTaskStatusLabels,
  type MaintenanceTaskDetail,
  type MaintenanceTaskView,
} from '@xf/domain';
import { Op, fn, col } from 'sequelize';
import type { Actor } from '../core/actor';
import { Account } from '../accounts/models';
import { MaintenanceFault } from '../maintenance-faults/models';
import { presentFaults } from '../maintenance-faults/present';
import { catalogIndex } from '../maintenance-records/catalog';
import { MaintenanceRecord } from '../maintenance-records/models';
import { presentMaintenanceRecords } from '../maintenance-records/present';
import { MaintenancePlanRecord } from '../maintenance-plans/models';
import { contentOf, facilitiesById } from '../maintenance-plans/plan';
import { Project } from '../projects/models';
import { SiteRequest } from '../site-requests/models';
import { byId, presentSiteRequests } from '../site-requests/present';
import { workflowAbilities } from '../site-requests/abilities';
import type { MaintenanceTask } from './models';
import { faultIdsOfTask } from './review';

const person = (accounts: Map<number, Account>, id: number) => {
  const a = accounts.get(id);
  return { id, accountName: a?.accountName ?? '', displayName: a?.displayName ?? '' };
};

export async function presentMaintenanceTasks(
  tasks: MaintenanceTask[],
  actor?: Actor,
): Promise<MaintenanceTaskView[]> {
  if (!tasks.length) return [];
  const taskIds = tasks.map((t) => t.id);
  const [projects, plans, requests, accounts, counts] = await Promise.all([
    Project.findAll({ where: { id: [...new Set(tasks.map((t) => t.projectId))] } }).then(byId),
    MaintenancePlanRecord.findAll({ where: { id: [...new Set(tasks.map((t) => t.planId))] } }).then(byId),
    SiteRequest.findAll({ where: { maintenanceTaskId: taskIds }, order: [['id', 'ASC']] }),
    Account.findAll({
      where: {
        id: [
          ...new Set(
            tasks.flatMap((t) => [t.operatorAccountId, ...(t.reviewedBy !== null ? [t.reviewedBy] : [])]),
          ),
        ],
      },
    }).then(byId),
    MaintenanceRecord.findAll({
      where: { maintenanceTaskId: taskIds },
      attributes: ['maintenanceTaskId', 'conformity', 'faultId', [fn('COUNT', col('id')), 'n']],
      group: ['maintenanceTaskId', 'conformity', 'faultId'],
      raw: true,
    }) as unknown as Promise<
      { maintenanceTaskId: number; conformity: string; faultId: number | null; n: number | string }[]
    >,
  ]);
  const faultIds = [...new Set(counts.map((c) => c.faultId).filter((id): id is number => id !== null))];
  const pendingFaults = new Set(
    faultIds.length
      ? (
          await MaintenanceFault.findAll({
            where: { id: faultIds, status: 'pending' },
            attributes: ['id'],
          })
        ).map((f) => f.id)
      : [],
  );
  const views = await presentSiteRequests(requests);
  const starts = new Map(views.filter((r) => r.kind === 'start').map((r) => [r.maintenanceTaskId, r]));
  const submits = new Map(views.filter((r) => r.kind === 'submit').map((r) => [r.maintenanceTaskId, r]));
  const contents = new Map<number, ReturnType<typeof facilitiesById>>();
  for (const plan of plans.values()) contents.set(plan.id, facilitiesById(await contentOf(plan)));
  return Promise.all(
    tasks.map(async (t) => {
      const project = projects.get(t.projectId)!;
      const plan = plans.get(t.planId)!;
      const content = contents.get(t.planId)!;
      const index = await catalogIndex(plan.editionId);
      const mine = counts.filter((c) => Number(c.maintenanceTaskId) === t.id);
      const faults = new Set(mine.map((c) => c.faultId).filter((id): id is number => id !== null));
      const view: MaintenanceTaskView = {
        id: t.id,
        idempotencyKey: t.idempotencyKey,
        projectId: t.projectId,
        siteName: project.siteName,
        address: project.address,
        planId: t.planId,
        planKind: plan.kind,
        planKindLabel: MAINTENANCE_PLAN_KIND_LABELS[plan.kind],
        planMonth: plan.month,
        operator: person(accounts, t.operatorAccountId),
        facilities: t.facilityIds.map((facilityId) => {
          const f = content.get(facilityId);
          const c = index.facilities.get(facilityId);
          return {
            facilityId,
            name: f?.facility.name ?? c?.facility.name ?? facilityId,
            systemName: f?.systemName ?? c?.system.name ?? '',
            categoryName: f?.facility.categoryName ?? c?.category.name ?? '',
            lineCount: f?.facility.lines.length ?? 0,
          };
        }),
        status: t.status,
        statusLabel: maintenanceTaskStatusLabels[t.status],
        createdAt: t.createdAt.toISOString(),
        startedAt: t.startedAt?.toISOString() ?? null,
        submittedAt: t.submittedAt?.toISOString() ?? null,
        firstSubmittedAt: t.firstSubmittedAt?.toISOString() ?? null,
        reviewedAt: t.reviewedAt?.toISOString() ?? null,
        reviewedBy: t.reviewedBy !== null ? person(accounts, t.reviewedBy) : null,
        reviewReason: t.reviewReason,
        recordCount: mine.reduce((n, c) => n + Number(c.n), 0),
        nonconformingCount: mine
          .filter((c) => c.conformity === 'nonconforming')
          .reduce((n, c) => n + Number(c.n), 0),
        faultCount: faults.size,
        unhandledFaultCount: [...faults].filter((id) => pendingFaults.has(id)).length,
        startRequest: starts.get(t.id) ?? null,
        submitRequest: submits.get(t.id) ?? null,
      };
      if (actor)
        view.abilities = await workflowAbilities(
          actor,
          'maintenance_task',
          { task: t, project },
          maintenanceTaskMachine,
          t.status,
          ['delete', 'approve', 'reject', 'return', 'submit', 'resubmit'],
        );
      return view;
    }),
  );
}

/** The review page of a task: its results (with 合格标准) and its faults with their timelines. */
export async function presentMaintenanceTaskDetail(
  task: MaintenanceTask,
  actor: Actor,
): Promise<MaintenanceTaskDetail> {
  const [view] = await presentMaintenanceTasks([task], actor);
  const records = await MaintenanceRecord.findAll({
    where: { maintenanceTaskId: task.id },
    order: [
      ['facilityId', 'ASC'],
      ['facilityIndex', 'ASC'],
      ['lineId', 'ASC'],
    ],
  });
  const faultIds = await faultIdsOfTask(task.id);
  const faults = faultIds.length
    ? await MaintenanceFault.findAll({ where: { id: { [Op.in]: faultIds } }, order: [['id', 'ASC']] })
    : [];
  return {
    ...view!,
    records: await presentMaintenanceRecords(records),
    faults: await presentFaults(faults, { actor }),
  };
}
