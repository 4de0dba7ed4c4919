import {
  approveSiteRequestSchema,
  idParamSchema,
  rejectSiteRequestSchema,
  siteRequestListQuerySchema,
  siteRequestListSchema,
  siteRequestViewSchema,
} from '@xf/domain';
import { Op } from 'sequelize';
import type { Actor } from '../core/actor';
import { listScope, scopeWhere } from '../core/policy';
import { route } from '../core/route';
import { SiteRequest } from './models';
import './policies';
import { presentForLead } from './present';
import { approveSiteRequest, loadSiteRequest, rejectSiteRequest } from './service';

const tag = '现场申请';
const load = (params: { id: number }) => loadSiteRequest(params.id);
const view = async (actor: Actor, row: SiteRequest) => (await presentForLead(actor, [row]))[0]!;

export const siteRequestRoutes = [
  route({
    method: 'get',
    path: '/site-requests',
    summary:
      '现场申请列表：项目负责人所负责项目的申请（status=pending 为待处理）；机构管理员看本机构项目的、支队看管辖归属内的、总队看全部（查看提交申请处理）',
    tag,
    policy: { action: 'list', resource: 'site_request' },
    query: siteRequestListQuerySchema,
    response: siteRequestListSchema,
    handler: async ({ actor, query }) => {
      const rows = await SiteRequest.findAll({
        where: {
          [Op.and]: [
            scopeWhere(await listScope(actor, 'site_request')),
            query.status ? { status: query.status } : {},
          ],
        },
        order: [['id', 'DESC']],
      });
      return { items: await presentForLead(actor, rows) };
    },
  }),
  route({
    method: 'post',
    path: '/site-requests/:id/approve',
    summary:
      '同意现场申请：项目负责人须在现场（本人定位在地理围栏内且人脸比对通过）；操作员位置校验或人脸比对未通过时须填写说明，并记入跟踪标红（强行修改判定）',
    tag,
    params: idParamSchema,
    policy: { action: 'approve', resource: 'site_request', load },
    guards: ['approvedFace'],
    upload: { field: 'photo', accept: ['image'] },
    body: approveSiteRequestSchema,
    response: siteRequestViewSchema,
    handler: async ({ subject, body, actor, context, file }) =>
      view(actor, await approveSiteRequest(context, subject, body, file!)),
  }),
  route({
    method: 'post',
    path: '/site-requests/:id/reject',
    summary: '驳回现场申请：项目负责人填写驳回原因',
    tag,
    params: idParamSchema,
    policy: { action: 'reject', resource: 'site_request', load },
    body: rejectSiteRequestSchema,
    response: siteRequestViewSchema,
    handler: async ({ subject, body, actor, context }) =>
      view(actor, await rejectSiteRequest(context, subject, body)),
  }),
];
