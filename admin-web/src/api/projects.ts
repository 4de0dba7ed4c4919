// Shapes of the project-entry API (server/src/{clients,projects,buildings}/present.ts).
import type { AttachmentKind, ProjectKind, ProjectStatus, TestingType } from '@xf/domain/api/projects';

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

export interface ProjectRow {
  id: number;
  kind: ProjectKind;
  kindLabel: string;
  siteName: string;
  institutionId: number;
  institutionName: string | null;
  contractId: number | null;
  clientId: number;
  clientName: string | null;
  contact: { id: number; name: string; mobile: string; position: string } | null;
  province: string;
  city: string;
  district: string;
  cityLabel: string;
  address: string;
  detachmentId: number | null;
  detachmentName: string | null;
  signedOn: string;
  contractStart: string;
  contractEnd: string;
  directReportUploadLabel: string;
  projectLeadAccountId: number;
  projectLeadName: string | null;
  buildingsAddedLabel: string;
  fireSystemsAddedLabel: string;
  geofenceMarked: boolean;
  geofenceMarkedLabel: string;
  status: ProjectStatus;
  statusLabel: string;
  editionId: string;
}

export interface Geofence {
  lng: number;
  lat: number;
  crs?: string;
  radius: number;
  input?: { lng: number; lat: number; crs: string };
}

export interface ProjectDetail extends ProjectRow {
  siteUscc: string | null;
  socialUnitId?: number | null;
  socialUnit: { id: number; name: string; safetyLevel: string; address: string } | null;
  socialUnitLabel: string;
  registryProject: { id: number; externalId: string; socialUnitName: string } | null;
  testingType: TestingType | null;
  testingTypeLabel: string | null;
  scope: string[] | null;
  attachments: Attachment[];
  firstMonth: string | null;
  lastMonth: string | null;
  maintenanceCount: number | null;
  geofence: Geofence | null;
  ended: { reason: string; byName: string; at: string } | null;
}

export interface MaintenanceContract {
  id: number;
  clientId: number;
  clientName: string | null;
  contact: { id: number; name: string; mobile: string } | null;
  signedOn: string;
  contractStart: string;
  contractEnd: string;
  attachments: Attachment[];
  projectCount: number;
}

export interface SocialUnit {
  id: number;
  name: string;
  uscc: string | null;
  address: string;
  district: string | null;
  safetyLevel: string;
  unitType: string;
  detachmentId: number | null;
  detachmentName: string | null;
}

export interface RegistryProject {
  id: number;
  externalId: string;
  kind: ProjectKind;
  kindLabel: string;
  socialUnitId: number | null;
  socialUnitName: string;
  startDate: string | null;
  endDate: string | null;
}

export interface LeadCandidate {
  id: number;
  accountName: string;
  displayName: string;
  kindLabel: string;
}

export interface Building {
  id: number;
  name: string;
  totalArea: number;
  aboveGroundArea: number;
  belowGroundArea: number;
  aboveGroundFloors: number;
  belowGroundFloors: number;
  height: number;
  useFunction: string;
  waterSupplies: { kind: 'fire_pool' | 'fire_tank'; kindLabel: string; location: string; capacity: number }[];
  remark: string;
}

export interface BuildingList {
  projectId: number;
  siteName: string;
  totalArea: number;
  items: Building[];
}

export interface FireSystemTree {
  editionId: string;
  added: boolean;
  systems: {
    id: string;
    name: string;
    selected: boolean;
    categories: {
      id: string;
      name: string;
      selected: boolean;
      facilities: { id: string; name: string; selected: boolean }[];
    }[];
  }[];
}

export interface CoverageCounts {
  total: number;
  linked: number;
  rate: number | null;
  rateLabel: string;
}

export interface CoverageRow extends CoverageCounts {
  institutionId: number;
  institutionName: string;
  byKind: Record<ProjectKind, CoverageCounts>;
  unlinkedCount: number;
}

export interface StoredFile {
  id: number;
  mime: string;
  size: number;
  url: string;
}
