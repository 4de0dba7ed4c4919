import { allow } from '../core/policy';
import type { Account } from './models';

allow(['brigade'], ['list', 'read', 'resetPassword', 'disable', 'enable'], 'account');
allow<Account>(
  ['institution_admin'],
  ['list', 'read', 'resetPassword', 'disable', 'enable'],
  'account',
  (actor, account) =>
    !account || (account.institutionId === actor.institutionId && account.kind !== 'institution_admin'),
);
allow(['institution_admin'], 'createStaff', 'account');
allow(['brigade'], ['createInstitutionAdmin', 'createDetachment'], 'account');
