import { accountKindLabels, type SessionUser } from '@xf/domain';
import type { Account } from '../accounts/models';
import { FaceProfile } from '../face-profiles/models';
import { Institution } from '../institutions/models';
import { accountAbilities } from '../core/policy';

export async function presentSessionUser(account: Account): Promise<SessionUser> {
  const [institution, face] = await Promise.all([
    account.institutionId ? Institution.findByPk(account.institutionId, { attributes: ['name'] }) : null,
    FaceProfile.findOne({ where: { accountId: account.id }, order: [['id', 'DESC']] }),
  ]);
  return {
    id: account.id,
    accountName: account.accountName,
    kind: account.kind,
    kindLabel: accountKindLabels[account.kind],
    displayName: account.displayName,
    institutionId: account.institutionId,
    institutionName: institution?.name ?? null,
    detachmentId: account.detachmentId,
    personId: account.personId,
    mustChangePassword: account.mustChangePassword,
    // The newest profile is never 已更换 (only older ones are retired by a newer approval).
    faceProfileStatus: !face || face.status === 'replaced' ? 'none' : face.status,
    faceProfileRejectReason: face?.status === 'rejected' ? face.rejectReason : null,
    abilities: accountAbilities(account.kind),
  };
}
