import { Op, type WhereOptions } from 'sequelize';
import {
  attachmentKindLabels,
  idParamSchema,
  maintenanceContractInputSchema,
  maintenanceContractListQuerySchema,
} from '@xf/domain';
import { authorize } from '../core/policy';
import { route } from '../core/route';
import { Client, ClientContact } from '../clients/models';
import { createContract, findContract, updateContract } from './contract-service';
import './field-labels';
import { MaintenanceContract, Project } from './models';
import { presentProjects } from './present';
import './policies';

const tag = '维保合同';

async function presentContracts(rows: MaintenanceContract[]) {
  const [clients, contacts, projects] = await Promise.all([
    Client.findAll({ where: { id: { [Op.in]: rows.map((c) => c.clientId) } } }),
    ClientContact.findAll({ where: { id: { [Op.in]: rows.map((c) => c.contactId) } } }),
    Project.findAll({
      where: { contractId: { [Op.in]: rows.map((c) => c.id) } },
      attributes: ['contractId'],
    }),
  ]);
  return rows.map((c) => {
    const contact = contacts.find((k) => k.id === c.contactId);
    return {
      id: c.id,
      institutionId: c.institutionId,
      clientId: c.clientId,
      clientName: clients.find((k) => k.id === c.clientId)?.name ?? null,
      contact: contact ? { id: contact.id, name: contact.name, mobile: contact.mobile } : null,
      signedOn: c.signedOn,
      contractStart: c.contractStart,
      contractEnd: c.contractEnd,
      attachments: c.attachments.map((a) => ({
        ...a,
        kindLabel: attachmentKindLabels[a.kind],
        url: `/api/files/${a.fileId}`,
      })),
      projectCount: projects.filter((p) => p.contractId === c.id).length,
    };
  });
}

export const contractRoutes = [
  route({
    method: 'get',
    path: '/maintenance-contracts',
    summary: '维保合同列表（按甲方名称搜索）',
    tag,
    kinds: ['brigade', 'institution_admin'],
    query: maintenanceContractListQuerySchema,
    handler: async ({ query, actor }) => {
      await authorize(actor, 'list', 'maintenance_contract');
      const where: WhereOptions<MaintenanceContract> = {};
      if (actor.kind === 'institution_admin') Object.assign(where, { institutionId: actor.institutionId });
      else if (query.institutionId) Object.assign(where, { institutionId: query.institutionId });
      if (query.clientName) {
        const clients = await Client.findAll({
          where: { name: { [Op.like]: `%${query.clientName}%` } },
          attributes: ['id'],
        });
        Object.assign(where, { clientId: { [Op.in]: clients.map((c) => c.id) } });
      }
      const { rows, count } = await MaintenanceContract.findAndCountAll({
        where,
        order: [['id', 'DESC']],
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return {
        items: await presentContracts(rows),
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
    kinds: ['institution_admin'],
    body: maintenanceContractInputSchema,
    handler: async ({ body, actor, app, requestId, ctx }) => {
      await authorize(actor, 'create', 'maintenance_contract');
      const contract = await createContract(app, actor, body, requestId);
      ctx.status = 201;
      return (await presentContracts([contract]))[0];
    },
  }),
  route({
    method: 'get',
    path: '/maintenance-contracts/:id',
    summary: '维保合同详情及合同对应项目',
    tag,
    kinds: ['brigade', 'institution_admin'],
    params: idParamSchema,
    handler: async ({ params, actor }) => {
      const contract = await findContract(params.id);
      await authorize(actor, 'read', 'maintenance_contract', contract, '无权查看其他机构的维保合同');
      const projects = await Project.findAll({ where: { contractId: contract.id }, order: [['id', 'ASC']] });
      return { ...(await presentContracts([contract]))[0], projects: await presentProjects(projects) };
    },
  }),
  route({
    method: 'put',
    path: '/maintenance-contracts/:id',
    summary: '修改维保合同（进行中的项目的维保月份须仍在合同期限内）',
    tag,
    kinds: ['institution_admin'],
    params: idParamSchema,
    body: maintenanceContractInputSchema,
    handler: async ({ params, body, actor, app, requestId }) => {
      const contract = await findContract(params.id);
      await authorize(actor, 'update', 'maintenance_contract', contract, '只能管理本机构的维保合同');
      return (await presentContracts([await updateContract(app, actor, contract, body, requestId)]))[0];
    },
  }),
];
