import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../../src/accounts/models';
import { Project } from '../../src/projects/models';
import { seedDemoData } from '../../src/demo/seed';
import { seedDemoProjects } from '../../src/demo/seed-projects';
import { beijingToday } from '../../src/core/time';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let admin: string;
let institutionId: number;
const all = async (token: string, query = '') =>
  (await t.request('GET', `/api/projects?pageSize=100${query}`, { token })).body.items as any[];

beforeAll(async () => {
  t = await startTestApp({ demo: false });
  await seedDemoData(t.app, { projects: false });
  await seedDemoProjects(t.app);
  admin = await t.login('jigou01');
  institutionId = (await t.request('GET', '/api/auth/me', { token: admin })).body.institutionId;
});
afterAll(async () => t?.close());

describe('演示项目 (demo project entry)', () => {
  it('loads only once', async () => {
    const count = await Project.count();
    expect(await seedDemoData(t.app, { projects: true })).toBe(false);
    expect(await Project.count()).toBe(count);
  });

  it('gives the institution admin a testing project and a maintenance contract with two projects', async () => {
    const projects = await all(admin);
    expect(projects.length).toBeGreaterThanOrEqual(3);
    expect(projects.every((p) => p.institutionId === institutionId)).toBe(true);
    const testing = projects.filter((p) => p.kind === 'testing');
    const maintenance = projects.filter((p) => p.kind === 'maintenance');
    expect(testing).toHaveLength(1);
    expect(maintenance).toHaveLength(2);
    expect(new Set(maintenance.map((p) => p.contractId)).size).toBe(1);
    // one project is left for the admin to complete, as in the manual's list
    const bare = projects.filter((p) => !p.buildingsAdded && !p.geofenceMarked);
    expect(bare.map((p) => [p.buildingsAddedLabel, p.geofenceMarkedLabel])).toEqual([['未添加', '去标注']]);

    const detail = (await t.request('GET', `/api/projects/${testing[0].id}`, { token: admin })).body;
    expect(detail).toMatchObject({ testingType: 'annual', status: 'in_progress', geofenceMarked: true });
    // dated from the day the demo is loaded: its contract period includes today, whatever day that is
    const today = beijingToday();
    expect(detail.contractStart.slice(0, 10) <= today && today <= detail.contractEnd.slice(0, 10)).toBe(true);
    expect(detail.registryProject).not.toBeNull();
    expect(detail.socialUnit).not.toBeNull();
    expect(detail.scope.length).toBeGreaterThanOrEqual(5);
    expect(detail.scope.length).toBeLessThanOrEqual(8);
    expect(detail.contact.mobile).toMatch(/^1[3-9]\d{9}$/);
    const pdf = await t.request('GET', detail.attachments[0].url, { token: admin });
    expect(pdf.status).toBe(200);
    expect(pdf.buffer!.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
  });

  it('enters buildings with consistent areas, fire systems and a Beijing geofence for a maintenance project', async () => {
    const marked = (await all(admin, '&kind=maintenance')).find((p) => p.geofenceMarked)!;
    const detail = (await t.request('GET', `/api/projects/${marked.id}`, { token: admin })).body;
    expect(detail.firstMonth <= detail.lastMonth).toBe(true);
    expect(detail.firstMonth >= detail.contractStart.slice(0, 7)).toBe(true);
    expect(detail.lastMonth <= detail.contractEnd.slice(0, 7)).toBe(true);
    expect(detail.geofence.lng).toBeGreaterThan(115.4);
    expect(detail.geofence.lng).toBeLessThan(117.5);
    expect(detail.geofence.lat).toBeGreaterThan(39.4);
    expect(detail.geofence.lat).toBeLessThan(41.1);
    const buildings = (await t.request('GET', `/api/projects/${marked.id}/buildings`, { token: admin })).body;
    const list = buildings.items ?? buildings.buildings;
    expect(list.length).toBeGreaterThanOrEqual(1);
    for (const b of list) expect(b.totalArea).toBeCloseTo(b.aboveGroundArea + b.belowGroundArea, 6);
    expect(list.some((b: any) => b.waterSupplies.length > 0)).toBe(true);
    const systems = (await t.request('GET', `/api/projects/${marked.id}/fire-systems`, { token: admin }))
      .body;
    expect(systems.added).toBe(true);
  });

  it('shows coverage above zero for the demo institution and varied rates to the brigade', async () => {
    const mine = (await t.request('GET', `/api/institutions/${institutionId}/coverage`, { token: admin }))
      .body;
    expect(mine.linked).toBeGreaterThan(0);
    expect(mine.rate).toBeGreaterThan(0);
    const brigade = await t.login('zongdui');
    const coverage = (await t.request('GET', '/api/coverage', { token: brigade })).body.items as any[];
    const linkedRates = new Set(coverage.filter((c) => c.linked > 0).map((c) => c.rate));
    expect(linkedRates.size).toBeGreaterThanOrEqual(3);
  });

  it('shows xiangmu01 exactly the projects they lead; the technical lead leads none', async () => {
    const lead = (await Account.findOne({ where: { accountName: 'xiangmu01' } }))!;
    const technicalLead = (await Account.findOne({ where: { accountName: 'jishu01' } }))!;
    const institutionProjects = await all(admin);
    const led = institutionProjects.filter((p) => p.projectLeadAccountId === lead.id).map((p) => p.id);
    expect(led.length).toBeGreaterThan(0);
    expect(led.length).toBeLessThan(institutionProjects.length);
    const seen = (await all(await t.login('xiangmu01'))).map((p) => p.id);
    expect(seen.sort()).toEqual(led.sort());
    expect(institutionProjects.filter((p) => p.projectLeadAccountId === technicalLead.id)).toEqual([]);
  });

  it('records the entry in the operation log under the demo institution admin', async () => {
    const brigade = await t.login('zongdui');
    const logs = (
      await t.request(
        'GET',
        `/api/operation-logs?entityType=project&institutionId=${institutionId}&pageSize=50`,
        {
          token: brigade,
        },
      )
    ).body.items as any[];
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.every((l) => String(l.actorName).includes('jigou01'))).toBe(true);
  });
});

describe('首页数量 (home counters)', () => {
  const total = async (token: string, path: string) => {
    const res = await t.request('GET', path, { token });
    expect(res.status, path).toBe(200);
    return res.body.total as number;
  };

  it("counts the brigade's open red flags, noncompliant institutions, pending face profiles and special applications as their lists do", async () => {
    const brigade = await t.login('zongdui');
    await t.request('POST', '/api/compliance/run', { token: brigade });
    const summary = (await t.request('GET', '/api/home/summary', { token: brigade })).body;
    expect(summary).toEqual({
      openRedFlags: await total(brigade, '/api/red-flags?open=true'),
      noncompliantInstitutions: await total(brigade, '/api/institutions?complianceStatus=noncompliant'),
      pendingFaceProfiles: await total(brigade, '/api/face-profiles?status=pending'),
      pendingSpecialApplications: await total(brigade, '/api/special-applications?status=pending'),
    });
    // the demo's three institutions that fail the practice conditions
    expect(summary.noncompliantInstitutions).toBe(3);
    expect(summary.openRedFlags).toBeGreaterThanOrEqual(3);
  });

  it("counts the detachment's own projects, received reports and red flags as its lists do", async () => {
    const detachment = await t.login('dongcheng');
    const summary = (await t.request('GET', '/api/home/summary', { token: detachment })).body;
    expect(summary).toEqual({
      testingProjects: await total(detachment, '/api/projects?kind=testing'),
      maintenanceProjects: await total(detachment, '/api/projects?kind=maintenance'),
      receivedReports: await total(detachment, '/api/reports'),
      openRedFlags: await total(detachment, '/api/red-flags?open=true'),
    });
    // the demo company works for 东城 units, so its projects are the detachment's
    expect(summary.testingProjects + summary.maintenanceProjects).toBeGreaterThan(0);
    const all = await total(await t.login('zongdui'), '/api/projects');
    expect(summary.testingProjects + summary.maintenanceProjects).toBeLessThan(all);
  });

  it("gives caozuo01 this month's 月计划 of xiangmu02's complete maintenance project (接收下发计划)", async () => {
    const operator = await t.login('caozuo01');
    const mine = (await t.request('GET', '/api/operators/me/maintenance-assignments', { token: operator }))
      .body.items as any[];
    expect(mine.length).toBeGreaterThan(0);
    const marked = (await all(admin, '&kind=maintenance')).find((p) => p.geofenceMarked)!;
    expect(mine.every((a) => a.projectId === marked.id && a.kind === 'month')).toBe(true);
    expect(marked.projectLeadName).toBe(
      (await Account.findOne({ where: { accountName: 'xiangmu02' } }))!.displayName,
    );
    const plan = await t.request('GET', `/api/maintenance-plans/${mine[0].planId}`, { token: operator });
    expect(plan.status).toBe(200);
    expect(plan.body.facilities.some((f: any) => f.lines.length > 0)).toBe(true);
  });
});
