// Types the pages share. Response shapes are derived from the typed client (generated from the server's zod
// schemas in domain/src/api), never written by hand; only client-side helpers are declared here.

import type { SessionUser } from '@xf/domain/api/accounts';
import type { api } from './client';

export type { AccountKind, FaceProfileStatus } from '@xf/domain/api/accounts';
export { accountKindLabels as ACCOUNT_KIND_LABELS } from '@xf/domain/api/accounts';
export type { LoginResult } from '@xf/domain/api/auth';
export type { Page } from '@xf/domain/api/common';

export type User = SessionUser;

export type Id = number | string;

// Response shapes from the server's schemas, through the typed client (domain/src/api is the one source).
export type Answer<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;
export type Captcha = Answer<typeof api.getAuthCaptcha>;
export type Detachment = Answer<typeof api.getDetachments>[number];
export type RegionNode = Answer<typeof api.getRegions>[number];
export type Institution = Answer<typeof api.getInstitutions>['items'][number];
export type InstitutionDetail = Answer<typeof api.getInstitution>;
export type Compliance = Answer<typeof api.getInstitutionCompliance>;
export type StaffChange = Answer<typeof api.getInstitutionStaffChanges>['items'][number];
export type Person = Answer<typeof api.getInstitutionPersons>['items'][number];
export type Account = Answer<typeof api.getAccounts>['items'][number];
export type RegistryImport = Answer<typeof api.getRegistryImports>['items'][number];
export type RegistryImportDetail = Answer<typeof api.getRegistryImport>;
export type RedFlag = Answer<typeof api.getRedFlags>['items'][number];
export type OperationLog = Answer<typeof api.getOperationLogs>['items'][number];
export type ComplianceStatus = Institution['complianceStatus'];
export type ComplianceFailure = InstitutionDetail['complianceFailures'][number];
export type RegistryName = RegistryImport['registry'];
export type RegistryChange = RegistryImportDetail['changes']['items'][number];
export type RowError = RegistryImportDetail['rowErrors'][number];
