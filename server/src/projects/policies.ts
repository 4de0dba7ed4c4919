import { allow } from '../core/policy';
import type { MaintenanceContract, Project } from './models';
import { canReadProject } from './visibility';

const ownInstitution = (actor: { institutionId: number | null }, r: { institutionId: number }) =>
  actor.institutionId != null && r.institutionId === actor.institutionId;

allow(['brigade', 'detachment', 'institution_admin', 'technical_lead', 'project_lead'], 'list', 'project');
allow<Project>('*', 'read', 'project', canReadProject);
allow(['institution_admin'], 'create', 'project');
allow<Project>(
  ['institution_admin'],
  ['update', 'cancel', 'terminate', 'markGeofence', 'setFireSystems', 'manageBuildings'],
  'project',
  ownInstitution,
);

allow(['brigade', 'institution_admin'], 'list', 'maintenance_contract');
allow(['brigade'], 'read', 'maintenance_contract');
allow<MaintenanceContract>(['institution_admin'], ['read', 'update'], 'maintenance_contract', ownInstitution);
allow(['institution_admin'], 'create', 'maintenance_contract');
