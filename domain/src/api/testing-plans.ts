import { z } from 'zod';
import { numeric } from './common';
import type { ItemClass, MeasuredLimit } from '../catalog/types';

/**
 * 下发/修改检测计划 (manual §02): the project lead assigns one or more operators to each single item
 * (one fire system in one building). The body is the whole assignment; single items left out have
 * no operator. The plan's content is never part of the body: it comes from the standard alone.
 */
export const testingPlanAssignmentsSchema = z.object({
  assignments: z
    .array(
      z.object({
        planSingleItemId: z
          .string({ error: '请选择检测单项' })
          .trim()
          .min(1, { error: '请选择检测单项' })
          .max(150, { error: '检测单项编号不能超过150个字符' }),
        operatorAccountIds: z
          .array(numeric(z.number().int().positive()), { error: '请选择操作员' })
          .min(1, { error: '每个检测单项至少选择一名操作员' })
          .max(50, { error: '每个检测单项最多选择50名操作员' }),
      }),
      { error: '请填写检测计划的人员分配' },
    )
    .min(1, { error: '请至少为一个检测单项选择操作员' }),
});
export type TestingPlanAssignmentsInput = z.infer<typeof testingPlanAssignmentsSchema>;

export interface AssignedOperator {
  id: number;
  accountName: string;
  displayName: string;
}

export interface TestingPlanItemView {
  planItemId: string;
  itemId: string;
  name: string;
  class: ItemClass;
  method: string;
  requirement: string;
  measured?: MeasuredLimit;
}

export interface TestingPlanSingleItemView {
  planSingleItemId: string;
  code: string;
  name: string;
  subItemCount: number;
  itemCount: number;
  operators: AssignedOperator[];
  subItems: { planSubItemId: string; subItemId: string; name: string; items: TestingPlanItemView[] }[];
}

export interface TestingPlanView {
  projectId: number;
  siteName: string;
  editionId: string;
  /** `not_dispatched` until the first save (下发); later saves are revisions (修改计划). */
  dispatchStatus: 'not_dispatched' | 'dispatched';
  dispatchedAt: string | null;
  revisedAt: string | null;
  revisionCount: number;
  singleItemCodes: string[];
  scopeWithoutTesting: string[];
  itemCount: number;
  buildings: { buildingId: string; buildingName: string; singleItems: TestingPlanSingleItemView[] }[];
}

/** One single item an operator received (接收下发计划). */
export interface OperatorTestingAssignment {
  projectId: number;
  siteName: string;
  address: string;
  buildingId: string;
  buildingName: string;
  planSingleItemId: string;
  code: string;
  name: string;
  subItemCount: number;
  itemCount: number;
  coOperators: AssignedOperator[];
  assignedAt: string;
}

export interface AssignableOperator extends AssignedOperator {
  faceApproved: boolean;
}
