import { Op, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import { isoDate, pageQuerySchema, putWorkLogSchema, workLogClientIdSchema } from '@xf/domain';
import { route } from '../core/route';
import { visibleInstitutionIds } from '../institutions/tenancy';
import { WorkLog } from './model';
import { presentWorkLogs, putWorkLog } from './service';

const tag = '工作日志';

export const workLogRoutes = [
  route({
    method: 'put',
    path: '/work-logs/:clientId',
    summary: '提交工作日志（按客户端编号幂等：重复提交不会产生重复记录）',
    tag,
    kinds: ['operator'],
    guards: ['approvedFace'],
    params: z.object({ clientId: workLogClientIdSchema }),
    body: putWorkLogSchema,
    handler: async ({ params, body, app, actor, requestId, ctx }) => {
      const { log, created } = await putWorkLog(app, actor, params.clientId, body, requestId);
      ctx.status = created ? 201 : 200;
      return (await presentWorkLogs([log]))[0];
    },
  }),
  route({
    method: 'get',
    path: '/work-logs',
    summary: '工作日志列表（操作员看本人；机构管理员看本机构；总队、支队按管辖）',
    tag,
    kinds: ['operator', 'institution_admin', 'technical_lead', 'project_lead', 'brigade', 'detachment'],
    query: pageQuerySchema.extend({
      accountId: z.coerce.number().int().positive().optional(),
      institutionId: z.coerce.number().int().positive().optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
    }),
    handler: async ({ query, actor }) => {
      const where: WhereOptions<WorkLog> = {};
      if (actor.kind === 'operator') Object.assign(where, { accountId: actor.id });
      else {
        const ids = await visibleInstitutionIds(actor);
        if (ids !== null) Object.assign(where, { institutionId: { [Op.in]: ids } });
        if (query.institutionId)
          Object.assign(where, {
            institutionId: ids === null || ids.includes(query.institutionId) ? query.institutionId : -1,
          });
        if (query.accountId) Object.assign(where, { accountId: query.accountId });
      }
      if (query.from || query.to)
        Object.assign(where, {
          date: {
            ...(query.from ? { [Op.gte]: query.from } : {}),
            ...(query.to ? { [Op.lte]: query.to } : {}),
          },
        });
      const { rows, count } = await WorkLog.findAndCountAll({
        where,
        order: [
          ['date', 'DESC'],
          ['id', 'DESC'],
        ],
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return { items: await presentWorkLogs(rows), total: count, page: query.page, pageSize: query.pageSize };
    },
  }),
];
