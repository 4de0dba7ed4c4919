import { z } from 'zod';
import { numeric } from './common';
import { siteRequestMachine } from '../workflow/site-request';
import { testingTaskMachine } from '../workflow/testing-task';
import type { ActionOf, StateOf } from '../workflow/machine';
import { COORDINATE_SYSTEMS } from './institutions';
import type { LocationCheckReason } from '../rules/location-check';

/**
 * Fields arrive as multipart text next to the live photo, so numbers and booleans come as strings.
 */
const flag = (label: string) =>
  z
    .union([z.boolean(), z.enum(['true', 'false', '1', '0'])], { error: `${label}只能是true或false` })
    .transform((v) => v === true || v === 'true' || v === '1');

/** A phone's position with what the client knows about it (standards §5: keep crs, accuracy and time). */
export const locationFixSchema = z.object({
  lng: numeric(
    z
      .number({ error: '请填写经度' })
      .min(73, { error: '经度应在中国境内（73～136）' })
      .max(136, { error: '经度应在中国境内（73～136）' }),
  ),
  lat: numeric(
    z
      .number({ error: '请填写纬度' })
      .min(3, { error: '纬度应在中国境内（3～54）' })
      .max(54, { error: '纬度应在中国境内（3～54）' }),
  ),
  crs: z.enum(COORDINATE_SYSTEMS, { error: '坐标系只能是GCJ02或WGS84' }),
  accuracy: numeric(
    z
      .number({ error: '请填写定位精度（米）' })
      .positive({ error: '定位精度应为正数（米）' })
      .max(100_000, { error: '定位精度不能超过100000米' }),
  ),
  isMock: flag('是否模拟定位').default(false),
  fixTime: z.coerce.date({ error: '定位时间应为ISO日期时间' }),
});
export type LocationFix = z.infer<typeof locationFixSchema>;

const CLIENT_REQUEST_ID = /^[A-Za-z0-9_-]{8,80}$/;

/** 建立测试任务 + 开始申请: one, several or all (allAssigned) of the operator's assigned single items. */
export const createTestingTaskSchema = locationFixSchema.extend({
  clientRequestId: z
    .string({ error: '请填写客户端请求编号' })
    .regex(CLIENT_REQUEST_ID, { error: '客户端请求编号应为8-80位字母、数字、下划线或连字符' }),
  projectId: numeric(z.number({ error: '请选择项目' }).int().positive({ error: '请选择项目' })),
  allAssigned: flag('全部单项').default(false),
  planSingleItemIds: z
    .preprocess(
      (v) =>
        typeof v === 'string'
          ? v
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
          : v,
      z.array(z.string().min(1).max(150, { error: '检测单项编号不能超过150个字符' }), {
        error: '检测单项应为编号列表',
      }),
    )
    .default([]),
});
export type CreateTestingTaskInput = z.infer<typeof createTestingTaskSchema>;

/** 项目负责人同意开始申请: the lead's own fix (must be on site) and an optional note (required to override). */
export const approveSiteRequestSchema = locationFixSchema.extend({
  reason: z.string().trim().max(500, { error: '说明不能超过500个字符' }).optional(),
});
export type ApproveSiteRequestInput = z.infer<typeof approveSiteRequestSchema>;

export const rejectSiteRequestSchema = z.object({
  reason: z
    .string({ error: '请填写驳回原因' })
    .trim()
    .min(1, { error: '请填写驳回原因' })
    .max(500, { error: '驳回原因不能超过500个字符' }),
});

export const SITE_REQUEST_KINDS = ['start', 'submit'] as const;
export type SiteRequestKind = (typeof SITE_REQUEST_KINDS)[number];
export const siteRequestKindLabels: Record<SiteRequestKind, string> = {
  start: '开始申请',
  submit: '提交申请',
};

export type SiteRequestStatus = StateOf<typeof siteRequestMachine>;
export type SiteRequestAction = ActionOf<typeof siteRequestMachine>;
export const siteRequestStatusLabels: Record<SiteRequestStatus, string> = siteRequestMachine.states;

export type TestingTaskStatus = StateOf<typeof testingTaskMachine>;
export type TestingTaskAction = ActionOf<typeof testingTaskMachine>;
export const testingTaskStatusLabels: Record<TestingTaskStatus, string> = testingTaskMachine.states;

export interface LocationCheckView {
  inside: boolean;
  distanceM: number | null;
  reason: LocationCheckReason;
  message: string;
  accuracy: number;
  crs: string;
  isMock: boolean;
  checkedAt: string;
}

export interface FaceCheckView {
  accepted: boolean;
  distance: number;
  threshold: number;
}

export interface SiteRequestView {
  id: number;
  kind: SiteRequestKind;
  kindLabel: string;
  status: SiteRequestStatus;
  statusLabel: string;
  projectId: number;
  siteName: string;
  testingTaskId: number;
  requestedBy: { id: number; accountName: string; displayName: string };
  requestedAt: string;
  planSingleItemIds: string[];
  locationCheck: LocationCheckView;
  faceCheck: FaceCheckView;
  photoUrl: string;
  decidedAt: string | null;
  decisionReason: string | null;
  forcedOverride: boolean;
}

export interface TestingTaskView {
  id: number;
  clientRequestId: string;
  projectId: number;
  siteName: string;
  status: TestingTaskStatus;
  statusLabel: string;
  planSingleItemIds: string[];
  createdAt: string;
  startedAt: string | null;
  startRequest: SiteRequestView | null;
}
