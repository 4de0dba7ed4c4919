import { Op } from 'sequelize';
import type { Actor } from '../core/actor';
import { ALL, allow, idsScope, NONE, scope, where, type ListScope } from '../core/policy';
import { Project } from '../projects/models';
import { RegistryProject, SocialUnit } from '../registries/models';
import type { Institution } from './models';

/** The institutions a detachment oversees: those with projects in its jurisdiction (管辖归属). */
export async function jurisdictionInstitutionIds(detachmentId: number): Promise<number[]> {
  const units = await SocialUnit.findAll({ where: { detachmentId }, attributes: ['id'] });
  const projects = await RegistryProject.findAll({
    where: { socialUnitId: { [Op.in]: units.map((u) => u.id) }, institutionId: { [Op.ne]: null } },
    attributes: ['institutionId'],
    group: ['institutionId'],
  });
  // Projects entered in this system under the detachment's jurisdiction count too.
  const own = await Project.findAll({
    where: { detachmentId },
    attributes: ['institutionId'],
    group: ['institutionId'],
  });
  return [...new Set([...projects.map((p) => p.institutionId!), ...own.map((p) => p.institutionId)])];
}

/**
 * The institutions an actor sees, as a scope over the column holding an institution id (`id` on
 * institutions, `institutionId` on what belongs to one): the brigade all, a detachment those in its
 * jurisdiction, institution staff their own.
 */
export async function institutionScope(actor: Actor, column = 'id'): Promise<ListScope> {
  if (actor.kind === 'brigade') return ALL;
  if (actor.kind === 'detachment')
    return actor.detachmentId ? idsScope(column, await jurisdictionInstitutionIds(actor.detachmentId)) : NONE;
  return actor.institutionId ? where({ [column]: actor.institutionId }) : NONE;
}

export async function canSeeInstitution(actor: Actor, institutionId: number | null | undefined) {
  if (institutionId == null) return actor.kind === 'brigade';
  if (actor.kind === 'brigade') return true;
  if (actor.kind === 'detachment')
    return (
      !!actor.detachmentId && (await jurisdictionInstitutionIds(actor.detachmentId)).includes(institutionId)
    );
  return actor.institutionId === institutionId;
}

scope('institution', (actor) => institutionScope(actor, 'id'));

const seen = (actor: Actor, i: Institution) => canSeeInstitution(actor, i.id);
allow<Institution>('*', 'read', 'institution', seen);
allow('*', 'list', 'institution');
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
  seen,
);
