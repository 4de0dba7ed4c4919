import {
  coverageListQuerySchema,
  coverageListSchema,
  idParamSchema,
  institutionCoverageSchema,
} from '@xf/domain';
import { route } from '../core/route';
import { findInstitution } from '../institutions/service';
import { visibleInstitutionIds } from '../institutions/tenancy';
import { coverageFor } from './coverage';
import './policies';

const tag = '在线执业覆盖率';

export const coverageRoutes = [
  route({
    method: 'get',
    path: '/institutions/:id/coverage',
    summary: '机构在线执业覆盖率：双随机系统中本机构的维保/检测项目有多少已关联本系统的项目，并列出未关联的',
    tag,
    params: idParamSchema,
    policy: { action: 'read', resource: 'coverage', load: (params) => findInstitution(params.id) },
    response: institutionCoverageSchema,
    handler: async ({ subject }) => (await coverageFor([subject.id]))[0]!,
  }),
  route({
    method: 'get',
    path: '/coverage',
    summary: '各机构在线执业覆盖率（总队看全部机构，支队看有本支队双随机项目的机构）',
    tag,
    policy: { action: 'list', resource: 'coverage' },
    query: coverageListQuerySchema,
    response: coverageListSchema,
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
