import type { ProjectKind } from '@xf/domain/api/projects';
import type { SpecialApplicationStatus } from '@xf/domain/api/special-applications';
import type { api } from '../../api/client';
import type { Answer } from '../../api/types';

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

/** A report as listed (GET /reports), from the server's schema through the typed client. */
export type ReportRow = Answer<typeof api.getReports>['items'][number];
