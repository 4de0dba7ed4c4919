import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, beijingMonthOf, lastDayOfMonth, monthsInclusive } from '@xf/domain';
import { Account } from '../../src/accounts/models';
import { faultsOfMonth } from '../../src/maintenance-faults/query';
import { MaintenanceFault } from '../../src/maintenance-faults/models';
import { MaintenanceRecord, MaintenanceRecordFile } from '../../src/maintenance-records/models';
import { OperationLog } from '../../src/operation-log/model';
import type { InProcessJobQueue } from '../../src/platform/jobs/in-process-queue';
import type { FakeWechatMessage } from '../../src/platform/wechat/fake-wechat-server';
import { registerReminderJobs } from '../../src/reminders/service';
import { fileForm } from '../support/forms';
import { testDialect } from '../support/test-app';
import { sampleVideo } from '../platform/fixtures/sample-files';
import { created, createClientWithContact, plainBuilding, uploadPdf } from '../projects/fixtures';
import { centre, fieldWorld, form, newKey, onSiteWgs, type FieldWorld } from '../site-requests/field-world';

let f: FieldWorld;
let projectId: number;
let planId: number;
let undistributedPlanId: number;
const current = beijingMonthOf(new Date());
/** 报警控制器 (month lines a, c) and 消防联动控制器 (month line a). */
const FACILITIES = ['M.02.1.01', 'M.02.1.05'];

async function maintenanceProject() {
  const { t, w } = f;
  const firstMonth = addMonths(current, -1);
  const lastMonth = addMonths(current, 10);
  const parties = await createClientWithContact(t, w.admin, '维保任务测试物业');
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
      siteName: '维保任务测试大厦',
      siteUscc: 'NULL',
      detachmentId: w.dongcheng.id,
      district: '东城区',
      address: '东城区东直门南大街1号',
      projectLeadAccountId: w.leadId,
      firstMonth,
      lastMonth,
      maintenanceCount: monthsInclusive(firstMonth, lastMonth),
    },
  });
  expect(p.status).toBe(201);
  const id = p.body.id as number;
  expect(
    (
      await t.request('PUT', `/api/projects/${id}/fire-systems`, {
        token: w.admin,
        body: { facilityIds: [...FACILITIES, 'M.02.2.01'] },
      })
    ).status,
  ).toBe(200);
  expect(
    (
      await t.request('PUT', `/api/projects/${id}/geofence`, {
        token: w.admin,
        body: { ...centre, crs: 'GCJ02', radius: 300 },
      })
    ).status,
  ).toBe(200);
  await created(t, w.admin, `/api/projects/${id}/buildings`, plainBuilding('1号楼'));
  return id;
}

const caozuo = async (n: string) => (await Account.findOne({ where: { accountName: n } }))!.id;

/** The lead's WeChat subscribe messages (the fake WeChat's outbox). */
const leadMessages = () =>
  (f.t.app.devServices.find((s) => s.wechatOutbox)!.wechatOutbox!() as FakeWechatMessage[]).filter(
    (m) => m.toOpenId === 'o-maintenance-lead',
  );

beforeAll(async () => {
  f = await fieldWorld();
  registerReminderJobs(f.t.app);
  await Account.update({ wechatOpenId: 'o-maintenance-lead' }, { where: { id: f.w.leadId } });
  projectId = await maintenanceProject();
  const { t } = f;
  const month = await t.request('POST', `/api/projects/${projectId}/maintenance-plans`, {
    token: f.tokens.lead,
    body: { kind: 'month', month: current },
  });
  expect(month.status).toBe(201);
  planId = month.body.id;
  const d = await t.request('POST', `/api/maintenance-plans/${planId}/assignments`, {
    token: f.tokens.lead,
    body: { facilityIds: FACILITIES, operatorAccountIds: [await caozuo('caozuo01')] },
  });
  expect(d.status).toBe(200);
  const quarter = await t.request('POST', `/api/projects/${projectId}/maintenance-plans`, {
    token: f.tokens.lead,
    body: { kind: 'quarter', month: current },
  });
  expect(quarter.status).toBe(201);
  undistributedPlanId = quarter.body.id;
}, 240_000);
afterAll(async () => f?.t.close());

const createTask = (fields: Record<string, unknown>, token = f.tokens.caozuo01) =>
  f.t.request('POST', '/api/maintenance-tasks', {
    token,
    form: form(f.live, { idempotencyKey: newKey(), ...onSiteWgs, ...fields }),
  });
const approveRequest = (id: number) =>
  f.approve(id, f.tokens.lead, { ...centre, crs: 'GCJ02', accuracy: 10 });

const line = (facilityId: string, letter: string, extra: Record<string, unknown> = {}) => ({
  idempotencyKey: newKey(),
  facilityId,
  lineId: `${facilityId}.${letter}`,
  recordedAt: new Date().toISOString(),
  ...extra,
});

let taskId: number;
let firstFaultId: number;
let startRequestId: number;
let submitRequestId: number;
/** Notifications older than this belong to the field world's testing work. */
let notesBefore = 0;

const summary = async (token: string) =>
  (await f.t.request('GET', '/api/home/summary', { token })).body as Record<string, number | undefined>;
const notes = async (token: string) =>
  (
    (await f.t.request('GET', '/api/me/notifications', { token })).body.items as {
      id: number;
      kind: string;
      title: string;
      body: string;
      subjectType: string;
      subjectId: number;
    }[]
  ).filter((n) => n.id > notesBefore);

describe(`维保任务 (${testDialect})`, () => {
  it('refuses a plan not yet dispatched, a facility not dispatched to the operator, and another operator', async () => {
    const undistributed = await createTask({ planId: undistributedPlanId, allAssigned: true });
    expect(undistributed.status).toBe(409);
    expect(undistributed.body.error.message).toContain('尚未下发');
    const notMine = await createTask({ planId, facilityIds: 'M.02.2.01' });
    expect(notMine.status).toBe(403);
    expect(notMine.body.error.message).toContain('未下发给您');
    const other = await createTask({ planId, allAssigned: true }, f.tokens.caozuo02);
    expect(other.status).toBe(403);
  });

  it('creates the task with its 开始申请; the lead approves it on site and the task starts', async () => {
    const res = await createTask({ planId, allAssigned: true });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('created');
    expect(res.body.facilities.map((x: any) => x.facilityId)).toEqual(FACILITIES);
    expect(res.body.startRequest).toMatchObject({ taskKind: 'maintenance', maintenanceTaskId: res.body.id });
    taskId = res.body.id;
    startRequestId = res.body.startRequest.id;
    const again = await createTask({ planId, facilityIds: FACILITIES[0] });
    expect(again.status).toBe(409);
    // The lead's home counts the maintenance request waiting (消防维保 tab), the other lead none.
    expect(await summary(f.tokens.lead)).toMatchObject({ pendingMaintenanceRequests: 1 });
    expect((await summary(f.tokens.otherLead)).pendingMaintenanceRequests).toBe(0);
    notesBefore = Math.max(0, ...(await notes(f.tokens.caozuo01)).map((n) => n.id));
    const ok = await approveRequest(res.body.startRequest.id);
    expect(ok.status).toBe(200);
    expect((await summary(f.tokens.lead)).pendingMaintenanceRequests).toBe(0);
    const mine = await f.t.request('GET', '/api/operators/me/maintenance-tasks', {
      token: f.tokens.caozuo01,
    });
    expect(mine.body.items.find((x: any) => x.id === taskId).status).toBe('started');
  });

  it('refuses a submission before the 提交申请 is approved, then takes it once approved', async () => {
    const early = await f.t.request('POST', `/api/maintenance-tasks/${taskId}/submission`, {
      token: f.tokens.caozuo01,
      body: {
        idempotencyKey: newKey(),
        records: [line('M.02.1.05', 'a', { checkable: false, notCheckableReason: 'not_present' })],
      },
    });
    expect(early.status).toBe(409);
    const req = await f.t.request('POST', `/api/maintenance-tasks/${taskId}/submit-requests`, {
      token: f.tokens.caozuo01,
      form: form(f.live, { idempotencyKey: newKey(), ...onSiteWgs }),
    });
    expect(req.status).toBe(201);
    submitRequestId = req.body.id;
    expect((await summary(f.tokens.lead)).pendingMaintenanceRequests).toBe(1);
    expect((await approveRequest(req.body.id)).status).toBe(200);
    expect((await summary(f.tokens.lead)).pendingMaintenanceRequests).toBe(0);
  });

  it('validates each line against the catalog and the recording rules (400 naming the field)', async () => {
    const submit = (records: unknown[]) =>
      f.t.request('POST', `/api/maintenance-tasks/${taskId}/submission`, {
        token: f.tokens.caozuo01,
        body: { idempotencyKey: newKey(), records },
      });
    const unknown = await submit([
      line('M.02.1.01', 'z', { checkable: false, notCheckableReason: 'not_present' }),
    ]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.field).toBe('records.0.lineId');
    const wrong = await submit([
      line('M.02.1.01', 'a', {
        checkable: true,
        answers: { 'M.02.1.01.a.1': '也许' },
        conformity: 'conforming',
      }),
    ]);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.field).toBe('records.0.answers.M.02.1.01.a.1');
    const noSignature = await submit([
      line('M.02.1.01', 'a', { checkable: false, notCheckableReason: 'no_conditions', explanation: '停电' }),
    ]);
    expect(noSignature.status).toBe(400);
    expect(noSignature.body.error.field).toBe('records.0.signaturePhotoFileId');
    const judged = await submit([
      line('M.02.1.01', 'a', {
        checkable: false,
        notCheckableReason: 'out_of_contract',
        conformity: 'conforming',
      }),
    ]);
    expect(judged.status).toBe(400);
    expect(judged.body.error.message).toContain('不适用');
    // 消防设施与当前测试规范不匹配 needs what the operator tested per the applicable standard.
    const bareMismatch = await submit([
      line('M.02.1.01', 'a', {
        checkable: false,
        notCheckableReason: 'standard_mismatch',
        conformity: 'conforming',
      }),
    ]);
    expect(bareMismatch.status).toBe(400);
    expect(bareMismatch.body.error.field).toBe('records.0.mismatch');
    expect(bareMismatch.body.error.message).toContain('请填写测试项名称、设施位置、测试过程和结果');
    // The same facility (same 序号) and line twice in one submission.
    const twice = await submit([
      line('M.02.1.05', 'a', { checkable: false, notCheckableReason: 'not_present' }),
      line('M.02.1.05', 'a', { checkable: false, notCheckableReason: 'not_present' }),
    ]);
    expect(twice.status).toBe(400);
    expect(twice.body.error.field).toBe('records.1.facilityIndex');
    expect(twice.body.error.message).toContain('与第1条是同一设施的同一维保内容');
  });

  it('stores every line at once; 不符合 opens a fault; replay answers the same', async () => {
    const plan = await f.t.request('GET', `/api/maintenance-plans/${planId}`, { token: f.tokens.lead });
    const a = plan.body.facilities[0].lines[0];
    const answers = Object.fromEntries(
      a.prompts.filter((p: any) => !p.id.endsWith('.result')).map((p: any) => [p.id, p.options[1]]),
    );
    // Issue 11: the "+" video, uploaded first like a photo, is attached to its record (kept, not printed).
    const video = await f.t.request('POST', '/api/files', {
      token: f.tokens.caozuo01,
      form: fileForm(sampleVideo(), '现场视频.mp4'),
      headers: { 'Idempotency-Key': newKey() },
    });
    expect(video.status).toBe(201);
    // The refused submission's key is free again: the corrected submission below is taken under it.
    const submissionKey = newKey();
    const asPhoto = await f.t.request('POST', `/api/maintenance-tasks/${taskId}/submission`, {
      token: f.tokens.caozuo01,
      body: {
        idempotencyKey: submissionKey,
        records: [
          line('M.02.1.05', 'a', {
            checkable: false,
            notCheckableReason: 'not_present',
            photoFileIds: [video.body.id],
          }),
        ],
      },
    });
    expect(asPhoto.status).toBe(400);
    expect(asPhoto.body.error.field).toBe('records.0.photoFileIds.0');
    expect(asPhoto.body.error.message).toMatch(/^维保记录第1条（.+）：现场照片\d+不是图片$/);
    // A refused submission reminds nobody; the stored one reminds the lead once (待审核), a replay not again.
    const drain = () => (f.t.app.jobs as InProcessJobQueue).drain();
    await drain();
    const messagesBefore = leadMessages().length;
    // Quotes, a backslash and a line break are stored as typed (the records' INSERT escapes them).
    const location = `1号楼'B'区\\配电室\n"东侧"`;
    // Recorded offline an hour earlier, on a whole second (MySQL keeps seconds): stored and shown as sent.
    const recordedAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000).toISOString();
    const body = {
      idempotencyKey: submissionKey,
      records: [
        line('M.02.1.01', 'a', {
          checkable: true,
          answers,
          conformity: 'nonconforming',
          note: '故障',
          videoFileIds: [video.body.id],
        }),
        line('M.02.1.01', 'c', {
          checkable: false,
          notCheckableReason: 'not_present',
          facilityLocation: location,
          recordedAt,
        }),
        line('M.02.1.05', 'a', { checkable: false, notCheckableReason: 'out_of_contract' }),
      ],
    };
    const res = await f.t.request('POST', `/api/maintenance-tasks/${taskId}/submission`, {
      token: f.tokens.caozuo01,
      body,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ recordCount: 3, faultCount: 1, replayed: false });
    const stored = async () => ({
      records: await MaintenanceRecord.count({ where: { maintenanceTaskId: taskId } }),
      files: await MaintenanceRecordFile.count({ where: { maintenanceTaskId: taskId } }),
      faults: await MaintenanceFault.count({ where: { firstMaintenanceTaskId: taskId } }),
      logs: await OperationLog.count({ where: { action: 'maintenance_task.submitted' } }),
    });
    const before = await stored();
    expect(before).toMatchObject({ records: 3, files: 1, faults: 1 });
    const replay = await f.t.request('POST', `/api/maintenance-tasks/${taskId}/submission`, {
      token: f.tokens.caozuo01,
      body,
    });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ ...res.body, replayed: true });
    // The replay wrote nothing: no second set of records, files, faults or log entries.
    expect(await stored()).toEqual(before);
    await drain();
    const reminders = leadMessages().slice(messagesBefore);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({
      templateId: 'dev-tpl-maintenance-submission',
      page: `pages/maintenance-review/index?id=${taskId}`,
      data: {
        thing1: { value: '维保任务测试大厦' },
        thing2: { value: '维保任务3条记录待审核' },
        name3: { value: (await Account.findOne({ where: { accountName: 'caozuo01' } }))!.displayName },
      },
    });
    const detail = await f.t.request('GET', `/api/maintenance-tasks/${taskId}`, { token: f.tokens.lead });
    expect(detail.status).toBe(200);
    expect(detail.body.status).toBe('submitted');
    expect(detail.body.records.map((r: any) => r.conformityLabel).sort()).toEqual([
      '不符合',
      '不适用',
      '不适用',
    ]);
    expect(detail.body.records[0].conformityStandard).not.toBe('');
    const typed = detail.body.records.find((r: any) => r.lineId === 'M.02.1.01.c');
    expect(typed).toMatchObject({ facilityLocation: location, recordedAt });
    const filmed = detail.body.records.find((r: any) => r.lineId === 'M.02.1.01.a');
    expect(filmed.videoUrls).toEqual([`/api/files/${video.body.id}`]);
    expect(filmed.photoUrls).toEqual([]);
    const played = await f.t.request('GET', filmed.videoUrls[0], { token: f.tokens.lead });
    expect(played.status).toBe(200);
    expect(played.headers.get('content-type')).toBe('video/mp4');
    expect(detail.body.faults).toHaveLength(1);
    firstFaultId = detail.body.faults[0].id;
    expect(detail.body.unhandledFaultCount).toBe(1);
  });

  it('refuses approval while a fault has no handling; 与业主沟通中 lets it through', async () => {
    // 消防维保-待审核 on the lead's home: the submitted task, in the lead's projects only.
    expect((await summary(f.tokens.lead)).pendingMaintenanceReviews).toBe(1);
    expect((await summary(f.tokens.otherLead)).pendingMaintenanceReviews).toBe(0);
    expect((await summary(f.tokens.caozuo01)).pendingMaintenanceReviews).toBeUndefined();
    const early = await f.t.request('POST', `/api/maintenance-tasks/${taskId}/approve`, {
      token: f.tokens.lead,
      body: {},
    });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('尚未给出处理方式');
    const stranger = await f.t.request('POST', `/api/maintenance-faults/${firstFaultId}/negotiate`, {
      token: f.tokens.otherLead,
      body: {},
    });
    expect(stranger.status).toBe(403);
    const n = await f.t.request('POST', `/api/maintenance-faults/${firstFaultId}/negotiate`, {
      token: f.tokens.lead,
      body: { note: '已告知业主' },
    });
    expect(n.status).toBe(200);
    expect(n.body.timeline.at(-1).text).toBe('与业主协商中');
    const ok = await f.t.request('POST', `/api/maintenance-tasks/${taskId}/approve`, {
      token: f.tokens.lead,
      body: {},
    });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('approved');
    expect(await OperationLog.count({ where: { action: 'maintenance_task.approved' } })).toBe(1);
    expect((await summary(f.tokens.lead)).pendingMaintenanceReviews).toBe(0);
  });

  it('rejects an approved task only after 退回; the operator corrects and submits again', async () => {
    const direct = await f.t.request('POST', `/api/maintenance-tasks/${taskId}/reject`, {
      token: f.tokens.lead,
      body: { reason: '记录有误' },
    });
    expect(direct.status).toBe(409);
    expect(
      (
        await f.t.request('POST', `/api/maintenance-tasks/${taskId}/return`, {
          token: f.tokens.lead,
          body: {},
        })
      ).status,
    ).toBe(200);
    const rej = await f.t.request('POST', `/api/maintenance-tasks/${taskId}/reject`, {
      token: f.tokens.lead,
      body: { reason: '记录有误' },
    });
    expect(rej.status).toBe(200);
    expect(rej.body.status).toBe('rejected');
    const plan = await f.t.request('GET', `/api/maintenance-plans/${planId}`, { token: f.tokens.lead });
    const a = plan.body.facilities[0].lines[0];
    const answers = Object.fromEntries(
      a.prompts.filter((p: any) => !p.id.endsWith('.result')).map((p: any) => [p.id, p.options[1]]),
    );
    const again = await f.t.request('POST', `/api/maintenance-tasks/${taskId}/submission`, {
      token: f.tokens.caozuo01,
      body: {
        idempotencyKey: newKey(),
        records: [
          line('M.02.1.01', 'a', { checkable: true, answers, conformity: 'nonconforming' }),
          line('M.02.1.01', 'c', { checkable: false, notCheckableReason: 'not_present' }),
        ],
      },
    });
    expect(again.status).toBe(201);
    const detail = await f.t.request('GET', `/api/maintenance-tasks/${taskId}`, { token: f.tokens.lead });
    expect(detail.body.status).toBe('submitted');
    expect(detail.body.records).toHaveLength(2);
    // The handled fault stays the same fault.
    expect(detail.body.faults.map((x: any) => x.id)).toEqual([firstFaultId]);
  });

  it('dispatches 排查 to an operator; their 解决 closes the fault, which leaves the next month', async () => {
    const d = await f.t.request('POST', `/api/maintenance-faults/${firstFaultId}/dispatch`, {
      token: f.tokens.lead,
      body: { kind: 'troubleshoot', operatorAccountId: await caozuo('caozuo01') },
    });
    expect(d.status).toBe(201);
    expect(d.body.status).toBe('troubleshooting');
    expect(d.body.timeline.at(-1).text).toMatch(/^由.+排查中$/);
    const mine = await f.t.request('GET', '/api/operators/me/maintenance-fault-tasks', {
      token: f.tokens.caozuo01,
    });
    const ft = mine.body.items[0];
    expect(ft.kindLabel).toBe('排查');
    const notTheirs = await f.t.request('POST', `/api/maintenance-fault-tasks/${ft.id}/complete`, {
      token: f.tokens.caozuo02,
      body: { idempotencyKey: newKey(), result: 'resolved' },
    });
    expect(notTheirs.status).toBe(403);
    const key = newKey();
    const done = await f.t.request('POST', `/api/maintenance-fault-tasks/${ft.id}/complete`, {
      token: f.tokens.caozuo01,
      body: { idempotencyKey: key, result: 'resolved', note: '更换电池' },
    });
    expect(done.status).toBe(200);
    const replay = await f.t.request('POST', `/api/maintenance-fault-tasks/${ft.id}/complete`, {
      token: f.tokens.caozuo01,
      body: { idempotencyKey: key, result: 'resolved', note: '更换电池' },
    });
    expect(replay.status).toBe(200);
    const thisMonth = await faultsOfMonth(projectId, current);
    expect(thisMonth.map((x) => x.id)).toContain(firstFaultId);
    expect(thisMonth.find((x) => x.id === firstFaultId)!.status).toBe('resolved');
    expect((await faultsOfMonth(projectId, addMonths(current, 1))).map((x) => x.id)).not.toContain(
      firstFaultId,
    );
    const admin = await f.t.request('GET', `/api/maintenance-faults?projectId=${projectId}`, {
      token: f.w.admin,
    });
    expect(admin.status).toBe(200);
    expect(admin.body.items[0].timeline.length).toBeGreaterThanOrEqual(4);
    const records = await f.t.request('GET', `/api/maintenance-records?projectId=${projectId}`, {
      token: f.w.admin,
    });
    expect(records.body.total).toBe(2);
    const op2 = await f.t.request('GET', `/api/maintenance-records`, { token: f.tokens.caozuo02 });
    expect(op2.body.total).toBe(0);
  });

  it('every decision of the lead on the task reaches the operator’s app, and nobody else’s', async () => {
    const mine = await notes(f.tokens.caozuo01);
    const faultTask = (
      await f.t.request('GET', '/api/operators/me/maintenance-fault-tasks', { token: f.tokens.caozuo01 })
    ).body.items[0];
    expect(mine.map((n) => [n.kind, n.subjectType, n.subjectId])).toEqual([
      ['maintenance_fault_task_assigned', 'maintenance_fault_task', faultTask.id],
      ['maintenance_task_rejected', 'maintenance_task', taskId],
      ['maintenance_task_returned', 'maintenance_task', taskId],
      ['maintenance_task_approved', 'maintenance_task', taskId],
      ['site_request_approved', 'site_request', submitRequestId],
      ['site_request_approved', 'site_request', startRequestId],
    ]);
    expect(mine.map((n) => n.title)).toEqual([
      '新的排查任务',
      '维保任务审核不通过',
      '维保任务已退回到待审核',
      '维保任务审核通过',
      '提交申请已同意',
      '开始申请已同意',
    ]);
    expect(mine[1]!.body).toBe(`维保任务测试大厦：维保任务${taskId}审核不通过（记录有误）`);
    expect(await notes(f.tokens.caozuo02)).toEqual([]);
  });

  it('查看现场提交记录: the admin and the detachment filter tasks by plan month; a bad month is 400', async () => {
    const list = (token: string, q: string) => f.t.request('GET', `/api/maintenance-tasks?${q}`, { token });
    const mine = await list(f.w.admin, `projectId=${projectId}&month=${current}`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((x: any) => x.id)).toContain(taskId);
    expect(mine.body.items.every((x: any) => x.planMonth === current)).toBe(true);
    const other = await list(f.w.admin, `projectId=${projectId}&month=${addMonths(current, 1)}`);
    expect(other.body.total).toBe(0);
    // 东城 is the project's 管辖归属: the detachment reads it; another institution's admin does not.
    const detachment = await list(f.w.detachment, `month=${current}`);
    expect(detachment.body.items.map((x: any) => x.id)).toContain(taskId);
    const stranger = await list(f.w.otherAdmin, `month=${current}`);
    expect(stranger.body.items.map((x: any) => x.id)).not.toContain(taskId);
    const bad = await list(f.w.admin, 'month=2026-13');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('month');
    expect(bad.body.error.message).toContain('格式应为YYYY-MM');
  });
});
