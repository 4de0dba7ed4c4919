import { generateMaintenanceReportSchema, idParamSchema, reportViewSchema } from '@xf/domain';
import { route } from '../core/route';
import { findProject } from '../projects/find';
import { presentReports } from '../reports/present';
import '../reports/policies';
import { startMaintenanceReport } from './service';

export const maintenanceReportRoutes = [
  route({
    method: 'post',
    path: '/projects/:id/maintenance-reports',
    summary:
      '生成维保报告（机构管理员）：按项目和月份生成建筑消防设施维护保养情况表（Word和PDF）；当月下发的维保计划全部完成并经项目负责人审核通过，且任务提交时间不晚于该月最后一天23:59:59（北京时间）；未解决的故障在以后各月报告中继续列出；在报告列表中查看进度；同一请求编号只生成一次',
    tag: '报告',
    params: idParamSchema,
    policy: { action: 'generate', resource: 'report', load: (p: { id: number }) => findProject(p.id) },
    body: generateMaintenanceReportSchema,
    response: reportViewSchema,
    handler: async ({ subject, body, actor, app, context, ctx }) => {
      const { report, replayed } = await startMaintenanceReport(context, subject, body);
      ctx.status = replayed ? 200 : 202;
      return (await presentReports(app, actor, [report]))[0]!;
    },
  }),
];
