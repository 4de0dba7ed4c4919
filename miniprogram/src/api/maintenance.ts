import type {
  MaintenancePlanView,
  OperatorMaintenanceAssignment,
} from '@xf/domain/api/maintenance-plans';
import { api } from './server';

/**
 * The maintenance calls of the operator's app and the lead's pages in one place, through the generated client
 * (domain/src/api-client). The start request, the submit request and the submission travel through the offline
 * outbox (offline/maintenance.ts).
 */

/** 接收下发计划: the facilities of maintenance plans dispatched to me. */
export const myMaintenanceAssignments = async (): Promise<OperatorMaintenanceAssignment[]> =>
  (await api.getOperatorsMeMaintenanceAssignments()).items;

/** A plan with the content lines of its facilities (what the phone keeps for offline recording). */
export const maintenancePlan = (planId: number): Promise<MaintenancePlanView> => api.getMaintenancePlan(planId);
