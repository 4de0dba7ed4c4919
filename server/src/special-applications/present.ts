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
import { workflowAbilities } from '../site-requests/abilities';
import type { SpecialApplication } from './models';

const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

/**
 * The projects and institution names a page of project rows (applications, reports) shows, one query each
 * whatever the page size, reading only the project columns those lists show or decide abilities by.
 */
export async function projectsAndInstitutions(rows: { projectId: number; institutionId: number }[]) {
  if (rows.length === 0)
    return { projects: new Map<number, Project>(), institutions: new Map<number, string>() };
  const [projects, institutions] = await Promise.all([
    Project.findAll({
      where: { id: [...new Set(rows.map((r) => r.projectId))] },
      attributes: ['id', 'kind', 'siteName', 'institutionId', 'detachmentId', 'testingType'],
    }).then(byId),
    Institution.findAll({
      where: { id: [...new Set(rows.map((r) => r.institutionId))] },
      attributes: ['id', 'name'],
    }).then((list) => new Map(list.map((i) => [i.id, i.name]))),
  ]);
  return { projects, institutions };
}

/**
 * Applications with their project, institution and 说明材料, for the record list and the brigade's queue,
 * with what the actor may do with each (approve / reject).
 */
export async function presentApplications(
  actor: Actor,
  rows: SpecialApplication[],
): Promise<SpecialApplicationView[]> {
  const [{ projects, institutions }, files] = await Promise.all([
    projectsAndInstitutions(rows),
    StoredFile.findAll({ where: { id: [...new Set(rows.flatMap((r) => r.fileIds))] } }).then(byId),
  ]);
  return Promise.all(
    rows.map(async (r) => {
      const p = projects.get(r.projectId);
      return {
        id: r.id,
        projectId: r.projectId,
        projectName: p?.siteName ?? null,
        projectKind: p?.kind ?? null,
        projectKindLabel: p ? projectKindLabels[p.kind] : null,
        institutionId: r.institutionId,
        institutionName: institutions.get(r.institutionId) ?? null,
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
