import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedFlag } from '../../src/red-flags/model';
import { TestingRecord, TestingReview } from '../../src/testing-records/models';
import { testDialect } from '../support/test-app';
import { newKey, recordWorld, type RecordWorld } from './world';

/**
 * 查询历史记录, APP删除已提交记录 and the lead's review (manual §02 项目负责人审核APP提交结果 … 退回已审核通过的记录),
 * on one project whose every assigned item caozuo01 recorded in one task.
 */
let w: RecordWorld;
let count: number;
let extraId: number;
beforeAll(async () => {
  w = await recordWorld();
  const photo = await w.uploadPhoto(w.tokens.caozuo01);
  const singles = w.singles.slice(0, -1);
  const taskId = await w.quickReadyTask('caozuo01', singles);
  const items = w.itemsOf(singles);
  // One record per item, and a second position of the first item (deleted below).
  const records = [...w.records(items, photo), ...w.records(items.slice(0, 1), photo, { position: '2' })];
  const res = await w.submit(taskId, w.tokens.caozuo01, { idempotencyKey: newKey(), records });
  expect(res.status).toBe(201);
  count = records.length;
  extraId = (await TestingRecord.findOne({ where: { position: '2' } }))!.id;
}, 400_000);
afterAll(async () => w?.t.close());

const get = (path: string, token: string) => w.t.request('GET', path, { token });
const review = (token: string) => get(`/api/projects/${w.projectId}/testing-review`, token);
const act = (action: string, token = w.tokens.lead) =>
  w.t.request('POST', `/api/projects/${w.projectId}/testing-review/${action}`, { token });
const node = (body: Record<string, unknown>, token = w.tokens.lead) =>
  w.t.request('PUT', `/api/projects/${w.projectId}/testing-review/nodes`, { token, body });
const approve = (id: number, body: Record<string, unknown> = {}, token = w.tokens.lead) =>
  w.t.request('POST', `/api/testing-records/${id}/approve`, { token, body });
const del = (id: number, token = w.tokens.caozuo01) =>
  w.t.request('DELETE', `/api/testing-records/${id}`, { token });

const summary = async (token: string) => (await get('/api/home/summary', token)).body;

describe(`首页待办数量 (${testDialect})`, () => {
  it('counts the submitted records waiting for review on the lead home (待审核), and only there', async () => {
    expect(await summary(w.tokens.lead)).toMatchObject({ pendingRequests: 0, pendingReviews: count });
    expect((await summary(w.tokens.otherLead)).pendingReviews).toBe(0);
    expect((await summary(w.tokens.caozuo01)).pendingReviews).toBe(0);
  });
});

describe(`查询历史记录 (${testDialect})`, () => {
  it('shows each account the records of its scope', async () => {
    const list = async (token: string) =>
      (await get(`/api/testing-records?projectId=${w.projectId}`, token)).body.items?.length;
    expect(await list(w.tokens.caozuo01)).toBe(count);
    expect(await list(w.tokens.caozuo02)).toBe(0);
    expect(await list(w.tokens.lead)).toBe(count);
    expect(await list(w.tokens.otherLead)).toBe(0);
    expect(await list(w.w.admin)).toBe(count);
    expect(await list(w.w.otherAdmin)).toBe(0);
    expect(await list(w.w.brigade)).toBe(count);
    expect(await list(w.w.detachment)).toBe(count);
    const mine = await get('/api/testing-records?status=submitted', w.tokens.caozuo01);
    expect(mine.body.items[0]).toMatchObject({
      status: 'submitted',
      statusLabel: '待审核',
      abilities: { delete: true, approve: false, return: false },
      operator: { accountName: 'caozuo01' },
    });
    expect(mine.body.items[0].photoUrls[0]).toMatch(/^\/api\/files\/\d+$/);
    const bad = await get('/api/testing-records?status=done', w.tokens.caozuo01);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('状态');
  });

  it('lets only the operator delete their own waiting record while review is closed', async () => {
    expect((await del(extraId, w.tokens.caozuo02)).status).toBe(403);
    expect((await del(extraId, w.tokens.lead)).status).toBe(403);
    expect((await act('open')).status).toBe(200);
    const open = await del(extraId);
    expect(open.status).toBe(409);
    expect(open.body.error.message).toContain('关闭审核');
    expect((await act('close')).status).toBe(200);
    expect((await del(extraId)).status).toBe(204);
    expect(await TestingRecord.findByPk(extraId)).toBeNull();
    expect((await del(extraId)).status).toBe(404);
    count--;
  });
});

describe(`项目负责人审核 (${testDialect})`, () => {
  it('shows the review to the lead with abilities, to the admin and regulators without', async () => {
    const lead = await review(w.tokens.lead);
    expect(lead.status).toBe(200);
    expect(lead.body).toMatchObject({
      status: 'closed',
      statusLabel: '未开启审核',
      planComplete: true,
      abilities: { open: true, close: false, approve: false, reopen: false, reviewNode: false },
    });
    expect(lead.body.progress[0]).toMatchObject({ recordedItemCount: lead.body.progress[0].itemCount });
    expect(lead.body.progress[0].operators.map((o: any) => o.accountName)).toContain('caozuo01');
    const admin = await review(w.w.admin);
    expect(admin.status).toBe(200);
    expect(Object.values(admin.body.abilities).every((v) => v === false)).toBe(true);
    expect((await review(w.w.detachment)).status).toBe(200);
    expect((await review(w.w.otherAdmin)).status).toBe(403);
    expect((await review(w.tokens.caozuo01)).status).toBe(403);
    expect((await review(w.tokens.otherLead)).status).toBe(403);
    expect((await act('open', w.tokens.otherLead)).status).toBe(403);
    expect((await act('open', w.w.admin)).status).toBe(403);
  });

  it('refuses transitions the review machine does not allow', async () => {
    const closeClosed = await act('close');
    expect(closeClosed.status).toBe(409);
    expect(closeClosed.body.error.message).toBe('审核已关闭');
    const approveClosed = await act('approve');
    expect(approveClosed.status).toBe(409);
    expect(approveClosed.body.error.message).toContain('请先开启审核');
    expect((await act('reopen')).status).toBe(409);
    const rec = (await TestingRecord.findOne({ where: { status: 'submitted' } }))!;
    const early = await approve(rec.id);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('请先开启审核');
    const opened = await act('open');
    expect(opened.status).toBe(200);
    expect(opened.body.abilities).toMatchObject({ close: true, approve: true, reviewNode: true });
    expect((await act('open')).status).toBe(409);
  });

  it('approves records; a changed result needs a reason and raises a red flag with before and after', async () => {
    const [a, b] = await TestingRecord.findAll({
      where: { status: 'submitted' },
      order: [['id', 'ASC']],
      limit: 2,
    });
    expect((await approve(a!.id, {}, w.tokens.otherLead)).status).toBe(403);
    const other = a!.computedResult === 'fail' ? 'pass' : 'fail';
    const noReason = await approve(a!.id, { result: other });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.field).toBe('reason');
    const changed = await approve(a!.id, { result: other, reason: '复核现场确认' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      status: 'approved',
      reviewedResult: other,
      reviewReason: '复核现场确认',
    });
    const flag = (await RedFlag.findOne({ where: { subjectType: 'testing_record', subjectId: a!.id } }))!;
    expect(flag.kind).toBe('forced_override');
    expect(flag.details).toMatchObject({ before: a!.computedResult, after: other });
    expect((await approve(a!.id)).status).toBe(409);
    const same = await approve(b!.id, { result: b!.computedResult });
    expect(same.status).toBe(200);
    expect(await RedFlag.count({ where: { subjectType: 'testing_record', subjectId: b!.id } })).toBe(0);
  });

  it('reviews nodes only in order, and the plan only when everything is reviewed', async () => {
    const view = (await review(w.tokens.lead)).body;
    const single = view.singleItems.find((s: any) =>
      s.subItems.some((x: any) => x.items.some((i: any) => i.records.length)),
    );
    const sub = single.subItems.find((x: any) =>
      x.items.some((i: any) => i.records.some((r: any) => r.status === 'submitted')),
    );
    const early = await node({ level: 'sub_item', nodeId: sub.planSubItemId, verdict: sub.computedVerdict });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('未审核');
    const singleEarly = await node({
      level: 'single_item',
      nodeId: single.planSingleItemId,
      verdict: 'pass',
    });
    expect(singleEarly.status).toBe(409);
    expect(singleEarly.body.error.message).toContain('尚未审核');
    const overallEarly = await node({ level: 'overall', nodeId: 'overall', verdict: 'pass' });
    expect(overallEarly.status).toBe(409);
    const unknown = await node({ level: 'sub_item', nodeId: 'x:y', verdict: 'pass' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.field).toBe('nodeId');
    const planEarly = await act('approve');
    expect(planEarly.status).toBe(409);
    expect(planEarly.body.error.message).toContain('未审核');

    const waiting = await TestingRecord.findAll({ where: { status: 'submitted' } });
    expect(
      (
        await w.t.request('POST', '/api/testing-records/approve', {
          token: w.tokens.otherLead,
          body: { recordIds: waiting.map((r) => r.id) },
        })
      ).status,
    ).toBe(403);
    const approved = await TestingRecord.findOne({ where: { status: 'approved' } });
    const withApproved = await w.t.request('POST', '/api/testing-records/approve', {
      token: w.tokens.lead,
      body: { recordIds: [approved!.id, waiting[0]!.id] },
    });
    expect(withApproved.status).toBe(409);
    const batch = await w.t.request('POST', '/api/testing-records/approve', {
      token: w.tokens.lead,
      body: { recordIds: waiting.map((r) => r.id) },
    });
    expect(batch.status).toBe(200);
    expect(batch.body.items.every((r: any) => r.status === 'approved')).toBe(true);
    expect((await summary(w.tokens.lead)).pendingReviews).toBe(0);

    let tree = (await review(w.tokens.lead)).body;
    const reviewed = tree.singleItems.filter((s: any) =>
      tree.progress.some((p: any) => p.planSingleItemId === s.planSingleItemId),
    );
    let first = true;
    for (const s of reviewed) {
      for (const x of s.subItems) {
        if (first) {
          // The first sub-item judged otherwise: a reason, then a red flag with before and after.
          first = false;
          const other = x.computedVerdict === 'fail' ? 'pass' : 'fail';
          const noReason = await node({ level: 'sub_item', nodeId: x.planSubItemId, verdict: other });
          expect(noReason.status).toBe(400);
          expect(noReason.body.error.field).toBe('reason');
          const flagged = await node({
            level: 'sub_item',
            nodeId: x.planSubItemId,
            verdict: other,
            reason: '现场复核',
          });
          expect(flagged.status).toBe(200);
          const row = (await TestingReview.findOne({ where: { nodeId: x.planSubItemId } }))!;
          expect(row.flagged).toBe(true);
          const flag = (await RedFlag.findOne({
            where: { subjectType: 'testing_review', subjectId: row.id },
          }))!;
          expect(flag.details).toMatchObject({ before: x.computedVerdict, after: other });
          continue;
        }
        const res = await node({ level: 'sub_item', nodeId: x.planSubItemId, verdict: x.computedVerdict });
        expect(res.status, JSON.stringify(res.body.error)).toBe(200);
      }
      const res = await node({
        level: 'single_item',
        nodeId: s.planSingleItemId,
        verdict: s.computedVerdict,
      });
      expect(res.status, JSON.stringify(res.body.error)).toBe(200);
      tree = res.body;
    }
    const overallNoReason = await node({
      level: 'overall',
      nodeId: 'overall',
      verdict: tree.overall.computedVerdict === 'pass' ? 'fail' : 'pass',
    });
    expect(overallNoReason.status).toBe(400);
    const overall = await node({
      level: 'overall',
      nodeId: 'overall',
      verdict: tree.overall.computedVerdict,
    });
    expect(overall.status).toBe(200);
    expect(overall.body.overall.review).toMatchObject({
      verdict: tree.overall.computedVerdict,
      flagged: false,
    });
    const plan = await act('approve');
    expect(plan.status, JSON.stringify(plan.body.error)).toBe(200);
    expect(plan.body).toMatchObject({ status: 'approved', abilities: { reopen: true, close: false } });
  });

  it('returns an approved record: it waits again, its reviews are cleared, the plan is reopened; then it may be deleted', async () => {
    const rec = (await TestingRecord.findOne({ where: { status: 'approved' }, order: [['id', 'ASC']] }))!;
    const refused = await del(rec.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('退回');
    expect(
      (await w.t.request('POST', `/api/testing-records/${rec.id}/return`, { token: w.tokens.otherLead }))
        .status,
    ).toBe(403);
    const back = await w.t.request('POST', `/api/testing-records/${rec.id}/return`, { token: w.tokens.lead });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'submitted', reviewedResult: null });
    expect(
      (await w.t.request('POST', `/api/testing-records/${rec.id}/return`, { token: w.tokens.lead })).status,
    ).toBe(409);
    const tree = (await review(w.tokens.lead)).body;
    expect(tree.status).toBe('open');
    expect(tree.overall.review).toBeNull();
    const single = tree.singleItems.find((s: any) => s.planSingleItemId === rec.planSingleItemId);
    expect(single.review).toBeNull();
    expect(single.subItems.find((x: any) => x.planSubItemId === rec.planSubItemId).review).toBeNull();
    expect((await summary(w.tokens.lead)).pendingReviews).toBe(1);
    expect((await del(rec.id)).status).toBe(409);
    expect((await act('close')).status).toBe(200);
    expect((await del(rec.id)).status).toBe(204);
    expect((await summary(w.tokens.lead)).pendingReviews).toBe(0);
  });

  it('opens review only when 计划完成统计 shows the plan complete', async () => {
    // The deleted record was the only one of its item: the plan is incomplete again.
    const view = (await review(w.tokens.lead)).body;
    expect(view).toMatchObject({ status: 'closed', planComplete: false, abilities: { open: false } });
    const refused = await act('open');
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('不能开启审核：计划尚未完成');
    expect(refused.body.error.message).toContain('计划完成统计');
  });
});
