import {
  checkMaintenanceReportGeneration,
  monthLabelOf,
  type GenerateMaintenanceReportInput,
} from '@xf/domain';
import { Op } from 'sequelize';
import type { RequestContext } from '../core/command';
import { badRequest, conflict } from '../core/errors';
import { beijingToday } from '../core/time';
import type { Project } from '../projects/models';
import { assertInProgress } from '../projects/state';
import { startGeneration } from '../reports/generation';
import { Report } from '../reports/models';
import { readMonthWork } from './source';

/**
 * 生成维保报告 (manual §03 机构管理员在电脑端生成维保报告 1–2): per project and month, once the month's dispatched plans
 * are complete and approved, only with tasks submitted by the month's last day 23:59:59 Beijing
 * (checkMaintenanceReportGeneration), never while one is generating nor once the month's report is filed. The row
 * is created 生成中 and the generation job renders the Word and PDF.
 */
export async function startMaintenanceReport(
  context: RequestContext,
  project: Project,
  input: GenerateMaintenanceReportInput,
) {
  const { app } = context;
  if (project.kind !== 'maintenance')
    throw conflict('项目类别：只有维保项目才能生成维保报告，检测项目请生成检测报告', 'kind');
  assertInProgress(project);
  const work = await readMonthWork(app.sequelize, project.id, input.month);
  const rule = checkMaintenanceReportGeneration({
    month: input.month,
    today: beijingToday(),
    contractStart: project.contractStart,
    contractEnd: project.contractEnd,
    firstMonth: project.firstMonth,
    lastMonth: project.lastMonth,
    plans: work.plans,
    tasks: work.tasks,
  });
  if (!rule.ok) {
    const field = rule.field === 'month' ? 'month' : rule.field;
    if (rule.field === 'month') throw badRequest(rule.message, field);
    throw conflict(rule.message, field);
  }
  const label = monthLabelOf(input.month);
  return startGeneration(context, {
    project,
    kind: 'maintenance',
    idempotencyKey: input.idempotencyKey,
    payload: { projectId: project.id, month: input.month, remarks: input.remarks },
    fields: {
      planKind: 'month',
      planMonth: input.month,
      planName: `${label}维保报告`,
      remarks: input.remarks,
    },
    numberPrefix: '消维',
    assertNotRunning: async (transaction) => {
      const existing = await Report.findAll({
        where: {
          projectId: project.id,
          kind: 'maintenance',
          planMonth: input.month,
          status: { [Op.in]: ['generating', 'filed'] },
        },
        transaction,
      });
      if (existing.some((r) => r.status === 'filed'))
        throw conflict(`该项目${label}的维保报告已备案，备案后的报告不能被删除和修改`, 'month');
      if (existing.length)
        throw conflict(`该项目${label}的维保报告正在生成，请在“查看维保报告”中等待生成完成`, 'month');
    },
  });
}
