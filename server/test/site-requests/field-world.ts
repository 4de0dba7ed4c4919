import gcoord from 'gcoord';
import { expect } from 'vitest';
import { Account } from '../../src/accounts/models';
import { DEMO_PASSWORD, demoFacePhoto } from '../../src/demo/seed';
import { portraitOf } from '../support/faces';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  createAccount,
  createClientWithContact,
  projectWorld,
  testingProjectWithBuildings,
  uploadPdf,
  type ProjectWorld,
} from '../projects/fixtures';

/**
 * The field world of testing tasks and site requests: a testing project with two buildings and a 300 m
 * fence, its plan assigned to caozuo01 (and the first single item to caozuo02 too), the project's lead and
 * another lead of the same institution, both with approved face profiles.
 */

// Project fence centre in GCJ-02 (what the map picker gives), radius 300 m.
export const centre = { lng: 116.4174, lat: 39.9339 };
const [wgsLng, wgsLat] = gcoord.transform([centre.lng, centre.lat], gcoord.GCJ02, gcoord.WGS84) as [
  number,
  number,
];

export type Fix = { lng: number; lat: number; crs: 'GCJ02' | 'WGS84'; accuracy: number; isMock?: boolean };
export const onSiteWgs: Fix = { lng: wgsLng, lat: wgsLat, crs: 'WGS84', accuracy: 15 };
export const onSiteGcj: Fix = { ...centre, crs: 'GCJ02', accuracy: 10 };
// About 1.1 km north of the centre.
export const offSite: Fix = { lng: centre.lng, lat: centre.lat + 0.01, crs: 'GCJ02', accuracy: 10 };

/** Multipart fields plus the live photo; `fixTime` is now unless given (a replay sends the same one). */
export function form(photo: Buffer, fields: Record<string, unknown>) {
  const f = new FormData();
  for (const [k, v] of Object.entries({ fixTime: new Date().toISOString(), ...fields }))
    if (v !== undefined) f.append(k, String(v));
  f.append('photo', new Blob([new Uint8Array(photo)]), 'live.jpg');
  return f;
}

let seq = 0;
export const newKey = () => `task-${Date.now()}-${++seq}`;

export interface FieldWorld {
  t: TestApp;
  w: ProjectWorld;
  projectId: number;
  singles: string[];
  tokens: Record<'lead' | 'otherLead' | 'caozuo01' | 'caozuo02', string>;
  live: Buffer;
  stranger: Buffer;
  createTask(token: string, fields: Record<string, unknown>, photo?: Buffer): ReturnType<TestApp['request']>;
  approve(
    id: number,
    token: string,
    fix: Fix,
    photo?: Buffer,
    reason?: string,
  ): ReturnType<TestApp['request']>;
  pendingCount(): Promise<number>;
}

async function approvedFace(t: TestApp, w: ProjectWorld, token: string) {
  const f = new FormData();
  f.append('photo', new Blob([new Uint8Array(await demoFacePhoto())]), 'face.jpg');
  const up = await t.request('POST', '/api/face-profiles', { token, form: f });
  expect(up.status).toBe(201);
  const ok = await t.request('POST', `/api/face-profiles/${up.body.id}/approve`, { token: w.brigade });
  expect(ok.status).toBe(200);
}

export async function fieldWorld(): Promise<FieldWorld> {
  const t = await startTestApp();
  const w = await projectWorld(t);
  const parties = await createClientWithContact(t, w.admin, '现场申请测试甲方');
  const fileId = await uploadPdf(t, w.admin);
  const projectId = await testingProjectWithBuildings(t, w, parties, fileId, '现场申请测试大厦', [
    '主楼',
    '裙楼',
  ]);
  const fence = await t.request('PUT', `/api/projects/${projectId}/geofence`, {
    token: w.admin,
    body: { ...centre, crs: 'GCJ02', radius: 300 },
  });
  expect(fence.status).toBe(200);
  const plan = await t.request('GET', `/api/projects/${projectId}/testing-plan`, { token: w.projectLead });
  const singles: string[] = plan.body.buildings.flatMap((b: any) =>
    b.singleItems.map((s: any) => s.planSingleItemId),
  );
  expect(singles.length).toBeGreaterThanOrEqual(4);
  const find = async (n: string) => (await Account.findOne({ where: { accountName: n } }))!.id;
  const caozuo01 = await find('caozuo01');
  const caozuo02 = await find('caozuo02');
  const assigned = await t.request('PUT', `/api/projects/${projectId}/testing-plan/assignments`, {
    token: w.projectLead,
    body: {
      assignments: [
        { planSingleItemId: singles[0], operatorAccountIds: [caozuo01, caozuo02] },
        ...singles.slice(1, -1).map((id) => ({ planSingleItemId: id, operatorAccountIds: [caozuo01] })),
      ],
    },
  });
  expect(assigned.status).toBe(200);
  await createAccount({
    accountName: 'xiangmu93',
    kind: 'project_lead',
    displayName: '测试其他项目负责人',
    institutionId: w.institutionId,
  });
  const tokens = {
    lead: w.projectLead,
    otherLead: await t.login('xiangmu93', DEMO_PASSWORD, 'weapp'),
    caozuo01: await t.login('caozuo01'),
    caozuo02: await t.login('caozuo02'),
  };
  await approvedFace(t, w, tokens.lead);
  await approvedFace(t, w, tokens.otherLead);
  const live = await demoFacePhoto({ margin: 0.6, width: 300, brightness: 1.15 });
  const stranger = await portraitOf('curlyBlonde');
  return {
    t,
    w,
    projectId,
    singles,
    tokens,
    live,
    stranger,
    createTask: (token, fields, photo = live) =>
      t.request('POST', '/api/testing-tasks', {
        token,
        form: form(photo, { projectId, idempotencyKey: newKey(), ...onSiteWgs, ...fields }),
      }),
    approve: (id, token, fix, photo = live, reason) =>
      t.request('POST', `/api/site-requests/${id}/approve`, { token, form: form(photo, { ...fix, reason }) }),
    pendingCount: async () =>
      (await t.request('GET', '/api/home/summary', { token: tokens.lead })).body.pendingRequests as number,
  };
}
