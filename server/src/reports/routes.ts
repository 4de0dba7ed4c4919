import {
  directMaintenanceReportSchema,
  directTestingReportSchema,
  idParamSchema,
  reportListQuerySchema,
} from '@xf/domain';
import { conflict } from '../core/errors';
import { authorize } from '../core/policy';
import { route } from '../core/route';
import { parseOrThrow } from '../core/validation';
import { findProject } from '../projects/find';
import { Report } from './models';
import { presentReports } from './present';
import { deleteReport, fileReport, findReport, replaceReport, uploadDirectReport } from './service';
import { reportVisibility } from './visibility';
import './policies';

const tag = '报告';
const denied = '只能处理本机构的项目';

export const reportRoutes = [
  route({
    method: 'post',
    path: '/projects/:id/direct-reports/maintenance',
    summary:
      '直接上传维保报告（特殊申请通过后）：计划性质、计划对应日期月份（在维保月份内）、PDF报告（先经 /files 上传，≤50M）、报告结论',
    tag,
    kinds: ['institution_admin'],
    params: idParamSchema,
    body: directMaintenanceReportSchema,
    handler: async ({ params, body, actor, app, requestId, ctx }) => {
      const project = await findProject(params.id);
      await authorize(actor, 'uploadReport', 'project', project, denied);
      const report = await uploadDirectReport(
        app,
        actor,
        project,
        { kind: 'maintenance', ...body },
        requestId,
      );
      ctx.status = 201;
      return (await presentReports([report]))[0];
    },
  }),
  route({
    method: 'post',
    path: '/projects/:id/direct-reports/testing',
    summary:
      '直接上传检测报告（特殊申请通过后，须在检测期限内）：检测计划名称、PDF检测报告、PDF原始记录（先经 /files 上传，≤50M）、报告结论',
    tag,
    kinds: ['institution_admin'],
    params: idParamSchema,
    body: directTestingReportSchema,
    handler: async ({ params, body, actor, app, requestId, ctx }) => {
      const project = await findProject(params.id);
      await authorize(actor, 'uploadReport', 'project', project, denied);
      const report = await uploadDirectReport(app, actor, project, { kind: 'testing', ...body }, requestId);
      ctx.status = 201;
      return (await presentReports([report]))[0];
    },
  }),
  route({
    method: 'get',
    path: '/reports',
    summary: '报告列表：总队全部；机构本机构；支队只看管辖归属内已备案的报告',
    tag,
    kinds: ['brigade', 'detachment', 'institution_admin', 'technical_lead'],
    query: reportListQuerySchema,
    handler: async ({ query, actor }) => {
      await authorize(actor, 'list', 'report');
      const visible = await reportVisibility(actor);
      if (!visible) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
      const where: Record<string, unknown> = { ...(visible as object) };
      if (query.kind) where.kind = query.kind;
      if (query.projectId) where.projectId = query.projectId;
      // A detachment's filter stays on filed reports whatever the query asks.
      if (query.status && actor.kind !== 'detachment') where.status = query.status;
      if (query.status && actor.kind === 'detachment' && query.status !== 'filed')
        return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
      const { rows, count } = await Report.findAndCountAll({
        where,
        order: [['id', 'DESC']],
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return { items: await presentReports(rows), total: count, page: query.page, pageSize: query.pageSize };
    },
  }),
  route({
    method: 'get',
    path: '/reports/:id',
    summary: '报告详情',
    tag,
    params: idParamSchema,
    handler: async ({ params, actor }) => {
      const report = await findReport(params.id);
      await authorize(actor, 'read', 'report', report, '无权查看此报告');
      return (await presentReports([report]))[0];
    },
  }),
  route({
    method: 'put',
    path: '/reports/:id',
    summary: '修改未备案的直接上传报告（备案后的报告不能被删除和修改）；请求体同上传接口',
    tag,
    kinds: ['institution_admin'],
    params: idParamSchema,
    body: directMaintenanceReportSchema.partial().extend(directTestingReportSchema.partial().shape),
    handler: async ({ params, body, actor, app, requestId }) => {
      const report = await findReport(params.id);
      await authorize(actor, 'replace', 'report', report, denied);
      const project = await findProject(report.projectId);
      const input =
        report.kind === 'maintenance'
          ? {
              kind: 'maintenance' as const,
              ...parseOrThrow(directMaintenanceReportSchema, withCurrent(report, body), 'body'),
            }
          : {
              kind: 'testing' as const,
              ...parseOrThrow(directTestingReportSchema, withCurrent(report, body), 'body'),
            };
      const done = await replaceReport(app, actor, report, project, input, requestId);
      return (await presentReports([done]))[0];
    },
  }),
  route({
    method: 'delete',
    path: '/reports/:id',
    summary: '删除未备案的直接上传报告（备案后的报告不能被删除和修改）',
    tag,
    kinds: ['institution_admin'],
    params: idParamSchema,
    handler: async ({ params, actor, app, requestId, ctx }) => {
      const report = await findReport(params.id);
      await authorize(actor, 'delete', 'report', report, denied);
      await deleteReport(app, actor, report, requestId);
      ctx.status = 204;
    },
  }),
  route({
    method: 'post',
    path: '/reports/:id/file',
    summary:
      '技术负责人备案报告：上传现场人脸照片（photo）与已审核的人脸底图比对，通过后备案并推送给管辖支队',
    tag,
    kinds: ['technical_lead'],
    params: idParamSchema,
    upload: { field: 'photo', accept: ['image'] },
    handler: async ({ params, actor, app, file, requestId }) => {
      const report = await findReport(params.id);
      await authorize(actor, 'file', 'report', report, '只能备案本机构的报告');
      if (report.status === 'filed') throw conflict('该报告已备案，不能重复备案', 'status');
      const done = await fileReport(app, actor, report, file!.buffer, requestId);
      return (await presentReports([done]))[0];
    },
  }),
];

/** The stored values stand in for the fields a replacement leaves out. */
function withCurrent(report: Report, body: Record<string, unknown>) {
  const current = {
    planKind: report.planKind ?? undefined,
    planMonth: report.planMonth ?? undefined,
    planName: report.planName ?? undefined,
    reportFileId: report.reportFileId,
    rawRecordFileId: report.rawRecordFileId ?? undefined,
    conclusion: report.conclusion,
  };
  return { ...current, ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) };
}
