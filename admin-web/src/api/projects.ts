// Shapes of the project-entry API (server/src/{clients,projects,buildings}/present.ts).
import type { AttachmentKind, ProjectKind } from '@xf/domain/api/projects';
import type { api } from './client';
import type { Answer } from './types';

export {
  attachmentKindLabels,
  GEOFENCE_RADIUS_DEFAULT,
  GEOFENCE_RADIUS_MAX,
  GEOFENCE_RADIUS_MIN,
  projectKindLabels,
  projectStatusLabels,
  testingTypeLabels,
  TESTING_TYPES,
} from '@xf/domain/api/projects';
export type { AttachmentKind, ProjectKind, ProjectStatus, TestingType } from '@xf/domain/api/projects';

export interface Attachment {
  fileId: number;
  kind: AttachmentKind;
  kindLabel?: string;
  url?: string;
  /** Only known for files uploaded in this form. */
  name?: string;
}

// Response shapes come from the server's schemas through the typed client (one source: domain/src/api).

export type ProjectRow = Answer<typeof api.getProjects>['items'][number];
export type ProjectDetail = Answer<typeof api.getProject>;
export type Geofence = NonNullable<ProjectDetail['geofence']>;
export type MaintenanceContract = Answer<typeof api.getMaintenanceContracts>['items'][number];
export type SocialUnit = Answer<typeof api.getSocialUnits>['items'][number];
export type RegistryProject = Answer<typeof api.getRegistryProjects>['items'][number];
export type LeadCandidate = Answer<typeof api.getAccountsProjectLeadCandidates>[number];
export type BuildingList = Answer<typeof api.getProjectBuildings>;
export type Building = BuildingList['items'][number];
export type FireSystemTree = Answer<typeof api.getProjectFireSystems>;
export type CoverageRow = Answer<typeof api.getCoverage>['items'][number];
export type CoverageCounts = CoverageRow['byKind'][ProjectKind];
export type StoredFile = Answer<typeof api.createFile>;
