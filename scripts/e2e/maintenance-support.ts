// Shared pieces of the 维保 (maintenance) browser tests: the project as the institution admin enters it (contract,
// project, building, fire systems, location) and this month's plan as the lead makes and dispatches it, like
// testing-support.ts for 检测.
import { apiCall, type ApiSession } from './admin-support';
import { projectParties, projectSite } from './h5-support';
import { addBuilding, fence } from './testing-support';

/** Today's month in Beijing and `n` months from it, as YYYY-MM. */
export function beijingMonth(n = 0): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** The last day of a YYYY-MM month, as YYYY-MM-DD. */
export function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

export interface MaintenanceProjectOptions {
  siteName: string;
  clientName: string;
  /** The project's fire systems (catalog facility ids). */
  facilityIds: string[];
  /** The maintenance months; by default from two months ago to nine months ahead (Beijing). */
  firstMonth?: string;
  lastMonth?: string;
  /** The contract's signing date; by default the first day of `firstMonth`. */
  signedOn?: string;
}

/**
 * As the institution admin (API): a maintenance contract and its project in 东城 led by xiangmu01, complete enough
 * for the lead to dispatch a plan (如果填写不完整，无法下发维保计划): the fire systems, one building (主楼) and the
 * location (`fence`, WGS-84, 300 m).
 */
export async function createMaintenanceProject(
  baseURL: string,
  admin: ApiSession,
  {
    siteName,
    clientName,
    facilityIds,
    firstMonth = beijingMonth(-2),
    lastMonth = beijingMonth(9),
    signedOn = `${firstMonth}-01`,
  }: MaintenanceProjectOptions,
): Promise<number> {
  const { fileId, clientId, contactId } = await projectParties(baseURL, admin, clientName, '维保范围页.pdf');
  const contract = await apiCall<{ id: number }>(baseURL, admin, 'POST', '/maintenance-contracts', {
    clientId,
    contactId,
    signedOn,
    contractStart: `${firstMonth}-01`,
    contractEnd: lastDay(lastMonth),
    attachments: [{ fileId, kind: 'maintenance_scope' }],
  });
  const project = await apiCall<{ id: number }>(baseURL, admin, 'POST', '/maintenance-projects', {
    contractId: contract.id,
    siteName,
    ...(await projectSite(baseURL, admin)),
    firstMonth,
    lastMonth,
    maintenanceCount: 12,
  });
  await apiCall(baseURL, admin, 'PUT', `/projects/${project.id}/fire-systems`, { facilityIds });
  await addBuilding(baseURL, admin, project.id);
  await apiCall(baseURL, admin, 'PUT', `/projects/${project.id}/geofence`, {
    ...fence,
    radius: 300,
    crs: 'WGS84',
  });
  return project.id;
}

/**
 * As the lead (API; the H5 dispatch is h5-lead-maintenance-plan.test.ts): the month's 月计划 of the project, its
 * `facilityIds` dispatched to the operators. Returns the plan's id.
 */
export async function dispatchMonthPlan(
  baseURL: string,
  lead: ApiSession,
  projectId: number,
  plan: { month: string; facilityIds: string[]; operatorAccountIds: number[] },
): Promise<number> {
  const created = await apiCall<{ id: number }>(
    baseURL,
    lead,
    'POST',
    `/projects/${projectId}/maintenance-plans`,
    { kind: 'month', month: plan.month },
  );
  await apiCall(baseURL, lead, 'POST', `/maintenance-plans/${created.id}/assignments`, {
    facilityIds: plan.facilityIds,
    operatorAccountIds: plan.operatorAccountIds,
  });
  return created.id;
}
