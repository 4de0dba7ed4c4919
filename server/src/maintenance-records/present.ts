import {
  maintenanceConformityLabels,
  notCheckableReasonLabels,
  type MaintenanceRecordView,
} from '@xf/domain';
import { Account } from '../accounts/models';
import { Project } from '../projects/models';
import { byId } from '../site-requests/present';
import { catalogIndex } from './catalog';
import { MaintenanceRecordFile, type MaintenanceRecord } from './models';

const fileUrl = (id: number) => `/api/files/${id}`;

/** Line results with their facility, line, prompts and 合格标准 from the project's edition. */
export async function presentMaintenanceRecords(rows: MaintenanceRecord[]): Promise<MaintenanceRecordView[]> {
  if (!rows.length) return [];
  const [projects, accounts, files] = await Promise.all([
    Project.findAll({ where: { id: [...new Set(rows.map((r) => r.projectId))] } }).then(byId),
    Account.findAll({ where: { id: [...new Set(rows.map((r) => r.operatorAccountId))] } }).then(byId),
    MaintenanceRecordFile.findAll({
      where: { maintenanceRecordId: rows.map((r) => r.id) },
      order: [
        ['role', 'ASC'],
        ['position', 'ASC'],
      ],
    }),
  ]);
  const filesOf = new Map<number, MaintenanceRecordFile[]>();
  for (const f of files)
    filesOf.set(f.maintenanceRecordId, [...(filesOf.get(f.maintenanceRecordId) ?? []), f]);
  const indexes = new Map<string, Awaited<ReturnType<typeof catalogIndex>>>();
  for (const p of projects.values())
    if (!indexes.has(p.editionId)) indexes.set(p.editionId, await catalogIndex(p.editionId));
  return rows.map((r) => {
    const project = projects.get(r.projectId)!;
    const entry = indexes.get(project.editionId)!.lines.get(r.lineId);
    const own = filesOf.get(r.id) ?? [];
    const op = accounts.get(r.operatorAccountId);
    const prompts = entry?.line.prompts ?? [];
    const signature = own.find((f) => f.role === 'signature');
    return {
      id: r.id,
      projectId: r.projectId,
      siteName: project.siteName,
      maintenanceTaskId: r.maintenanceTaskId,
      planId: r.planId,
      idempotencyKey: r.idempotencyKey,
      facilityId: r.facilityId,
      facilityName: entry?.facility.name ?? r.facilityId,
      systemName: entry?.system.name ?? '',
      categoryName: entry?.category.name ?? '',
      facilityIndex: r.facilityIndex,
      facilityLocation: r.facilityLocation,
      lineId: r.lineId,
      lineLetter: entry?.line.letter ?? '',
      lineText: entry?.line.text ?? '',
      conformityStandard: entry?.line.conformityStandard ?? '',
      checkable: r.checkable,
      answers: Object.entries(r.answers).map(([promptId, answer]) => {
        const p = prompts.find((x) => x.id === promptId);
        return {
          promptId,
          text: p?.text ?? promptId,
          answer,
          conforming: p?.conformingOption === undefined || p.conformingOption === answer,
        };
      }),
      conformity: r.conformity,
      conformityLabel: maintenanceConformityLabels[r.conformity],
      notCheckableReason: r.notCheckableReason,
      notCheckableReasonLabel: r.notCheckableReason ? notCheckableReasonLabels[r.notCheckableReason] : null,
      mismatch:
        r.notCheckableReason === 'standard_mismatch'
          ? {
              itemName: r.mismatchItemName ?? '',
              location: r.mismatchLocation ?? '',
              process: r.mismatchProcess ?? '',
              result: r.mismatchResult ?? '',
            }
          : null,
      explanation: r.explanation,
      signaturePhotoUrl: signature ? fileUrl(signature.fileId) : null,
      note: r.note,
      photoUrls: own.filter((f) => f.role === 'photo').map((f) => fileUrl(f.fileId)),
      videoUrls: own.filter((f) => f.role === 'video').map((f) => fileUrl(f.fileId)),
      faultId: r.faultId,
      operator: {
        id: r.operatorAccountId,
        accountName: op?.accountName ?? '',
        displayName: op?.displayName ?? '',
      },
      recordedAt: r.recordedAt.toISOString(),
      submittedAt: r.submittedAt.toISOString(),
    };
  });
}
