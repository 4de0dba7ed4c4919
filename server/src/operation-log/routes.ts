import { positiveId } from '@xf/domain';
import { Op, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import { actionLabel, entityLabel, operationLogListSchema, pageQuerySchema } from '@xf/domain';
import { isoTime } from '../core/time';
import { findPage } from '../core/page';
import { route } from '../core/route';
import { OperationLog } from './model';

export const operationLogRoutes = [
  route({
    method: 'get',
    path: '/operation-logs',
    summary: '操作日志（只增不改，总队可查）',
    tag: '操作日志',
    kinds: ['brigade'],
    query: pageQuerySchema.extend({
      actorId: positiveId().optional().meta({ label: '操作人' }),
      entityType: z.string().max(40).optional().meta({ label: '对象类别' }),
      entityId: z.string().max(40).optional().meta({ label: '对象编号' }),
      institutionId: positiveId().optional().meta({ label: '机构' }),
      action: z.string().max(60).optional().meta({ label: '操作' }),
    }),
    response: operationLogListSchema,
    handler: async ({ query }) => {
      const where: WhereOptions<OperationLog> = {};
      for (const k of ['actorId', 'entityType', 'entityId', 'institutionId'] as const)
        if (query[k] !== undefined) Object.assign(where, { [k]: query[k] });
      if (query.action) Object.assign(where, { action: { [Op.like]: `${query.action}%` } });
      const { rows, count } = await findPage(
        OperationLog,
        { where, order: [['id', 'DESC']] },
        query.page,
        query.pageSize,
      );
      return {
        items: rows.map((l) => ({
          id: l.id,
          at: isoTime(l.at),
          actorId: l.actorId,
          actorName: l.actorName,
          action: l.action,
          actionLabel: actionLabel(l.action),
          entityType: l.entityType,
          entityTypeLabel: entityLabel(l.entityType),
          entityId: l.entityId,
          institutionId: l.institutionId,
          before: l.before,
          after: l.after,
          requestId: l.requestId,
        })),
        total: count,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  }),
];
