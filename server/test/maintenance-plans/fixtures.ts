import { expect } from 'vitest';
import { addMonths, beijingMonthOf, lastDayOfMonth, monthsInclusive } from '@xf/domain';
import type { TestApp } from '../support/test-app';
import {
  created,
  createClientWithContact,
  plainBuilding,
  uploadPdf,
  type ProjectWorld,
} from '../projects/fixtures';

/** Real today: maintenance months run from two months ago to nine months ahead (12 months). */
export const current = beijingMonthOf(new Date());
export const firstMonth = addMonths(current, -2);
export const lastMonth = addMonths(current, 9);
/** 报警控制器 (month+quarter lines), 消防联动控制器 (…+year line), 火灾显示盘 (quarter line only). */
export const FACILITIES = ['M.02.1.01', 'M.02.1.05', 'M.02.2.01'];

/**
 * A maintenance project of the demo institution in 东城 led by xiangmu01, with its fire systems chosen and, unless
 * `complete` is false, a building and a marked location (without them no plan is dispatched).
 */
export async function maintenanceProject(
  t: TestApp,
  w: ProjectWorld,
  siteName: string,
  months: { firstMonth: string; lastMonth: string },
  complete = true,
) {
  const parties = await createClientWithContact(t, w.admin, `${siteName}物业`);
  const fileId = await uploadPdf(t, w.admin);
  const contract = await t.request('POST', '/api/maintenance-contracts', {
    token: w.admin,
    body: {
      ...parties,
      signedOn: `${firstMonth}-01`,
      contractStart: `${firstMonth}-01`,
      contractEnd: lastDayOfMonth(lastMonth),
      attachments: [{ fileId, kind: 'maintenance_scope' }],
    },
  });
  expect(contract.status).toBe(201);
  const p = await t.request('POST', '/api/maintenance-projects', {
    token: w.admin,
    body: {
      contractId: contract.body.id,
      siteName,
      siteUscc: 'NULL',
      detachmentId: w.dongcheng.id,
      district: '东城区',
      address: '东城区东直门南大街1号',
      projectLeadAccountId: w.leadId,
      ...months,
      maintenanceCount: monthsInclusive(months.firstMonth, months.lastMonth),
    },
  });
  if (p.status !== 201) throw new Error(JSON.stringify(p.body));
  const fs = await t.request('PUT', `/api/projects/${p.body.id}/fire-systems`, {
    token: w.admin,
    body: { facilityIds: FACILITIES },
  });
  expect(fs.status).toBe(200);
  if (complete) await completeMaintenanceProject(t, w, p.body.id);
  return { projectId: p.body.id as number, contractFileId: fileId };
}

/** 添加建筑物 and 标注项目位置: without them a plan is not dispatched (如果填写不完整，无法下发维保计划). */
export async function completeMaintenanceProject(
  t: TestApp,
  w: ProjectWorld,
  id: number,
  parts: ('building' | 'geofence')[] = ['building', 'geofence'],
) {
  if (parts.includes('building'))
    await created(t, w.admin, `/api/projects/${id}/buildings`, plainBuilding('1号楼'));
  if (parts.includes('geofence')) {
    const fence = await t.request('PUT', `/api/projects/${id}/geofence`, {
      token: w.admin,
      body: { lng: 116.434, lat: 39.934, crs: 'GCJ02', radius: 300 },
    });
    expect(fence.status).toBe(200);
  }
}
