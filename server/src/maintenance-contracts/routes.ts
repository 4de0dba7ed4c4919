import { Op, type WhereOptions } from 'sequelize';
import {
  idParamSchema,
  maintenanceContractDetailSchema,
  maintenanceContractInputSchema,
  maintenanceContractListQuerySchema,
  maintenanceContractListSchema,
  maintenanceContractViewSchema,
} from '@xf/domain';
import { Client } from '../clients/models';
import { listScope, scopeWhere } from '../core/policy';
import { route } from '../core/route';
import { findPage } from '../core/page';
import { MaintenanceContract, Project } from '../projects/models';
import { presentProjects } from '../projects/present';
import { presentContract, presentContracts } from './present';
import { createContract, findContract, updateContract } from './service';
import './policies';

const tag = '维保合同';
const load = (params: { id: number }) => findContract(params.id);

export const contractRoutes = [
  route({
    method: 'get',
    path: '/maintenance-contracts',
    summary: '维保合同列表（按甲方名称搜索）',
    tag,
    policy: { action: 'list', resource: 'maintenance_contract' },
    query: maintenanceContractListQuerySchema,
    response: maintenanceContractListSchema,
    handler: async ({ query, actor }) => {
      const filters: WhereOptions<MaintenanceContract>[] = [
        scopeWhere(await listScope(actor, 'maintenance_contract')),
      ];
      if (query.institutionId) filters.push({ institutionId: query.institutionId });
      if (query.clientName) {
        const clients = await Client.findAll({
          where: { name: { [Op.like]: `%${query.clientName}%` } },
          attributes: ['id'],
        });
        filters.push({ clientId: { [Op.in]: clients.map((c) => c.id) } });
      }
      const { rows, count } = await findPage(
        MaintenanceContract,
        { where: { [Op.and]: filters }, order: [['id', 'DESC']] },
        query.page,
        query.pageSize,
      );
      return {
        items: await presentContracts(actor, rows),
        total: count,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  }),
  route({
    method: 'post',
    path: '/maintenance-contracts',
    summary: '录入维保合同（选择本机构的甲方单位和联系人；合同附件至少一个维保范围页）',
    tag,
    policy: { action: 'create', resource: 'maintenance_contract' },
    body: maintenanceContractInputSchema,
    response: maintenanceContractViewSchema,
    handler: async ({ body, actor, context, ctx }) => {
      const contract = await createContract(context, body);
      ctx.status = 201;
      return presentContract(actor, contract);
    },
  }),
  route({
    method: 'get',
    path: '/maintenance-contracts/:id',
    summary: '维保合同详情及合同对应项目',
    tag,
    params: idParamSchema,
    policy: { action: 'read', resource: 'maintenance_contract', load },
    response: maintenanceContractDetailSchema,
    handler: async ({ subject, actor }) => {
      const projects = await Project.findAll({ where: { contractId: subject.id }, order: [['id', 'ASC']] });
      return { ...(await presentContract(actor, subject)), projects: await presentProjects(actor, projects) };
    },
  }),
  route({
    method: 'put',
    path: '/maintenance-contracts/:id',
    summary: '修改维保合同（进行中的项目的维保月份须仍在合同期限内）',
    tag,
    params: idParamSchema,
    policy: { action: 'update', resource: 'maintenance_contract', load },
    body: maintenanceContractInputSchema,
    response: maintenanceContractViewSchema,
    handler: async ({ subject, body, actor, context }) =>
      presentContract(actor, await updateContract(context, subject, body)),
  }),
];
