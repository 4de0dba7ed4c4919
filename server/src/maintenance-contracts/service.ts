import { findOr404 } from '../core/find';
import { checkMaintenanceMonths, type MaintenanceContractInput } from '@xf/domain';
import type { Actor } from '../core/actor';
import { actorOf, runCommand, type RequestContext } from '../core/command';
import { fieldError } from '../projects/field-labels';
import { contractCopies } from '../projects/maintenance-service';
import { MaintenanceContract, Project } from '../projects/models';
import {
  checkAttachments,
  checkClientAndContact,
  checkContractPeriod,
  editionOnSigning,
} from '../projects/parties';
import { contractAudit, contractSnapshot } from './present';

export const findContract = (id: number) => findOr404(MaintenanceContract, id, '维保合同');

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

export async function createContract(context: RequestContext, input: MaintenanceContractInput) {
  const actor = actorOf(context);
  const columns = await contractColumns(actor, input);
  return runCommand(context, 'maintenance_contract.created', async ({ transaction }) => {
    const contract = await MaintenanceContract.create(
      { ...columns, institutionId: actor.institutionId, createdBy: actor.id },
      { transaction },
    );
    return { result: contract, audit: { ...contractAudit(contract), after: contractSnapshot(contract) } };
  });
}

/**
 * A new contract period must still hold every running project's maintenance months; the running projects
 * take the new parties and dates in the same transaction (ended projects keep theirs as history).
 */
export async function updateContract(
  context: RequestContext,
  contract: MaintenanceContract,
  input: MaintenanceContractInput,
) {
  const columns = await contractColumns(actorOf(context), input);
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
  return runCommand(context, 'maintenance_contract.updated', async ({ transaction }) => {
    await contract.update(columns, { transaction });
    for (const p of running) await p.update(contractCopies(contract), { transaction });
    return {
      result: contract,
      audit: {
        ...contractAudit(contract),
        before,
        after: { ...contractSnapshot(contract), projectsUpdated: running.map((p) => p.id) },
      },
    };
  });
}
