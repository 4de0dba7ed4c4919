import { Op, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import {
  complianceViewSchema,
  detachmentListSchema,
  idParamSchema,
  institutionListQuerySchema,
  institutionListSchema,
  institutionViewSchema,
  officeAddressSchema,
  pageQuerySchema,
  personListSchema,
  staffChangeListSchema,
  type ComplianceView,
} from '@xf/domain';
import { Account } from '../accounts/models';
import { staffKindOf } from '../accounts/service';
import { ComplianceRecord } from '../compliance/models';
import { findPage } from '../core/page';
import { abilities, listScope, scopeWhere } from '../core/policy';
import { route } from '../core/route';
import { beijingToday, isoTime, isoTimeOrNull } from '../core/time';
import { RedFlag } from '../red-flags/model';
import { RegistryChange } from '../registries/models';
import { detachmentsById, Institution, Person } from './models';
import { presentInstitution, presentPerson } from './present';
import { confirmRegistration, findInstitution, markOfficeAddress } from './service';
import './policies';

const tag = '服务机构';
const load = (params: { id: number }) => findInstitution(params.id);
const seeRefusal = '无权查看其他机构的信息';
const personsRefusal = '无权查看其他机构的人员';

export const institutionRoutes = [
  route({
    method: 'get',
    path: '/detachments',
    summary: '支队列表',
    tag,
    response: detachmentListSchema,
    handler: async () =>
      [...(await detachmentsById()).values()].map((d) => ({
        id: d.id,
        code: d.code,
        name: d.name,
      })),
  }),
  route({
    method: 'get',
    path: '/institutions',
    summary: '服务机构列表（按名称、省市区、实际办公地址标记情况搜索）',
    tag,
    policy: { action: 'list', resource: 'institution' },
    query: institutionListQuerySchema,
    response: institutionListSchema,
    handler: async ({ query, actor }) => {
      const where: WhereOptions<Institution> = {
        [Op.and]: [scopeWhere(await listScope(actor, 'institution'))],
      };
      if (query.name) Object.assign(where, { name: { [Op.like]: `%${query.name}%` } });
      // Search by region matches the registered address or the marked office address.
      for (const key of ['province', 'city', 'district'] as const) {
        const v = query[key];
        if (!v) continue;
        const officeKey = `office${key[0]!.toUpperCase()}${key.slice(1)}`;
        (where as any)[Op.and].push({ [Op.or]: [{ [key]: v }, { [officeKey]: v }] });
      }
      if (query.officeMarked !== undefined)
        Object.assign(where, { officeMarkedAt: query.officeMarked ? { [Op.ne]: null } : null });
      if (query.complianceStatus) Object.assign(where, { complianceStatus: query.complianceStatus });
      const { rows, count } = await findPage(
        Institution,
        { where, order: [['id', 'ASC']] },
        query.page,
        query.pageSize,
      );
      return {
        items: rows.map(presentInstitution),
        total: count,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  }),
  route({
    method: 'get',
    path: '/institutions/:id',
    summary: '机构基本信息',
    tag,
    params: idParamSchema,
    policy: { action: 'read', resource: 'institution', load, refusal: seeRefusal },
    response: institutionViewSchema,
    handler: async ({ subject, actor }) => ({
      ...presentInstitution(subject),
      abilities: await abilities(actor, 'institution', subject, ['confirmRegistration', 'markOffice']),
    }),
  }),
  route({
    method: 'post',
    path: '/institutions/:id/confirm-registration',
    summary: '机构管理员确认工商注册信息',
    tag,
    params: idParamSchema,
    policy: {
      action: 'confirmRegistration',
      resource: 'institution',
      load,
      refusal: '只能确认本机构的工商注册信息',
    },
    response: institutionViewSchema,
    handler: ({ subject, context }) => confirmRegistration(context, subject),
  }),
  route({
    method: 'put',
    path: '/institutions/:id/office-address',
    summary: '标注机构实际办公地址（坐标默认GCJ-02，WGS-84会被转换）',
    tag,
    params: idParamSchema,
    policy: { action: 'markOffice', resource: 'institution', load, refusal: '只能标注本机构的实际办公地址' },
    body: officeAddressSchema,
    response: institutionViewSchema,
    handler: ({ subject, body, context }) => markOfficeAddress(context, subject, body),
  }),
  route({
    method: 'get',
    path: '/institutions/:id/persons',
    summary: '机构人员信息（来自部局系统，身份证号已脱敏）',
    tag,
    params: idParamSchema,
    query: pageQuerySchema.extend({
      name: z.string().max(60).optional().meta({ label: '名称' }),
      includeLeft: z.enum(['true', 'false']).optional().meta({ label: '包含已离职人员' }),
    }),
    policy: { action: 'listPersons', resource: 'institution', load, refusal: personsRefusal },
    response: personListSchema,
    handler: async ({ subject: i, query }) => {
      const where: WhereOptions<Person> = { institutionId: i.id };
      if (query.includeLeft !== 'true') Object.assign(where, { inRegistry: true });
      if (query.name) Object.assign(where, { name: { [Op.like]: `%${query.name}%` } });
      const { rows, count } = await findPage(
        Person,
        {
          where,
          order: [['id', 'ASC']],
        },
        query.page,
        query.pageSize,
      );
      const personIds = rows.map((p) => p.id);
      const [accounts, flags] = await Promise.all([
        Account.findAll({ where: { personId: { [Op.in]: personIds } }, attributes: ['personId'] }),
        RedFlag.findAll({
          where: { subjectType: 'person', subjectId: { [Op.in]: personIds }, clearedAt: null },
          attributes: ['subjectId'],
        }),
      ]);
      const hasAccount = new Set(accounts.map((a) => a.personId));
      const flagged = new Set(flags.map((f) => f.subjectId));
      const today = beijingToday();
      return {
        items: rows.map((p) =>
          presentPerson(p, today, {
            accountKind: staffKindOf(p),
            hasAccount: hasAccount.has(p.id),
            churnFlag: flagged.has(p.id),
          }),
        ),
        total: count,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  }),
  route({
    method: 'get',
    path: '/institutions/:id/compliance',
    summary: '机构从业条件核查状态、原因与历史',
    tag,
    params: idParamSchema,
    policy: { action: 'read', resource: 'institution', load, refusal: seeRefusal },
    response: complianceViewSchema,
    handler: async ({ subject: i }): Promise<ComplianceView> => {
      const history = await ComplianceRecord.findAll({
        where: { institutionId: i.id },
        order: [['id', 'DESC']],
        limit: 100,
      });
      const admin = await Account.findOne({ where: { institutionId: i.id, kind: 'institution_admin' } });
      return {
        status: i.complianceStatus,
        failures: i.complianceFailures ?? [],
        checkedAt: isoTimeOrNull(i.complianceCheckedAt),
        adminAccountClosed: !!admin?.closedReason,
        history: history.map((h) => ({
          at: isoTime(h.at),
          status: h.status,
          failures: h.failures,
          trigger: h.trigger,
        })),
      };
    },
  }),
  route({
    method: 'get',
    path: '/institutions/:id/staff-changes',
    summary: '机构人员变动记录（加入/离开/变更）',
    tag,
    params: idParamSchema,
    query: pageQuerySchema,
    policy: { action: 'listPersons', resource: 'institution', load, refusal: personsRefusal },
    response: staffChangeListSchema,
    handler: async ({ subject: i, query }) => {
      const { rows, count } = await findPage(
        RegistryChange,
        {
          where: { institutionId: i.id, entity: 'person' },
          order: [['id', 'DESC']],
        },
        query.page,
        query.pageSize,
      );
      return {
        items: rows.map((c) => ({
          personName: c.name,
          change: c.change,
          changeLabel: { joined: '加入', left: '离开', changed: '变更' }[c.change],
          fields: c.fields,
          on: c.on,
        })),
        total: count,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  }),
];
