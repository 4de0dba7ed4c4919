import { sameInstitution } from '@xf/domain';
import { ALL, allow, NONE, scope, where } from '../core/policy';
import type { MaintenanceContract } from '../projects/models';

/** The institution admin keeps its institution's contracts; the brigade reads them all. */
allow(['brigade', 'institution_admin'], 'list', 'maintenance_contract');
allow(['brigade'], 'read', 'maintenance_contract');
allow<MaintenanceContract>(
  ['institution_admin'],
  ['read', 'update'],
  'maintenance_contract',
  sameInstitution,
);
allow(['institution_admin'], 'create', 'maintenance_contract');

scope('maintenance_contract', (actor) => {
  if (actor.kind === 'brigade') return ALL;
  if (actor.kind === 'institution_admin' && actor.institutionId)
    return where({ institutionId: actor.institutionId });
  return NONE;
});
