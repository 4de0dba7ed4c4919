import { z } from 'zod';
import { maintenanceAssignmentMachine, maintenancePlanMachine } from '../workflow/maintenance-plan';
import type { StateOf } from '../workflow/machine';
import type { CheckPrompt, MaintenancePeriod } from '../catalog/types';
import type { MaintenancePlanKind } from '../plans/maintenance-plan-kinds';
import type { MaintenanceYearCheck } from '../rules/maintenance-calendar';
import type { AssignedOperator } from './testing-plans';

/**
 * 维保计划 (manual §03). The lead creates a 月/季/年计划 for the current month; its content comes from
 * the standard and is never part of any body. The unit of distribution (派发) is the facility (设施),
 * because the manual deletes distributed work facility by facility (“未完成—已下发里找到要删除的设施”).
 */
export const maintenancePlanCreateSchema = z.object({
  kind: z.enum(['month', 'quarter', 'year'], { error: '计划类别应为月计划、季计划或年计划' }),
  month: z
    .string({ error: '请填写计划月份' })
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '计划月份格式应为YYYY-MM' })
    .meta({ label: '计划月份' }),
});
export type MaintenancePlanCreateInput = z.infer<typeof maintenancePlanCreateSchema>;

export const maintenancePlanDistributeSchema = z.object({
  facilityIds: z
    .array(z.string().trim().min(1, { error: '请选择消防设施' }).max(60), { error: '请选择消防设施' })
    .min(1, { error: '请至少选择一个消防设施' })
    .max(500, { error: '一次最多派发500个消防设施' }),
  operatorAccountIds: z
    .array(z.coerce.number().int().positive(), { error: '请选择操作员' })
    .min(1, { error: '请至少选择一名操作员' })
    .max(50, { error: '一次最多选择50名操作员' }),
});
export type MaintenancePlanDistributeInput = z.infer<typeof maintenancePlanDistributeSchema>;

export const maintenancePlanParamSchema = z.object({ planId: z.coerce.number().int().positive() });
export const maintenanceAssignmentParamSchema = z.object({
  planId: z.coerce.number().int().positive(),
  assignmentId: z.coerce.number().int().positive(),
});

/** A plan is 未下发 until its first facility is distributed, and 未下发 again when the last is removed. */
export type MaintenancePlanStatus = StateOf<typeof maintenancePlanMachine>;
/** A distributed facility is 待开始 until the operator starts a maintenance task on it. */
export type MaintenanceAssignmentState = StateOf<typeof maintenanceAssignmentMachine>;

export const MAINTENANCE_PLAN_STATUS_LABELS: Record<MaintenancePlanStatus, string> =
  maintenancePlanMachine.states;
export const MAINTENANCE_ASSIGNMENT_STATE_LABELS: Record<MaintenanceAssignmentState, string> =
  maintenanceAssignmentMachine.states;

export interface MaintenancePlanSummary {
  id: number;
  projectId: number;
  kind: MaintenancePlanKind;
  kindLabel: string;
  month: string;
  status: MaintenancePlanStatus;
  statusLabel: string;
  facilityCount: number;
  distributedFacilityCount: number;
  lineCount: number;
  createdAt: string;
}

export interface MaintenancePlanList {
  projectId: number;
  siteName: string;
  firstMonth: string | null;
  lastMonth: string | null;
  /** This month in Beijing: the only month a plan can be created for. */
  currentMonth: string;
  /** Kinds still creatable this month (empty outside the maintenance months). */
  creatableKinds: MaintenancePlanKind[];
  items: MaintenancePlanSummary[];
  /** ≥3 季计划 and 1 年计划 per maintenance year; `in_progress` years are warnings only. */
  years: MaintenanceYearCheck[];
  warnings: string[];
}

export interface MaintenanceAssignmentView {
  id: number;
  operator: AssignedOperator;
  state: MaintenanceAssignmentState;
  stateLabel: string;
  assignedAt: string;
}

export interface MaintenancePlanFacilityView {
  facilityId: string;
  name: string;
  systemName: string;
  categoryName: string;
  lines: {
    lineId: string;
    letter: string;
    text: string;
    period: MaintenancePeriod;
    prompts: CheckPrompt[];
    conformityStandard: string;
  }[];
  assignments: MaintenanceAssignmentView[];
}

export interface MaintenancePlanView extends MaintenancePlanSummary {
  siteName: string;
  editionId: string;
  facilities: MaintenancePlanFacilityView[];
  systemsWithoutLines: string[];
}

/** 接收下发计划: one facility of a maintenance plan distributed to the current operator. */
export interface OperatorMaintenanceAssignment {
  id: number;
  planId: number;
  projectId: number;
  siteName: string;
  address: string;
  kind: MaintenancePlanKind;
  kindLabel: string;
  month: string;
  facilityId: string;
  facilityName: string;
  systemName: string;
  lineCount: number;
  state: MaintenanceAssignmentState;
  stateLabel: string;
  assignedAt: string;
}
