import { afterAll, beforeAll, describe, it } from 'vitest';
import { demoFacePhoto } from '../../src/demo/seed';
import { firstMonth, lastMonth, maintenanceProject } from '../maintenance-plans/fixtures';
import { projectWorld, type ProjectWorld } from '../projects/fixtures';
import { fileForm } from '../support/forms';
import { ACTORS, expectPolicyRow, policyActors, type ActorName } from '../support/policy-actors';
import { startTestApp, testDialect, type TestApp } from '../support/test-app';

/**
 * The files' policy table through HTTP (files/policies.ts): anyone signed in uploads; a file is read by its
 * owner, its institution and the brigade, and by a detachment only as a contract attachment of a project
 * under its jurisdiction.
 */
let t: TestApp;
let w: ProjectWorld;
let who: Record<ActorName, string>;
let photoId: number;
let attachmentId: number;

beforeAll(async () => {
  t = await startTestApp();
  w = await projectWorld(t);
  who = await policyActors(t, w);
  const photo = await t.request('POST', '/api/files', {
    token: who.operator,
    form: fileForm(await demoFacePhoto(), 'site.jpg'),
    headers: { 'Idempotency-Key': 'policy-table-photo-1' },
  });
  photoId = photo.body.id;
  ({ contractFileId: attachmentId } = await maintenanceProject(t, w, '文件权限表大厦', {
    firstMonth,
    lastMonth,
  }));
}, 240_000);
afterAll(async () => t?.close());

describe(`file policies, actor by actor (${testDialect})`, () => {
  it('上传文件（空表单）: everyone signed in allowed', () =>
    expectPolicyRow(t, who, {
      call: '上传文件',
      method: 'POST',
      path: () => '/api/files',
      body: {},
      allowed: ACTORS,
    }));

  it('读取现场照片: the owner, its institution and the brigade; no detachment, no other institution', () =>
    expectPolicyRow(t, who, {
      call: '读取现场照片',
      method: 'GET',
      path: () => `/api/files/${photoId}`,
      allowed: ['brigade', 'adminOwn', 'technicalLead', 'leadOf', 'leadNot', 'operator'],
    }));

  it('读取合同附件: the detachment of the project’s jurisdiction too, not another detachment', () =>
    expectPolicyRow(t, who, {
      call: '读取合同附件',
      method: 'GET',
      path: () => `/api/files/${attachmentId}`,
      allowed: ['brigade', 'detachmentOwn', 'adminOwn', 'technicalLead', 'leadOf', 'leadNot'],
    }));
});
