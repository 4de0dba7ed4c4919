import { Op } from 'sequelize';
import type { Actor } from '../core/actor';
import { Project } from '../projects/models';
import { RegistryProject, SocialUnit } from '../registries/models';

/**
 * Which institutions an actor may see: the brigade all; institution staff their own; a detachment those
 * with projects in its jurisdiction (管辖归属). `null` means "all".
 */
export async function visibleInstitutionIds(actor: Actor): Promise<number[] | null> {
  if (actor.kind === 'brigade') return null;
  if (actor.kind === 'detachment') {
    const units = await SocialUnit.findAll({
      where: { detachmentId: actor.detachmentId! },
      attributes: ['id'],
    });
    const projects = await RegistryProject.findAll({
      where: { socialUnitId: { [Op.in]: units.map((u) => u.id) }, institutionId: { [Op.ne]: null } },
      attributes: ['institutionId'],
      group: ['institutionId'],
    });
    // Projects entered in this system under the detachment's jurisdiction count too.
    const own = await Project.findAll({
      where: { detachmentId: actor.detachmentId! },
      attributes: ['institutionId'],
      group: ['institutionId'],
    });
    return [...new Set([...projects.map((p) => p.institutionId!), ...own.map((p) => p.institutionId)])];
  }
  return actor.institutionId ? [actor.institutionId] : [];
}

export async function canSeeInstitution(actor: Actor, institutionId: number | null | undefined) {
  if (institutionId == null) return actor.kind === 'brigade';
  const ids = await visibleInstitutionIds(actor);
  return ids === null || ids.includes(institutionId);
}
