import { accountKindLabels, type AccountView } from '@xf/domain';
import type { Actor } from '../core/actor';
import { abilities } from '../core/policy';
import type { Account } from './models';

export function presentAccount(a: Account): AccountView {
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
    lockedUntil: a.lockedUntil && a.lockedUntil > new Date() ? a.lockedUntil.toISOString() : null,
    mustChangePassword: a.mustChangePassword,
    wechatBound: !!a.wechatOpenId,
    createdAt: a.createdAt.toISOString(),
  };
}

/** An account as the actor sees it, with what the actor may do with it (reset, disable, enable). */
export async function accountView(actor: Actor, a: Account): Promise<AccountView> {
  const can = await abilities(actor, 'account', a, ['resetPassword', 'disable', 'enable']);
  // Nobody disables their own account (refused by the route with its own message).
  return { ...presentAccount(a), abilities: { ...can, disable: can.disable! && a.id !== actor.id } };
}
