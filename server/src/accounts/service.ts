import { deriveAccountKind, type StaffKind } from '@xf/domain';
import { UniqueConstraintError } from 'sequelize';
import { hashPassword } from '../auth/passwords';
import type { AppContext } from '../context';
import type { Actor } from '../core/actor';
import { badRequest, conflict, notFound } from '../core/errors';
import { Detachment, Institution, Person } from '../institutions/models';
import { recordOperation } from '../operation-log/record';
import { Account } from './models';
import { presentAccount } from './present';

async function assertNameFree(accountName: string) {
  if (await Account.findOne({ where: { accountName } }))
    throw conflict('账号（accountName）：该账号已被使用，请换一个', 'accountName');
}

/**
 * Create an account with the name check, the password hash and the operation log in one place; the unique
 * index is the final guard against two concurrent creations of one name.
 */
async function createAccount(
  app: AppContext,
  actor: Actor,
  input: { accountName: string; password: string },
  values: Record<string, unknown>,
  requestId: string,
) {
  await assertNameFree(input.accountName);
  const passwordHash = await hashPassword(input.password, app.config.bcryptRounds);
  try {
    const account = await app.sequelize.transaction(async (t) => {
      const created = await Account.create(
        { ...values, accountName: input.accountName, passwordHash, createdBy: actor.id },
        { transaction: t },
      );
      await recordOperation(
        t,
        actor,
        {
          action: 'account.created',
          entityType: 'account',
          entityId: created.id,
          institutionId: created.institutionId,
          after: presentAccount(created),
        },
        requestId,
      );
      return created;
    });
    return presentAccount(account);
  } catch (e) {
    if (e instanceof UniqueConstraintError)
      throw conflict('账号（accountName）：该账号已被使用，请换一个', 'accountName');
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
  app: AppContext,
  actor: Actor,
  input: { personId: number; accountName: string; password: string },
  requestId: string,
) {
  const person = await Person.findByPk(input.personId);
  if (!person || person.institutionId !== actor.institutionId || !person.inRegistry)
    throw badRequest('员工（personId）：只能选择本机构在部局系统中已备案的人员', 'personId');
  const kind = staffKindOf(person);
  if (!kind)
    throw badRequest(
      '员工（personId）：该人员没有注册消防工程师证书或消防设施操作员证书，不能开通账号',
      'personId',
    );
  if (await Account.findOne({ where: { personId: person.id } }))
    throw conflict('员工（personId）：该人员已有账号', 'personId');
  return createAccount(
    app,
    actor,
    input,
    {
      kind,
      displayName: person.name,
      personId: person.id,
      institutionId: person.institutionId,
      mustChangePassword: false,
    },
    requestId,
  );
}

export async function createInstitutionAdmin(
  app: AppContext,
  actor: Actor,
  input: { institutionId: number; accountName: string; password: string },
  requestId: string,
) {
  const institution = await Institution.findByPk(input.institutionId);
  if (!institution) throw badRequest('机构（institutionId）：机构不存在', 'institutionId');
  // First login forces a password change; a failing institution's admin starts closed, with the reasons.
  return createAccount(
    app,
    actor,
    input,
    {
      kind: 'institution_admin',
      displayName: `${institution.name}管理员`,
      institutionId: institution.id,
      mustChangePassword: true,
      closedReason: institution.complianceStatus === 'noncompliant' ? closedReasonFor(institution) : null,
    },
    requestId,
  );
}

export async function createDetachmentAccount(
  app: AppContext,
  actor: Actor,
  input: { detachmentId: number; accountName: string; password: string },
  requestId: string,
) {
  const detachment = await Detachment.findByPk(input.detachmentId);
  if (!detachment) throw badRequest('支队（detachmentId）：支队不存在', 'detachmentId');
  return createAccount(
    app,
    actor,
    input,
    {
      kind: 'detachment',
      displayName: detachment.name,
      detachmentId: detachment.id,
      mustChangePassword: true,
    },
    requestId,
  );
}

export function closedReasonFor(institution: Institution): string {
  const reasons = (institution.complianceFailures ?? []).map((f) => f.message).join('；');
  return `机构不符合从业条件，机构管理员账号已被系统自动关闭：${reasons || '请在部局系统核对机构和人员信息'}。请在部局“社会消防技术服务信息系统”更新后等待系统自动恢复`;
}

export async function findAccount(id: number) {
  const account = await Account.findByPk(id);
  if (!account) throw notFound('账号');
  return account;
}

export async function changeAccount(
  app: AppContext,
  actor: Actor,
  account: Account,
  action: string,
  values: Partial<Account>,
  requestId: string,
) {
  const before = presentAccount(account);
  await app.sequelize.transaction(async (t) => {
    await account.update(values, { transaction: t });
    await recordOperation(
      t,
      actor,
      {
        action,
        entityType: 'account',
        entityId: account.id,
        institutionId: account.institutionId,
        before,
        after: presentAccount(account),
      },
      requestId,
    );
  });
  return presentAccount(account);
}

export async function resetPassword(
  app: AppContext,
  actor: Actor,
  account: Account,
  password: string,
  requestId: string,
) {
  return changeAccount(
    app,
    actor,
    account,
    'account.password_reset',
    {
      passwordHash: await hashPassword(password, app.config.bcryptRounds),
      mustChangePassword: true,
      failedLogins: 0,
      lockedUntil: null,
      tokenVersion: account.tokenVersion + 1,
    },
    requestId,
  );
}
