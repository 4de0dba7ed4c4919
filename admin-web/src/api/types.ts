// Request-side types come from @xf/domain (domain/src/api); response shapes mirror server/API.md and the
// server's present*() functions, which the domain package does not describe.

import type { AccountKind, SessionUser } from '@xf/domain/api/accounts';
import type { Page } from '@xf/domain/api/common';

export type { AccountKind, FaceProfileStatus } from '@xf/domain/api/accounts';
export { accountKindLabels as ACCOUNT_KIND_LABELS } from '@xf/domain/api/accounts';
export type { LoginResult } from '@xf/domain/api/auth';
export type { Page } from '@xf/domain/api/common';

export type User = SessionUser;

export interface Captcha {
  captchaId: string;
  svg: string;
}

export type Id = number | string;

export interface Detachment {
  id: Id;
  name: string;
  code: string;
}

export interface RegionNode {
  code?: string;
  value?: string;
  name?: string;
  label?: string;
  children?: RegionNode[];
}

export type ComplianceStatus = 'compliant' | 'noncompliant' | 'unchecked';

export interface OfficeAddress {
  address?: string | null;
  province?: string | null;
  city?: string | null;
  district?: string | null;
  lng?: number | null;
  lat?: number | null;
  /** Stored position is always GCJ-02; `input` is what was typed or clicked. */
  crs?: 'GCJ02' | 'WGS84' | null;
  input?: { lng: number | null; lat: number | null; crs: 'GCJ02' | 'WGS84' | null } | null;
  markedAt?: string | null;
}

export interface Institution {
  id: Id;
  name: string;
  uscc: string;
  registeredAddress: string;
  serviceTypes: string[];
  serviceTypesLabel: string;
  publicityStatus: string;
  officeAddress: OfficeAddress | null;
  officeMarked: boolean;
  officeMarkedLabel: string;
  complianceStatus: ComplianceStatus;
  complianceStatusLabel?: string;
  publicityStatusLabel?: string;
  registrationConfirmedAt: string | null;
}

export interface ComplianceFailure {
  conditionId: string;
  message: string;
  clause?: string;
}

export interface InstitutionDetail extends Institution {
  complianceFailures: ComplianceFailure[];
}

export interface Compliance {
  status: ComplianceStatus;
  failures: ComplianceFailure[];
  checkedAt?: string | null;
  adminAccountClosed?: boolean;
  history: { at: string; status: ComplianceStatus; failures: ComplianceFailure[] | null; trigger?: string }[];
}

export interface StaffChange {
  personName: string;
  change: 'joined' | 'left' | 'changed';
  changeLabel?: string;
  fields?: string[] | null;
  on: string;
}

export interface RegisteredEngineer {
  level: number;
  levelLabel: string;
  registrationNumber: string;
  validFrom: string;
  validTo: string;
  valid?: boolean;
}

export interface OperatorCertificate {
  number: string;
  grade: string | null;
  gradeLabel: string | null;
  validTo: string | null;
  valid?: boolean;
}

export interface Person {
  id: Id;
  name: string;
  idNumberMasked?: string;
  post: string | null;
  postLabel?: string;
  /** Engineer registration number, else operator certificate number. */
  certificateNumber?: string | null;
  registeredEngineer?: RegisteredEngineer | null;
  operatorCertificate?: OperatorCertificate | null;
  accountKind: AccountKind | null;
  accountKindLabel?: string;
  hasAccount?: boolean;
  churnFlag?: boolean;
}

export interface Account {
  id: Id;
  accountName: string;
  kind: AccountKind;
  kindLabel: string;
  displayName: string;
  personId: Id | null;
  institutionId: Id | null;
  detachmentId: Id | null;
  disabled: boolean;
  closedReason: string | null;
  lockedUntil: string | null;
  createdAt: string;
  mustChangePassword?: boolean;
}

export type RegistryName = 'ministry' | 'inspection';

export interface RegistryImport {
  id: Id;
  registry: RegistryName;
  registryLabel?: string;
  source: string;
  sourceLabel?: string;
  fileName?: string | null;
  status: string;
  statusLabel?: string;
  message?: string | null;
  startedAt: string;
  finishedAt: string | null;
  summary: { joined: number; changed: number; left: number; errors: number } | null;
}

export interface RegistryChange {
  entity: string;
  entityLabel?: string;
  key: string;
  name: string;
  change: 'joined' | 'changed' | 'left';
  changeLabel?: string;
  fields: string[] | null;
  on: string;
}

export interface RowError {
  sheet: string;
  row: number;
  field: string;
  reason: string;
}

export interface RegistryImportDetail extends RegistryImport {
  changes: Page<RegistryChange>;
  rowErrors: RowError[];
}

export interface RedFlag {
  id: Id;
  kind: string;
  kindLabel: string;
  subjectType: string;
  subjectId: Id;
  subjectName: string;
  institutionId: Id | null;
  reason: string;
  details?: unknown;
  raisedAt: string;
  clearedAt: string | null;
}

export interface OperationLog {
  id: Id;
  at: string;
  actorId: Id | null;
  actorName: string | null;
  action: string;
  /** Chinese name of the action, from the server (the shared map in @xf/domain/api/operation-log). */
  actionLabel?: string;
  entityType: string;
  entityTypeLabel?: string;
  entityId: Id | null;
  before: unknown;
  after: unknown;
  institutionId?: Id | null;
  requestId: string | null;
}
