import {
  coverageListQuerySchema,
  coverageListSchema,
  idParamSchema,
  institutionCoverageSchema,
} from '@xf/domain';
import { route } from '../core/route';
import { findInstitution } from '../institutions/service';
import { visibleInstitutionIds } from '../institutions/tenancy';
import { coverageFor, listCoverage } from './coverage';
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
    summary:
      '各机构在线执业覆盖率，分页（总队看全部机构，支队看有本支队双随机项目的机构）；汇总为全部符合条件的机构',
    tag,
    policy: { action: 'list', resource: 'coverage' },
    query: coverageListQuerySchema,
    response: coverageListSchema,
    handler: async ({ query, actor }) => listCoverage(await visibleInstitutionIds(actor), query),
  }),
];
