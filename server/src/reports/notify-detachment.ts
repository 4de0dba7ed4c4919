import { Op } from 'sequelize';
import { Account } from '../accounts/models';
import type { AppContext } from '../context';
import { Institution } from '../institutions/models';
import { Project } from '../projects/models';
import { Report } from './models';

/**
 * 备案后推送给管辖支队 (manual §02/§03 技术负责人审核和备案 2): a filed report shows in the detachment's 已接收报告
 * list and each of the detachment's contacts with a bound WeChat gets a subscribe message. One job per filing
 * fans out into one job per contact, so a retry resends only the message that failed.
 */
export const REPORT_FILED_JOB = 'report.filed.notify-detachment';
export const REPORT_FILED_MESSAGE_JOB = 'report.filed.message';

/** Queued after the filing commits; the job id makes a second queueing of the same report a no-op. */
export async function queueDetachmentNotice(app: AppContext, reportId: number) {
  await app.jobs.add(REPORT_FILED_JOB, { reportId }, { jobId: `report-${reportId}` });
}

/** WeChat limits: a `thing` value is at most 20 characters. */
const thing = (s: string) => (s.length > 20 ? `${s.slice(0, 19)}…` : s);

async function fanOut(app: AppContext, reportId: number) {
  const report = await Report.findByPk(reportId);
  if (!report || report.status !== 'filed') return;
  const project = await Project.findByPk(report.projectId, { attributes: ['id', 'detachmentId'] });
  if (!project) return;
  const contacts = await Account.findAll({
    where: {
      kind: 'detachment',
      detachmentId: project.detachmentId,
      disabled: false,
      wechatOpenId: { [Op.ne]: null },
    },
    attributes: ['id'],
  });
  for (const c of contacts)
    await app.jobs.add(
      REPORT_FILED_MESSAGE_JOB,
      { reportId, accountId: c.id },
      { jobId: `report-${reportId}-${c.id}` },
    );
}

async function sendOne(app: AppContext, reportId: number, accountId: number) {
  const [report, account] = await Promise.all([Report.findByPk(reportId), Account.findByPk(accountId)]);
  if (!report || !account?.wechatOpenId || account.disabled) return;
  const [project, institution] = await Promise.all([
    Project.findByPk(report.projectId, { attributes: ['siteName'] }),
    Institution.findByPk(report.institutionId, { attributes: ['name'] }),
  ]);
  await app.wechat.sendSubscribeMessage({
    toOpenId: account.wechatOpenId,
    templateId: app.config.wechatTemplates.reportFiled,
    data: {
      thing1: { value: thing(project?.siteName ?? '') },
      thing2: { value: thing(institution?.name ?? '') },
      thing3: { value: report.kind === 'testing' ? '检测报告已备案' : '维保报告已备案' },
      date4: { value: report.filedOn ?? '' },
    },
  });
  app.logger.info({ reportId, accountId }, 'report filing sent to detachment contact');
}

/** Registered with the other background work (jobs.ts); tests register it themselves. */
export function registerDetachmentNotifier(app: AppContext) {
  app.jobs.process(REPORT_FILED_JOB, (data: { reportId: number }) => fanOut(app, data.reportId));
  app.jobs.process(REPORT_FILED_MESSAGE_JOB, (data: { reportId: number; accountId: number }) =>
    sendOne(app, data.reportId, data.accountId),
  );
}
