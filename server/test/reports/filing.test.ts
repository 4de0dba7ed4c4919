import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../../src/accounts/models';
import { accountActor } from '../../src/auth/service';
import { demoFacePhoto } from '../../src/demo/seed';
import { compareWithProfile } from '../../src/face-profiles/service';
import { hammingDistance, photoHash } from '../../src/face-profiles/photo-hash';
import { OperationLog } from '../../src/operation-log/model';
import type { InProcessJobQueue } from '../../src/platform/jobs/in-process-queue';
import { Project } from '../../src/projects/models';
import { registerDetachmentNotifier } from '../../src/reports/notify-detachment';
import { fileForm } from '../support/forms';
import { startTestApp, testDialect, type TestApp } from '../support/test-app';
import {
  created,
  createClientWithContact,
  plainBuilding,
  projectWorld,
  testingBody,
  uploadPdf,
  type ProjectWorld,
} from '../projects/fixtures';

/**
 * 技术负责人审核和备案 (manual §02/§03): a live photo taken now (never the profile photo or an earlier live photo
 * again), a filed testing report completes its project, and the project's detachment receives it: in its list
 * and as a WeChat message to its bound contacts, through the job queue.
 */
let t: TestApp;
let w: ProjectWorld;
let pdf: number;
let parties: { clientId: number; contactId: number };
let technicalLead: string;
let profilePhoto: Buffer;

const photoForm = (buf: Buffer) => fileForm(buf, 'live.jpg', 'photo');
/** Live photos that are new each time: the demo face framed, padded and mirrored differently (≥ 58 bits apart). */
async function freshLive(n: number) {
  const face = await demoFacePhoto({ margin: 0.5 + (n % 3) * 0.1, width: 300, brightness: 1.1 });
  const padded = sharp(face).extend({
    left: n * 30,
    top: (n % 2) * 40,
    background: n % 2 ? '#203040' : '#e0e0d0',
  });
  return (n % 2 ? padded.flop() : padded).jpeg().toBuffer();
}

beforeAll(async () => {
  t = await startTestApp({ env: { FACE_REPLAY_MAX_BITS: '24' } });
  w = await projectWorld(t);
  parties = await createClientWithContact(t, w.admin, '备案测试甲方');
  pdf = await uploadPdf(t, w.admin);
  technicalLead = await t.login('jishu01', undefined, 'web');
  profilePhoto = await demoFacePhoto();
  const up = await t.request('POST', '/api/face-profiles', {
    token: technicalLead,
    form: photoForm(profilePhoto),
  });
  expect(up.status).toBe(201);
  const ok = await t.request('POST', `/api/face-profiles/${up.body.id}/approve`, { token: w.brigade });
  expect(ok.status).toBe(200);
  registerDetachmentNotifier(t.app);
}, 180_000);
afterAll(async () => t?.close());

/** A testing project within its contract period whose special application lets it upload its own report. */
async function testingReport() {
  const id = (
    await created(
      t,
      w.admin,
      '/api/testing-projects',
      testingBody(w, parties, pdf, {
        signedOn: '2026-01-01',
        contractStart: '2026-01-01',
        contractEnd: '2027-12-31',
      }),
    )
  ).id as number;
  const a = await t.request('POST', `/api/projects/${id}/special-applications`, {
    token: w.admin,
    body: { kind: 'direct_report_upload', reason: '保密单位，不能携带手机', fileIds: [pdf] },
  });
  expect(a.status).toBe(201);
  expect(
    (await t.request('POST', `/api/special-applications/${a.body.id}/approve`, { token: w.brigade })).status,
  ).toBe(200);
  const report = await t.request('POST', `/api/projects/${id}/direct-reports/testing`, {
    token: w.admin,
    body: { planName: '2026年度检测', reportFileId: pdf, rawRecordFileId: pdf, conclusion: '综合评定合格' },
  });
  expect(report.status).toBe(201);
  return { projectId: id, reportId: report.body.id as number };
}

const file = (reportId: number, photo: Buffer) =>
  t.request('POST', `/api/reports/${reportId}/file`, { token: technicalLead, form: photoForm(photo) });

describe(`a testing project's buildings and location (${testDialect})`, () => {
  it('has no plan until it has a building; the generic buildings and fence routes serve testing projects', async () => {
    const { projectId } = await testingReport();
    const none = await t.request('GET', `/api/projects/${projectId}/testing-plan`, { token: w.admin });
    expect(none.status).toBe(409);
    expect(none.body.error.field).toBe('buildings');
    expect(none.body.error.message).toContain('请先添加建筑物');
    const added = await t.request('POST', `/api/projects/${projectId}/buildings`, {
      token: w.admin,
      body: plainBuilding('检测主楼'),
    });
    expect(added.status).toBe(201);
    expect(
      (
        await t.request('POST', `/api/projects/${projectId}/buildings`, {
          token: w.otherAdmin,
          body: plainBuilding('外机构'),
        })
      ).status,
    ).toBe(403);
    const plan = await t.request('GET', `/api/projects/${projectId}/testing-plan`, { token: w.admin });
    expect(plan.status).toBe(200);
    expect(plan.body.buildings.map((b: any) => b.buildingName)).toEqual(['检测主楼']);
    expect(plan.body.buildings[0].singleItems.length).toBeGreaterThan(0);
    const fence = await t.request('PUT', `/api/projects/${projectId}/geofence`, {
      token: w.admin,
      body: { lng: 116.4174, lat: 39.9339, crs: 'GCJ02', radius: 300 },
    });
    expect(fence.status).toBe(200);
  });
});

describe(`备案 (${testDialect})`, () => {
  it('perceptual hash: a re-encoded or rescaled copy is near, another framing is far', async () => {
    const h = await photoHash(profilePhoto);
    for (const width of [150, 220, 333, 400])
      for (const quality of [50, 90]) {
        const copy = await sharp(profilePhoto).resize({ width }).jpeg({ quality }).toBuffer();
        expect(hammingDistance(h, await photoHash(copy))).toBeLessThanOrEqual(24);
      }
    expect(hammingDistance(h, await photoHash(await freshLive(1)))).toBeGreaterThan(24);
    expect(
      hammingDistance(await photoHash(await freshLive(1)), await photoHash(await freshLive(2))),
    ).toBeGreaterThan(24);
  });

  it('refuses the profile photo (or a copy of it) as a live photo, and logs the refusal', async () => {
    const { reportId } = await testingReport();
    const same = await file(reportId, profilePhoto);
    expect(same.status).toBe(403);
    expect(same.body.error.code).toBe('face_photo_replay');
    expect(same.body.error.message).toContain('与人脸底图是同一张照片');
    const copy = await sharp(profilePhoto).resize({ width: 220 }).jpeg({ quality: 70 }).toBuffer();
    expect((await file(reportId, copy)).body.error?.code).toBe('face_photo_replay');
    expect(
      await OperationLog.count({
        where: { action: 'report.filing_photo_replay_refused', entityId: String(reportId) },
      }),
    ).toBe(2);
    expect((await t.request('GET', `/api/reports/${reportId}`, { token: w.admin })).body.status).toBe(
      'uploaded',
    );
  });

  it('files a testing report: the project becomes 已完成 in the same command; an earlier live photo is refused', async () => {
    const first = await testingReport();
    const live = await freshLive(1);
    const filed = await file(first.reportId, live);
    expect(filed.status).toBe(200);
    expect(filed.body.status).toBe('filed');
    expect((await Project.findByPk(first.projectId))!.status).toBe('completed');
    const entry = await OperationLog.findOne({
      where: { action: 'report.filed', entityId: String(first.reportId) },
    });
    expect(JSON.parse(JSON.stringify(entry!.get('after')))).toMatchObject({ projectStatus: 'completed' });
    const project = await t.request('GET', `/api/testing-projects/${first.projectId}`, { token: w.admin });
    if (project.status === 200) expect(JSON.stringify(project.body)).toContain('已完成');

    // The same picture again, or a re-encoded copy of it, for another report: a replay.
    const second = await testingReport();
    const again = await file(second.reportId, live);
    expect(again.status).toBe(403);
    expect(again.body.error.message).toContain('与以前使用过的现场照片是同一张');
    const reencoded = await sharp(live).jpeg({ quality: 75 }).toBuffer();
    expect((await file(second.reportId, reencoded)).body.error?.code).toBe('face_photo_replay');
    expect((await Project.findByPk(second.projectId))!.status).toBe('in_progress');
    // A new photo files it.
    expect((await file(second.reportId, await freshLive(2))).status).toBe(200);
  }, 120_000);

  it('待备案报告 on the home pages is the real count of unfiled reports, for the technical lead and the admin', async () => {
    const count = async (token: string) =>
      (await t.request('GET', '/api/home/summary', { token })).body.reportsToFile as number;
    const before = await count(technicalLead);
    expect(await count(w.admin)).toBe(before);
    const { reportId } = await testingReport();
    expect(await count(technicalLead)).toBe(before + 1);
    expect(await count(w.admin)).toBe(before + 1);
    expect(await count(w.otherAdmin)).toBe(0);
    expect((await file(reportId, await freshLive(6))).status).toBe(200);
    expect(await count(technicalLead)).toBe(before);
  });

  it('filed reports are immutable: change and delete refused, nothing changed', async () => {
    const { reportId } = await testingReport();
    expect((await file(reportId, await freshLive(3))).status).toBe(200);
    const put = await t.request('PUT', `/api/reports/${reportId}`, {
      token: w.admin,
      body: { conclusion: '改' },
    });
    expect(put.status).toBe(409);
    expect(put.body.error.message).toBe('备案后的报告不能被删除和修改');
    const del = await t.request('DELETE', `/api/reports/${reportId}`, { token: w.admin });
    expect(del.status).toBe(409);
    const after = await t.request('GET', `/api/reports/${reportId}`, { token: w.admin });
    expect(after.body).toMatchObject({ status: 'filed', conclusion: '综合评定合格' });
  });

  it('the detachment receives the filed report: in its list and by WeChat to its bound contacts', async () => {
    const detachment = (await Account.findOne({ where: { accountName: 'dongcheng' } }))!;
    await detachment.update({ wechatOpenId: 'openid-dongcheng-contact' });
    const outbox = () =>
      (t.app.devServices[0]!.wechatOutbox!() as { touser?: string; toOpenId?: string; data: any }[]).filter(
        (m) => JSON.stringify(m).includes('openid-dongcheng-contact'),
      );
    const sentBefore = outbox().length;
    const { reportId } = await testingReport();
    expect((await file(reportId, await freshLive(4))).status).toBe(200);
    await (t.app.jobs as InProcessJobQueue).drain();
    const sent = outbox();
    expect(sent.length).toBe(sentBefore + 1);
    expect(JSON.stringify(sent.at(-1))).toContain('检测报告已备案');
    const list = await t.request('GET', '/api/reports?kind=testing&status=filed', { token: w.detachment });
    expect(list.body.items.map((r: any) => r.id)).toContain(reportId);
    // With the file's SHA-256, so the receiver can check a download.
    const row = list.body.items.find((r: any) => r.id === reportId);
    const download = await t.request('GET', row.reportFileUrl, { token: w.detachment });
    expect(download.status).toBe(200);
    const { createHash } = await import('node:crypto');
    expect(row.hashes[0].sha256).toBe(createHash('sha256').update(download.buffer!).digest('hex'));
  });

  it('the same rule guards site requests: a retry of the same request may resend its photo, another may not', async () => {
    const account = (await Account.findOne({ where: { accountName: 'jishu01' } }))!;
    const actor = accountActor(account, 'web');
    const photo = await freshLive(5);
    const first = await compareWithProfile(t.app, actor, photo, 'site_request_start', { requestKey: 'k-1' });
    expect(first.accepted).toBe(true);
    const retry = await compareWithProfile(t.app, actor, photo, 'site_request_start', { requestKey: 'k-1' });
    expect(retry.accepted).toBe(true);
    await expect(
      compareWithProfile(t.app, actor, photo, 'site_request_start', { requestKey: 'k-2' }),
    ).rejects.toMatchObject({ code: 'face_photo_replay', status: 403 });
    await expect(
      compareWithProfile(t.app, actor, profilePhoto, 'site_request_approval'),
    ).rejects.toMatchObject({
      code: 'face_photo_replay',
    });
  });
});
