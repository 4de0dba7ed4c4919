import { Op, type WhereOptions } from 'sequelize';
import type { z } from 'zod';
import type { projectListQuerySchema, projectListSchema } from '@xf/domain';
import type { Actor } from '../core/actor';
import { findPage } from '../core/page';
import { listScope, scopeWhere } from '../core/policy';
import { Client } from '../clients/models';
import { Project } from './models';
import { presentProjects } from './present';

type ListQuery = z.infer<typeof projectListQuerySchema>;
type ProjectList = z.infer<typeof projectListSchema>;

/** The project list with the manual's search fields: 项目名称, 甲方名称, 省/市, 状态, 项目类型, 管辖归属. */
export async function listProjects(actor: Actor, query: ListQuery): Promise<ProjectList> {
  const and: WhereOptions<Project>[] = [scopeWhere(await listScope(actor, 'project'))];
  if (query.name) and.push({ siteName: { [Op.like]: `%${query.name}%` } });
  if (query.clientName) {
    const clients = await Client.findAll({
      where: { name: { [Op.like]: `%${query.clientName}%` } },
      attributes: ['id'],
    });
    and.push({ clientId: { [Op.in]: clients.map((c) => c.id) } });
  }
  for (const key of [
    'province',
    'city',
    'status',
    'kind',
    'detachmentId',
    'institutionId',
    'contractId',
  ] as const)
    if (query[key] !== undefined) and.push({ [key]: query[key] });
  const { rows, count } = await findPage(
    Project,
    { where: { [Op.and]: and }, order: [['id', 'DESC']] },
    query.page,
    query.pageSize,
  );
  return {
    items: await presentProjects(actor, rows),
    total: count,
    page: query.page,
    pageSize: query.pageSize,
  };
}
