import type { Actor } from '../core/actor';
import { Project } from '../projects/models';
import type { Report } from './models';

/** Who reads one report: as the list scope (reports/policies.ts) lists them. */
export async function canReadReport(actor: Actor, r: Report): Promise<boolean> {
  switch (actor.kind) {
    case 'brigade':
      return true;
    case 'institution_admin':
    case 'technical_lead':
      return actor.institutionId != null && r.institutionId === actor.institutionId;
    case 'detachment': {
      if (!actor.detachmentId || r.status !== 'filed') return false;
      const p = await Project.findByPk(r.projectId, { attributes: ['detachmentId'] });
      return p?.detachmentId === actor.detachmentId;
    }
    default:
      return false;
  }
}
