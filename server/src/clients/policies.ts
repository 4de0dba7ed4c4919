import { sameInstitution } from '@xf/domain';
import { ALL, allow, NONE, scope, where } from '../core/policy';
import type { Client } from './models';

/** The institution admin keeps the institution's clients; the brigade reads them all. */
allow(['brigade'], ['list', 'read'], 'client');
allow(['institution_admin'], ['list', 'create'], 'client');
allow<Client>(
  ['institution_admin'],
  ['read', 'update', 'delete', 'manageContacts'],
  'client',
  sameInstitution,
);

scope('client', (actor) => {
  if (actor.kind === 'brigade') return ALL;
  if (actor.kind === 'institution_admin' && actor.institutionId)
    return where({ institutionId: actor.institutionId });
  return NONE;
});
