import {
  MAINTENANCE_PLAN_KIND_LABELS,
  projectKindLabels,
  reportMachineFor,
  reportSourceLabels,
  reportStatusLabels,
  testingTypeLabels,
  type ReportView,
} from '@xf/domain';
import type { Actor } from '../core/actor';
import { can } from '../core/policy';
import { Project } from '../projects/models';
import { StoredFile } from '../files/model';
import { workflowAbilities } from '../site-requests/abilities';
import { projectAndInstitutionLookups, type ListedProject } from '../special-applications/present';
import { lookups, type Lookup } from '../core/lookups';
import type { AppContext } from '../context';
import { Report } from './models';

const fileUrl = (id: number | null) => (id ? `/api/files/${id}` : null);
const HASH_LABELS = [
  ['reportFileId', '检测报告PDF'],
  ['reportDocxFileId', '检测报告Word'],
  ['rawRecordFileId', '原始记录PDF'],
  ['rawRecordDocxFileId', '原始记录Word'],
] as const;

/** The files whose SHA-256 a page of reports shows, as a part of the page's one lookup statement. */
const hashLookup = (rows: Report[]) =>
  ({
    model: StoredFile,
    ids: rows.flatMap((r) => HASH_LABELS.map(([k]) => r[k])),
    attributes: ['sha256'],
  }) satisfies Lookup;

/** SHA-256 of each file of each report, by report id. */
function hashesOf(rows: Report[], files: Map<number, { sha256: string }>) {
  return new Map(
    rows.map((r) => [
      r.id,
      HASH_LABELS.flatMap(([k, label]) => {
        const sha256 = r[k] ? files.get(r[k])?.sha256 : undefined;
        return sha256
          ? [{ label: r.kind === 'maintenance' ? label.replace('检测报告', '维保报告') : label, sha256 }]
          : [];
      }),
    ]),
  );
}

/** SHA-256 of each file of each report, by report id. */
export async function reportHashes(rows: Report[]) {
  return hashesOf(
    rows,
    (await lookups({ files: hashLookup(rows) })).files as Map<number, { sha256: string }>,
  );
}

/** The public verification page's address (config PUBLIC_BASE_URL). */
export const verifyUrl = (app: Pick<AppContext, 'config'>, token: string) =>
  `${app.config.publicBaseUrl}/verify/${token}`;

/**
 * The manual's report list columns: 项目名称, 机构名称, 报告属性 (plan kind or testing plan name),
 * 报告生成形式, 报告完成日期, 实际备案日期.
 */
export async function presentReports(
  app: Pick<AppContext, 'config'>,
  actor: Actor,
  rows: Report[],
): Promise<ReportView[]> {
  const { projects, institutions, files, originals, retests } = await lookups({
    ...projectAndInstitutionLookups(rows),
    files: hashLookup(rows),
    originals: { model: Report, ids: rows.map((r) => r.retestOfReportId), attributes: ['reportNo'] },
    // The retest project made from a generated report, by that report's id.
    retests: {
      model: Project,
      ids: rows.filter((r) => r.source === 'generated').map((r) => r.id),
      key: 'retestOfReportId',
      attributes: ['id'],
    },
  });
  const hashes = hashesOf(rows, files as Map<number, { sha256: string }>);
  return Promise.all(
    rows.map(async (r) => {
      const p = projects.get(r.projectId) as ListedProject | undefined;
      const retestProjectId = retests.get(r.id)?.id ?? null;
      // 建立复检计划: from a generated testing report with its files, of an original (not a retest) project.
      const retestable =
        r.kind === 'testing' &&
        r.source === 'generated' &&
        r.reportFileId != null &&
        r.retestOfReportId == null &&
        retestProjectId == null;
      return {
        id: r.id,
        projectId: r.projectId,
        projectName: p?.siteName ?? null,
        detachmentId: p?.detachmentId ?? null,
        institutionId: r.institutionId,
        institutionName: institutions.get(r.institutionId)?.name ?? null,
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
        reportFileUrl: fileUrl(r.reportFileId),
        rawRecordFileUrl: fileUrl(r.rawRecordFileId),
        reportDocxUrl: fileUrl(r.reportDocxFileId),
        rawRecordDocxUrl: fileUrl(r.rawRecordDocxFileId),
        hashes: hashes.get(r.id) ?? [],
        reportNo: r.reportNo,
        retestOfReportId: r.retestOfReportId ?? null,
        retestOfReportNo: r.retestOfReportId ? (originals.get(r.retestOfReportId)?.reportNo ?? null) : null,
        retestProjectId,
        progress: r.source === 'generated' ? r.progress : 100,
        progressText: r.progressText,
        verifyUrl: r.verifyToken ? verifyUrl(app, r.verifyToken) : null,
        status: r.status,
        statusLabel: reportStatusLabels[r.status],
        completedOn: r.completedOn,
        filedOn: r.filedOn ?? null,
        filedByName: r.filedByName ?? null,
        abilities: {
          ...(await workflowAbilities(actor, 'report', r, reportMachineFor(r.source), r.status, [
            'file',
            'replace',
            'delete',
          ])),
          createRetest: retestable && !!p && (await can(actor, 'createRetest', 'testing_plan', p)),
        },
      };
    }),
  );
}
