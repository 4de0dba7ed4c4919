import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../../src/accounts/models';
import { plainBuilding } from '../projects/fixtures';
import { reportWorld, type ReportWorld } from '../testing-reports/world';

/**
 * 复检计划 (manual §02 机构管理员在电脑端生成检测报告 5): after the report, the admin makes one retest plan of the failed
 * items; it follows the normal flow and gets its own report; the original report stays as it was.
 */
let r: ReportWorld;
beforeAll(async () => {
  r = await reportWorld();
});
afterAll(() => r?.t.close());

let n = 0;
const key = (s: string) => `retest-${s}-${Date.now()}-${n++}`;
const createRetest = (token = r.w.admin, idempotencyKey = key('plan'), projectId = r.projectId) =>
  r.t.request('POST', `/api/projects/${projectId}/retest-plan`, { token, body: { idempotencyKey } });
const generate = (projectId: number) =>
  r.t.request('POST', `/api/projects/${projectId}/testing-reports`, {
    token: r.w.admin,
    body: { idempotencyKey: key('gen') },
  });

async function untilGenerated(id: number) {
  for (let i = 0; i < 2400; i++) {
    const res = await r.t.request('GET', `/api/reports/${id}`, { token: r.w.admin });
    if (res.body.status !== 'generating') return res.body;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error('report still generating');
}

const tmp = mkdtempSync(path.join(tmpdir(), 'xf-retest-'));
const pdfText = (buf: Buffer) => {
  const file = path.join(tmp, `r-${Math.random()}.pdf`);
  writeFileSync(file, buf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 << 20 }).toString('utf8');
};
const download = async (url: string) => (await r.t.request('GET', url, { token: r.w.admin })).buffer!;

let original: any;
let retest: any;

describe('建立复检计划', () => {
  it('is refused before the project has a generated report', async () => {
    const res = await createRetest();
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('请先生成检测报告');
  });

  it('the original report is generated and offers 建立复检计划 to the admin', async () => {
    const res = await generate(r.projectId);
    expect(res.status).toBe(202);
    original = await untilGenerated(res.body.id);
    expect(original.status).toBe('uploaded');
    expect(original.retestProjectId).toBeNull();
    expect(original.abilities.createRetest).toBe(true);
    const asOther = await r.t.request('GET', `/api/reports/${original.id}`, { token: r.w.brigade });
    expect(asOther.body.abilities.createRetest).toBe(false);
  }, 300_000);

  it('is the institution admin’s: the project lead and another institution are refused', async () => {
    expect((await createRetest(r.w.projectLead)).status).toBe(403);
    expect((await createRetest(r.w.otherAdmin)).status).toBe(403);
  });

  it('is refused outside the testing period with the manual’s advice', async () => {
    const [p] = await r.sql('SELECT contractEnd FROM projects WHERE id = :id', { id: r.projectId });
    await r.exec('UPDATE projects SET contractEnd = :d WHERE id = :id', { id: r.projectId, d: '2020-01-01' });
    const res = await createRetest();
    await r.exec('UPDATE projects SET contractEnd = :d WHERE id = :id', {
      id: r.projectId,
      d: p.contractEnd,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('超过项目的检测期限');
    expect(res.body.error.field).toBe('contractEnd');
  });

  it('is refused while the lead has reopened the review', async () => {
    await r.setReview('open');
    const res = await createRetest();
    await r.setReview('approved');
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('审核检测计划通过后才能建立复检计划');
  });

  it('is refused when the report has no failed item (a 不合格 the lead reviewed to 合格 does not count)', async () => {
    const failed = await r.sql(`SELECT id FROM testing_records WHERE projectId = :id AND result = 'fail'`, {
      id: r.projectId,
    });
    expect(failed.length).toBe(2);
    const ids = failed.map((f) => f.id);
    await r.exec(`UPDATE testing_records SET reviewedResult = 'pass' WHERE id IN (:ids)`, { ids });
    const res = await createRetest();
    await r.exec('UPDATE testing_records SET reviewedResult = NULL WHERE id IN (:ids)', { ids });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('没有不合格项');
  });

  it('makes the retest plan of exactly the failed items; the same key answers with the same plan', async () => {
    // An item that could not be tested is not retested (针对不合格项).
    const [pass] = await r.sql(
      `SELECT id FROM testing_records WHERE projectId = :id AND result = 'pass' ORDER BY id LIMIT 1`,
      { id: r.projectId },
    );
    await r.exec(`UPDATE testing_records SET result = 'not_testable' WHERE id = :id`, { id: pass.id });
    const k = key('first');
    const res = await createRetest(r.w.admin, k);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      parentProjectId: r.projectId,
      retestOfReportId: original.id,
      retestOfReportNo: original.reportNo,
      planKindLabel: '复检计划',
      singleItemCodes: ['A.8', 'A.12'],
      itemCount: 2,
      siteName: '报告测试大厦（复检）',
    });
    retest = res.body;
    const again = await createRetest(r.w.admin, k);
    expect(again.status).toBe(200);
    expect(again.body.projectId).toBe(retest.projectId);
  });

  it('is made only once: a second request is refused with 复检计划只能进行一次', async () => {
    const res = await createRetest();
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('复检计划只能进行一次');
    const [{ c }] = await r.sql('SELECT COUNT(*) AS c FROM projects WHERE parentProjectId = :id', {
      id: r.projectId,
    });
    expect(Number(c)).toBe(1);
    const ofRetest = await createRetest(r.w.admin, key('nested'), retest.projectId);
    expect(ofRetest.status).toBe(409);
    expect(ofRetest.body.error.message).toContain('复检计划只能进行一次');
  });

  it('the original report now names its retest and offers no second one', async () => {
    const res = await r.t.request('GET', `/api/reports/${original.id}`, { token: r.w.admin });
    expect(res.body.retestProjectId).toBe(retest.projectId);
    expect(res.body.abilities.createRetest).toBe(false);
  });
});

describe('the retest plan follows the normal flow', () => {
  let plan: any;
  it('the lead sees it as 复检计划 with only the failed items, and dispatches it to an operator', async () => {
    const res = await r.t.request('GET', `/api/projects/${retest.projectId}/testing-plan`, {
      token: r.w.projectLead,
    });
    expect(res.status).toBe(200);
    plan = res.body;
    expect(plan).toMatchObject({
      planKind: 'retest',
      planKindLabel: '复检计划',
      parentProjectId: r.projectId,
      retestOfReportId: original.id,
      itemCount: 2,
      dispatchStatus: 'not_dispatched',
    });
    const items = plan.buildings.flatMap((b: any) =>
      b.singleItems.flatMap((s: any) => s.subItems.flatMap((sub: any) => sub.items)),
    );
    const failed = await r.sql(
      `SELECT planItemId FROM testing_records WHERE projectId = :id AND result = 'fail' ORDER BY id`,
      { id: r.projectId },
    );
    expect(items.map((i: any) => i.planItemId).sort()).toEqual(failed.map((f) => f.planItemId).sort());
    const originalPlan = await r.t.request('GET', `/api/projects/${r.projectId}/testing-plan`, {
      token: r.w.projectLead,
    });
    expect(originalPlan.body).toMatchObject({ planKind: 'testing', planKindLabel: '检测计划' });
    expect(originalPlan.body.itemCount).toBeGreaterThan(2);
    // The lead's review page says the same: 复检计划 naming the original, 检测计划 for the original.
    const review = (id: number) =>
      r.t.request('GET', `/api/projects/${id}/testing-review`, { token: r.w.projectLead });
    expect((await review(retest.projectId)).body).toMatchObject({
      planKind: 'retest',
      planKindLabel: '复检计划',
      parentProjectId: r.projectId,
    });
    expect((await review(r.projectId)).body).toMatchObject({
      planKind: 'testing',
      planKindLabel: '检测计划',
      parentProjectId: null,
    });

    const operator = (await Account.findOne({ where: { accountName: 'caozuo01' } }))!;
    const dispatched = await r.t.request(
      'PUT',
      `/api/projects/${retest.projectId}/testing-plan/assignments`,
      {
        token: r.w.projectLead,
        body: {
          assignments: plan.buildings[0].singleItems.map((s: any) => ({
            planSingleItemId: s.planSingleItemId,
            operatorAccountIds: [operator.id],
          })),
        },
      },
    );
    expect(dispatched.status).toBe(200);
    expect(dispatched.body.dispatchStatus).toBe('dispatched');
    const received = await r.t.request('GET', '/api/operators/me/testing-assignments', {
      token: await r.t.login('caozuo01'),
    });
    const mine = received.body.items.filter((i: any) => i.projectId === retest.projectId);
    expect(mine.map((i: any) => i.code)).toEqual(['A.8', 'A.12']);
    expect(mine.every((i: any) => i.itemCount === 1)).toBe(true);
  });

  it('tests the original project’s buildings: listed read only, none added to the retest', async () => {
    const list = await r.t.request('GET', `/api/projects/${retest.projectId}/buildings`, {
      token: r.w.admin,
    });
    expect(list.status).toBe(200);
    expect(list.body.items.map((b: any) => b.name)).toEqual(['主楼']);
    expect(list.body.items[0].abilities).toEqual({ update: false, delete: false });
    const add = await r.t.request('POST', `/api/projects/${retest.projectId}/buildings`, {
      token: r.w.admin,
      body: plainBuilding('附楼'),
    });
    expect(add.status).toBe(409);
    expect(add.body.error.message).toContain('复检计划使用原检测项目的建筑物');
  });

  it('refuses its report until the lead approved its own review (the original’s approval does not count)', async () => {
    const res = await generate(retest.projectId);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('项目负责人审核检测计划通过后才能生成检测报告');
  });

  it('gets its own 复检报告 naming the original; the original report is unchanged', async () => {
    // The retest records, all 合格 now, as the submission would have stored them (its own feature tests that).
    const operator = (await Account.findOne({ where: { accountName: 'caozuo01' } }))!;
    const now = new Date();
    await r.exec(
      `INSERT INTO testing_tasks (projectId, operatorAccountId, idempotencyKey, planSingleItemIds, status, startedAt, createdAt, updatedAt)
       VALUES (:projectId, :op, 'retest-task-1', '[]', 'started', :now, :now, :now)`,
      { projectId: retest.projectId, op: operator.id, now },
    );
    const [task] = await r.sql('SELECT id FROM testing_tasks WHERE projectId = :id', {
      id: retest.projectId,
    });
    let i = 0;
    for (const single of plan.buildings[0].singleItems)
      for (const sub of single.subItems)
        for (const item of sub.items)
          await r.exec(
            `INSERT INTO testing_records (projectId, testingTaskId, operatorAccountId, idempotencyKey, submissionKey,
               planItemId, planSubItemId, planSingleItemId, itemId, itemClass, position, result, measuredValue,
               computedResult, mismatch, reviewedResult, reviewReason, photoFileIds, note, status, recordedAt,
               submittedAt, createdAt, updatedAt)
             VALUES (:projectId, :task, :op, :key, 'retest-submission', :planItemId, :planSubItemId, :planSingleItemId,
               :itemId, :cls, '1', 'pass', NULL, 'pass', :f, NULL, NULL, :photos, '整改后复检合格', 'approved', :now, :now, :now, :now)`,
            {
              projectId: retest.projectId,
              task: task.id,
              op: operator.id,
              key: `retest-record-${i++}`,
              planItemId: item.planItemId,
              planSubItemId: sub.planSubItemId,
              planSingleItemId: single.planSingleItemId,
              itemId: item.itemId,
              cls: item.class,
              f: false,
              photos: JSON.stringify([r.photoFileId]),
              now,
            },
          );
    await r.exec(`UPDATE projects SET testingReviewStatus = 'approved' WHERE id = :id`, {
      id: retest.projectId,
    });
    const res = await generate(retest.projectId);
    expect(res.status).toBe(202);
    const report = await untilGenerated(res.body.id);
    expect(report.status).toBe('uploaded');
    expect(report).toMatchObject({
      projectId: retest.projectId,
      attributeLabel: '复检计划',
      retestOfReportId: original.id,
      retestOfReportNo: original.reportNo,
      retestProjectId: null,
    });
    expect(report.abilities.createRetest).toBe(false);
    expect(report.conclusion).toContain('综合评定：合格');
    const text = pdfText(await download(report.reportFileUrl));
    expect(text).toContain('建筑消防设施复检报告');
    expect(text).toContain('报告测试大厦');
    expect(text).not.toContain('报告测试大厦（复检）');
    expect(text).toContain(original.reportNo);
    expect(text).toContain('原检测报告中的不合格项');
    expect(text).toMatch(/A\.12自动喷水灭火系统\s+1\s+0（>0）/);

    const after = await r.t.request('GET', `/api/reports/${original.id}`, { token: r.w.admin });
    expect(after.body.hashes).toEqual(original.hashes);
    expect(after.body).toMatchObject({
      status: original.status,
      conclusion: original.conclusion,
      reportNo: original.reportNo,
    });
    const originalText = pdfText(await download(original.reportFileUrl));
    expect(originalText).toContain('建筑消防设施检测报告');
    expect(originalText).not.toContain('复检');
  }, 300_000);
});
