import { Op } from 'sequelize';
import { ALL, allow, NONE, scope, where } from '../core/policy';
import type { Account } from './models';

/** The brigade manages every account; an institution admin its own institution's staff (not admins). */
const ownStaff = (actor: { institutionId: number | null }, account: Account) =>
  account.institutionId === actor.institutionId && account.kind !== 'institution_admin';

allow(['brigade'], ['list', 'read', 'resetPassword', 'disable', 'enable'], 'account');
allow(['institution_admin'], 'list', 'account');
allow<Account>(['institution_admin'], ['read', 'resetPassword', 'disable', 'enable'], 'account', ownStaff);
allow(['institution_admin'], 'createStaff', 'account');
allow(['brigade'], ['createInstitutionAdmin', 'createDetachment'], 'account');

scope('account', (actor) => {
  if (actor.kind === 'brigade') return ALL;
  if (actor.kind === 'institution_admin' && actor.institutionId)
    return where({ institutionId: actor.institutionId, kind: { [Op.ne]: 'institution_admin' } });
  return NONE;
});
