import { z } from 'zod';
import { numeric } from './common';
import { maintenanceAssignmentMachine, maintenancePlanMachine } from '../workflow/maintenance-plan';
import type { StateOf } from '../workflow/machine';
import type { CheckPrompt, MaintenancePeriod } from '../catalog/types';
import type { MaintenancePlanKind } from '../plans/maintenance-plan-kinds';
import type { MaintenanceYearCheck } from '../rules/maintenance-calendar';
import { abilitiesSchema } from './common';
import { assignedOperatorSchema } from './testing-plans';

/**
 * 维保计划 (manual §03). The lead creates a 月/季/年计划 for the current month; its content comes from
 * the standard and is never part of any body. The unit of distribution (派发) is the facility (设施),
 * because the manual deletes distributed work facility by facility (“未完成—已下发里找到要删除的设施”).
 */
export const maintenancePlanCreateSchema = z.object({
  kind: z
    .enum(['month', 'quarter', 'year'], { error: '计划类别应为月计划、季计划或年计划' })
    .meta({ label: '类别' }),
  month: z
    .string({ error: '请填写计划月份' })
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '计划月份格式应为YYYY-MM' })
    .meta({ label: '计划月份' }),
});
export type MaintenancePlanCreateInput = z.infer<typeof maintenancePlanCreateSchema>;

/**
 * What a plan is made from besides the request (the project's 消防系统 and 维保月份), labelled so a refused
 * rule on any of them names the field in Chinese.
 */
export const maintenancePlanSourceSchema = maintenancePlanCreateSchema.extend({
  systems: z.array(z.string()).meta({ label: '消防系统' }),
  firstMonth: z.string().meta({ label: '首次维保月份' }),
  lastMonth: z.string().meta({ label: '末次维保月份' }),
  today: z.string().meta({ label: '当前日期' }),
});

export const maintenancePlanDistributeSchema = z.object({
  facilityIds: z
    .array(z.string().trim().min(1, { error: '请选择消防设施' }).max(60), { error: '请选择消防设施' })
    .min(1, { error: '请至少选择一个消防设施' })
    .max(500, { error: '一次最多派发500个消防设施' })
    .meta({ label: '消防设施' }),
  operatorAccountIds: z
    .array(numeric(z.number().int().positive()), { error: '请选择操作员' })
    .min(1, { error: '请至少选择一名操作员' })
    .max(50, { error: '一次最多选择50名操作员' })
    .meta({ label: '操作员' }),
});
export type MaintenancePlanDistributeInput = z.infer<typeof maintenancePlanDistributeSchema>;

export const maintenancePlanParamSchema = z.object({
  planId: numeric(z.number().int().positive()).meta({ label: '计划' }),
});
export const maintenanceAssignmentParamSchema = z.object({
  planId: numeric(z.number().int().positive()).meta({ label: '计划' }),
  assignmentId: numeric(z.number().int().positive()).meta({ label: '派发编号' }),
});

/** A plan is 未下发 until its first facility is distributed, and 未下发 again when the last is removed. */
export type MaintenancePlanStatus = StateOf<typeof maintenancePlanMachine>;
/** A distributed facility is 待开始 until the operator starts a maintenance task on it. */
export type MaintenanceAssignmentState = StateOf<typeof maintenanceAssignmentMachine>;

export const MAINTENANCE_PLAN_STATUS_LABELS: Record<MaintenancePlanStatus, string> =
  maintenancePlanMachine.states;
export const MAINTENANCE_ASSIGNMENT_STATE_LABELS: Record<MaintenanceAssignmentState, string> =
  maintenanceAssignmentMachine.states;

const MAINTENANCE_PLAN_STATUSES = Object.keys(maintenancePlanMachine.states) as [
  MaintenancePlanStatus,
  ...MaintenancePlanStatus[],
];
const MAINTENANCE_ASSIGNMENT_STATES = Object.keys(maintenanceAssignmentMachine.states) as [
  MaintenanceAssignmentState,
  ...MaintenanceAssignmentState[],
];
const planKind = z.enum(['month', 'quarter', 'year'] satisfies MaintenancePlanKind[]);

export const maintenancePlanSummarySchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  kind: planKind,
  kindLabel: z.string(),
  month: z.string(),
  status: z.enum(MAINTENANCE_PLAN_STATUSES),
  statusLabel: z.string(),
  facilityCount: z.number().int(),
  distributedFacilityCount: z.number().int(),
  lineCount: z.number().int(),
  createdAt: z.string(),
  /** distribute / delete, for the project's lead. */
  abilities: abilitiesSchema.optional(),
});
export type MaintenancePlanSummary = z.infer<typeof maintenancePlanSummarySchema>;

export const maintenancePlanListSchema = z.object({
  projectId: z.number().int(),
  siteName: z.string(),
  firstMonth: z.string().nullable(),
  lastMonth: z.string().nullable(),
  /** This month in Beijing: the only month a plan can be created for. */
  currentMonth: z.string(),
  /** Kinds still creatable this month (empty outside the maintenance months). */
  creatableKinds: z.array(planKind),
  items: z.array(maintenancePlanSummarySchema),
  /** ≥3 季计划 and 1 年计划 per maintenance year; `in_progress` years are warnings only. */
  years: z.array(z.custom<MaintenanceYearCheck>()),
  warnings: z.array(z.string()),
  /** create, for the project's lead (the 创建 buttons). */
  abilities: abilitiesSchema.optional(),
});
export type MaintenancePlanList = z.infer<typeof maintenancePlanListSchema>;

export const maintenanceAssignmentViewSchema = z.object({
  id: z.number().int(),
  operator: assignedOperatorSchema,
  state: z.enum(MAINTENANCE_ASSIGNMENT_STATES),
  stateLabel: z.string(),
  assignedAt: z.string(),
  /** remove, for the project's lead. */
  abilities: abilitiesSchema.optional(),
});
export type MaintenanceAssignmentView = z.infer<typeof maintenanceAssignmentViewSchema>;

export const maintenancePlanFacilityViewSchema = z.object({
  facilityId: z.string(),
  name: z.string(),
  systemName: z.string(),
  categoryName: z.string(),
  lines: z.array(
    z.object({
      lineId: z.string(),
      letter: z.string(),
      text: z.string(),
      period: z.custom<MaintenancePeriod>(),
      prompts: z.array(z.custom<CheckPrompt>()),
      conformityStandard: z.string(),
    }),
  ),
  assignments: z.array(maintenanceAssignmentViewSchema),
});
export type MaintenancePlanFacilityView = z.infer<typeof maintenancePlanFacilityViewSchema>;

export const maintenancePlanViewSchema = maintenancePlanSummarySchema.extend({
  siteName: z.string(),
  editionId: z.string(),
  facilities: z.array(maintenancePlanFacilityViewSchema),
  systemsWithoutLines: z.array(z.string()),
});
export type MaintenancePlanView = z.infer<typeof maintenancePlanViewSchema>;

/** 接收下发计划: one facility of a maintenance plan distributed to the current operator. */
export const operatorMaintenanceAssignmentSchema = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  projectId: z.number().int(),
  siteName: z.string(),
  address: z.string(),
  kind: planKind,
  kindLabel: z.string(),
  month: z.string(),
  facilityId: z.string(),
  facilityName: z.string(),
  systemName: z.string(),
  lineCount: z.number().int(),
  state: z.enum(MAINTENANCE_ASSIGNMENT_STATES),
  stateLabel: z.string(),
  assignedAt: z.string(),
});
export type OperatorMaintenanceAssignment = z.infer<typeof operatorMaintenanceAssignmentSchema>;
export const operatorMaintenanceAssignmentListSchema = z.object({
  items: z.array(operatorMaintenanceAssignmentSchema),
});
