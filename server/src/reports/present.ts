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
import { StoredFile } from '../files/model';
import { workflowAbilities } from '../site-requests/abilities';
import { projectsAndInstitutions } from '../special-applications/present';
import type { Report } from './models';

/**
 * The manual's report list columns: 项目名称, 机构名称, 报告属性 (plan kind or testing plan name),
 * 报告生成形式, 报告完成日期, 实际备案日期.
 */
export async function presentReports(actor: Actor, rows: Report[]): Promise<ReportView[]> {
  const { projects, institutions } = await projectsAndInstitutions(rows);
  const fileIds = rows.flatMap((r) => [r.reportFileId, r.rawRecordFileId]).filter((x): x is number => !!x);
  const hashes = new Map(
    (await StoredFile.findAll({ where: { id: fileIds }, attributes: ['id', 'sha256'] })).map((f) => [
      f.id,
      f.sha256,
    ]),
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
        reportFileSha256: hashes.get(r.reportFileId) ?? null,
        rawRecordFileSha256: r.rawRecordFileId ? (hashes.get(r.rawRecordFileId) ?? null) : null,
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
