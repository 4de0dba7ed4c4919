import { findOr404 } from '../core/find';
import { deriveAccountKind, type StaffKind } from '@xf/domain';
import { UniqueConstraintError } from 'sequelize';
import { hashPassword } from '../auth/passwords';
import { actorOf, runCommand, type RequestContext } from '../core/command';
import { badRequest, conflict } from '../core/errors';
import { Detachment, Institution, Person } from '../institutions/models';
import { Account } from './models';
import { presentAccount } from './present';

const NAME_TAKEN = '账号：该账号已被使用，请换一个';

async function assertNameFree(accountName: string) {
  if (await Account.findOne({ where: { accountName } })) throw conflict(NAME_TAKEN, 'accountName');
}

/**
 * Create an account with the name check, the password hash and the operation log in one place; the unique
 * index is the final guard against two concurrent creations of one name.
 */
async function createAccount(
  context: RequestContext,
  input: { accountName: string; password: string },
  values: Record<string, unknown>,
) {
  await assertNameFree(input.accountName);
  const passwordHash = await hashPassword(input.password, context.app.config.bcryptRounds);
  try {
    return await runCommand(context, 'account.created', async ({ transaction }) => {
      const created = await Account.create(
        { ...values, accountName: input.accountName, passwordHash, createdBy: actorOf(context).id },
        { transaction },
      );
      const after = presentAccount(created);
      return {
        result: after,
        audit: { entityType: 'account', entityId: created.id, institutionId: created.institutionId, after },
      };
    });
  } catch (e) {
    if (e instanceof UniqueConstraintError) throw conflict(NAME_TAKEN, 'accountName');
    throw e;
  }
}

export function staffKindOf(person: Person): StaffKind | null {
  return deriveAccountKind({
    post: person.post,
    engineerLevel: person.engineerLevel,
    operatorCertificateNumber: person.operatorCertificateNumber,
  });
}

/** Staff accounts only from a registry person of the admin's own institution; the kind is derived. */
export async function createStaffAccount(
  context: RequestContext,
  input: { personId: number; accountName: string; password: string },
) {
  const person = await Person.findByPk(input.personId);
  if (!person || person.institutionId !== actorOf(context).institutionId || !person.inRegistry)
    throw badRequest('员工：只能选择本机构在部局系统中已备案的人员', 'personId');
  const kind = staffKindOf(person);
  if (!kind)
    throw badRequest('员工：该人员没有注册消防工程师证书或消防设施操作员证书，不能开通账号', 'personId');
  if (await Account.findOne({ where: { personId: person.id } }))
    throw conflict('员工：该人员已有账号', 'personId');
  return createAccount(context, input, {
    kind,
    displayName: person.name,
    personId: person.id,
    institutionId: person.institutionId,
    mustChangePassword: false,
  });
}

export async function createInstitutionAdmin(
  context: RequestContext,
  input: { institutionId: number; accountName: string; password: string },
) {
  const institution = await Institution.findByPk(input.institutionId);
  if (!institution) throw badRequest('机构：机构不存在', 'institutionId');
  // First login forces a password change; a failing institution's admin starts closed, with the reasons.
  return createAccount(context, input, {
    kind: 'institution_admin',
    displayName: `${institution.name}管理员`,
    institutionId: institution.id,
    mustChangePassword: true,
    closedReason: institution.complianceStatus === 'noncompliant' ? closedReasonFor(institution) : null,
  });
}

export async function createDetachmentAccount(
  context: RequestContext,
  input: { detachmentId: number; accountName: string; password: string },
) {
  const detachment = await Detachment.findByPk(input.detachmentId);
  if (!detachment) throw badRequest('支队：支队不存在', 'detachmentId');
  return createAccount(context, input, {
    kind: 'detachment',
    displayName: detachment.name,
    detachmentId: detachment.id,
    mustChangePassword: true,
  });
}

export function closedReasonFor(institution: Institution): string {
  const reasons = (institution.complianceFailures ?? []).map((f) => f.message).join('；');
  return `机构不符合从业条件，机构管理员账号已被系统自动关闭：${reasons || '请在部局系统核对机构和人员信息'}。请在部局“社会消防技术服务信息系统”更新后等待系统自动恢复`;
}

export const findAccount = (id: number) => findOr404(Account, id, '账号');

export async function changeAccount(
  context: RequestContext,
  account: Account,
  action: string,
  values: Partial<Account>,
) {
  return runCommand(context, action, async ({ transaction }) => {
    const before = presentAccount(account);
    await account.update(values, { transaction });
    const after = presentAccount(account);
    return {
      result: account,
      audit: {
        entityType: 'account',
        entityId: account.id,
        institutionId: account.institutionId,
        before,
        after,
      },
    };
  });
}

export async function resetPassword(context: RequestContext, account: Account, password: string) {
  return changeAccount(context, account, 'account.password_reset', {
    passwordHash: await hashPassword(password, context.app.config.bcryptRounds),
    mustChangePassword: true,
    failedLogins: 0,
    lockedUntil: null,
    tokenVersion: account.tokenVersion + 1,
  });
}
