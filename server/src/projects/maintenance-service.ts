import {
  checkMaintenanceMonths,
  maintenanceContractInputSchema,
  maintenanceProjectInputSchema,
  monthsInclusive,
  sameInstitution,
  type MaintenanceProjectInput,
} from '@xf/domain';
import type { Actor } from '../core/actor';
import { actorOf, type RequestContext } from '../core/command';
import { fieldError, refusalError } from './field-labels';
import { insertProject, reviseProject } from './entry';
import { MaintenanceContract, type Project } from './models';
import { editionOnSigning } from './parties';
import { resolveSite } from './site';
import { assertInProgress } from './state';

/** The months are checked against the contract's dates: refusals name fields of either. */
const maintenanceFields = maintenanceProjectInputSchema.extend(maintenanceContractInputSchema.shape);

async function findOwnContract(actor: Actor, contractId: number) {
  const contract = await MaintenanceContract.findByPk(contractId);
  if (!contract || !sameInstitution(actor, contract))
    throw fieldError('contractId', '维保合同', '请选择本机构的维保合同');
  return contract;
}

/**
 * Maintenance months lie within the contract (domain rule) and the total count is one visit per month
 * (manual §03: 2022-01…2022-12 → 维保总次数 12).
 */
export function checkMonths(
  contract: Pick<MaintenanceContract, 'contractStart' | 'contractEnd'>,
  input: Pick<MaintenanceProjectInput, 'firstMonth' | 'lastMonth' | 'maintenanceCount'>,
) {
  const rule = checkMaintenanceMonths({
    contractStart: contract.contractStart,
    contractEnd: contract.contractEnd,
    firstMonth: input.firstMonth,
    lastMonth: input.lastMonth,
  });
  if (!rule.ok) throw refusalError(rule, maintenanceFields);
  const months = monthsInclusive(input.firstMonth, input.lastMonth);
  if (input.maintenanceCount !== months)
    throw fieldError(
      'maintenanceCount',
      '维保总次数',
      `应等于维保月份数${months}（${input.firstMonth}至${input.lastMonth}每月一次）`,
    );
}

/** A maintenance project carries copies of its contract's parties and dates (see Project). */
export const contractCopies = (c: MaintenanceContract) => ({
  contractId: c.id,
  clientId: c.clientId,
  contactId: c.contactId,
  signedOn: c.signedOn,
  contractStart: c.contractStart,
  contractEnd: c.contractEnd,
});

async function maintenanceColumns(actor: Actor, input: MaintenanceProjectInput, id?: number) {
  const contract = await findOwnContract(actor, input.contractId);
  checkMonths(contract, input);
  const site = await resolveSite(actor, input, 'maintenance', id);
  return {
    contract,
    columns: {
      ...site,
      ...contractCopies(contract),
      firstMonth: input.firstMonth,
      lastMonth: input.lastMonth,
      maintenanceCount: input.maintenanceCount,
    },
  };
}

export async function createMaintenanceProject(context: RequestContext, input: MaintenanceProjectInput) {
  const { contract, columns } = await maintenanceColumns(actorOf(context), input);
  const edition = await editionOnSigning(contract.signedOn);
  return insertProject(context, 'maintenance', edition.id, columns);
}

/** A project stays with its contract and pinned edition; moving it to another contract is refused. */
export async function updateMaintenanceProject(
  context: RequestContext,
  project: Project,
  input: MaintenanceProjectInput,
) {
  assertInProgress(project);
  if (input.contractId !== project.contractId)
    throw fieldError('contractId', '维保合同', '维保项目不能改到其他合同下，请在原合同下修改');
  const { columns } = await maintenanceColumns(actorOf(context), input, project.id);
  return reviseProject(context, project, columns);
}
