import gcoord from 'gcoord';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../../src/accounts/models';
import { hashPassword } from '../../src/auth/passwords';
import { DEMO_PASSWORD, demoFacePhoto } from '../../src/demo/seed';
import { LocationCheck } from '../../src/location-check/models';
import { OperationLog } from '../../src/operation-log/model';
import { RedFlag } from '../../src/red-flags/model';
import { SiteRequest, TestingTask } from '../../src/site-requests/models';
import { portraitOf } from '../support/faces';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  createClientWithContact,
  projectWorld,
  testingBody,
  uploadPdf,
  type ProjectWorld,
} from './clients-projects-fixtures';

let t: TestApp;
let w: ProjectWorld;
let projectId: number;
let singles: string[];
let tokens: Record<string, string>;
let live: Buffer;
let stranger: Buffer;

// Project fence centre in GCJ-02 (what the map picker gives), radius 300 m.
const centre = { lng: 116.4174, lat: 39.9339 };
const [wgsLng, wgsLat] = gcoord.transform([centre.lng, centre.lat], gcoord.GCJ02, gcoord.WGS84) as [
  number,
  number,
];

type Fix = { lng: number; lat: number; crs: 'GCJ02' | 'WGS84'; accuracy: number; isMock?: boolean };
const onSiteWgs: Fix = { lng: wgsLng, lat: wgsLat, crs: 'WGS84', accuracy: 15 };
const onSiteGcj: Fix = { ...centre, crs: 'GCJ02', accuracy: 10 };
// About 1.1 km north of the centre.
const offSite: Fix = { lng: centre.lng, lat: centre.lat + 0.01, crs: 'GCJ02', accuracy: 10 };

function form(photo: Buffer, fields: Record<string, unknown>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) f.append(k, String(v));
  f.append('fixTime', new Date().toISOString());
  f.append('photo', new Blob([new Uint8Array(photo)]), 'live.jpg');
  return f;
}

let seq = 0;
const newId = () => `task-${Date.now()}-${++seq}`;

const createTask = (token: string, fields: Record<string, unknown>, photo = live) =>
  t.request('POST', '/api/testing-tasks', {
    token,
    form: form(photo, { projectId, clientRequestId: newId(), ...onSiteWgs, ...fields }),
  });
const approve = (id: number, token: string, fix: Fix, photo = live, reason?: string) =>
  t.request('POST', `/api/site-requests/${id}/approve`, { token, form: form(photo, { ...fix, reason }) });
const pendingCount = async () =>
  (await t.request('GET', '/api/home/summary', { token: tokens.lead })).body.pendingRequests as number;

async function approvedFace(token: string) {
  const f = new FormData();
  f.append('photo', new Blob([new Uint8Array(await demoFacePhoto())]), 'face.jpg');
  const up = await t.request('POST', '/api/face-profiles', { token, form: f });
  expect(up.status).toBe(201);
  const ok = await t.request('POST', `/api/face-profiles/${up.body.id}/approve`, { token: w.brigade });
  expect(ok.status).toBe(200);
}

beforeAll(async () => {
  t = await startTestApp();
  w = await projectWorld(t);
  const parties = await createClientWithContact(t, w.admin, '现场申请测试甲方');
  const fileId = await uploadPdf(t, w.admin);
  const p = await t.request('POST', '/api/testing-projects', {
    token: w.admin,
    body: testingBody(w, parties, fileId, { siteName: '现场申请测试大厦' }),
  });
  expect(p.status).toBe(201);
  projectId = p.body.id;
  const building = {
    name: '主楼',
    aboveGroundArea: 3000,
    belowGroundArea: 2000,
    totalArea: 5000,
    aboveGroundFloors: 5,
    belowGroundFloors: 1,
    height: 23,
    useFunction: '办公',
  };
  const b = await t.request('POST', `/api/projects/${projectId}/buildings`, {
    token: w.admin,
    body: building,
  });
  expect(b.status).toBe(201);
  const annex = await t.request('POST', `/api/projects/${projectId}/buildings`, {
    token: w.admin,
    body: { ...building, name: '裙楼' },
  });
  expect(annex.status).toBe(201);
  const fence = await t.request('PUT', `/api/projects/${projectId}/geofence`, {
    token: w.admin,
    body: { ...centre, crs: 'GCJ02', radius: 300 },
  });
  expect(fence.status).toBe(200);
  const plan = await t.request('GET', `/api/projects/${projectId}/testing-plan`, { token: w.projectLead });
  singles = plan.body.buildings.flatMap((b: any) => b.singleItems.map((s: any) => s.planSingleItemId));
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
  await Account.create({
    accountName: 'xiangmu93',
    passwordHash: await hashPassword(DEMO_PASSWORD, 4),
    kind: 'project_lead',
    displayName: '测试其他项目负责人',
    institutionId: w.institutionId,
    mustChangePassword: false,
  });
  tokens = {
    lead: w.projectLead,
    otherLead: await t.login('xiangmu93', DEMO_PASSWORD, 'weapp'),
    caozuo01: await t.login('caozuo01'),
    caozuo02: await t.login('caozuo02'),
  };
  await approvedFace(tokens.lead!);
  await approvedFace(tokens.otherLead!);
  live = await demoFacePhoto({ margin: 0.6, width: 300, brightness: 1.15 });
  stranger = await portraitOf('curlyBlonde');
}, 180_000);
afterAll(async () => t?.close());

describe('测试任务与开始申请 (testing task and start request)', () => {
  it('refuses items not assigned to the operator, and an operator without an approved face profile', async () => {
    const notMine = await createTask(tokens.caozuo01!, { planSingleItemIds: singles.at(-1) });
    expect(notMine.status).toBe(403);
    expect(notMine.body.error.code).toBe('not_assigned');
    expect(notMine.body.error.message).toContain('未下发给您');
    const none = await createTask(tokens.caozuo01!, {});
    expect(none.status).toBe(400);
    expect(none.body.error.field).toBe('planSingleItemIds');
    const noFace = await createTask(tokens.caozuo02!, { planSingleItemIds: singles[0] });
    expect(noFace.status).toBe(403);
    expect(noFace.body.error.code).toBe('face_profile_not_approved');
    const badFix = await createTask(tokens.caozuo01!, { planSingleItemIds: singles[0], crs: 'BD09' });
    expect(badFix.status).toBe(400);
    expect(badFix.body.error.field).toBe('crs');
    expect(await TestingTask.count()).toBe(0);
    expect(await SiteRequest.count()).toBe(0);
  });

  it('refuses a mock location outright but records the check', async () => {
    const before = await LocationCheck.count({ where: { isMock: true } });
    const mock = await createTask(tokens.caozuo01!, { planSingleItemIds: singles[0], isMock: 'true' });
    expect(mock.status).toBe(403);
    expect(mock.body.error.code).toBe('mock_location');
    expect(mock.body.error.message).toContain('模拟定位');
    expect(await LocationCheck.count({ where: { isMock: true } })).toBe(before + 1);
    expect(await OperationLog.count({ where: { action: 'site_request.mock_location_refused' } })).toBe(1);
    expect(await TestingTask.count()).toBe(0);
  });

  it('creates a task from several items with a WGS-84 fix checked on site; a replay returns the same task', async () => {
    const count = await pendingCount();
    const clientRequestId = newId();
    const fields = { planSingleItemIds: singles.slice(0, 2).join(','), clientRequestId };
    const first = await createTask(tokens.caozuo01!, fields);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'created',
      planSingleItemIds: singles.slice(0, 2),
      replayed: false,
      startRequest: { kind: 'start', status: 'pending', faceCheck: { accepted: true } },
    });
    expect(first.body.startRequest.locationCheck).toMatchObject({
      inside: true,
      reason: 'inside',
      crs: 'WGS84',
    });
    // The WGS-84 fix was converted before measuring: it lands within metres of the GCJ-02 centre.
    expect(first.body.startRequest.locationCheck.distanceM).toBeLessThan(5);
    const replay = await createTask(tokens.caozuo01!, fields);
    expect(replay.status).toBe(200);
    expect(replay.body.replayed).toBe(true);
    expect(replay.body.id).toBe(first.body.id);
    expect(await TestingTask.count({ where: { clientRequestId } })).toBe(1);
    expect(await SiteRequest.count({ where: { testingTaskId: first.body.id } })).toBe(1);
    expect(await pendingCount()).toBe(count + 1);
    const mine = await t.request('GET', '/api/operators/me/testing-tasks', { token: tokens.caozuo01 });
    expect(mine.body.items.map((x: any) => x.id)).toContain(first.body.id);
  });

  it('records a fix outside the geofence and shows it to the lead without refusing the request', async () => {
    const out = await createTask(tokens.caozuo01!, { allAssigned: true, ...offSite });
    expect(out.status).toBe(201);
    expect(out.body.planSingleItemIds).toEqual(singles.slice(0, -1));
    expect(out.body.startRequest.locationCheck).toMatchObject({ inside: false, reason: 'outside_geofence' });
    expect(out.body.startRequest.locationCheck.distanceM).toBeGreaterThan(1000);
    const pending = await t.request('GET', '/api/site-requests?status=pending', { token: tokens.lead });
    expect(pending.status).toBe(200);
    const shown = pending.body.items.find((r: any) => r.id === out.body.startRequest.id);
    expect(shown.locationCheck.message).toContain('不在项目地理围栏内');
    const check = await LocationCheck.findByPk((await SiteRequest.findByPk(shown.id))!.locationCheckId);
    expect(check).toMatchObject({ rawCrs: 'GCJ02', inside: false, accuracy: 10 });
    // Another lead sees none of this project's requests.
    const other = await t.request('GET', '/api/site-requests', { token: tokens.otherLead });
    expect(other.body.items).toEqual([]);
  });
});

describe('项目负责人处理开始申请 (the lead decides on site)', () => {
  const pendingIds = async () =>
    (await t.request('GET', '/api/site-requests?status=pending', { token: tokens.lead })).body.items as any[];

  it('refuses another project’s lead, a lead off site, and a face that does not match; each attempt is logged', async () => {
    const [request] = (await pendingIds()).filter((r) => r.locationCheck.inside);
    const other = await approve(request.id, tokens.otherLead!, onSiteGcj);
    expect(other.status).toBe(403);
    expect(other.body.error.message).toContain('只有本项目的项目负责人');

    const off = await approve(request.id, tokens.lead!, offSite);
    expect(off.status).toBe(403);
    expect(off.body.error.code).toBe('not_on_site');
    expect(off.body.error.message).toContain('须在现场');

    const inaccurate = await approve(request.id, tokens.lead!, { ...onSiteGcj, accuracy: 150 });
    expect(inaccurate.status).toBe(403);
    expect(inaccurate.body.error.message).toContain('定位精度');

    const face = await approve(request.id, tokens.lead!, onSiteGcj, stranger);
    expect(face.status).toBe(403);
    expect(face.body.error.code).toBe('face_mismatch');

    expect(
      await OperationLog.count({
        where: { action: 'site_request.approval_refused_off_site', entityId: String(request.id) },
      }),
    ).toBe(2);
    expect(
      await OperationLog.count({
        where: { action: 'site_request.approval_refused_face', entityId: String(request.id) },
      }),
    ).toBe(1);
    expect((await SiteRequest.findByPk(request.id))!.status).toBe('pending');
  });

  it('approves on site: the request is approved, the task started, the home count drops; twice is refused', async () => {
    const [request] = (await pendingIds()).filter((r) => r.locationCheck.inside);
    const count = await pendingCount();
    const ok = await approve(request.id, tokens.lead!, onSiteWgs);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'approved', forcedOverride: false });
    expect((await TestingTask.findByPk(request.testingTaskId))!.status).toBe('started');
    expect(await pendingCount()).toBe(count - 1);
    const again = await approve(request.id, tokens.lead!, onSiteWgs);
    expect(again.status).toBe(409);
    expect(await RedFlag.count({ where: { kind: 'forced_override', subjectId: request.id } })).toBe(0);
  });

  it('overriding a failed operator location check needs a note and raises a forced_override red flag', async () => {
    const [request] = (await pendingIds()).filter((r) => !r.locationCheck.inside);
    const noNote = await approve(request.id, tokens.lead!, onSiteGcj);
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.field).toBe('reason');
    const forced = await approve(request.id, tokens.lead!, onSiteGcj, live, '操作员在地下室，定位漂移');
    expect(forced.status).toBe(200);
    expect(forced.body).toMatchObject({ status: 'approved', forcedOverride: true });
    const flags = await t.request(
      'GET',
      `/api/red-flags?kind=forced_override&subjectType=site_request&subjectId=${request.id}`,
      { token: w.brigade },
    );
    expect(flags.status).toBe(200);
    expect(flags.body.items).toHaveLength(1);
    expect(flags.body.items[0].reason).toContain('强行同意开始申请');
  });

  it('rejects with a reason; only the project’s lead may', async () => {
    const task = await createTask(tokens.caozuo01!, { planSingleItemIds: singles[0] });
    const id = task.body.startRequest.id;
    expect(
      (
        await t.request('POST', `/api/site-requests/${id}/reject`, {
          token: tokens.otherLead,
          body: { reason: '不在场' },
        })
      ).status,
    ).toBe(403);
    const empty = await t.request('POST', `/api/site-requests/${id}/reject`, {
      token: tokens.lead,
      body: {},
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.field).toBe('reason');
    const count = await pendingCount();
    const rejected = await t.request('POST', `/api/site-requests/${id}/reject`, {
      token: tokens.lead,
      body: { reason: '请先完成安全交底' },
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionReason: '请先完成安全交底' });
    expect((await TestingTask.findByPk(task.body.id))!.status).toBe('created');
    expect(await pendingCount()).toBe(count - 1);
  });
});
