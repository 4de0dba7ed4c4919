import {
  projectKindLabels,
  specialApplicationKindLabels,
  specialApplicationMachine,
  specialApplicationStatusLabels,
  type SpecialApplicationView,
} from '@xf/domain';
import type { Actor } from '../core/actor';
import { StoredFile } from '../files/model';
import { presentFile } from '../files/service';
import { Institution } from '../institutions/models';
import { Project } from '../projects/models';
import { lookups, type Lookup } from '../core/lookups';
import { workflowAbilities } from '../site-requests/abilities';
import type { SpecialApplication } from './models';

/**
 * The projects and institution names a page of project rows (applications, reports) shows, as parts of the
 * page's one lookup statement (core/lookups.ts): the project columns those lists show or decide abilities by.
 */
/** The project columns those lists read. */
export type ListedProject = Pick<
  Project,
  'id' | 'kind' | 'siteName' | 'institutionId' | 'detachmentId' | 'testingType'
>;

export const projectAndInstitutionLookups = (rows: { projectId: number; institutionId: number }[]) =>
  ({
    projects: {
      model: Project,
      ids: rows.map((r) => r.projectId),
      attributes: ['id', 'kind', 'siteName', 'institutionId', 'detachmentId', 'testingType'],
    },
    institutions: { model: Institution, ids: rows.map((r) => r.institutionId), attributes: ['name'] },
  }) satisfies Record<string, Lookup>;

/**
 * Applications with their project, institution and 说明材料, for the record list and the brigade's queue,
 * with what the actor may do with each (approve / reject).
 */
export async function presentApplications(
  actor: Actor,
  rows: SpecialApplication[],
): Promise<SpecialApplicationView[]> {
  const fileIds = [...new Set(rows.flatMap((r) => r.fileIds))];
  const [{ projects, institutions }, files] = await Promise.all([
    lookups(projectAndInstitutionLookups(rows)),
    // Whole file rows (presentFile), read only when the page has any.
    fileIds.length
      ? StoredFile.findAll({ where: { id: fileIds } }).then((list) => new Map(list.map((f) => [f.id, f])))
      : new Map<number, StoredFile>(),
  ]);
  return Promise.all(
    rows.map(async (r) => {
      const p = projects.get(r.projectId) as ListedProject | undefined;
      return {
        id: r.id,
        projectId: r.projectId,
        projectName: p?.siteName ?? null,
        projectKind: p?.kind ?? null,
        projectKindLabel: p ? projectKindLabels[p.kind] : null,
        institutionId: r.institutionId,
        institutionName: institutions.get(r.institutionId)?.name ?? null,
        kind: r.kind,
        kindLabel: specialApplicationKindLabels[r.kind],
        reason: r.reason,
        files: r.fileIds
          .map((id) => files.get(id))
          .filter((f): f is StoredFile => !!f)
          .map((f) => ({ ...presentFile(f), originalName: f.originalName })),
        status: r.status,
        statusLabel: specialApplicationStatusLabels[r.status],
        appliedByName: r.appliedByName,
        appliedAt: r.createdAt.toISOString(),
        decidedByName: r.decidedByName ?? null,
        decidedAt: r.decidedAt?.toISOString() ?? null,
        rejectReason: r.rejectReason ?? null,
        abilities: await workflowAbilities(
          actor,
          'special_application',
          r,
          specialApplicationMachine,
          r.status,
          ['approve', 'reject'],
        ),
      };
    }),
  );
}
