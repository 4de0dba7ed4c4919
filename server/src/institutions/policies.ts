import { allow } from '../core/policy';
import type { Institution } from './models';
import { canSeeInstitution } from './tenancy';

allow<Institution>('*', 'read', 'institution', (actor, i) => canSeeInstitution(actor, i.id));
allow(['brigade', 'detachment'], 'list', 'institution');
allow<Institution>(
  ['institution_admin'],
  ['confirmRegistration', 'markOffice'],
  'institution',
  (actor, i) => actor.institutionId === i.id,
);
allow<Institution>(
  ['brigade', 'detachment', 'institution_admin', 'technical_lead'],
  'listPersons',
  'institution',
  (actor, i) => canSeeInstitution(actor, i.id),
);
