import {
  MAINTENANCE_PLAN_KIND_LABELS,
  projectKindLabels,
  reportMachine,
  reportSourceLabels,
  reportStatusLabels,
  testingTypeLabels,
  type ReportView,
} from '@xf/domain';
import type { Actor } from '../core/actor';
import { workflowAbilities } from '../site-requests/abilities';
import { Institution } from '../institutions/models';
import { Project } from '../projects/models';
import type { Report } from './models';

/**
 * The manual's report list columns: 项目名称, 机构名称, 报告属性 (plan kind or testing plan name),
 * 报告生成形式, 报告完成日期, 实际备案日期.
 */
export async function presentReports(actor: Actor, rows: Report[]): Promise<ReportView[]> {
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
  return Promise.all(
    rows.map(async (r) => {
      const p = projects.get(r.projectId);
      return {
        id: r.id,
        projectId: r.projectId,
        projectName: p?.siteName ?? null,
        detachmentId: p?.detachmentId ?? null,
        institutionId: r.institutionId,
        institutionName: institutions.get(r.institutionId) ?? null,
        kind: r.kind,
        kindLabel: projectKindLabels[r.kind],
        planKind: r.planKind,
        planMonth: r.planMonth,
        planName: r.planName,
        attributeLabel: r.kind === 'maintenance' ? MAINTENANCE_PLAN_KIND_LABELS[r.planKind!] : r.planName,
        testingTypeLabel: r.kind === 'testing' && p?.testingType ? testingTypeLabels[p.testingType] : null,
        source: r.source,
        sourceLabel: reportSourceLabels[r.source],
        conclusion: r.conclusion,
        reportFileUrl: `/api/files/${r.reportFileId}`,
        rawRecordFileUrl: r.rawRecordFileId ? `/api/files/${r.rawRecordFileId}` : null,
        status: r.status,
        statusLabel: reportStatusLabels[r.status],
        completedOn: r.completedOn,
        filedOn: r.filedOn ?? null,
        filedByName: r.filedByName ?? null,
        abilities: await workflowAbilities(actor, 'report', r, reportMachine, r.status, [
          'file',
          'replace',
          'delete',
        ]),
      };
    }),
  );
}
