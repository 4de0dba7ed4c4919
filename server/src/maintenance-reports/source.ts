import {
  maintenanceFaultStatusLabels,
  type MaintenanceFaultInput,
  type MaintenanceFaultStatus,
  type MaintenanceRecordInput,
  type ReportPlanState,
  type ReportTaskState,
  type StandardEdition,
} from '@xf/domain';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

/**
 * What the monthly report reads of the maintenance work (tables of migration 0016, owned by the maintenance
 * tasks, records and faults features; read here with SQL as testing-reports/assemble.ts reads testing records).
 */
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

interface TaskRow {
  id: number;
  planId: number;
  status: string;
  assignmentIds: unknown;
  submittedAt: unknown;
  operatorName: string | null;
}

/**
 * The month's dispatched plans with how far their facilities got, and their submitted tasks with the time they
 * were first submitted (a correction after a rejection keeps the task's place in its month).
 */
export async function readMonthWork(
  sequelize: Sequelize,
  projectId: number,
  month: string,
  transaction?: Transaction,
): Promise<{ plans: ReportPlanState[]; tasks: (ReportTaskState & { id: number; approved: boolean })[] }> {
  const plans = await sequelize.query<{ id: number; kind: string; month: string }>(
    `SELECT id, kind, month FROM maintenance_plans
      WHERE projectId = :projectId AND month = :month AND status = 'distributed' ORDER BY id`,
    { replacements: { projectId, month }, type: QueryTypes.SELECT, transaction },
  );
  if (plans.length === 0) return { plans: [], tasks: [] };
  const planIds = plans.map((p) => Number(p.id));
  const [assignments, tasks] = await Promise.all([
    sequelize.query<{ id: number; planId: number }>(
      'SELECT id, planId FROM maintenance_plan_assignments WHERE planId IN (:planIds)',
      { replacements: { planIds }, type: QueryTypes.SELECT, transaction },
    ),
    sequelize.query<TaskRow>(
      `SELECT t.id, t.planId, t.status, t.assignmentIds, t.firstSubmittedAt AS submittedAt, a.displayName AS operatorName
         FROM maintenance_tasks t LEFT JOIN accounts a ON a.id = t.operatorAccountId
        WHERE t.planId IN (:planIds) ORDER BY t.id`,
      { replacements: { planIds }, type: QueryTypes.SELECT, transaction },
    ),
  ]);
  const submitted = new Set<number>();
  const approved = new Set<number>();
  for (const t of tasks) {
    const ids = json<number[]>(t.assignmentIds).map(Number);
    if (t.status === 'submitted' || t.status === 'approved') ids.forEach((i) => submitted.add(i));
    if (t.status === 'approved') ids.forEach((i) => approved.add(i));
  }
  const kindLabel: Record<string, string> = { month: '月计划', quarter: '季计划', year: '年计划' };
  return {
    plans: plans.map((p) => {
      const own = assignments.filter((a) => Number(a.planId) === Number(p.id)).map((a) => Number(a.id));
      return {
        name: `${p.month.slice(0, 4)}年${Number(p.month.slice(5, 7))}月${kindLabel[p.kind] ?? '计划'}`,
        dispatched: own.length,
        submitted: own.filter((i) => submitted.has(i)).length,
        approved: own.filter((i) => approved.has(i)).length,
      };
    }),
    tasks: tasks
      .filter((t) => t.submittedAt)
      .map((t) => ({
        id: Number(t.id),
        name: `${t.operatorName ?? '操作员'}的维保任务（编号${t.id}）`,
        submittedAt: iso(t.submittedAt)!,
        approved: t.status === 'approved',
      })),
  };
}

/** Where a catalog id sits: system, facility and content line. */
export function catalogIndex(edition: Pick<StandardEdition, 'maintenance'>) {
  const facility = new Map<string, { systemId: string; name: string }>();
  const line = new Map<string, string>();
  for (const s of edition.maintenance)
    for (const c of s.categories)
      for (const f of c.facilities) {
        facility.set(f.id, { systemId: s.id, name: f.name });
        for (const l of f.lines) line.set(l.id, `${l.letter}. ${l.text}`);
      }
  return { facility, line };
}

/** The line results of the month's approved tasks, with the "+" texts and photos. */
export async function readMonthRecords(
  sequelize: Sequelize,
  taskIds: number[],
  edition: Pick<StandardEdition, 'maintenance'>,
): Promise<MaintenanceRecordInput[]> {
  if (taskIds.length === 0) return [];
  const { facility } = catalogIndex(edition);
  const [rows, files] = await Promise.all([
    sequelize.query<{
      id: number;
      facilityId: string;
      facilityIndex: number;
      facilityLocation: string;
      conformity: string;
      note: string | null;
      operatorName: string | null;
    }>(
      `SELECT r.id, r.facilityId, r.facilityIndex, r.facilityLocation, r.conformity, r.note,
              a.displayName AS operatorName
         FROM maintenance_records r LEFT JOIN accounts a ON a.id = r.operatorAccountId
        WHERE r.maintenanceTaskId IN (:taskIds)
        ORDER BY r.facilityId, r.facilityIndex, r.lineId, r.id`,
      { replacements: { taskIds }, type: QueryTypes.SELECT },
    ),
    sequelize.query<{ maintenanceRecordId: number; fileId: number }>(
      `SELECT maintenanceRecordId, fileId FROM maintenance_record_files
        WHERE maintenanceTaskId IN (:taskIds) AND role = 'photo' ORDER BY maintenanceRecordId, position`,
      { replacements: { taskIds }, type: QueryTypes.SELECT },
    ),
  ]);
  const photos = new Map<number, number[]>();
  for (const f of files) {
    const list = photos.get(Number(f.maintenanceRecordId)) ?? [];
    list.push(Number(f.fileId));
    photos.set(Number(f.maintenanceRecordId), list);
  }
  return rows.map((r) => {
    const f = facility.get(r.facilityId);
    const n = Number(r.facilityIndex);
    return {
      systemId: f?.systemId ?? '',
      facilityId: `${r.facilityId}#${n}`,
      facilityName: `${f?.name ?? r.facilityId}${n > 1 ? `(${n})` : ''}`,
      location: r.facilityLocation ?? '',
      result:
        r.conformity === 'conforming' || r.conformity === 'nonconforming' ? r.conformity : 'not_applicable',
      note: r.note ?? '',
      photoFileIds: photos.get(Number(r.id)) ?? [],
      operatorName: r.operatorName ?? '',
    };
  });
}

const label = (status: string) => maintenanceFaultStatusLabels[status as MaintenanceFaultStatus] ?? status;

/** Every fault of the project found before the month's end with its timeline; faultInMonth picks the month's. */
export async function readProjectFaults(
  sequelize: Sequelize,
  projectId: number,
  before: Date,
  edition: Pick<StandardEdition, 'maintenance'>,
): Promise<MaintenanceFaultInput[]> {
  const { facility, line } = catalogIndex(edition);
  const faults = await sequelize.query<{
    id: number;
    systemId: string;
    facilityId: string;
    facilityIndex: number;
    facilityLocation: string;
    lineId: string;
    description: string;
    note: string | null;
    status: string;
    detectedAt: unknown;
    resolvedAt: unknown;
  }>(
    `SELECT id, systemId, facilityId, facilityIndex, facilityLocation, lineId, description, note, status,
            detectedAt, resolvedAt
       FROM maintenance_faults WHERE projectId = :projectId AND detectedAt < :before ORDER BY detectedAt, id`,
    { replacements: { projectId, before }, type: QueryTypes.SELECT },
  );
  if (faults.length === 0) return [];
  const events = await sequelize.query<{ faultId: number; at: unknown; text: string; status: string }>(
    'SELECT faultId, at, text, status FROM maintenance_fault_events WHERE faultId IN (:ids) ORDER BY at, id',
    { replacements: { ids: faults.map((f) => Number(f.id)) }, type: QueryTypes.SELECT },
  );
  return faults.map((f) => {
    const n = Number(f.facilityIndex);
    return {
      id: Number(f.id),
      systemId: f.systemId,
      facilityName: `${facility.get(f.facilityId)?.name ?? f.facilityId}${n > 1 ? `(${n})` : ''}`,
      location: f.facilityLocation ?? '',
      lineText: line.get(f.lineId) ?? f.lineId,
      description: [f.description, f.note].filter((x) => x && x.trim()).join('；') || '不符合',
      foundAt: iso(f.detectedAt)!,
      resolvedAt: iso(f.resolvedAt),
      statusLabel: label(f.status),
      events: events
        .filter((e) => Number(e.faultId) === Number(f.id))
        .map((e) => ({ at: iso(e.at)!, text: e.text, statusLabel: label(e.status) })),
    };
  });
}
