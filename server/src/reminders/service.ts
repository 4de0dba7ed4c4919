import type { NotificationKind, ReminderTopic } from '@xf/domain';
import { siteRequestKindLabels } from '@xf/domain';
import { Account } from '../accounts/models';
import type { AppContext } from '../context';
import type { CommandContext } from '../core/command';
import { WechatError } from '../platform/wechat/wechat-client';
import { Project } from '../projects/models';
import type { SiteRequest } from '../site-requests/models';
import { Notification } from './models';

/**
 * Reminders (manual §02 项目负责人在微信端比对位置和人脸 4): a WeChat subscribe message to the project lead when a
 * request or a submission waits, sent by a job (retried by the queue) once the change has committed; the lead's
 * decision becomes a notification row the operator's app reads (operators have no WeChat).
 */
export const REMINDER_JOB = 'reminders.wechat';

export interface ReminderJob {
  accountId: number;
  topic: ReminderTopic;
  /** The mini-program page the message opens. */
  page: string;
  data: Record<string, { value: string }>;
}

/** WeChat's limits on template fields: thing ≤ 20 characters, name ≤ 10. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Beijing time as WeChat's `time` fields want it: 2026-12-02 14:05. */
export const wechatTime = (d: Date) =>
  new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

function templateData(siteName: string, what: string, operator: string, at: Date) {
  return {
    thing1: { value: clip(siteName, 20) },
    thing2: { value: clip(what, 20) },
    name3: { value: clip(operator, 10) },
    time4: { value: wechatTime(at) },
  };
}

/** Queues the job after the command's transaction commits: a rolled-back change reminds nobody. */
function queueAfterCommit(c: CommandContext, job: ReminderJob, jobId: string) {
  c.transaction.afterCommit(() => {
    c.app.jobs.add(REMINDER_JOB, job, { jobId }).catch((err: unknown) => {
      c.app.logger.error({ err, jobId }, '提醒任务加入队列失败');
    });
  });
}

async function leadAndOperator(c: CommandContext, projectId: number, operatorId: number) {
  const project = (await Project.findByPk(projectId, { transaction: c.transaction }))!;
  const operator = await Account.findByPk(operatorId, { transaction: c.transaction });
  return { project, operatorName: operator?.displayName ?? '' };
}

/** 开始申请/提交申请 filed: remind the project's lead. Call inside the command that creates the request. */
export async function remindLeadOfSiteRequest(c: CommandContext, request: SiteRequest) {
  const { project, operatorName } = await leadAndOperator(c, request.projectId, request.requestedBy);
  queueAfterCommit(
    c,
    {
      accountId: project.projectLeadAccountId,
      topic: 'site_request',
      page: `pages/site-requests/index?id=${request.id}`,
      data: templateData(
        project.siteName,
        `${siteRequestKindLabels[request.kind]}待处理`,
        operatorName,
        request.requestedAt,
      ),
    },
    `site-request-${request.id}`,
  );
}

/**
 * A submission's lead and operator: the submitting command has both at hand (the project it locked, the actor),
 * so the reminder costs no query inside a transaction that is writing thousands of rows.
 */
interface SubmissionReminder {
  project: Pick<Project, 'id' | 'projectLeadAccountId' | 'siteName'>;
  operatorName: string;
  recordCount: number;
}

/** Records of a task submitted (待审核): remind the project's lead. Call inside the submission's command. */
export async function remindLeadOfSubmission(
  c: CommandContext,
  submission: SubmissionReminder & { testingTaskId: number },
) {
  const { project, operatorName } = submission;
  queueAfterCommit(
    c,
    {
      accountId: project.projectLeadAccountId,
      topic: 'testing_submission',
      page: `pages/testing-review/index?id=${project.id}`,
      data: templateData(
        project.siteName,
        `${submission.recordCount}条检测记录待审核`,
        operatorName,
        new Date(),
      ),
    },
    `testing-submission-${submission.testingTaskId}`,
  );
}

/** A maintenance task submitted (待审核): remind the project's lead. Call inside the submission's command. */
export async function remindLeadOfMaintenanceSubmission(
  c: CommandContext,
  submission: SubmissionReminder & { maintenanceTaskId: number },
) {
  const { project, operatorName } = submission;
  queueAfterCommit(
    c,
    {
      accountId: project.projectLeadAccountId,
      topic: 'maintenance_submission',
      page: `pages/maintenance-review/index?id=${submission.maintenanceTaskId}`,
      data: templateData(
        project.siteName,
        `维保任务${submission.recordCount}条记录待审核`,
        operatorName,
        new Date(),
      ),
    },
    `maintenance-submission-${submission.maintenanceTaskId}-${Date.now()}`,
  );
}

/** The lead decided a request: the operator's app shows it. Call inside the deciding command. */
export async function notifyOperatorOfDecision(c: CommandContext, request: SiteRequest) {
  const project = (await Project.findByPk(request.projectId, { transaction: c.transaction }))!;
  const approved = request.status === 'approved';
  const label = siteRequestKindLabels[request.kind];
  await Notification.create(
    {
      accountId: request.requestedBy,
      kind: approved ? 'site_request_approved' : 'site_request_rejected',
      title: `${label}${approved ? '已同意' : '已驳回'}`,
      body: `${project.siteName}：${label}${approved ? '已同意' : '已驳回'}${
        request.decisionReason ? `（${request.decisionReason}）` : ''
      }`.slice(0, 500),
      subjectType: 'site_request',
      subjectId: request.id,
    },
    { transaction: c.transaction },
  );
}

/**
 * The job: one subscribe message. A user-side refusal (not subscribed, no such openid) is final and only
 * logged; anything else (WeChat busy, network) throws so the queue retries it.
 */
export function registerReminderJobs(app: AppContext) {
  app.jobs.process(REMINDER_JOB, async (job: ReminderJob) => {
    const templateId = app.config.reminderTemplates[job.topic];
    if (!templateId) return;
    const account = await Account.findByPk(job.accountId);
    if (!account?.wechatOpenId) {
      app.logger.info({ accountId: job.accountId, topic: job.topic }, '提醒未发送：该账号未绑定微信');
      return;
    }
    try {
      await app.wechat.sendSubscribeMessage({
        toOpenId: account.wechatOpenId,
        templateId,
        page: job.page,
        data: job.data,
      });
    } catch (err) {
      if (err instanceof WechatError && err.status === 400) {
        app.logger.warn({ accountId: job.accountId, errcode: err.errcode }, `提醒未送达：${err.message}`);
        return;
      }
      throw err;
    }
  });
}

/**
 * Something for the operator's app from the lead (a task 审核不通过 or 退回, a 排查/维修 task assigned). Call inside
 * the deciding command.
 */
export async function notifyOperator(
  c: CommandContext,
  row: {
    accountId: number;
    kind: NotificationKind;
    title: string;
    body: string;
    subjectType: string;
    subjectId: number;
  },
) {
  await Notification.create({ ...row, body: row.body.slice(0, 500) }, { transaction: c.transaction });
}
