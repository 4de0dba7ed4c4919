import { describe, expect, it } from 'vitest';
import { Project } from '../../src/projects/models';
import type { TestApp } from '../support/test-app';
import {
  contractBody,
  createClientWithContact,
  created,
  maintenanceBody,
  projectSuite,
} from '../projects/fixtures';
import type { Parties, ProjectWorld } from '../projects/fixtures';

let t: TestApp, w: ProjectWorld, parties: Parties, fileId: number;
projectSuite('平安里物业管理公司', (s) => ({ t, w, parties, fileId } = s));
let contractId: number;

describe('maintenance contracts (维保合同)', () => {
  it("needs a 维保范围页 and this institution's client; otherwise stores the contract", async () => {
    const noScope = await t.request('POST', '/api/maintenance-contracts', {
      token: w.admin,
      body: contractBody(parties, fileId, { attachments: [{ fileId, kind: 'other' }] }),
    });
    expect(noScope.status).toBe(400);
    expect(noScope.body.error.message).toContain('维保范围页');
    const foreign = await createClientWithContact(t, w.otherAdmin, '他人的甲方单位');
    const wrongClient = await t.request('POST', '/api/maintenance-contracts', {
      token: w.admin,
      body: contractBody(parties, fileId, foreign),
    });
    expect(wrongClient.status).toBe(400);
    expect(wrongClient.body.error.field).toBe('clientId');
    const ok = await t.request('POST', '/api/maintenance-contracts', {
      token: w.admin,
      body: contractBody(parties, fileId),
    });
    expect(ok.status).toBe(201);
    expect(ok.body.clientName).toBe('平安里物业管理公司');
    contractId = ok.body.id;
    const other = await t.request('GET', `/api/maintenance-contracts/${contractId}`, { token: w.otherAdmin });
    expect(other.status).toBe(403);
  });

  it("a contract edit must keep running projects' months inside it, and passes the new dates on", async () => {
    const project = await created(t, w.admin, '/api/maintenance-projects', maintenanceBody(w, contractId));
    const projectId = project.id;
    await created(
      t,
      w.admin,
      '/api/maintenance-projects',
      maintenanceBody(w, contractId, { siteName: '平安里二期', firstMonth: '2021-05', lastMonth: '2022-04' }),
    );
    const shrink = await t.request('PUT', `/api/maintenance-contracts/${contractId}`, {
      token: w.admin,
      body: contractBody(parties, fileId, { contractEnd: '2022-01-31' }),
    });
    expect(shrink.status).toBe(400);
    expect(shrink.body.error.field).toBe('contractEnd');
    expect(shrink.body.error.message).toContain('平安里');
    const extend = await t.request('PUT', `/api/maintenance-contracts/${contractId}`, {
      token: w.admin,
      body: contractBody(parties, fileId, { contractEnd: '2022-05-31' }),
    });
    expect(extend.status).toBe(200);
    expect((await Project.findByPk(projectId))!.contractEnd).toBe('2022-05-31');
    const detail = await t.request('GET', `/api/maintenance-contracts/${contractId}`, { token: w.admin });
    expect(detail.body.projects).toHaveLength(2);
  });

  it('another institution can neither read nor change the contract, nor find it in its list', async () => {
    const before = (await t.request('GET', `/api/maintenance-contracts/${contractId}`, { token: w.admin }))
      .body;
    for (const [method, path, body] of [
      ['GET', `/api/maintenance-contracts/${contractId}`],
      [
        'PUT',
        `/api/maintenance-contracts/${contractId}`,
        contractBody(parties, fileId, { contractEnd: '2022-06-30' }),
      ],
    ] as const) {
      const res = await t.request(method, path, { token: w.otherAdmin, body });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    const list = await t.request('GET', '/api/maintenance-contracts', { token: w.otherAdmin });
    expect(list.body.items.map((c: any) => c.id)).not.toContain(contractId);
    const after = (await t.request('GET', `/api/maintenance-contracts/${contractId}`, { token: w.admin }))
      .body;
    expect(after.contractEnd).toBe(before.contractEnd);
  });
});
