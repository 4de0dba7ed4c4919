import { accountKindLabels } from '@xf/domain';
import type { Account } from './models';

export function presentAccount(a: Account) {
  return {
    id: a.id,
    accountName: a.accountName,
    kind: a.kind,
    kindLabel: accountKindLabels[a.kind],
    displayName: a.displayName,
    personId: a.personId,
    institutionId: a.institutionId,
    detachmentId: a.detachmentId,
    disabled: a.disabled,
    closedReason: a.closedReason,
    lockedUntil: a.lockedUntil && a.lockedUntil > new Date() ? a.lockedUntil : null,
    mustChangePassword: a.mustChangePassword,
    wechatBound: !!a.wechatOpenId,
    createdAt: a.createdAt,
  };
}
