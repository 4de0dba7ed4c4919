import { z } from 'zod';
import { operatorGradeLabels as gradeLabels, personPostLabels } from '../registries/records';
import { abilitiesSchema, booleanQuery, pageOf, pageQuerySchema, numeric } from './common';

// The registry codes have one set of labels, in registries/records; re-exported here for the API.
export { SERVICE_TYPES, serviceTypeLabels } from '../registries/records';

export const institutionListQuerySchema = pageQuerySchema.extend({
  name: z.string().max(100).optional().meta({ label: '名称' }),
  province: z.string().max(40).optional().meta({ label: '省' }),
  city: z.string().max(40).optional().meta({ label: '市' }),
  district: z.string().max(40).optional().meta({ label: '区' }),
  officeMarked: booleanQuery.optional().meta({ label: '办公地址标注' }),
  complianceStatus: z.enum(['compliant', 'noncompliant', 'unchecked']).optional().meta({ label: '合规状态' }),
});

export const COORDINATE_SYSTEMS = ['GCJ02', 'WGS84'] as const;
/** A longitude or latitude inside China, as the map picker and the phones send them. */
export const lngSchema = numeric(
  z
    .number({ error: '请填写经度' })
    .min(73, { error: '经度应在中国境内（73～136）' })
    .max(136, { error: '经度应在中国境内（73～136）' }),
);
export const latSchema = numeric(
  z
    .number({ error: '请填写纬度' })
    .min(3, { error: '纬度应在中国境内（3～54）' })
    .max(54, { error: '纬度应在中国境内（3～54）' }),
);

export const officeAddressSchema = z.object({
  address: z.string().trim().min(2, { error: '请填写详细地址' }).max(300).meta({ label: '地址' }),
  province: z.string().trim().min(1, { error: '请选择省' }).max(40).meta({ label: '省' }),
  city: z.string().trim().min(1, { error: '请选择市' }).max(40).meta({ label: '市' }),
  district: z.string().trim().min(1, { error: '请选择区' }).max(40).meta({ label: '区' }),
  lng: lngSchema.meta({ label: '经度' }),
  lat: latSchema.meta({ label: '纬度' }),
  crs: z
    .enum(COORDINATE_SYSTEMS, { error: '坐标系只能是GCJ02或WGS84' })
    .default('GCJ02')
    .meta({ label: '坐标系' }),
});
export type OfficeAddressInput = z.infer<typeof officeAddressSchema>;

/** Looked up by the stored text of a post or grade, hence keyed by any string. */
export const registryPostLabels: Record<string, string> = personPostLabels;
export const operatorGradeLabels: Record<string, string> = gradeLabels;

/** A registry person as listed to pick from (ID number masked). */
export const personBriefSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  idNumberMasked: z.string(),
  post: z.string(),
  postLabel: z.string(),
  certificateNumber: z.string().nullable(),
});
export type PersonBrief = z.infer<typeof personBriefSchema>;

export const detachmentViewSchema = z.object({ id: z.number().int(), code: z.string(), name: z.string() });
export type DetachmentView = z.infer<typeof detachmentViewSchema>;
export const detachmentListSchema = z.array(detachmentViewSchema);

export const COMPLIANCE_STATUSES = ['compliant', 'noncompliant', 'unchecked'] as const;
export const complianceStatusSchema = z.enum(COMPLIANCE_STATUSES);
export type ComplianceStatus = z.infer<typeof complianceStatusSchema>;

/** A condition of practice the institution failed, with the manual's clause. */
export const complianceFailureSchema = z.object({
  conditionId: z.string(),
  message: z.string(),
  clause: z.string(),
});
export type ComplianceFailure = z.infer<typeof complianceFailureSchema>;

/** The marked office address: stored in GCJ-02; `input` is what was typed or clicked. */
export const officeAddressViewSchema = z.object({
  address: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  crs: z.string().nullable(),
  input: z.object({ lng: z.number().nullable(), lat: z.number().nullable(), crs: z.string().nullable() }),
  markedAt: z.string().nullable(),
});
export type OfficeAddressView = z.infer<typeof officeAddressViewSchema>;

export const institutionViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  uscc: z.string(),
  registeredAddress: z.string(),
  province: z.string(),
  city: z.string(),
  district: z.string(),
  serviceTypes: z.array(z.enum(['maintenance_testing', 'safety_assessment'])),
  serviceTypesLabel: z.string(),
  publicityStatus: z.enum(['effective', 'not_effective']),
  publicityStatusLabel: z.string(),
  legalRepresentative: z.string().nullable(),
  premisesArea: z.number().nullable(),
  inRegistry: z.boolean(),
  registrationConfirmedAt: z.string().nullable(),
  officeMarked: z.boolean(),
  officeMarkedLabel: z.string(),
  officeAddress: officeAddressViewSchema.nullable(),
  complianceStatus: complianceStatusSchema,
  complianceStatusLabel: z.string(),
  complianceFailures: z.array(complianceFailureSchema),
  complianceCheckedAt: z.string().nullable(),
  abilities: abilitiesSchema.optional(),
});
export type InstitutionView = z.infer<typeof institutionViewSchema>;
export const institutionListSchema = pageOf(institutionViewSchema);

export const complianceViewSchema = z.object({
  status: complianceStatusSchema,
  failures: z.array(complianceFailureSchema),
  checkedAt: z.string().nullable(),
  adminAccountClosed: z.boolean(),
  history: z.array(
    z.object({
      at: z.string(),
      status: complianceStatusSchema,
      failures: z.array(complianceFailureSchema),
      trigger: z.string(),
    }),
  ),
});
export type ComplianceView = z.infer<typeof complianceViewSchema>;

export const personViewSchema = personBriefSchema.extend({
  mobile: z.string().nullable(),
  registeredEngineer: z
    .object({
      level: z.number().int(),
      levelLabel: z.string(),
      registrationNumber: z.string().nullable(),
      validFrom: z.string().nullable(),
      validTo: z.string().nullable(),
      valid: z.boolean(),
    })
    .nullable(),
  operatorCertificate: z
    .object({
      number: z.string(),
      grade: z.string().nullable(),
      gradeLabel: z.string().nullable(),
      validTo: z.string().nullable(),
      valid: z.boolean(),
    })
    .nullable(),
  inRegistry: z.boolean(),
  joinedAt: z.string().nullable(),
  leftAt: z.string().nullable(),
  /** The staff kind the certificates give (STAFF_KINDS in ./accounts, which imports this file). */
  accountKind: z.enum(['technical_lead', 'project_lead', 'operator']).nullable(),
  hasAccount: z.boolean(),
  churnFlag: z.boolean(),
});
export type PersonView = z.infer<typeof personViewSchema>;
export const personListSchema = pageOf(personViewSchema);

export const REGISTRY_CHANGES = ['joined', 'changed', 'left'] as const;
export const staffChangeViewSchema = z.object({
  personName: z.string(),
  change: z.enum(REGISTRY_CHANGES),
  changeLabel: z.string(),
  fields: z.array(z.string()).nullable(),
  on: z.string(),
});
export type StaffChangeView = z.infer<typeof staffChangeViewSchema>;
export const staffChangeListSchema = pageOf(staffChangeViewSchema);
