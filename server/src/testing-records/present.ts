import { TEST_RESULT_LABELS, testingRecordMachine, type TestingRecordView } from '@xf/domain';
import type { Actor } from '../core/actor';
import { AppError } from '../core/errors';
import { Account } from '../accounts/models';
import { Project } from '../projects/models';
import { byId } from '../site-requests/present';
import { workflowAbilities } from '../site-requests/abilities';
import { projectTestingPlan } from '../testing-plans/plan';
import type { TestingRecord } from './models';
import { planItemIndex, type PlanItemEntry } from './plan-index';

const RECORD_ACTIONS = ['delete', 'approve', 'return'] as const;

/**
 * What this actor may do with a record now: the rule (whose record, who leads the project), the machine, and the
 * project's review state (the app deletes only while review is closed; the lead approves only while it is open).
 */
export async function recordAbilities(actor: Actor, record: TestingRecord, project: Project) {
  const out = await workflowAbilities(
    actor,
    'testing_record',
    { record, project },
    testingRecordMachine,
    record.status,
    RECORD_ACTIONS,
  );
  out.delete = out.delete! && project.testingReviewStatus === 'closed';
  out.approve = out.approve! && project.testingReviewStatus === 'open';
  return out;
}

export interface PresentOptions {
  projects?: Map<number, Project>;
  indexes?: Map<number, Map<string, PlanItemEntry>>;
}

/** Plan item indexes of the projects (a plan that can no longer be generated shows ids only). */
export async function planIndexes(projects: Project[]) {
  const out = new Map<number, Map<string, PlanItemEntry>>();
  for (const p of projects) {
    const plan = await projectTestingPlan(p).catch((e) => {
      if (e instanceof AppError) return null;
      throw e;
    });
    out.set(p.id, plan ? planItemIndex(plan) : new Map());
  }
  return out;
}

export async function presentRecords(
  actor: Actor,
  rows: TestingRecord[],
  options: PresentOptions = {},
): Promise<TestingRecordView[]> {
  if (!rows.length) return [];
  const projects =
    options.projects ??
    byId(await Project.findAll({ where: { id: [...new Set(rows.map((r) => r.projectId))] } }));
  const indexes = options.indexes ?? (await planIndexes([...projects.values()]));
  const accounts = byId(
    await Account.findAll({
      where: { id: [...new Set(rows.map((r) => r.operatorAccountId))] },
      attributes: ['id', 'accountName', 'displayName'],
    }),
  );
  return Promise.all(
    rows.map(async (r) => {
      const project = projects.get(r.projectId)!;
      const entry = indexes.get(r.projectId)?.get(r.planItemId);
      const a = accounts.get(r.operatorAccountId);
      return {
        id: r.id,
        projectId: r.projectId,
        siteName: project.siteName,
        testingTaskId: r.testingTaskId,
        planItemId: r.planItemId,
        planSubItemId: r.planSubItemId,
        planSingleItemId: r.planSingleItemId,
        buildingName: entry?.buildingName ?? '',
        singleItemName: entry ? `${entry.single.code} ${entry.single.name}` : r.planSingleItemId,
        subItemName: entry?.sub.name ?? r.planSubItemId,
        itemName: entry?.item.name ?? r.itemId,
        itemClass: r.itemClass,
        position: r.position,
        result: r.result,
        resultLabel: TEST_RESULT_LABELS[r.result],
        measuredValue: r.measuredValue,
        computedResult: r.computedResult,
        mismatch: r.mismatch,
        reviewedResult: r.reviewedResult,
        reviewReason: r.reviewReason,
        photoUrls: r.photoFileIds.map((id) => `/api/files/${id}`),
        note: r.note,
        status: r.status,
        statusLabel: testingRecordMachine.states[r.status],
        operator: {
          id: r.operatorAccountId,
          accountName: a?.accountName ?? '',
          displayName: a?.displayName ?? '',
        },
        recordedAt: r.recordedAt.toISOString(),
        submittedAt: r.submittedAt.toISOString(),
        abilities: await recordAbilities(actor, r, project),
      };
    }),
  );
}
