import { attachmentKindLabels, type MaintenanceContractView } from '@xf/domain';
import { Client, ClientContact } from '../clients/models';
import type { Actor } from '../core/actor';
import { lookups } from '../core/lookups';
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
 * Contracts as listed (甲方, 联系人, 合同期限, 附件, 项目数): the names and project counts of the whole page in one
 * statement (core/lookups.ts).
 */
export async function presentContracts(
  actor: Actor,
  rows: MaintenanceContract[],
): Promise<MaintenanceContractView[]> {
  const { clients, contacts, projectCounts } = await lookups({
    clients: { model: Client, ids: rows.map((c) => c.clientId), attributes: ['name'] },
    contacts: { model: ClientContact, ids: rows.map((c) => c.contactId), attributes: ['name', 'mobile'] },
    projectCounts: { model: Project, ids: rows.map((c) => c.id), count: true, key: 'contractId' },
  });
  return Promise.all(
    rows.map(async (c) => {
      const contact = contacts.get(c.contactId);
      return {
        id: c.id,
        institutionId: c.institutionId,
        clientId: c.clientId,
        clientName: clients.get(c.clientId)?.name ?? null,
        contact: contact ? { id: c.contactId, name: contact.name, mobile: contact.mobile } : null,
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
