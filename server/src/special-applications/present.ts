import { projectKindLabels, specialApplicationKindLabels, specialApplicationStatusLabels } from '@xf/domain';
import { StoredFile } from '../files/model';
import { presentFile } from '../files/service';
import { Institution } from '../institutions/models';
import { Project } from '../projects/models';
import type { SpecialApplication } from './models';

/** Applications with their project, institution and 说明材料, for the record list and the brigade's queue. */
export async function presentApplications(rows: SpecialApplication[]) {
  const projects = new Map(
    (await Project.findAll({ where: { id: [...new Set(rows.map((r) => r.projectId))] } })).map((p) => [
      p.id,
      p,
    ]),
  );
  const institutions = new Map(
    (
      await Institution.findAll({
        where: { id: [...new Set(rows.map((r) => r.institutionId))] },
        attributes: ['id', 'name'],
      })
    ).map((i) => [i.id, i.name]),
  );
  const files = new Map(
    (await StoredFile.findAll({ where: { id: [...new Set(rows.flatMap((r) => r.fileIds))] } })).map((f) => [
      f.id,
      f,
    ]),
  );
  return rows.map((r) => {
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
      appliedAt: r.createdAt,
      decidedByName: r.decidedByName ?? null,
      decidedAt: r.decidedAt ?? null,
      rejectReason: r.rejectReason ?? null,
    };
  });
}
