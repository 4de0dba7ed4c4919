import type { ProjectKind } from '@xf/domain/api/projects';
import type { ReportStatus } from '@xf/domain/api/reports';
import type { SpecialApplicationStatus } from '@xf/domain/api/special-applications';

export interface ApplicationFile {
  id: number;
  url: string;
  originalName: string | null;
}

export interface SpecialApplicationRow {
  id: number;
  projectId: number;
  projectName: string | null;
  projectKind: ProjectKind | null;
  projectKindLabel: string | null;
  institutionName: string | null;
  kindLabel: string;
  reason: string;
  files: ApplicationFile[];
  status: SpecialApplicationStatus;
  statusLabel: string;
  appliedByName: string;
  appliedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  rejectReason: string | null;
}

export interface ReportRow {
  id: number;
  projectId: number;
  projectName: string | null;
  institutionName: string | null;
  kind: ProjectKind;
  kindLabel: string;
  attributeLabel: string | null;
  planMonth: string | null;
  testingTypeLabel: string | null;
  sourceLabel: string;
  conclusion: string;
  reportFileUrl: string;
  rawRecordFileUrl: string | null;
  reportFileSha256: string | null;
  rawRecordFileSha256: string | null;
  status: ReportStatus;
  statusLabel: string;
  completedOn: string;
  filedOn: string | null;
  filedByName: string | null;
}
