import { Op, type WhereOptions } from 'sequelize';
import type { Actor } from '../core/actor';
import { Project } from '../projects/models';
import type { Report } from './models';

/**
 * Which reports an actor reads: the brigade all; institution admins and technical leads their institution's;
 * a detachment only filed reports of projects under its jurisdiction (管辖归属). `null` means none.
 */
export async function reportVisibility(actor: Actor): Promise<WhereOptions<Report> | null> {
  switch (actor.kind) {
    case 'brigade':
      return {};
    case 'institution_admin':
    case 'technical_lead':
      return actor.institutionId ? { institutionId: actor.institutionId } : null;
    case 'detachment': {
      if (!actor.detachmentId) return null;
      const ids = (
        await Project.findAll({ where: { detachmentId: actor.detachmentId }, attributes: ['id'] })
      ).map((p) => p.id);
      return { status: 'filed', projectId: { [Op.in]: ids } };
    }
    default:
      return null;
  }
}

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
