import { z } from 'zod';
import { numeric } from './common';
import { siteRequestMachine } from '../workflow/site-request';
import type { ActionOf, StateOf } from '../workflow/machine';
import { abilitiesSchema } from './common';
import { COORDINATE_SYSTEMS, latSchema, lngSchema } from './institutions';
import type { LocationCheckReason } from '../rules/location-check';

/**
 * Fields arrive as multipart text next to the live photo, so numbers and booleans come as strings.
 */
export const flagSchema = (label: string) =>
  z
    .union([z.boolean(), z.enum(['true', 'false', '1', '0'])], { error: `${label}只能是true或false` })
    .transform((v) => v === true || v === 'true' || v === '1');

/**
 * Whether the OS said the fix came from a mock provider: true, false, or null when the device cannot tell
 * (a plain browser, the WeChat mini-program, an old shell). Unknown stays unknown: it is never read as
 * "not mocked". Multipart text sends 'unknown' (or leaves the field out) for null.
 */
export const mockFlagSchema = z
  .union([z.boolean(), z.null(), z.enum(['true', 'false', '1', '0', 'unknown', ''])], {
    error: '是否模拟定位：只能是true、false或unknown',
  })
  .optional()
  .transform((v): boolean | null =>
    v === true || v === 'true' || v === '1' ? true : v === false || v === 'false' || v === '0' ? false : null,
  );
export type MockFlag = boolean | null;
export const mockFlagLabel = (v: MockFlag) =>
  v === true ? '是' : v === false ? '否' : '未知（设备无法判断）';

/** A phone's position with what the client knows about it (standards §5: keep crs, accuracy and time). */
export const locationFixSchema = z.object({
  lng: lngSchema.meta({ label: '经度' }),
  lat: latSchema.meta({ label: '纬度' }),
  crs: z.enum(COORDINATE_SYSTEMS, { error: '坐标系只能是GCJ02或WGS84' }).meta({ label: '坐标系' }),
  accuracy: numeric(
    z
      .number({ error: '请填写定位精度（米）' })
      .positive({ error: '定位精度应为正数（米）' })
      .max(100_000, { error: '定位精度不能超过100000米' })
      .meta({ label: '定位精度' }),
  ),
  isMock: mockFlagSchema.meta({ label: '是否模拟定位' }),
  fixTime: z.coerce.date({ error: '定位时间应为ISO日期时间' }).meta({ label: '定位时间' }),
});
export type LocationFix = z.infer<typeof locationFixSchema>;

/** 项目负责人同意开始申请: the lead's own fix (must be on site) and an optional note (required to override). */
export const approveSiteRequestSchema = locationFixSchema.extend({
  reason: z.string().trim().max(500, { error: '说明不能超过500个字符' }).optional().meta({ label: '原因' }),
});
export type ApproveSiteRequestInput = z.infer<typeof approveSiteRequestSchema>;

export const rejectSiteRequestSchema = z.object({
  reason: z
    .string({ error: '请填写驳回原因' })
    .trim()
    .min(1, { error: '请填写驳回原因' })
    .max(500, { error: '驳回原因不能超过500个字符' })
    .meta({ label: '原因' }),
});

export const SITE_REQUEST_KINDS = ['start', 'submit'] as const;
export type SiteRequestKind = (typeof SITE_REQUEST_KINDS)[number];
export const siteRequestKindLabels: Record<SiteRequestKind, string> = {
  start: '开始申请',
  submit: '提交申请',
};

export type SiteRequestStatus = StateOf<typeof siteRequestMachine>;
export const SITE_REQUEST_STATUSES = Object.keys(siteRequestMachine.states) as [
  SiteRequestStatus,
  ...SiteRequestStatus[],
];
export type SiteRequestAction = ActionOf<typeof siteRequestMachine>;
export const siteRequestStatusLabels: Record<SiteRequestStatus, string> = siteRequestMachine.states;

export const locationCheckViewSchema = z.object({
  inside: z.boolean(),
  distanceM: z.number().nullable(),
  reason: z.custom<LocationCheckReason>((v) => typeof v === 'string'),
  message: z.string(),
  accuracy: z.number(),
  crs: z.string(),
  /** null: the device could not tell whether the position was mocked. */
  isMock: z.boolean().nullable(),
  /** 是 / 否 / 未知（设备无法判断）, as the lead reads it. */
  mockLabel: z.string(),
  checkedAt: z.string(),
});
export type LocationCheckView = z.infer<typeof locationCheckViewSchema>;

export const faceCheckViewSchema = z.object({
  accepted: z.boolean(),
  distance: z.number(),
  threshold: z.number(),
});
export type FaceCheckView = z.infer<typeof faceCheckViewSchema>;

export const siteRequestViewSchema = z.object({
  id: z.number().int(),
  kind: z.enum(SITE_REQUEST_KINDS),
  kindLabel: z.string(),
  status: z.enum(SITE_REQUEST_STATUSES),
  statusLabel: z.string(),
  projectId: z.number().int(),
  siteName: z.string(),
  /** Which workflow the request belongs to: a 测试任务 or a 维保任务 (exactly one of the two ids is set). */
  taskKind: z.enum(['testing', 'maintenance']),
  testingTaskId: z.number().int().nullable(),
  maintenanceTaskId: z.number().int().nullable(),
  requestedBy: z.object({ id: z.number().int(), accountName: z.string(), displayName: z.string() }),
  requestedAt: z.string(),
  /** A testing task's single items (empty for a maintenance task). */
  planSingleItemIds: z.array(z.string()),
  /** A maintenance task's facilities (empty for a testing task). */
  facilityIds: z.array(z.string()),
  locationCheck: locationCheckViewSchema,
  faceCheck: faceCheckViewSchema,
  photoUrl: z.string(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  forcedOverride: z.boolean(),
  /** approve / reject, for the signed-in lead. */
  abilities: abilitiesSchema.optional(),
});
export type SiteRequestView = z.infer<typeof siteRequestViewSchema>;
export const siteRequestListSchema = z.object({ items: z.array(siteRequestViewSchema) });

export const siteRequestListQuerySchema = z.object({
  status: z
    .enum(SITE_REQUEST_STATUSES, { error: '状态：只能是待审批、已同意或已驳回' })
    .optional()
    .meta({ label: '状态' }),
});
