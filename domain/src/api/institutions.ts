import { z } from 'zod';
import { booleanQuery, pageQuerySchema, numeric } from './common';

export const SERVICE_TYPES = ['maintenance_testing', 'safety_assessment'] as const;
export const serviceTypeLabels: Record<(typeof SERVICE_TYPES)[number], string> = {
  maintenance_testing: '消防设施维护保养检测',
  safety_assessment: '消防安全评估',
};

export const institutionListQuerySchema = pageQuerySchema.extend({
  name: z.string().max(100).optional(),
  province: z.string().max(40).optional(),
  city: z.string().max(40).optional(),
  district: z.string().max(40).optional(),
  officeMarked: booleanQuery.optional(),
  complianceStatus: z.enum(['compliant', 'noncompliant', 'unchecked']).optional(),
});

export const COORDINATE_SYSTEMS = ['GCJ02', 'WGS84'] as const;

export const officeAddressSchema = z.object({
  address: z.string().trim().min(2, { error: '请填写详细地址' }).max(300),
  province: z.string().trim().min(1, { error: '请选择省' }).max(40),
  city: z.string().trim().min(1, { error: '请选择市' }).max(40),
  district: z.string().trim().min(1, { error: '请选择区' }).max(40),
  lng: numeric(
    z
      .number()
      .min(73, { error: '经度应在中国境内（73～136）' })
      .max(136, { error: '经度应在中国境内（73～136）' }),
  ),
  lat: numeric(
    z.number().min(3, { error: '纬度应在中国境内（3～54）' }).max(54, { error: '纬度应在中国境内（3～54）' }),
  ),
  crs: z.enum(COORDINATE_SYSTEMS, { error: '坐标系只能是GCJ02或WGS84' }).default('GCJ02'),
});
export type OfficeAddressInput = z.infer<typeof officeAddressSchema>;

export const registryPostLabels: Record<string, string> = {
  technical_lead: '技术负责人',
  project_lead: '项目负责人',
  operator: '操作员',
  other: '其他',
};

export const operatorGradeLabels: Record<string, string> = {
  junior: '初级',
  intermediate: '中级',
  senior: '高级',
  technician: '技师',
  senior_technician: '高级技师',
};

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
