import { col, fn, Op } from 'sequelize';
import { attachmentKindLabels, type MaintenanceContractView } from '@xf/domain';
import { Client, ClientContact } from '../clients/models';
import type { Actor } from '../core/actor';
import { abilities } from '../core/policy';
import { MaintenanceContract, Project } from '../projects/models';

/** The stored columns of a contract, for operation-log before/after. */
export const contractSnapshot = (c: MaintenanceContract) => ({
  clientId: c.clientId,
  contactId: c.contactId,
  signedOn: c.signedOn,
  contractStart: c.contractStart,
  contractEnd: c.contractEnd,
  attachments: c.attachments,
});

export const contractAudit = (c: MaintenanceContract) => ({
  entityType: 'maintenance_contract',
  entityId: c.id,
  institutionId: c.institutionId,
});

/**
 * Contracts as listed (甲方, 联系人, 合同期限, 附件, 项目数), names batch-loaded: one query per relation whatever the
 * page size, reading only the columns shown.
 */
export async function presentContracts(
  actor: Actor,
  rows: MaintenanceContract[],
): Promise<MaintenanceContractView[]> {
  if (rows.length === 0) return [];
  const [clients, contacts, projectCounts] = await Promise.all([
    Client.findAll({
      where: { id: { [Op.in]: [...new Set(rows.map((c) => c.clientId))] } },
      attributes: ['id', 'name'],
      raw: true,
    }).then((list) => new Map(list.map((k) => [k.id, k.name]))),
    ClientContact.findAll({
      where: { id: { [Op.in]: [...new Set(rows.map((c) => c.contactId))] } },
      attributes: ['id', 'name', 'mobile'],
      raw: true,
    }).then((list) => new Map(list.map((k) => [k.id, k]))),
    Project.findAll({
      where: { contractId: { [Op.in]: rows.map((c) => c.id) } },
      attributes: ['contractId', [fn('COUNT', col('id')), 'n']],
      group: ['contractId'],
      raw: true,
    }).then((r: any[]) => new Map(r.map((x) => [Number(x.contractId), Number(x.n)]))),
  ]);
  return Promise.all(
    rows.map(async (c) => {
      const contact = contacts.get(c.contactId);
      return {
        id: c.id,
        institutionId: c.institutionId,
        clientId: c.clientId,
        clientName: clients.get(c.clientId) ?? null,
        contact: contact ? { id: contact.id, name: contact.name, mobile: contact.mobile } : null,
        signedOn: c.signedOn,
        contractStart: c.contractStart,
        contractEnd: c.contractEnd,
        attachments: c.attachments.map((a) => ({
          ...a,
          kindLabel: attachmentKindLabels[a.kind],
          url: `/api/files/${a.fileId}`,
        })),
        projectCount: projectCounts.get(c.id) ?? 0,
        abilities: await abilities(actor, 'maintenance_contract', c, ['update']),
      };
    }),
  );
}

export const presentContract = async (actor: Actor, c: MaintenanceContract) =>
  (await presentContracts(actor, [c]))[0]!;
