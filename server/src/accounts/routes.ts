import { Op, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import {
  ACCOUNT_KINDS,
  createDetachmentAccountSchema,
  createInstitutionAdminSchema,
  createStaffAccountSchema,
  idParamSchema,
  pageQuerySchema,
  projectLeadRefusal,
  resetPasswordSchema,
} from '@xf/domain';
import { route } from '../core/route';
import { authorize } from '../core/policy';
import { forbidden } from '../core/errors';
import { Person } from '../institutions/models';
import { presentPersonBrief } from '../institutions/present';
import { Account } from './models';
import { presentAccount } from './present';
import {
  changeAccount,
  createDetachmentAccount,
  createInstitutionAdmin,
  createStaffAccount,
  findAccount,
  resetPassword,
  staffKindOf,
} from './service';
import './policies';

const tag = '账号';

export const accountRoutes = [
  route({
    method: 'get',
    path: '/accounts',
    summary: '账号列表（总队看全部，机构管理员看本机构人员账号）',
    tag,
    kinds: ['brigade', 'institution_admin'],
    query: pageQuerySchema.extend({
      kind: z.enum(ACCOUNT_KINDS).optional(),
      institutionId: z.coerce.number().int().positive().optional(),
      q: z.string().max(60).optional(),
    }),
    handler: async ({ query, actor }) => {
      await authorize(actor, 'list', 'account');
      const where: WhereOptions<Account> = {};
      if (query.kind) Object.assign(where, { kind: query.kind });
      if (actor.kind === 'institution_admin')
        Object.assign(where, { institutionId: actor.institutionId, kind: { [Op.ne]: 'institution_admin' } });
      else if (query.institutionId) Object.assign(where, { institutionId: query.institutionId });
      if (query.q)
        Object.assign(where, {
          [Op.or]: [
            { accountName: { [Op.like]: `%${query.q}%` } },
            { displayName: { [Op.like]: `%${query.q}%` } },
          ],
        });
      const { rows, count } = await Account.findAndCountAll({
        where,
        order: [['id', 'ASC']],
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return { items: rows.map(presentAccount), total: count, page: query.page, pageSize: query.pageSize };
    },
  }),
  route({
    method: 'get',
    path: '/accounts/candidates',
    summary: '可开通账号的本机构已备案人员（“选择”弹窗），含系统判定的账号类别',
    tag,
    kinds: ['institution_admin'],
    query: z.object({ name: z.string().max(60).optional() }),
    handler: async ({ query, actor }) => {
      const persons = await Person.findAll({
        where: {
          institutionId: actor.institutionId!,
          inRegistry: true,
          ...(query.name ? { name: { [Op.like]: `%${query.name}%` } } : {}),
        },
        order: [['id', 'ASC']],
      });
      const withAccounts = new Set(
        (
          await Account.findAll({ where: { personId: persons.map((p) => p.id) }, attributes: ['personId'] })
        ).map((a) => a.personId),
      );
      return persons
        .filter((p) => !withAccounts.has(p.id) && staffKindOf(p))
        .map((p) => ({ ...presentPersonBrief(p), accountKind: staffKindOf(p) }));
    },
  }),
  route({
    method: 'get',
    path: '/accounts/project-lead-candidates',
    summary: '可担任项目负责人的账号（已过滤技术负责人）',
    tag,
    kinds: ['institution_admin', 'brigade'],
    query: z.object({ institutionId: z.coerce.number().int().positive().optional() }),
    handler: async ({ query, actor }) => {
      const institutionId = actor.kind === 'institution_admin' ? actor.institutionId! : query.institutionId;
      if (!institutionId) return [];
      const accounts = await Account.findAll({
        where: { institutionId, kind: { [Op.in]: ['project_lead', 'technical_lead'] } },
        order: [['id', 'ASC']],
      });
      return accounts.filter((a) => projectLeadRefusal(a) === null).map(presentAccount);
    },
  }),
  route({
    method: 'post',
    path: '/accounts/staff',
    summary: '机构管理员为本机构已备案人员开通APP或微信端账号（类别由证书自动判定）',
    tag,
    kinds: ['institution_admin'],
    body: createStaffAccountSchema,
    handler: async ({ body, actor, app, requestId, ctx }) => {
      await authorize(actor, 'createStaff', 'account');
      const result = await createStaffAccount(app, actor, body, requestId);
      ctx.status = 201;
      return result;
    },
  }),
  route({
    method: 'post',
    path: '/accounts/institution-admin',
    summary: '总队派发机构管理员账号（首次登录须修改密码）',
    tag,
    kinds: ['brigade'],
    body: createInstitutionAdminSchema,
    handler: async ({ body, actor, app, requestId, ctx }) => {
      await authorize(actor, 'createInstitutionAdmin', 'account');
      const result = await createInstitutionAdmin(app, actor, body, requestId);
      ctx.status = 201;
      return result;
    },
  }),
  route({
    method: 'post',
    path: '/accounts/detachment',
    summary: '总队派发支队账号（首次登录须修改密码）',
    tag,
    kinds: ['brigade'],
    body: createDetachmentAccountSchema,
    handler: async ({ body, actor, app, requestId, ctx }) => {
      await authorize(actor, 'createDetachment', 'account');
      const result = await createDetachmentAccount(app, actor, body, requestId);
      ctx.status = 201;
      return result;
    },
  }),
  route({
    method: 'post',
    path: '/accounts/:id/reset-password',
    summary: '重置密码（被重置的账号下次登录须修改密码）',
    tag,
    kinds: ['brigade', 'institution_admin'],
    params: idParamSchema,
    body: resetPasswordSchema,
    handler: async ({ params, body, actor, app, requestId }) => {
      const account = await findAccount(params.id);
      await authorize(actor, 'resetPassword', 'account', account, '只能重置本机构人员的账号密码');
      return resetPassword(app, actor, account, body.password, requestId);
    },
  }),
  ...(['disable', 'enable'] as const).map((action) =>
    route({
      method: 'post',
      path: `/accounts/:id/${action}`,
      summary: action === 'disable' ? '停用账号' : '启用账号',
      tag,
      kinds: ['brigade', 'institution_admin'],
      params: idParamSchema,
      handler: async ({ params, actor, app, requestId }) => {
        const account = await findAccount(params.id);
        await authorize(actor, action, 'account', account, '只能管理本机构人员的账号');
        if (account.id === actor.id) throw forbidden('不能停用自己的账号');
        return changeAccount(
          app,
          actor,
          account,
          `account.${action}d`,
          {
            disabled: action === 'disable',
            ...(action === 'disable' ? { tokenVersion: account.tokenVersion + 1 } : {}),
          },
          requestId,
        );
      },
    }),
  ),
];
