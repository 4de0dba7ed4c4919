import {
  directMaintenanceReportSchema,
  directTestingReportSchema,
  idParamSchema,
  replaceReportSchema,
  reportListQuerySchema,
  reportPageSchema,
  reportViewSchema,
} from '@xf/domain';
import { Op, type WhereOptions } from 'sequelize';
import type { AppContext } from '../context';
import type { Actor } from '../core/actor';
import { listScope, scopeWhere } from '../core/policy';
import { route } from '../core/route';
import { findPage } from '../core/page';
import { parseOrThrow } from '../core/validation';
import { findProject } from '../projects/find';
import { Report } from './models';
import { presentReports } from './present';
import { deleteReport, fileReport, findReport, replaceReport, uploadDirectReport } from './service';
import './policies';

const tag = '报告';
const project = (params: { id: number }) => findProject(params.id);
const load = (params: { id: number }) => findReport(params.id);
const view = async (app: AppContext, actor: Actor, row: Report) =>
  (await presentReports(app, actor, [row]))[0]!;

export const reportRoutes = [
  route({
    method: 'post',
    path: '/projects/:id/direct-reports/maintenance',
    summary:
      '直接上传维保报告（特殊申请通过后）：计划性质、计划对应日期月份（在维保月份内）、PDF报告（先经 /files 上传，≤50M）、报告结论',
    tag,
    params: idParamSchema,
    policy: { action: 'upload', resource: 'report', load: project },
    body: directMaintenanceReportSchema,
    response: reportViewSchema,
    handler: async ({ subject, body, actor, app, context, ctx }) => {
      const report = await uploadDirectReport(context, subject, { kind: 'maintenance', ...body });
      ctx.status = 201;
      return view(app, actor, report);
    },
  }),
  route({
    method: 'post',
    path: '/projects/:id/direct-reports/testing',
    summary:
      '直接上传检测报告（特殊申请通过后，须在检测期限内）：检测计划名称、PDF检测报告、PDF原始记录（先经 /files 上传，≤50M）、报告结论',
    tag,
    params: idParamSchema,
    policy: { action: 'upload', resource: 'report', load: project },
    body: directTestingReportSchema,
    response: reportViewSchema,
    handler: async ({ subject, body, actor, app, context, ctx }) => {
      const report = await uploadDirectReport(context, subject, { kind: 'testing', ...body });
      ctx.status = 201;
      return view(app, actor, report);
    },
  }),
  route({
    method: 'get',
    path: '/reports',
    summary: '报告列表：总队全部；机构本机构；支队只看管辖归属内已备案的报告',
    tag,
    policy: { action: 'list', resource: 'report' },
    query: reportListQuerySchema,
    response: reportPageSchema,
    handler: async ({ query, actor, app }) => {
      // The scope comes first: a detachment's list stays on filed reports whatever the query asks.
      const filters: WhereOptions<Report>[] = [scopeWhere(await listScope(actor, 'report'))];
      if (query.kind) filters.push({ kind: query.kind });
      if (query.projectId) filters.push({ projectId: query.projectId });
      if (query.status) filters.push({ status: query.status });
      const { rows, count } = await findPage(
        Report,
        { where: { [Op.and]: filters }, order: [['id', 'DESC']] },
        query.page,
        query.pageSize,
      );
      return {
        items: await presentReports(app, actor, rows),
        total: count,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  }),
  route({
    method: 'get',
    path: '/reports/:id',
    summary: '报告详情',
    tag,
    params: idParamSchema,
    policy: { action: 'read', resource: 'report', load },
    response: reportViewSchema,
    handler: async ({ subject, actor, app }) => view(app, actor, subject),
  }),
  route({
    method: 'put',
    path: '/reports/:id',
    summary: '修改未备案的直接上传报告（备案后的报告不能被删除和修改）；请求体同上传接口',
    tag,
    params: idParamSchema,
    policy: { action: 'replace', resource: 'report', load },
    body: replaceReportSchema,
    response: reportViewSchema,
    handler: async ({ subject: report, body, actor, app, context }) => {
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
      return view(app, actor, await replaceReport(context, report, project, input));
    },
  }),
  route({
    method: 'delete',
    path: '/reports/:id',
    summary: '删除未备案的直接上传报告（备案后的报告不能被删除和修改）',
    tag,
    params: idParamSchema,
    policy: { action: 'delete', resource: 'report', load },
    handler: async ({ subject, context, ctx }) => {
      await deleteReport(context, subject);
      ctx.status = 204;
    },
  }),
  route({
    method: 'post',
    path: '/reports/:id/file',
    summary: '技术负责人备案报告：上传现场人脸照片与已审核的人脸底图比对，通过后备案并推送给管辖支队',
    tag,
    params: idParamSchema,
    policy: { action: 'file', resource: 'report', load },
    upload: { field: 'photo', accept: ['image'] },
    response: reportViewSchema,
    handler: async ({ subject, actor, app, context, file }) =>
      view(app, actor, await fileReport(context, subject, file!.buffer)),
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
