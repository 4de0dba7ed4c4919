import { Op, type WhereOptions } from 'sequelize';
import {
  clientContactInputSchema,
  clientContactParamsSchema,
  clientInputSchema,
  clientListQuerySchema,
  idParamSchema,
} from '@xf/domain';
import { authorize } from '../core/policy';
import { route } from '../core/route';
import '../projects/field-labels';
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
const denied = '只能管理本机构的甲方单位';

export const clientRoutes = [
  route({
    method: 'get',
    path: '/clients',
    summary: '甲方单位列表（机构管理员看本机构，总队看全部），按甲方名称搜索',
    tag,
    kinds: ['brigade', 'institution_admin'],
    query: clientListQuerySchema,
    handler: async ({ query, actor }) => {
      await authorize(actor, 'list', 'client');
      const where: WhereOptions<Client> = {};
      if (actor.kind === 'institution_admin') Object.assign(where, { institutionId: actor.institutionId });
      else if (query.institutionId) Object.assign(where, { institutionId: query.institutionId });
      if (query.name) Object.assign(where, { name: { [Op.like]: `%${query.name}%` } });
      const { rows, count } = await Client.findAndCountAll({
        where,
        order: [['id', 'DESC']],
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      const contacts = await ClientContact.findAll({
        where: { clientId: { [Op.in]: rows.map((c) => c.id) } },
        order: [['id', 'ASC']],
      });
      return {
        items: rows.map((c) =>
          presentClient(
            c,
            contacts.filter((k) => k.clientId === c.id),
          ),
        ),
        total: count,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  }),
  route({
    method: 'post',
    path: '/clients',
    summary: '添加甲方单位（甲方名称、所属城市、详细地址）',
    tag,
    kinds: ['institution_admin'],
    body: clientInputSchema,
    handler: async ({ body, actor, app, requestId, ctx }) => {
      await authorize(actor, 'create', 'client');
      ctx.status = 201;
      return createClient(app, actor, body, requestId);
    },
  }),
  route({
    method: 'get',
    path: '/clients/:id',
    summary: '甲方单位详情及联系人',
    tag,
    kinds: ['brigade', 'institution_admin'],
    params: idParamSchema,
    handler: async ({ params, actor }) => {
      const client = await findClient(params.id);
      await authorize(actor, 'read', 'client', client, '无权查看其他机构的甲方单位');
      const contacts = await ClientContact.findAll({
        where: { clientId: client.id },
        order: [['id', 'ASC']],
      });
      return presentClient(client, contacts);
    },
  }),
  route({
    method: 'put',
    path: '/clients/:id',
    summary: '修改甲方单位',
    tag,
    kinds: ['institution_admin'],
    params: idParamSchema,
    body: clientInputSchema,
    handler: async ({ params, body, actor, app, requestId }) => {
      const client = await findClient(params.id);
      await authorize(actor, 'update', 'client', client, denied);
      return updateClient(app, actor, client, body, requestId);
    },
  }),
  route({
    method: 'delete',
    path: '/clients/:id',
    summary: '删除甲方单位（已被项目或合同使用的不能删除）',
    tag,
    kinds: ['institution_admin'],
    params: idParamSchema,
    handler: async ({ params, actor, app, requestId, ctx }) => {
      const client = await findClient(params.id);
      await authorize(actor, 'delete', 'client', client, denied);
      await deleteClient(app, actor, client, requestId);
      ctx.status = 204;
    },
  }),
  route({
    method: 'post',
    path: '/clients/:id/contacts',
    summary: '添加甲方联系人（姓名、手机号码、职务）',
    tag,
    kinds: ['institution_admin'],
    params: idParamSchema,
    body: clientContactInputSchema,
    handler: async ({ params, body, actor, app, requestId, ctx }) => {
      const client = await findClient(params.id);
      await authorize(actor, 'manageContacts', 'client', client, denied);
      ctx.status = 201;
      return createContact(app, actor, client, body, requestId);
    },
  }),
  route({
    method: 'put',
    path: '/clients/:id/contacts/:contactId',
    summary: '修改甲方联系人',
    tag,
    kinds: ['institution_admin'],
    params: clientContactParamsSchema,
    body: clientContactInputSchema,
    handler: async ({ params, body, actor, app, requestId }) => {
      const client = await findClient(params.id);
      await authorize(actor, 'manageContacts', 'client', client, denied);
      const contact = await findContact(client, params.contactId);
      return updateContact(app, actor, client, contact, body, requestId);
    },
  }),
  route({
    method: 'delete',
    path: '/clients/:id/contacts/:contactId',
    summary: '删除甲方联系人（已被项目或合同使用的不能删除）',
    tag,
    kinds: ['institution_admin'],
    params: clientContactParamsSchema,
    handler: async ({ params, actor, app, requestId, ctx }) => {
      const client = await findClient(params.id);
      await authorize(actor, 'manageContacts', 'client', client, denied);
      const contact = await findContact(client, params.contactId);
      await deleteContact(app, actor, client, contact, requestId);
      ctx.status = 204;
    },
  }),
];
