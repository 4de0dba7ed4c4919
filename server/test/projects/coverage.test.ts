import { describe, expect, it } from 'vitest';
import { Op } from 'sequelize';
import { Institution } from '../../src/institutions/models';
import { RegistryProject } from '../../src/registries/models';
import type { TestApp } from '../support/test-app';
import { projectSuite, testingBody, type Parties, type ProjectWorld } from './fixtures';

let t: TestApp, w: ProjectWorld, parties: Parties, fileId: number;
projectSuite('覆盖率测试甲方', (s) => ({ t, w, parties, fileId } = s));

const coverage = async (token: string, id = w.institutionId) =>
  t.request('GET', `/api/institutions/${id}/coverage`, { token });

describe('在线执业覆盖率 (coverage)', () => {
  it("counts the institution's registry projects linked to projects here, by kind, listing the rest", async () => {
    const registry = await RegistryProject.findAll({
      where: { institutionId: w.institutionId, inRegistry: true },
    });
    const testing = registry.filter((r) => r.kind === 'testing');
    const maintenance = registry.filter((r) => r.kind === 'maintenance');
    expect(testing.length).toBeGreaterThan(1);
    expect(maintenance.length).toBeGreaterThan(0);

    const before = await coverage(w.admin);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ total: registry.length, linked: 0, rate: 0 });
    expect(before.body.unlinked).toHaveLength(registry.length);

    const linkedTesting = await t.request('POST', '/api/testing-projects', {
      token: w.admin,
      body: testingBody(w, parties, fileId, { registryProjectId: testing[0]!.id }),
    });
    expect(linkedTesting.status).toBe(201);
    const contract = await t.request('POST', '/api/maintenance-contracts', {
      token: w.admin,
      body: {
        ...parties,
        signedOn: maintenance[0]!.startDate,
        contractStart: maintenance[0]!.startDate,
        contractEnd: maintenance[0]!.endDate,
        attachments: [{ fileId, kind: 'maintenance_scope' }],
      },
    });
    const first = maintenance[0]!.startDate.slice(0, 7);
    const linkedMaintenance = await t.request('POST', '/api/maintenance-projects', {
      token: w.admin,
      body: {
        contractId: contract.body.id,
        siteName: maintenance[0]!.socialUnitName,
        registryProjectId: maintenance[0]!.id,
        siteUscc: 'NULL',
        detachmentId: w.dongcheng.id,
        district: '东城区',
        address: '东城区某街1号',
        projectLeadAccountId: w.leadId,
        firstMonth: first,
        lastMonth: first,
        maintenanceCount: 1,
      },
    });
    expect(linkedMaintenance.status).toBe(201);

    const after = (await coverage(w.admin)).body;
    expect(after.linked).toBe(2);
    expect(after.rate).toBeCloseTo(2 / registry.length, 4);
    expect(after.byKind.testing).toMatchObject({ total: testing.length, linked: 1 });
    expect(after.byKind.maintenance).toMatchObject({ total: maintenance.length, linked: 1 });
    const unlinkedIds = after.unlinked.map((u: any) => u.id);
    expect(unlinkedIds).not.toContain(testing[0]!.id);
    expect(unlinkedIds).not.toContain(maintenance[0]!.id);
    expect(unlinkedIds).toHaveLength(registry.length - 2);

    // A cancelled (注销) project withdraws its link; the registry project is free to link again.
    await t.request('POST', `/api/projects/${linkedTesting.body.id}/cancel`, {
      token: w.admin,
      body: { reason: '录入错误' },
    });
    const cancelled = (await coverage(w.admin)).body;
    expect(cancelled.linked).toBe(1);
    expect(cancelled.byKind.testing.linked).toBe(0);
    const relinked = await t.request('POST', '/api/testing-projects', {
      token: w.admin,
      body: testingBody(w, parties, fileId, { registryProjectId: testing[0]!.id }),
    });
    expect(relinked.status).toBe(201);
    expect((await coverage(w.admin)).body.linked).toBe(2);
  });

  it('the brigade sees every institution; others see only what they may', async () => {
    const all = await t.request('GET', '/api/coverage?pageSize=200', { token: w.brigade });
    expect(all.status).toBe(200);
    const institutions = await RegistryProject.count({
      where: { institutionId: { [Op.ne]: null } },
      distinct: true,
      col: 'institutionId',
    });
    expect(all.body.items.length).toBeGreaterThanOrEqual(institutions);
    const mine = all.body.items.find((i: any) => i.institutionId === w.institutionId);
    expect(mine).toMatchObject({ linked: 2 });
    expect(mine.unlinkedCount).toBe(mine.total - 2);
    expect(all.body.summary.linked).toBe(2);
    expect(all.body.summary.total).toBe(
      await RegistryProject.count({ where: { inRegistry: true, institutionId: { [Op.ne]: null } } }),
    );

    expect((await coverage(w.brigade, w.otherInstitutionId)).status).toBe(200);
    expect((await coverage(w.otherAdmin)).status).toBe(403);
    expect((await t.request('GET', '/api/coverage', { token: w.admin })).status).toBe(403);
    expect((await coverage(w.projectLead)).status).toBe(403);
    // The demo company works for 东城 units, so the 东城支队 sees it.
    expect((await coverage(w.detachment)).status).toBe(200);
  });

  it('pages the institutions like the other lists; the summary counts every institution the search matches', async () => {
    const list = async (query: string, token = w.brigade) =>
      t.request('GET', `/api/coverage?${query}`, { token });
    const all = (await list('pageSize=200')).body;
    expect(all.total).toBe(await Institution.count());
    expect(all.items).toHaveLength(all.total);
    expect(all).toMatchObject({ page: 1, pageSize: 200 });
    // The default page is the first 20, in id order, each row as in the full list.
    const first = (await list('')).body;
    expect(first).toMatchObject({ page: 1, pageSize: 20, total: all.total, summary: all.summary });
    expect(first.items).toEqual(all.items.slice(0, 20));
    const second = (await list('page=2&pageSize=1')).body;
    expect(second.items).toEqual([all.items[1]]);
    expect(second).toMatchObject({ total: all.total, summary: all.summary });
    expect((await list(`page=${all.total + 1}&pageSize=1`)).body).toMatchObject({
      items: [],
      total: all.total,
      summary: all.summary,
    });

    // A search narrows the rows, the total and the summary alike.
    const mine = all.items.find((i: any) => i.institutionId === w.institutionId);
    const named = (await list(`name=${encodeURIComponent(mine.institutionName)}&pageSize=1`)).body;
    const matching = all.items.filter((i: any) => i.institutionName.includes(mine.institutionName));
    expect(named.total).toBe(matching.length);
    expect(named.items).toEqual(matching.slice(0, 1));
    const total = matching.reduce((n: number, i: any) => n + i.total, 0);
    const linked = matching.reduce((n: number, i: any) => n + i.linked, 0);
    expect(named.summary).toEqual({ total, linked, rate: Math.round((linked / total) * 10_000) / 10_000 });
    expect((await list('name=没有这样的机构')).body).toMatchObject({
      items: [],
      total: 0,
      summary: { total: 0, linked: 0, rate: null },
    });

    // A detachment pages only the institutions of its jurisdiction.
    const own = (await list('pageSize=200', w.detachment)).body;
    expect(own.total).toBe(own.items.length);
    expect(own.items.map((i: any) => i.institutionId)).toContain(w.institutionId);
    expect(own.summary.total).toBe(own.items.reduce((n: number, i: any) => n + i.total, 0));

    const bad = await list('pageSize=1000');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('每页条数');
  });
});
