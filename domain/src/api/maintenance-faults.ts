import { z } from 'zod';
import { maintenanceFaultMachine, maintenanceFaultTaskMachine } from '../workflow/maintenance-task';
import type { ActionOf, StateOf } from '../workflow/machine';
import {
  abilitiesSchema,
  booleanQuery,
  idempotencyKeySchema,
  isoDate,
  pageOf,
  pageQuerySchema,
  positiveId,
} from './common';
import { personRefSchema } from './testing-records';

/**
 * 设施故障 and their handling (manual §03 项目负责人审核APP提交结果 2, APP提交排查和维修任务, 管理测试故障): every 不符合
 * result opens a fault, or joins the open fault of the same facility, position and content line. The lead gives
 * it a handling (与业主沟通中, a 排查/维修 task to an operator, or a recorded outcome); each step is a dated row of
 * its timeline, printed in the monthly report as 「2022年04月08日 18:07:43 与业主协商中。」. The operator's 解决 in
 * 排查维修 closes it; an open fault stays in every later monthly report until then.
 */

export type MaintenanceFaultStatus = StateOf<typeof maintenanceFaultMachine>;
export type MaintenanceFaultAction = ActionOf<typeof maintenanceFaultMachine>;
export const MAINTENANCE_FAULT_STATUSES = Object.keys(maintenanceFaultMachine.states) as [
  MaintenanceFaultStatus,
  ...MaintenanceFaultStatus[],
];
export const maintenanceFaultStatusLabels: Record<MaintenanceFaultStatus, string> =
  maintenanceFaultMachine.states;

export type MaintenanceFaultTaskStatus = StateOf<typeof maintenanceFaultTaskMachine>;
export const MAINTENANCE_FAULT_TASK_STATUSES = Object.keys(maintenanceFaultTaskMachine.states) as [
  MaintenanceFaultTaskStatus,
  ...MaintenanceFaultTaskStatus[],
];
export const maintenanceFaultTaskStatusLabels: Record<MaintenanceFaultTaskStatus, string> =
  maintenanceFaultTaskMachine.states;

export const FAULT_TASK_KINDS = ['troubleshoot', 'repair'] as const;
export type FaultTaskKind = (typeof FAULT_TASK_KINDS)[number];
export const faultTaskKindLabels: Record<FaultTaskKind, string> = { troubleshoot: '排查', repair: '维修' };

/**
 * What a timeline row records: the fault found (`detected`), found 不符合 again by a later task (`recurred`), or a
 * machine action (`negotiate`, `troubleshoot`, `repair`, `progress`, `resolve`).
 */
export const FAULT_EVENT_KINDS = [
  'detected',
  'recurred',
  'negotiate',
  'troubleshoot',
  'repair',
  'progress',
  'resolve',
] as const;
export type FaultEventKind = (typeof FAULT_EVENT_KINDS)[number];

const note = (label: string, max = 500) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}：不能超过${max}个字符` })
    .meta({ label });

/** 与业主沟通中: an optional note of what was agreed. */
export const negotiateFaultSchema = z.object({ note: note('说明').optional() });

/** 下发排查/维修任务 (from 待处理 or 与业主沟通中, or again after an unresolved one) to an operator of the institution. */
export const dispatchFaultTaskSchema = z.object({
  kind: z.enum(FAULT_TASK_KINDS, { error: '任务类别：只能是排查或维修' }).meta({ label: '任务类别' }),
  operatorAccountId: positiveId().meta({ label: '操作员' }),
  note: note('说明').optional(),
});
export type DispatchFaultTaskInput = z.infer<typeof dispatchFaultTaskSchema>;

/** The lead records the outcome (e.g. 业主已自行更换): closes the fault. */
export const resolveFaultSchema = z.object({
  outcome: z
    .string({ error: '处理结果：请填写' })
    .trim()
    .min(1, { error: '处理结果：请填写' })
    .max(500, { error: '处理结果：不能超过500个字符' })
    .meta({ label: '处理结果' }),
});

/**
 * 排查维修 result by the operator: 解决 closes the fault; 未解决 records the progress (the lead may dispatch again).
 * `idempotencyKey` lets the phone's outbox retry: the same key answers the recorded result.
 */
export const completeFaultTaskSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  result: z
    .enum(['resolved', 'unresolved'], { error: '测试结果：只能是解决或未解决' })
    .meta({ label: '处理结果' }),
  note: note('说明').default(''),
  photoFileIds: z
    .array(positiveId(), { error: '现场照片：应为文件编号列表' })
    .max(20, { error: '现场照片：最多20张' })
    .default([])
    .meta({ label: '现场照片' }),
});
export type CompleteFaultTaskInput = z.infer<typeof completeFaultTaskSchema>;

export const faultEventViewSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  /** 2022年04月08日 18:07:43 (Beijing), as the report prints it. */
  atLabel: z.string(),
  kind: z.enum(FAULT_EVENT_KINDS),
  /** The fault's state after this row. */
  status: z.enum(MAINTENANCE_FAULT_STATUSES),
  /** The handling as printed: 与业主协商中, 由操作员1排查中, 由操作员1维修中, 操作员1已解决 … */
  text: z.string(),
  note: z.string(),
  actor: personRefSchema.nullable(),
  faultTaskId: z.number().int().nullable(),
});
export type FaultEventView = z.infer<typeof faultEventViewSchema>;

export const faultTaskViewSchema = z.object({
  id: z.number().int(),
  faultId: z.number().int(),
  projectId: z.number().int(),
  siteName: z.string(),
  address: z.string(),
  kind: z.enum(FAULT_TASK_KINDS),
  kindLabel: z.string(),
  status: z.enum(MAINTENANCE_FAULT_TASK_STATUSES),
  statusLabel: z.string(),
  operator: personRefSchema,
  dispatchedBy: personRefSchema,
  dispatchedAt: z.string(),
  note: z.string(),
  /** What is wrong: system, facility (with its position) and line, and the fault's description. */
  facilityName: z.string(),
  facilityIndex: z.number().int(),
  facilityLocation: z.string(),
  systemName: z.string(),
  lineText: z.string(),
  description: z.string(),
  completedAt: z.string().nullable(),
  resultNote: z.string().nullable(),
  resultPhotoUrls: z.array(z.string()),
  /** complete, for the assigned operator. */
  abilities: abilitiesSchema.optional(),
});
export type FaultTaskView = z.infer<typeof faultTaskViewSchema>;
export const faultTaskListSchema = z.object({ items: z.array(faultTaskViewSchema) });

export const maintenanceFaultViewSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  siteName: z.string(),
  systemId: z.string(),
  systemName: z.string(),
  facilityId: z.string(),
  facilityName: z.string(),
  facilityIndex: z.number().int(),
  facilityLocation: z.string(),
  lineId: z.string(),
  lineLetter: z.string(),
  lineText: z.string(),
  /** The 不符合 answers as the report prints them, e.g. 自动切换功能不正常; or the operator's own text. */
  description: z.string(),
  /** The record's note (备注), if any. */
  note: z.string(),
  /** The state (as of the instant asked for, in the report query; now elsewhere). */
  status: z.enum(MAINTENANCE_FAULT_STATUSES),
  statusLabel: z.string(),
  detectedAt: z.string(),
  resolvedAt: z.string().nullable(),
  /** The task whose result opened it, and the task whose result it follows now. */
  firstMaintenanceTaskId: z.number().int(),
  latestMaintenanceTaskId: z.number().int(),
  /** The state has a handling (anything but 待处理): the task may be approved. */
  handled: z.boolean(),
  timeline: z.array(faultEventViewSchema),
  tasks: z.array(faultTaskViewSchema),
  /** negotiate / troubleshoot / repair / resolve, for the project's lead. */
  abilities: abilitiesSchema.optional(),
});
export type MaintenanceFaultView = z.infer<typeof maintenanceFaultViewSchema>;

/** 管理测试故障 (admin), the lead's fault lists, the regulators' reads. */
export const maintenanceFaultListQuerySchema = pageQuerySchema.extend({
  projectId: positiveId().optional().meta({ label: '项目' }),
  maintenanceTaskId: positiveId().optional().meta({ label: '维保任务' }),
  status: z
    .enum(MAINTENANCE_FAULT_STATUSES, {
      error: '状态：只能是待处理、与业主沟通中、排查中、维修中或已解决',
    })
    .optional()
    .meta({ label: '状态' }),
  /** true: every state but 已解决; false: 已解决 only. */
  open: booleanQuery.optional().meta({ label: '未解决' }),
  /** Found on or after / on or before this date (Beijing). */
  detectedFrom: isoDate.optional().meta({ label: '发现起始日期' }),
  detectedTo: isoDate.optional().meta({ label: '发现截止日期' }),
});
export type MaintenanceFaultListQuery = z.infer<typeof maintenanceFaultListQuerySchema>;
export const maintenanceFaultPageSchema = pageOf(maintenanceFaultViewSchema);
