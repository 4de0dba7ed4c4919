import type { AccountKind, Channel } from '@xf/domain';

/**
 * The signed-in account as the core needs it. The accounts feature widens it to its model by declaration
 * merging, so the core names no feature.
 */
export interface ActorAccount {
  mustChangePassword: boolean;
}

/** Who is making a request: resolved once from the access token. */
export interface Actor {
  id: number;
  kind: AccountKind;
  accountName: string;
  displayName: string;
  institutionId: number | null;
  detachmentId: number | null;
  personId: number | null;
  /** The login channel of the session (web, weapp, app). */
  channel: Channel;
  /** The session the access token belongs to; absent for actors built by the system (seeding, jobs). */
  sessionId?: string;
  account: ActorAccount;
}

/** How a person is named in records and messages: 显示名（账号）. */
export const actorName = (a: { displayName: string; accountName: string }) =>
  `${a.displayName}（${a.accountName}）`;

export const isRegulator = (a: Actor) => a.kind === 'brigade' || a.kind === 'detachment';
export const isInstitutionStaff = (a: Actor) =>
  a.kind === 'institution_admin' ||
  a.kind === 'technical_lead' ||
  a.kind === 'project_lead' ||
  a.kind === 'operator';
