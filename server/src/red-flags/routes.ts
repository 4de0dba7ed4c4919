import { positiveId } from '@xf/domain';
import { Op, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import { booleanQuery, pageQuerySchema, redFlagKindListSchema, redFlagListSchema } from '@xf/domain';
import { route } from '../core/route';
import { findPage } from '../core/page';
import { scopeWhere } from '../core/policy';
import { institutionScope } from '../institutions/policies';
import { RedFlag } from './model';
import { presentRedFlag, redFlagKindLabels } from './service';
import './policies';

export const redFlagRoutes = [
  route({
    method: 'get',
    path: '/red-flags',
    summary: '跟踪标红列表',
    tag: '跟踪标红',
    policy: { action: 'list', resource: 'red_flag' },
    query: pageQuerySchema.extend({
      kind: z.string().max(40).optional().meta({ label: '类别' }),
      subjectType: z.string().max(40).optional().meta({ label: '对象类别' }),
      subjectId: positiveId().optional().meta({ label: '对象编号' }),
      institutionId: positiveId().optional().meta({ label: '机构' }),
      open: booleanQuery.optional().meta({ label: '未处理' }),
    }),
    response: redFlagListSchema,
    handler: async ({ query, actor }) => {
      const filters: WhereOptions<RedFlag>[] = [scopeWhere(await institutionScope(actor, 'institutionId'))];
      for (const k of ['institutionId', 'kind', 'subjectType', 'subjectId'] as const)
        if (query[k] !== undefined) filters.push({ [k]: query[k] });
      if (query.open !== undefined) filters.push({ clearedAt: query.open ? null : { [Op.ne]: null } });
      const { rows, count } = await findPage(
        RedFlag,
        {
          where: { [Op.and]: filters },
          order: [['id', 'DESC']],
        },
        query.page,
        query.pageSize,
      );
      return { items: rows.map(presentRedFlag), total: count, page: query.page, pageSize: query.pageSize };
    },
  }),
  route({
    method: 'get',
    path: '/red-flags/kinds',
    summary: '标红类别',
    tag: '跟踪标红',
    response: redFlagKindListSchema,
    handler: () => Object.entries(redFlagKindLabels).map(([kind, label]) => ({ kind, label })),
  }),
];
