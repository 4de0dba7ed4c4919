import {
  faultTaskKindLabels,
  maintenanceFaultMachine,
  maintenanceFaultStatusLabels,
  maintenanceFaultTaskStatusLabels,
  type FaultEventView,
  type FaultTaskView,
  type MaintenanceFaultView,
} from '@xf/domain';
import { Op } from 'sequelize';
import type { Actor } from '../core/actor';
import { Account } from '../accounts/models';
import { catalogIndex } from '../maintenance-records/catalog';
import { Project } from '../projects/models';
import { byId } from '../site-requests/present';
import { workflowAbilities } from '../site-requests/abilities';
import { MaintenanceFault, MaintenanceFaultEvent, MaintenanceFaultTask } from './models';

const person = (accounts: Map<number, Account>, id: number) => {
  const a = accounts.get(id);
  return { id, accountName: a?.accountName ?? '', displayName: a?.displayName ?? '' };
};

/** 2022年04月08日 18:07:43, Beijing time, as the report prints a timeline row. */
export function beijingLabel(d: Date) {
  const s = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return `${s.slice(0, 4)}年${s.slice(5, 7)}月${s.slice(8, 10)}日 ${s.slice(11, 19)}`;
}

async function accountsOf(ids: Iterable<number | null>) {
  const list = [...new Set([...ids].filter((id): id is number => id !== null))];
  return list.length ? byId(await Account.findAll({ where: { id: list } })) : new Map<number, Account>();
}

export async function presentFaultTasks(
  rows: MaintenanceFaultTask[],
  actor?: Actor,
): Promise<FaultTaskView[]> {
  if (!rows.length) return [];
  const faults = byId(
    await MaintenanceFault.findAll({ where: { id: [...new Set(rows.map((r) => r.faultId))] } }),
  );
  const projects = byId(await Project.findAll({ where: { id: [...new Set(rows.map((r) => r.projectId))] } }));
  const accounts = await accountsOf(rows.flatMap((r) => [r.operatorAccountId, r.dispatchedBy]));
  return Promise.all(
    rows.map(async (t) => {
      const fault = faults.get(t.faultId)!;
      const project = projects.get(t.projectId)!;
      const index = await catalogIndex(project.editionId);
      const line = index.lines.get(fault.lineId);
      return {
        id: t.id,
        faultId: t.faultId,
        projectId: t.projectId,
        siteName: project.siteName,
        address: project.address,
        kind: t.kind,
        kindLabel: faultTaskKindLabels[t.kind],
        status: t.status,
        statusLabel: maintenanceFaultTaskStatusLabels[t.status],
        operator: person(accounts, t.operatorAccountId),
        dispatchedBy: person(accounts, t.dispatchedBy),
        dispatchedAt: t.dispatchedAt.toISOString(),
        note: t.note,
        facilityName: line?.facility.name ?? fault.facilityId,
        facilityIndex: fault.facilityIndex,
        facilityLocation: fault.facilityLocation,
        systemName: line?.system.name ?? '',
        lineText: line ? `${line.line.letter}. ${line.line.text}` : fault.lineId,
        description: fault.description,
        completedAt: t.completedAt?.toISOString() ?? null,
        resultNote: t.resultNote,
        resultPhotoUrls: t.resultPhotoFileIds.map((id) => `/api/files/${id}`),
        ...(actor
          ? { abilities: { complete: t.status === 'assigned' && t.operatorAccountId === actor.id } }
          : {}),
      };
    }),
  );
}

/**
 * Faults with their timelines and 排查/维修 tasks. With `asOf`, the state and the timeline are those of that
 * instant (rows after it are left out): the monthly report's view of a past month.
 */
export async function presentFaults(
  faults: MaintenanceFault[],
  options: { actor?: Actor; asOf?: Date } = {},
): Promise<MaintenanceFaultView[]> {
  if (!faults.length) return [];
  const ids = faults.map((f) => f.id);
  const asOf = options.asOf;
  const [events, tasks, projects] = await Promise.all([
    MaintenanceFaultEvent.findAll({
      where: { faultId: ids, ...(asOf ? { at: { [Op.lte]: asOf } } : {}) },
      order: [
        ['at', 'ASC'],
        ['id', 'ASC'],
      ],
    }),
    MaintenanceFaultTask.findAll({
      where: { faultId: ids, ...(asOf ? { dispatchedAt: { [Op.lte]: asOf } } : {}) },
      order: [['id', 'ASC']],
    }),
    Project.findAll({ where: { id: [...new Set(faults.map((f) => f.projectId))] } }).then(byId),
  ]);
  const accounts = await accountsOf(events.map((e) => e.actorAccountId));
  const taskViews = await presentFaultTasks(tasks);
  return Promise.all(
    faults.map(async (f) => {
      const project = projects.get(f.projectId)!;
      const index = await catalogIndex(project.editionId);
      const line = index.lines.get(f.lineId);
      const timeline: FaultEventView[] = events
        .filter((e) => e.faultId === f.id)
        .map((e) => ({
          id: e.id,
          at: e.at.toISOString(),
          atLabel: beijingLabel(e.at),
          kind: e.kind,
          status: e.status,
          text: e.text,
          note: e.note,
          actor: e.actorAccountId === null ? null : person(accounts, e.actorAccountId),
          faultTaskId: e.faultTaskId,
        }));
      const status = asOf ? (timeline.at(-1)?.status ?? 'pending') : f.status;
      const resolvedAt = asOf && f.resolvedAt && f.resolvedAt > asOf ? null : f.resolvedAt;
      const view: MaintenanceFaultView = {
        id: f.id,
        projectId: f.projectId,
        siteName: project.siteName,
        systemId: f.systemId,
        systemName: line?.system.name ?? '',
        facilityId: f.facilityId,
        facilityName: line?.facility.name ?? f.facilityId,
        facilityIndex: f.facilityIndex,
        facilityLocation: f.facilityLocation,
        lineId: f.lineId,
        lineLetter: line?.line.letter ?? '',
        lineText: line?.line.text ?? '',
        description: f.description,
        note: f.note,
        status,
        statusLabel: maintenanceFaultStatusLabels[status],
        detectedAt: f.detectedAt.toISOString(),
        resolvedAt: resolvedAt?.toISOString() ?? null,
        firstMaintenanceTaskId: f.firstMaintenanceTaskId,
        latestMaintenanceTaskId: f.latestMaintenanceTaskId,
        handled: status !== 'pending',
        timeline,
        tasks: taskViews.filter((t) => t.faultId === f.id),
      };
      if (options.actor)
        view.abilities = await workflowAbilities(
          options.actor,
          'maintenance_fault',
          { fault: f, project },
          maintenanceFaultMachine,
          f.status,
          ['negotiate', 'troubleshoot', 'repair', 'resolve'],
        );
      return view;
    }),
  );
}
