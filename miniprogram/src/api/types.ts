export type AccountKind =
  'brigade' | 'detachment' | 'institution_admin' | 'technical_lead' | 'project_lead' | 'operator';

/** `client` of POST /api/auth/login: the mini-program and its H5 build, or the operator app. */
export type LoginClient = 'weapp' | 'app';

export type FaceProfileStatus = 'none' | 'pending' | 'approved' | 'rejected';

export interface User {
  id: number | string;
  accountName: string;
  kind: AccountKind;
  kindLabel: string;
  displayName: string;
  institutionId: number | string | null;
  institutionName: string | null;
  detachmentId: number | string | null;
  personId: number | string | null;
  mustChangePassword: boolean;
  faceProfileStatus: FaceProfileStatus;
  faceProfileRejectReason: string | null;
}

export interface LoginResult {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: User;
}

export interface HomeSummary {
  pendingRequests: number;
  pendingReviews: number;
  reportsToFile: number;
  workLogsToday: number;
}

export interface FaceProfile {
  id: number | string;
  status: FaceProfileStatus;
  rejectReason?: string | null;
  submittedAt?: string;
}

export interface ServerWorkLog {
  id: number | string;
  idempotencyKey: string;
  accountId: number | string;
  authorName: string;
  date: string;
  content: string;
  photos: { id: number | string; url: string }[];
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
