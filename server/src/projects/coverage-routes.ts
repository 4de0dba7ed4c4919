import { coverageListQuerySchema, idParamSchema } from '@xf/domain';
import { authorize } from '../core/policy';
import { route } from '../core/route';
import { findInstitution } from '../institutions/service';
import { visibleInstitutionIds } from '../institutions/tenancy';
import '../institutions/policies';
import { coverageFor } from './coverage';

const tag = '在线执业覆盖率';

export const coverageRoutes = [
  route({
    method: 'get',
    path: '/institutions/:id/coverage',
    summary: '机构在线执业覆盖率：双随机系统中本机构的维保/检测项目有多少已关联本系统的项目，并列出未关联的',
    tag,
    kinds: ['brigade', 'detachment', 'institution_admin', 'technical_lead'],
    params: idParamSchema,
    handler: async ({ params, actor }) => {
      const institution = await findInstitution(params.id);
      await authorize(actor, 'read', 'institution', institution, '无权查看其他机构的信息');
      return (await coverageFor([institution.id]))[0];
    },
  }),
  route({
    method: 'get',
    path: '/coverage',
    summary: '各机构在线执业覆盖率（总队看全部机构，支队看有本支队双随机项目的机构）',
    tag,
    kinds: ['brigade', 'detachment'],
    query: coverageListQuerySchema,
    handler: async ({ query, actor }) => {
      const rows = await coverageFor(await visibleInstitutionIds(actor));
      const items = rows
        .filter((r) => !query.name || r.institutionName.includes(query.name))
        .map(({ unlinked, ...r }) => ({ ...r, unlinkedCount: unlinked.length }));
      const total = items.reduce((n, r) => n + r.total, 0);
      const linked = items.reduce((n, r) => n + r.linked, 0);
      return {
        items,
        summary: {
          total,
          linked,
          rate: total ? Math.round((linked / total) * 10_000) / 10_000 : null,
        },
      };
    },
  }),
];
