import { Op, type WhereOptions } from 'sequelize';
import {
  clientContactInputSchema,
  clientContactParamsSchema,
  clientContactViewSchema,
  clientInputSchema,
  clientListQuerySchema,
  clientListSchema,
  clientViewSchema,
  idParamSchema,
} from '@xf/domain';
import { abilities, listScope, scopeWhere } from '../core/policy';
import { route } from '../core/route';
import { findPage } from '../core/page';
import type { Actor } from '../core/actor';
import { Client, ClientContact } from './models';
import { presentClient } from './present';
import {
  createClient,
  createContact,
  deleteClient,
  deleteContact,
  findClient,
  findContact,
  updateClient,
  updateContact,
} from './service';
import './policies';

const tag = '甲方单位';
const load = (params: { id: number }) => findClient(params.id);

/** A client as the actor sees it: its contacts and what the actor may do with it. */
async function view(actor: Actor, client: Client, contacts?: ClientContact[]) {
  return { ...presentClient(client, contacts), abilities: await abilities(actor, 'client', client) };
}

export const clientRoutes = [
  route({
    method: 'get',
    path: '/clients',
    summary: '甲方单位列表（机构管理员看本机构，总队看全部），按甲方名称搜索',
    tag,
    policy: { action: 'list', resource: 'client' },
    query: clientListQuerySchema,
    response: clientListSchema,
    handler: async ({ query, actor }) => {
      const filters: WhereOptions<Client>[] = [scopeWhere(await listScope(actor, 'client'))];
      if (query.institutionId) filters.push({ institutionId: query.institutionId });
      if (query.name) filters.push({ name: { [Op.like]: `%${query.name}%` } });
      const { rows, count } = await findPage(
        Client,
        {
          where: { [Op.and]: filters },
          order: [['id', 'DESC']],
        },
        query.page,
        query.pageSize,
      );
      const contacts = await ClientContact.findAll({
        where: { clientId: { [Op.in]: rows.map((c) => c.id) } },
        order: [['id', 'ASC']],
      });
      const items = await Promise.all(
        rows.map((c) =>
          view(
            actor,
            c,
            contacts.filter((k) => k.clientId === c.id),
          ),
        ),
      );
      return { items, total: count, page: query.page, pageSize: query.pageSize };
    },
  }),
  route({
    method: 'post',
    path: '/clients',
    summary: '添加甲方单位（甲方名称、所属城市、详细地址）',
    tag,
    policy: { action: 'create', resource: 'client' },
    body: clientInputSchema,
    response: clientViewSchema,
    handler: async ({ body, actor, context, ctx }) => {
      ctx.status = 201;
      return view(actor, await createClient(context, body), []);
    },
  }),
  route({
    method: 'get',
    path: '/clients/:id',
    summary: '甲方单位详情及联系人',
    tag,
    params: idParamSchema,
    policy: { action: 'read', resource: 'client', load },
    response: clientViewSchema,
    handler: async ({ subject: client, actor }) => {
      const contacts = await ClientContact.findAll({
        where: { clientId: client.id },
        order: [['id', 'ASC']],
      });
      return view(actor, client, contacts);
    },
  }),
  route({
    method: 'put',
    path: '/clients/:id',
    summary: '修改甲方单位',
    tag,
    params: idParamSchema,
    policy: { action: 'update', resource: 'client', load },
    body: clientInputSchema,
    response: clientViewSchema,
    handler: async ({ subject, body, actor, context }) =>
      view(actor, await updateClient(context, subject, body)),
  }),
  route({
    method: 'delete',
    path: '/clients/:id',
    summary: '删除甲方单位（已被项目或合同使用的不能删除）',
    tag,
    params: idParamSchema,
    policy: { action: 'delete', resource: 'client', load },
    handler: async ({ subject, context, ctx }) => {
      await deleteClient(context, subject);
      ctx.status = 204;
    },
  }),
  route({
    method: 'post',
    path: '/clients/:id/contacts',
    summary: '添加甲方联系人（姓名、手机号码、职务）',
    tag,
    params: idParamSchema,
    policy: { action: 'manageContacts', resource: 'client', load },
    body: clientContactInputSchema,
    response: clientContactViewSchema,
    handler: async ({ subject, body, context, ctx }) => {
      ctx.status = 201;
      return createContact(context, subject, body);
    },
  }),
  route({
    method: 'put',
    path: '/clients/:id/contacts/:contactId',
    summary: '修改甲方联系人',
    tag,
    params: clientContactParamsSchema,
    policy: { action: 'manageContacts', resource: 'client', load },
    body: clientContactInputSchema,
    response: clientContactViewSchema,
    handler: async ({ subject, params, body, context }) =>
      updateContact(context, subject, await findContact(subject, params.contactId), body),
  }),
  route({
    method: 'delete',
    path: '/clients/:id/contacts/:contactId',
    summary: '删除甲方联系人（已被项目或合同使用的不能删除）',
    tag,
    params: clientContactParamsSchema,
    policy: { action: 'manageContacts', resource: 'client', load },
    handler: async ({ subject, params, context, ctx }) => {
      await deleteContact(context, subject, await findContact(subject, params.contactId));
      ctx.status = 204;
    },
  }),
];
