import { inJurisdiction, isProjectLead, sameInstitution } from '@xf/domain';
import { ALL, allow, NONE, scope, where } from '../core/policy';
import type { Institution } from '../institutions/models';
import { canSeeInstitution } from '../institutions/policies';
import type { Project } from './models';

/**
 * Who reads which project: the brigade all; a detachment those of its jurisdiction (管辖归属); institution
 * admins and technical leads their institution's; a project lead the projects they lead. Only the
 * institution admin enters and changes its institution's projects.
 */
allow(['brigade', 'detachment', 'institution_admin', 'technical_lead', 'project_lead'], 'list', 'project');
allow(['brigade'], 'read', 'project');
allow<Project>(['detachment'], 'read', 'project', inJurisdiction);
allow<Project>(['institution_admin', 'technical_lead'], 'read', 'project', sameInstitution);
allow<Project>(['project_lead'], 'read', 'project', (actor, p) => isProjectLead(actor.id, p));
allow(['institution_admin'], 'create', 'project');
allow<Project>(
  ['institution_admin'],
  ['update', 'cancel', 'terminate', 'markGeofence', 'setFireSystems', 'manageBuildings'],
  'project',
  sameInstitution,
);

scope('project', (actor) => {
  switch (actor.kind) {
    case 'brigade':
      return ALL;
    case 'detachment':
      return actor.detachmentId ? where({ detachmentId: actor.detachmentId }) : NONE;
    case 'institution_admin':
    case 'technical_lead':
      return actor.institutionId ? where({ institutionId: actor.institutionId }) : NONE;
    case 'project_lead':
      return where({ projectLeadAccountId: actor.id });
    default:
      return NONE;
  }
});

/** 在线执业覆盖率: regulators and the institution's own management read it for the institutions they see. */
allow<Institution>(
  ['brigade', 'detachment', 'institution_admin', 'technical_lead'],
  'read',
  'coverage',
  (actor, i) => canSeeInstitution(actor, i.id),
);
allow(['brigade', 'detachment'], 'list', 'coverage');
