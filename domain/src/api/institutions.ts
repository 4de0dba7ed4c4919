import { z } from 'zod';
import { operatorGradeLabels as gradeLabels, personPostLabels } from '../registries/records';
import { booleanQuery, pageQuerySchema, numeric } from './common';

// The registry codes have one set of labels, in registries/records; re-exported here for the API.
export { SERVICE_TYPES, serviceTypeLabels } from '../registries/records';

export const institutionListQuerySchema = pageQuerySchema.extend({
  name: z.string().max(100).optional(),
  province: z.string().max(40).optional(),
  city: z.string().max(40).optional(),
  district: z.string().max(40).optional(),
  officeMarked: booleanQuery.optional(),
  complianceStatus: z.enum(['compliant', 'noncompliant', 'unchecked']).optional(),
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
  address: z.string().trim().min(2, { error: '请填写详细地址' }).max(300),
  province: z.string().trim().min(1, { error: '请选择省' }).max(40),
  city: z.string().trim().min(1, { error: '请选择市' }).max(40),
  district: z.string().trim().min(1, { error: '请选择区' }).max(40),
  lng: lngSchema,
  lat: latSchema,
  crs: z.enum(COORDINATE_SYSTEMS, { error: '坐标系只能是GCJ02或WGS84' }).default('GCJ02'),
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
