import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocationCheck } from '../../src/location-check/models';
import { OperationLog } from '../../src/operation-log/model';
import { RedFlag } from '../../src/red-flags/model';
import { SiteRequest } from '../../src/site-requests/models';
import { TestingTask } from '../../src/testing-tasks/models';
import { fieldWorld, newKey, offSite, onSiteGcj, onSiteWgs, type FieldWorld } from './field-world';

let f: FieldWorld;
beforeAll(async () => {
  f = await fieldWorld();
}, 180_000);
afterAll(async () => f?.t.close());

describe('测试任务与开始申请 (testing task and start request)', () => {
  it('refuses items not assigned to the operator, and an operator without an approved face profile', async () => {
    const notMine = await f.createTask(f.tokens.caozuo01, { planSingleItemIds: f.singles.at(-1) });
    expect(notMine.status).toBe(403);
    expect(notMine.body.error.code).toBe('not_assigned');
    expect(notMine.body.error.message).toContain('未下发给您');
    const none = await f.createTask(f.tokens.caozuo01, {});
    expect(none.status).toBe(400);
    expect(none.body.error.field).toBe('planSingleItemIds');
    const noFace = await f.createTask(f.tokens.caozuo02, { planSingleItemIds: f.singles[0] });
    expect(noFace.status).toBe(403);
    expect(noFace.body.error.code).toBe('face_profile_not_approved');
    const badFix = await f.createTask(f.tokens.caozuo01, { planSingleItemIds: f.singles[0], crs: 'BD09' });
    expect(badFix.status).toBe(400);
    expect(badFix.body.error.field).toBe('crs');
    expect(await TestingTask.count()).toBe(0);
    expect(await SiteRequest.count()).toBe(0);
  });

  it('refuses a mock location outright but records the check', async () => {
    const before = await LocationCheck.count({ where: { isMock: true } });
    const mock = await f.createTask(f.tokens.caozuo01, { planSingleItemIds: f.singles[0], isMock: 'true' });
    expect(mock.status).toBe(403);
    expect(mock.body.error.code).toBe('mock_location');
    expect(mock.body.error.message).toContain('模拟定位');
    expect(await LocationCheck.count({ where: { isMock: true } })).toBe(before + 1);
    expect(await OperationLog.count({ where: { action: 'site_request.mock_location_refused' } })).toBe(1);
    expect(await TestingTask.count()).toBe(0);
  });

  it('creates a task from several items with a WGS-84 fix checked on site; a replay returns the same task', async () => {
    const count = await f.pendingCount();
    const idempotencyKey = newKey();
    // A replay from the outbox sends exactly what was sent first, fix time included.
    const fields = {
      planSingleItemIds: f.singles.slice(0, 2).join(','),
      idempotencyKey,
      fixTime: new Date().toISOString(),
    };
    const first = await f.createTask(f.tokens.caozuo01, fields);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'created',
      planSingleItemIds: f.singles.slice(0, 2),
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
    const replay = await f.createTask(f.tokens.caozuo01, fields);
    expect(replay.status).toBe(200);
    expect(replay.body.replayed).toBe(true);
    expect(replay.body.id).toBe(first.body.id);
    expect(await TestingTask.count({ where: { idempotencyKey } })).toBe(1);
    expect(await SiteRequest.count({ where: { testingTaskId: first.body.id } })).toBe(1);
    expect(await f.pendingCount()).toBe(count + 1);
    const mine = await f.t.request('GET', '/api/operators/me/testing-tasks', { token: f.tokens.caozuo01 });
    expect(mine.body.items.map((x: any) => x.id)).toContain(first.body.id);
  });

  it('records a fix outside the geofence and shows it to the lead without refusing the request', async () => {
    const out = await f.createTask(f.tokens.caozuo01, { allAssigned: true, ...offSite });
    expect(out.status).toBe(201);
    expect(out.body.planSingleItemIds).toEqual(f.singles.slice(0, -1));
    expect(out.body.startRequest.locationCheck).toMatchObject({ inside: false, reason: 'outside_geofence' });
    expect(out.body.startRequest.locationCheck.distanceM).toBeGreaterThan(1000);
    const pending = await f.t.request('GET', '/api/site-requests?status=pending', { token: f.tokens.lead });
    expect(pending.status).toBe(200);
    const shown = pending.body.items.find((r: any) => r.id === out.body.startRequest.id);
    expect(shown.locationCheck.message).toContain('不在项目地理围栏内');
    const check = await LocationCheck.findByPk((await SiteRequest.findByPk(shown.id))!.locationCheckId);
    expect(check).toMatchObject({ rawCrs: 'GCJ02', inside: false, accuracy: 10 });
    // Another lead sees none of this project's requests.
    const other = await f.t.request('GET', '/api/site-requests', { token: f.tokens.otherLead });
    expect(other.body.items).toEqual([]);
  });
});

describe('项目负责人处理开始申请 (the lead decides on site)', () => {
  const pendingIds = async () =>
    (await f.t.request('GET', '/api/site-requests?status=pending', { token: f.tokens.lead })).body
      .items as any[];

  it('refuses another project’s lead, a lead off site, and a face that does not match; each attempt is logged', async () => {
    const [request] = (await pendingIds()).filter((r) => r.locationCheck.inside);
    const other = await f.approve(request.id, f.tokens.otherLead, onSiteGcj);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('forbidden');

    const off = await f.approve(request.id, f.tokens.lead, offSite);
    expect(off.status).toBe(403);
    expect(off.body.error.code).toBe('not_on_site');
    expect(off.body.error.message).toContain('须在现场');

    const inaccurate = await f.approve(request.id, f.tokens.lead, { ...onSiteGcj, accuracy: 150 });
    expect(inaccurate.status).toBe(403);
    expect(inaccurate.body.error.message).toContain('定位精度');

    const face = await f.approve(request.id, f.tokens.lead, onSiteGcj, f.stranger);
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
    const count = await f.pendingCount();
    const ok = await f.approve(request.id, f.tokens.lead, onSiteWgs);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'approved', forcedOverride: false });
    expect((await TestingTask.findByPk(request.testingTaskId))!.status).toBe('started');
    expect(await f.pendingCount()).toBe(count - 1);
    const again = await f.approve(request.id, f.tokens.lead, onSiteWgs);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('该现场申请已同意，不能重复处理');
    expect(await RedFlag.count({ where: { kind: 'forced_override', subjectId: request.id } })).toBe(0);
  });

  it('overriding a failed operator location check needs a note and raises a forced_override red flag', async () => {
    const [request] = (await pendingIds()).filter((r) => !r.locationCheck.inside);
    const noNote = await f.approve(request.id, f.tokens.lead, onSiteGcj);
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.field).toBe('reason');
    const forced = await f.approve(request.id, f.tokens.lead, onSiteGcj, f.live, '操作员在地下室，定位漂移');
    expect(forced.status).toBe(200);
    expect(forced.body).toMatchObject({ status: 'approved', forcedOverride: true });
    const flags = await f.t.request(
      'GET',
      `/api/red-flags?kind=forced_override&subjectType=site_request&subjectId=${request.id}`,
      { token: f.w.brigade },
    );
    expect(flags.status).toBe(200);
    expect(flags.body.items).toHaveLength(1);
    expect(flags.body.items[0].reason).toContain('强行同意开始申请');
  });

  it('rejects with a reason; only the project’s lead may', async () => {
    const task = await f.createTask(f.tokens.caozuo01, { planSingleItemIds: f.singles[0] });
    const id = task.body.startRequest.id;
    expect(
      (
        await f.t.request('POST', `/api/site-requests/${id}/reject`, {
          token: f.tokens.otherLead,
          body: { reason: '不在场' },
        })
      ).status,
    ).toBe(403);
    const empty = await f.t.request('POST', `/api/site-requests/${id}/reject`, {
      token: f.tokens.lead,
      body: {},
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.field).toBe('reason');
    const count = await f.pendingCount();
    const rejected = await f.t.request('POST', `/api/site-requests/${id}/reject`, {
      token: f.tokens.lead,
      body: { reason: '请先完成安全交底' },
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionReason: '请先完成安全交底' });
    expect((await TestingTask.findByPk(task.body.id))!.status).toBe('created');
    expect(await f.pendingCount()).toBe(count - 1);
  });
});
