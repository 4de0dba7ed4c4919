import { Op, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import {
  accountListQuerySchema,
  accountListSchema,
  accountViewSchema,
  createDetachmentAccountSchema,
  createInstitutionAdminSchema,
  createStaffAccountSchema,
  idParamSchema,
  projectLeadRefusal,
  resetPasswordSchema,
  staffCandidateSchema,
  type AccountView,
} from '@xf/domain';
import type { RequestContext } from '../core/command';
import { route } from '../core/route';
import { findPage } from '../core/page';
import { listScope, scopeWhere } from '../core/policy';
import { forbidden } from '../core/errors';
import { Person } from '../institutions/models';
import { presentPersonBrief } from '../institutions/present';
import { Account } from './models';
import { accountView, presentAccount } from './present';
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
const load = (params: { id: number }) => findAccount(params.id);

/** The three ways to issue an account differ only in what the body names (person, institution, detachment). */
function created<S extends z.ZodType>(
  path: string,
  action: string,
  body: S,
  create: (context: RequestContext, input: z.infer<S>) => Promise<AccountView>,
  summary: string,
) {
  return route({
    method: 'post',
    path: `/accounts/${path}`,
    summary,
    tag,
    policy: { action, resource: 'account' },
    body,
    response: accountViewSchema,
    handler: async ({ body, context, ctx }) => {
      const result = await create(context, body as z.infer<S>);
      ctx.status = 201;
      return result;
    },
  });
}

export const accountRoutes = [
  route({
    method: 'get',
    path: '/accounts',
    summary: '账号列表（总队看全部，机构管理员看本机构人员账号）',
    tag,
    policy: { action: 'list', resource: 'account' },
    query: accountListQuerySchema,
    response: accountListSchema,
    handler: async ({ query, actor }) => {
      const filters: WhereOptions<Account>[] = [scopeWhere(await listScope(actor, 'account'))];
      if (query.kind) filters.push({ kind: query.kind });
      if (query.institutionId) filters.push({ institutionId: query.institutionId });
      if (query.q)
        filters.push({
          [Op.or]: [
            { accountName: { [Op.like]: `%${query.q}%` } },
            { displayName: { [Op.like]: `%${query.q}%` } },
          ],
        });
      const { rows, count } = await findPage(
        Account,
        {
          where: { [Op.and]: filters },
          order: [['id', 'ASC']],
        },
        query.page,
        query.pageSize,
      );
      const items = await Promise.all(rows.map((a) => accountView(actor, a)));
      return { items, total: count, page: query.page, pageSize: query.pageSize };
    },
  }),
  route({
    method: 'get',
    path: '/accounts/candidates',
    summary: '可开通账号的本机构已备案人员（“选择”弹窗），含系统判定的账号类别',
    tag,
    policy: { action: 'createStaff', resource: 'account' },
    query: z.object({ name: z.string().max(60).optional().meta({ label: '姓名' }) }),
    response: z.array(staffCandidateSchema),
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
      return persons.flatMap((p) => {
        const accountKind = staffKindOf(p);
        return !withAccounts.has(p.id) && accountKind ? [{ ...presentPersonBrief(p), accountKind }] : [];
      });
    },
  }),
  route({
    method: 'get',
    path: '/accounts/project-lead-candidates',
    summary: '可担任项目负责人的账号（已过滤技术负责人）',
    tag,
    kinds: ['institution_admin', 'brigade'],
    query: z.object({ institutionId: z.coerce.number().int().positive().optional().meta({ label: '机构' }) }),
    response: z.array(accountViewSchema),
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
  created(
    'staff',
    'createStaff',
    createStaffAccountSchema,
    createStaffAccount,
    '机构管理员为本机构已备案人员开通APP或微信端账号（类别由证书自动判定）',
  ),
  created(
    'institution-admin',
    'createInstitutionAdmin',
    createInstitutionAdminSchema,
    createInstitutionAdmin,
    '总队派发机构管理员账号（首次登录须修改密码）',
  ),
  created(
    'detachment',
    'createDetachment',
    createDetachmentAccountSchema,
    createDetachmentAccount,
    '总队派发支队账号（首次登录须修改密码）',
  ),
  route({
    method: 'post',
    path: '/accounts/:id/reset-password',
    summary: '重置密码（被重置的账号下次登录须修改密码）',
    tag,
    params: idParamSchema,
    policy: { action: 'resetPassword', resource: 'account', load, refusal: '只能重置本机构人员的账号密码' },
    body: resetPasswordSchema,
    response: accountViewSchema,
    handler: async ({ subject, body, actor, context }) =>
      accountView(actor, await resetPassword(context, subject, body.password)),
  }),
  ...(['disable', 'enable'] as const).map((action) =>
    route({
      method: 'post',
      path: `/accounts/:id/${action}`,
      summary: action === 'disable' ? '停用账号' : '启用账号',
      tag,
      params: idParamSchema,
      policy: { action, resource: 'account', load, refusal: '只能管理本机构人员的账号' },
      response: accountViewSchema,
      handler: async ({ subject: account, actor, context }) => {
        if (account.id === actor.id) throw forbidden('不能停用自己的账号');
        const changed = await changeAccount(context, account, `account.${action}d`, {
          disabled: action === 'disable',
          ...(action === 'disable' ? { tokenVersion: account.tokenVersion + 1 } : {}),
        });
        return accountView(actor, changed);
      },
    }),
  ),
];
