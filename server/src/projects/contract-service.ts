import { checkMaintenanceMonths, type MaintenanceContractInput } from '@xf/domain';
import type { AppContext } from '../context';
import type { Actor } from '../core/actor';
import { notFound } from '../core/errors';
import { fieldError } from './field-labels';
import { logChange } from './log';
import { MaintenanceContract, Project } from './models';
import { contractCopies } from './maintenance-service';
import { checkAttachments, checkClientAndContact, checkContractPeriod, editionOnSigning } from './parties';

export async function findContract(id: number) {
  const c = await MaintenanceContract.findByPk(id);
  if (!c) throw notFound('维保合同');
  return c;
}

export const contractSnapshot = (c: MaintenanceContract) => ({
  clientId: c.clientId,
  contactId: c.contactId,
  signedOn: c.signedOn,
  contractStart: c.contractStart,
  contractEnd: c.contractEnd,
  attachments: c.attachments,
});

async function contractColumns(actor: Actor, input: MaintenanceContractInput) {
  await checkClientAndContact(actor, input.clientId, input.contactId);
  checkContractPeriod(input.contractStart, input.contractEnd);
  await editionOnSigning(input.signedOn);
  const attachments = await checkAttachments(actor, input.attachments, 'maintenance_scope');
  return {
    clientId: input.clientId,
    contactId: input.contactId,
    signedOn: input.signedOn,
    contractStart: input.contractStart,
    contractEnd: input.contractEnd,
    attachments,
  };
}

export async function createContract(
  app: AppContext,
  actor: Actor,
  input: MaintenanceContractInput,
  requestId: string,
) {
  const columns = await contractColumns(actor, input);
  return app.sequelize.transaction(async (t) => {
    const contract = await MaintenanceContract.create(
      { ...columns, institutionId: actor.institutionId, createdBy: actor.id },
      { transaction: t },
    );
    await logChange(t, actor, requestId, {
      action: 'maintenance_contract.created',
      entityType: 'maintenance_contract',
      entityId: contract.id,
      institutionId: contract.institutionId,
      after: contractSnapshot(contract),
    });
    return contract;
  });
}

/**
 * A new contract period must still hold every running project's maintenance months; the running projects
 * take the new parties and dates in the same transaction (ended projects keep theirs as history).
 */
export async function updateContract(
  app: AppContext,
  actor: Actor,
  contract: MaintenanceContract,
  input: MaintenanceContractInput,
  requestId: string,
) {
  const columns = await contractColumns(actor, input);
  const running = await Project.findAll({ where: { contractId: contract.id, status: 'in_progress' } });
  for (const p of running) {
    const rule = checkMaintenanceMonths({
      contractStart: columns.contractStart,
      contractEnd: columns.contractEnd,
      firstMonth: p.firstMonth!,
      lastMonth: p.lastMonth!,
    });
    if (!rule.ok) {
      const field = rule.field === 'firstMonth' ? 'contractStart' : 'contractEnd';
      throw fieldError(
        field,
        field === 'contractStart' ? '合同开始日期' : '合同结束日期',
        `维保项目“${p.siteName}”的维保月份（${p.firstMonth}至${p.lastMonth}）不在新的合同期限内：${rule.message}`,
      );
    }
  }
  const before = contractSnapshot(contract);
  await app.sequelize.transaction(async (t) => {
    await contract.update(columns, { transaction: t });
    for (const p of running) await p.update(contractCopies(contract), { transaction: t });
    await logChange(t, actor, requestId, {
      action: 'maintenance_contract.updated',
      entityType: 'maintenance_contract',
      entityId: contract.id,
      institutionId: contract.institutionId,
      before,
      after: { ...contractSnapshot(contract), projectsUpdated: running.map((p) => p.id) },
    });
  });
  return contract;
}
