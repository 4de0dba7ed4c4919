import { ALL, allow, NONE, scope } from '../core/policy';
import type { Project } from '../projects/models';
import type { SpecialApplication } from './models';

const ownInstitution = (actor: { institutionId: number | null }, r: { institutionId: number }) =>
  actor.institutionId != null && r.institutionId === actor.institutionId;

// The institution admin applies on the PC for its own projects; only the brigade decides (manual §04).
allow<Project>(['institution_admin'], ['create', 'listForProject'], 'special_application', ownInstitution);
allow(['brigade'], ['list', 'listForProject', 'read', 'approve', 'reject'], 'special_application');
allow<SpecialApplication>(['institution_admin'], 'read', 'special_application', ownInstitution);

scope('special_application', (actor) => (actor.kind === 'brigade' ? ALL : NONE));
