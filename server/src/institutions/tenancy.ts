import type { Actor } from '../core/actor';
import { jurisdictionInstitutionIds } from './policies';

/**
 * Transitional, for the features not yet on list scopes (projects coverage, work logs): the visible
 * institution ids, `null` for all. New code uses `institutionScope(actor, column)` from ./policies.
 */
export async function visibleInstitutionIds(actor: Actor): Promise<number[] | null> {
  if (actor.kind === 'brigade') return null;
  if (actor.kind === 'detachment')
    return actor.detachmentId ? jurisdictionInstitutionIds(actor.detachmentId) : [];
  return actor.institutionId ? [actor.institutionId] : [];
}
