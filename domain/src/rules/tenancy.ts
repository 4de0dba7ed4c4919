/**
 * The one meaning of "own institution", "own jurisdiction" and "lead of this project" for every policy, so
 * the rules of projects, plans, site requests and applications cannot drift apart.
 */

/** The actor belongs to the row's institution (an actor of no institution owns nothing). */
export const sameInstitution = (
  actor: { institutionId: number | null },
  row: { institutionId: number | null },
): boolean => actor.institutionId != null && row.institutionId === actor.institutionId;

/** The row lies in the actor's jurisdiction (管辖归属: the detachment the project belongs to). */
export const inJurisdiction = (
  actor: { detachmentId: number | null },
  row: { detachmentId: number | null },
): boolean => actor.detachmentId != null && row.detachmentId === actor.detachmentId;

/** The account is the project's 项目负责人. */
export const isProjectLead = (accountId: number, project: { projectLeadAccountId: number | null }): boolean =>
  project.projectLeadAccountId != null && project.projectLeadAccountId === accountId;
