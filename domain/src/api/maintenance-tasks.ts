import { z } from 'zod';
import { maintenanceTaskMachine } from '../workflow/maintenance-task';
import type { ActionOf, StateOf } from '../workflow/machine';
import {
  abilitiesSchema,
  idempotencyKeySchema,
  numeric,
  pageOf,
  pageQuerySchema,
  positiveId,
} from './common';
import { maintenanceFaultViewSchema } from './maintenance-faults';
import { maintenanceRecordViewSchema } from './maintenance-records';
import { flagSchema, locationFixSchema, siteRequestViewSchema } from './site-requests';
import { personRefSchema } from './testing-records';

/**
 * 维保任务 (manual §03 操作员使用维保APP接收和执行维保计划流程, 项目负责人审核APP提交结果), one contract for the server,
 * the operator's app (H5), the lead's mini-program and the admin web.
 *
 * Flow: 接收下发计划 (`GET /operators/me/maintenance-assignments`) → 建立维保任务 from chosen facilities of one
 * dispatched plan + 开始申请 (`POST /maintenance-tasks`, fix + live photo) → the lead approves it on site
 * (`POST /site-requests/:id/approve`) → results kept on the phone offline → 提交申请
 * (`POST /maintenance-tasks/:id/submit-requests`) → the lead approves → photos uploaded (`POST /files`) →
 * `POST /maintenance-tasks/:id/submission` with every line result (all or nothing, replay-safe) → 待审核: the lead
 * reads it with each line's 合格标准 (`GET /maintenance-tasks/:id`), gives every fault a handling
 * (maintenance-faults.ts) and approves or rejects it; a rejected task is corrected and submitted again; an approved
 * one is returned (退回) to 待审核 first.
 */

export type MaintenanceTaskStatus = StateOf<typeof maintenanceTaskMachine>;
export type MaintenanceTaskAction = ActionOf<typeof maintenanceTaskMachine>;
export const MAINTENANCE_TASK_STATUSES = Object.keys(maintenanceTaskMachine.states) as [
  MaintenanceTaskStatus,
  ...MaintenanceTaskStatus[],
];
export const maintenanceTaskStatusLabels: Record<MaintenanceTaskStatus, string> =
  maintenanceTaskMachine.states;

const idList = (label: string) =>
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(
      z
        .string()
        .min(1)
        .max(60, { error: `${label}编号不能超过60个字符` }),
      {
        error: `${label}应为编号列表`,
      },
    ),
  );

/**
 * 建立维保任务 + 开始申请 (multipart, with the live photo as `photo`): one, several (`facilityIds`, comma-separated
 * text allowed) or all (`allAssigned`) of the facilities of one dispatched plan that are dispatched to the operator
 * and not yet in another of their tasks. The phone's key makes a retry return the same task.
 */
export const createMaintenanceTaskSchema = locationFixSchema.extend({
  idempotencyKey: idempotencyKeySchema,
  planId: numeric(z.number({ error: '请选择维保计划' }).int().positive({ error: '请选择维保计划' })).meta({
    label: '维保计划',
  }),
  allAssigned: flagSchema('全部设施').default(false).meta({ label: '全部设施' }),
  facilityIds: idList('消防设施').default([]).meta({ label: '消防设施' }),
});
export type CreateMaintenanceTaskInput = z.infer<typeof createMaintenanceTaskSchema>;

export const maintenanceTaskFacilitySchema = z.object({
  facilityId: z.string(),
  name: z.string(),
  systemName: z.string(),
  categoryName: z.string(),
  /** Content lines of this facility in the plan (what the operator records). */
  lineCount: z.number().int(),
});

export const maintenanceTaskViewSchema = z.object({
  id: z.number().int(),
  idempotencyKey: z.string(),
  projectId: z.number().int(),
  siteName: z.string(),
  address: z.string(),
  planId: z.number().int(),
  planKind: z.enum(['month', 'quarter', 'year']),
  planKindLabel: z.string(),
  planMonth: z.string(),
  operator: personRefSchema,
  facilities: z.array(maintenanceTaskFacilitySchema),
  status: z.enum(MAINTENANCE_TASK_STATUSES),
  statusLabel: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  /** The last (re)submission. */
  submittedAt: z.string().nullable(),
  /** The first submission: what the monthly report's deadline (end of the month, Beijing) is checked against. */
  firstSubmittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedBy: personRefSchema.nullable(),
  /** The lead's reason for 审核不通过 or 退回. */
  reviewReason: z.string().nullable(),
  recordCount: z.number().int(),
  nonconformingCount: z.number().int(),
  faultCount: z.number().int(),
  /** Faults of this task still 待处理: approval waits for them. */
  unhandledFaultCount: z.number().int(),
  /** The latest 开始申请 (a refused one may be followed by another). */
  startRequest: siteRequestViewSchema.nullable(),
  /** The latest 提交申请, once the task has started. */
  submitRequest: siteRequestViewSchema.nullable(),
  /** delete, requestStart, requestSubmit, submit (operator); approve, reject, return (lead). */
  abilities: abilitiesSchema.optional(),
});
export type MaintenanceTaskView = z.infer<typeof maintenanceTaskViewSchema>;

/** The answer to POST /maintenance-tasks: `replayed` when the key had been used (200 instead of 201). */
export const createdMaintenanceTaskSchema = maintenanceTaskViewSchema.extend({ replayed: z.boolean() });
export const maintenanceTaskListSchema = z.object({ items: z.array(maintenanceTaskViewSchema) });

/** A task with its line results (each with its 合格标准) and its faults with their timelines: the review page. */
export const maintenanceTaskDetailSchema = maintenanceTaskViewSchema.extend({
  records: z.array(maintenanceRecordViewSchema),
  faults: z.array(maintenanceFaultViewSchema),
});
export type MaintenanceTaskDetail = z.infer<typeof maintenanceTaskDetailSchema>;

/** 我的维保任务 (待开始工作 / 继续记录 / 查询历史记录 filter by status). */
export const operatorMaintenanceTaskQuerySchema = z.object({
  status: z
    .enum(MAINTENANCE_TASK_STATUSES, {
      error: '状态：只能是待开始、维保中、待审核、审核通过或审核不通过',
    })
    .optional()
    .meta({ label: '状态' }),
});

/** 消防维保-待审核 (lead: status=submitted), 查看现场提交记录 (admin), regulators' reads. */
export const maintenanceTaskListQuerySchema = pageQuerySchema.extend({
  projectId: positiveId().optional().meta({ label: '项目' }),
  planId: positiveId().optional().meta({ label: '维保计划' }),
  operatorAccountId: positiveId().optional().meta({ label: '操作员' }),
  status: z
    .enum(MAINTENANCE_TASK_STATUSES, {
      error: '状态：只能是待开始、维保中、待审核、审核通过或审核不通过',
    })
    .optional()
    .meta({ label: '状态' }),
  /** The month of the task's plan (查看现场提交记录 by month), YYYY-MM. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '计划月份：格式应为YYYY-MM' })
    .optional()
    .meta({ label: '计划月份' }),
});
export type MaintenanceTaskListQuery = z.infer<typeof maintenanceTaskListQuerySchema>;
export const maintenanceTaskPageSchema = pageOf(maintenanceTaskViewSchema);

/** 审核通过: refused while any fault of the task is 待处理. */
export const approveMaintenanceTaskSchema = z.object({
  note: z.string().trim().max(500, { error: '说明：不能超过500个字符' }).optional().meta({ label: '说明' }),
});
/** 审核不通过: the reason the operator reads in 查询历史记录. */
export const rejectMaintenanceTaskSchema = z.object({
  reason: z
    .string({ error: '审核不通过原因：请填写' })
    .trim()
    .min(1, { error: '审核不通过原因：请填写' })
    .max(500, { error: '审核不通过原因：不能超过500个字符' })
    .meta({ label: '原因' }),
});
/** 退回 an approved task to 待审核. */
export const returnMaintenanceTaskSchema = z.object({
  reason: z
    .string()
    .trim()
    .max(500, { error: '退回原因：不能超过500个字符' })
    .optional()
    .meta({ label: '原因' }),
});
