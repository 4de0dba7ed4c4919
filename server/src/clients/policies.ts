import { allow } from '../core/policy';
import type { Client } from './models';

/** The institution admin keeps the institution's clients; the brigade reads them all. */
allow(['brigade'], ['list', 'read'], 'client');
allow(['institution_admin'], ['list', 'create'], 'client');
allow<Client>(
  ['institution_admin'],
  ['read', 'update', 'delete', 'manageContacts'],
  'client',
  (actor, c) => c.institutionId === actor.institutionId,
);
