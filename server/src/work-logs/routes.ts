import { Op, type WhereOptions } from 'sequelize';
import {
  putWorkLogSchema,
  workLogListQuerySchema,
  workLogListSchema,
  workLogParamsSchema,
  workLogViewSchema,
} from '@xf/domain';
import { listScope, scopeWhere } from '../core/policy';
import { route } from '../core/route';
import { findPage } from '../core/page';
import { WorkLog } from './model';
import { presentWorkLogs, putWorkLog } from './service';
import './policies';

const tag = '工作日志';

export const workLogRoutes = [
  route({
    method: 'put',
    path: '/work-logs/:idempotencyKey',
    summary: '提交工作日志（按请求编号只建一次：重复提交返回原记录，离线修改后以同一编号再提交则更新该记录）',
    tag,
    policy: { action: 'write', resource: 'work_log' },
    guards: ['approvedFace'],
    params: workLogParamsSchema,
    body: putWorkLogSchema,
    response: workLogViewSchema,
    handler: async ({ params, body, context, ctx }) => {
      const { log, created } = await putWorkLog(context, params.idempotencyKey, body);
      ctx.status = created ? 201 : 200;
      return (await presentWorkLogs([log]))[0];
    },
  }),
  route({
    method: 'get',
    path: '/work-logs',
    summary: '工作日志列表（操作员看本人；机构管理员看本机构；总队、支队按管辖）',
    tag,
    policy: { action: 'list', resource: 'work_log' },
    query: workLogListQuerySchema,
    response: workLogListSchema,
    handler: async ({ query, actor }) => {
      const filters: WhereOptions<WorkLog>[] = [scopeWhere(await listScope(actor, 'work_log'))];
      // An operator's list is their own whatever the query names.
      if (actor.kind !== 'operator') {
        if (query.institutionId) filters.push({ institutionId: query.institutionId });
        if (query.accountId) filters.push({ accountId: query.accountId });
      }
      if (query.from) filters.push({ date: { [Op.gte]: query.from } });
      if (query.to) filters.push({ date: { [Op.lte]: query.to } });
      const { rows, count } = await findPage(
        WorkLog,
        {
          where: { [Op.and]: filters },
          order: [
            ['date', 'DESC'],
            ['id', 'DESC'],
          ],
        },
        query.page,
        query.pageSize,
      );
      return { items: await presentWorkLogs(rows), total: count, page: query.page, pageSize: query.pageSize };
    },
  }),
];
