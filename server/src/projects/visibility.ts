import type { WhereOptions } from 'sequelize';
import type { Actor } from '../core/actor';
import type { Project } from './models';

/**
 * Which projects an actor reads: the brigade all; a detachment those of its jurisdiction (管辖归属);
 * institution admins and technical leads their institution's; a project lead the projects they lead.
 * `null` means none.
 */
export function projectVisibility(actor: Actor): WhereOptions<Project> | null {
  switch (actor.kind) {
    case 'brigade':
      return {};
    case 'detachment':
      return actor.detachmentId ? { detachmentId: actor.detachmentId } : null;
    case 'institution_admin':
    case 'technical_lead':
      return actor.institutionId ? { institutionId: actor.institutionId } : null;
    case 'project_lead':
      return { projectLeadAccountId: actor.id };
    default:
      return null;
  }
}

export function canReadProject(actor: Actor, p: Project): boolean {
  switch (actor.kind) {
    case 'brigade':
      return true;
    case 'detachment':
      return actor.detachmentId != null && p.detachmentId === actor.detachmentId;
    case 'institution_admin':
    case 'technical_lead':
      return actor.institutionId != null && p.institutionId === actor.institutionId;
    case 'project_lead':
      return p.projectLeadAccountId === actor.id;
    default:
      return false;
  }
}
