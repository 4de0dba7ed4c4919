import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Account } from '../../src/accounts/models';
import type { InProcessJobQueue } from '../../src/platform/jobs/in-process-queue';
import { WechatError } from '../../src/platform/wechat/wechat-client';
import type { FakeWechatMessage } from '../../src/platform/wechat/fake-wechat-server';
import { Project } from '../../src/projects/models';
import { Notification } from '../../src/reminders/models';
import { registerReminderJobs, remindLeadOfSubmission } from '../../src/reminders/service';
import { runCommand, systemContext } from '../../src/core/command';
import { fieldWorld, onSiteWgs, type FieldWorld } from '../site-requests/field-world';

let f: FieldWorld;
let operatorName: string;
const leadOpenId = 'o-reminder-lead';

const queue = () => f.t.app.jobs as InProcessJobQueue;
const outbox = () => f.t.app.devServices.find((s) => s.wechatOutbox)!.wechatOutbox!() as FakeWechatMessage[];

beforeAll(async () => {
  f = await fieldWorld();
  registerReminderJobs(f.t.app);
  await Account.update({ wechatOpenId: leadOpenId }, { where: { id: f.w.leadId } });
  operatorName = (await Account.findOne({ where: { accountName: 'caozuo01' } }))!.displayName;
}, 180_000);
afterAll(async () => f?.t.close());

describe('提醒：现场申请 → 项目负责人的微信订阅消息', () => {
  it('a start request queues one job and the (fake) WeChat receives the lead’s subscribe message', async () => {
    const before = outbox().length;
    const created = await f.createTask(f.tokens.caozuo01, { planSingleItemIds: f.singles[0] });
    expect(created.status).toBe(201);
    await queue().drain();
    const sent = outbox().slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      toOpenId: leadOpenId,
      templateId: 'dev-tpl-site-request',
      page: `pages/site-requests/index?id=${created.body.startRequest.id}`,
      data: {
        thing1: { value: '现场申请测试大厦' },
        thing2: { value: '开始申请待处理' },
        name3: { value: operatorName },
      },
    });
    expect(sent[0]!.data.time4!.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('retries a send WeChat failed on its side, and does not retry a lead who has not subscribed', async () => {
    const send = vi.spyOn(f.t.app.wechat, 'sendSubscribeMessage');
    try {
      send.mockRejectedValueOnce(new WechatError(-1, '微信服务繁忙，请稍后再试', 502));
      const before = outbox().length;
      const created = await f.createTask(f.tokens.caozuo01, { planSingleItemIds: f.singles[1] });
      expect(created.status).toBe(201);
      await queue().drain();
      expect(send).toHaveBeenCalledTimes(2);
      expect(outbox().slice(before)).toHaveLength(1);

      send.mockClear();
      await Account.update({ wechatOpenId: 'o-refuse-lead' }, { where: { id: f.w.leadId } });
      const refused = await f.createTask(f.tokens.caozuo01, { planSingleItemIds: f.singles[2] });
      expect(refused.status).toBe(201);
      await queue().drain();
      expect(send).toHaveBeenCalledTimes(1);
      expect(outbox().slice(before)).toHaveLength(1);
    } finally {
      send.mockRestore();
      await Account.update({ wechatOpenId: leadOpenId }, { where: { id: f.w.leadId } });
    }
  });

  it('a testing submission reminds the lead with its own template; a rolled-back change reminds nobody', async () => {
    const submission = {
      project: (await Project.findByPk(f.projectId))!,
      operatorName,
      testingTaskId: 9001,
      recordCount: 37,
    };
    const before = outbox().length;
    await runCommand(systemContext(f.t.app), 'test.submitted', async (c) => {
      await remindLeadOfSubmission(c, submission);
      return { result: null, audit: null };
    });
    await expect(
      runCommand(systemContext(f.t.app), 'test.submitted', async (c) => {
        await remindLeadOfSubmission(c, { ...submission, testingTaskId: 9002 });
        throw new Error('提交失败');
      }),
    ).rejects.toThrow('提交失败');
    await queue().drain();
    const sent = outbox().slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      toOpenId: leadOpenId,
      templateId: 'dev-tpl-testing-submission',
      page: `pages/testing-review/index?id=${f.projectId}`,
      data: { thing2: { value: '37条检测记录待审核' }, name3: { value: operatorName } },
    });
  });

  it('the lead’s decision reaches the operator’s app as a notification', async () => {
    const pending = await f.t.request('GET', '/api/site-requests?status=pending', { token: f.tokens.lead });
    const [first, second] = pending.body.items as { id: number }[];
    const approved = await f.approve(first!.id, f.tokens.lead, onSiteWgs);
    expect(approved.status).toBe(200);
    const rejected = await f.t.request('POST', `/api/site-requests/${second!.id}/reject`, {
      token: f.tokens.lead,
      body: { reason: '请到现场后重新申请' },
    });
    expect(rejected.status).toBe(200);

    const mine = await f.t.request('GET', '/api/me/notifications?unread=true', { token: f.tokens.caozuo01 });
    expect(mine.status).toBe(200);
    expect(mine.body.unread).toBe(2);
    expect(mine.body.items.map((n: any) => [n.subjectId, n.kind, n.title])).toEqual([
      [second!.id, 'site_request_rejected', '开始申请已驳回'],
      [first!.id, 'site_request_approved', '开始申请已同意'],
    ]);
    expect(mine.body.items[0].body).toBe('现场申请测试大厦：开始申请已驳回（请到现场后重新申请）');
    // Nobody else sees them; reading clears the count.
    const others = await f.t.request('GET', '/api/me/notifications', { token: f.tokens.caozuo02 });
    expect(others.body.items).toHaveLength(0);
    const read = await f.t.request('POST', '/api/me/notifications/read', { token: f.tokens.caozuo01 });
    expect(read.body.unread).toBe(0);
    expect(await Notification.count({ where: { readAt: null } })).toBe(0);
  });

  it('gives the mini-program the configured template ids; only leads ask for them', async () => {
    const lead = await f.t.request('GET', '/api/wechat/subscribe-templates', { token: f.tokens.lead });
    expect(lead.status).toBe(200);
    expect(lead.body.templateIds).toEqual([
      'dev-tpl-site-request',
      'dev-tpl-testing-submission',
      'dev-tpl-maintenance-submission',
    ]);
    expect(lead.body.templates[0]).toMatchObject({ topic: 'site_request', title: '现场申请待处理提醒' });
    const operator = await f.t.request('GET', '/api/wechat/subscribe-templates', {
      token: f.tokens.caozuo01,
    });
    expect(operator.status).toBe(403);
  });
});
