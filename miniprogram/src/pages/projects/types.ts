/** The fields of GET /api/projects and GET /api/projects/:id that the lead pages show. */
export interface ProjectRow {
  id: number;
  kind: 'testing' | 'maintenance';
  kindLabel: string;
  siteName: string;
  institutionName: string | null;
  clientName: string | null;
  contact: { id: number; name: string; mobile: string; position: string } | null;
  province: string;
  city: string;
  district: string;
  address: string;
  detachmentName: string | null;
  signedOn: string;
  contractStart: string;
  contractEnd: string;
  projectLeadName: string | null;
  buildingCount: number;
  buildingsAddedLabel: string;
  fireSystemsAddedLabel: string;
  geofenceMarked: boolean;
  geofenceMarkedLabel: string;
  status: 'in_progress' | 'completed' | 'cancelled' | 'terminated';
  statusLabel: string;
}

export interface ProjectDetail extends ProjectRow {
  siteUscc: string;
  socialUnit: { id: number; name: string; safetyLevel: string; address: string } | null;
  registryProjectLabel: string;
  testingTypeLabel: string | null;
  scope: string[] | null;
  firstMonth: string | null;
  lastMonth: string | null;
  maintenanceCount: number | null;
  geofence: { lng: number; lat: number; radius: number; markedAt: string } | null;
  ended: { reason: string; byName: string; at: string } | null;
}

export interface BuildingsSummary {
  totalArea: number;
  items: {
    id: number;
    name: string;
    totalArea: number;
    aboveGroundFloors: number;
    belowGroundFloors: number;
    height: number;
    useFunction: string;
    waterSupplies: { kindLabel: string; location: string; capacity: number }[];
  }[];
}

/** Status badge colours reuse the sync badges of the global stylesheet. */
export const STATUS_BADGE: Record<ProjectRow['status'], string> = {
  in_progress: 'badge badge-synced',
  completed: 'badge badge-pending',
  cancelled: 'badge badge-rejected',
  terminated: 'badge badge-rejected',
};
