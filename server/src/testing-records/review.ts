import type { Transaction } from 'sequelize';
import {
  TESTING_PLAN_KIND_LABELS,
  evaluateTesting,
  judgeOverall,
  testingReviewMachine,
  VERDICT_LABELS,
  type ReviewLevel,
  type SingleItemEvaluation,
  type TestingPlanBuilding,
  type TestingPlanSingleItem,
  type TestingReviewView,
  type Verdict,
} from '@xf/domain';
import type { Actor } from '../core/actor';
import { Account } from '../accounts/models';
import type { Project } from '../projects/models';
import { findEdition } from '../standards/service';
import { byId } from '../site-requests/present';
import { workflowAbilities } from '../site-requests/abilities';
import { can } from '../core/policy';
import { TestingPlanAssignment } from '../testing-plans/models';
import { projectTestingPlan } from '../testing-plans/plan';
import { TestingRecord, TestingReview } from './models';
import { planItemIndex } from './plan-index';
import { presentRecords } from './present';

export const OVERALL = 'overall';

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

export interface SingleState {
  building: TestingPlanBuilding;
  single: TestingPlanSingleItem;
  /** Assigned to an operator or recorded: the single item is part of the review. */
  inReview: boolean;
  records: TestingRecord[];
  evaluation: SingleItemEvaluation;
}

/**
 * A project's records judged at every level (manual 创新特点6): each record counts with the lead's reviewed result
 * when there is one, otherwise with the result the standard gives from its measured value; each single item of the
 * plan is judged by its rule; the 综合评定 from the single items as reviewed (or as computed where not yet reviewed).
 */
export async function loadReview(project: Project, transaction?: Transaction) {
  const plan = await projectTestingPlan(project);
  const edition = await findEdition(project.editionId);
  const catalog = new Map(edition.testing.map((s) => [s.code, s]));
  const [records, reviews, assignments] = await Promise.all([
    TestingRecord.findAll({ where: { projectId: project.id }, order: [['id', 'ASC']], transaction }),
    TestingReview.findAll({ where: { projectId: project.id }, transaction }),
    TestingPlanAssignment.findAll({ where: { projectId: project.id }, order: [['id', 'ASC']], transaction }),
  ]);
  const bySingle = new Map<string, TestingRecord[]>();
  for (const r of records) push(bySingle, r.planSingleItemId, r);
  const assigned = new Set(assignments.map((a) => a.planSingleItemId));
  const singles: SingleState[] = plan.buildings.flatMap((building) =>
    building.singleItems.map((single) => {
      const own = bySingle.get(single.planSingleItemId) ?? [];
      const evaluation = evaluateTesting(
        [catalog.get(single.code)!],
        own.map((r) => ({
          itemId: r.itemId,
          key: String(r.id),
          result: r.reviewedResult ?? r.result,
          measuredValue: r.reviewedResult ? null : r.measuredValue,
        })),
      ).singleItems[0]!;
      return {
        building,
        single,
        inReview: assigned.has(single.planSingleItemId) || own.length > 0,
        records: own,
        evaluation,
      };
    }),
  );
  const reviewOf = new Map(reviews.map((r) => [`${r.level}\u0000${r.nodeId}`, r]));
  const review = (level: ReviewLevel, nodeId: string) => reviewOf.get(`${level}\u0000${nodeId}`) ?? null;
  const several = plan.buildings.length > 1;
  const overall = judgeOverall(
    singles
      .filter((s) => s.inReview)
      .map((s) => ({
        code: s.single.code,
        name: several ? `${s.single.name}（${s.building.buildingName}）` : s.single.name,
        verdict: (review('single_item', s.single.planSingleItemId)?.verdict ??
          s.evaluation.verdict) as Verdict,
      })),
  );
  const assignedItems = singles
    .filter((s) => assigned.has(s.single.planSingleItemId))
    .flatMap((s) => s.single.subItems.flatMap((sub) => sub.items.map((i) => i.planItemId)));
  const recordedItems = new Set(records.map((r) => r.planItemId));
  const planComplete = assignedItems.length > 0 && assignedItems.every((id) => recordedItems.has(id));
  const subEvaluation = (s: SingleState, planSubItemId: string) => {
    const sub = s.single.subItems.find((x) => x.planSubItemId === planSubItemId)!;
    return s.evaluation.subItems.find((x) => x.id === sub.subItemId)!;
  };
  return { plan, records, reviews, assignments, singles, review, overall, planComplete, subEvaluation };
}
export type ReviewState = Awaited<ReturnType<typeof loadReview>>;

/** Find a node of the review tree: a sub-item or a single item of the plan. */
export function findNode(state: ReviewState, level: ReviewLevel, nodeId: string) {
  for (const s of state.singles) {
    if (level === 'single_item' && s.single.planSingleItemId === nodeId) return { s, sub: null };
    if (level === 'sub_item') {
      const sub = s.single.subItems.find((x) => x.planSubItemId === nodeId);
      if (sub) return { s, sub };
    }
  }
  return null;
}

async function presentNodeReview(reviews: TestingReview[]) {
  const accounts = byId(
    reviews.length
      ? await Account.findAll({
          where: { id: [...new Set(reviews.map((r) => r.reviewedBy))] },
          attributes: ['id', 'accountName', 'displayName'],
        })
      : [],
  );
  return (r: TestingReview | null) =>
    r && {
      verdict: r.verdict,
      verdictLabel: VERDICT_LABELS[r.verdict],
      reason: r.reason,
      flagged: r.flagged,
      reviewedAt: r.reviewedAt.toISOString(),
      reviewedBy: accounts.get(r.reviewedBy)?.displayName ?? '',
    };
}

/** 待审核 (lead) / 查看检测服务计划 (admin, regulators): progress, the tree with verdicts and reviews, abilities. */
export async function reviewView(actor: Actor, project: Project): Promise<TestingReviewView> {
  const state = await loadReview(project);
  const index = planItemIndex(state.plan);
  const records = await presentRecords(actor, state.records, {
    projects: new Map([[project.id, project]]),
    indexes: new Map([[project.id, index]]),
  });
  const viewById = new Map(records.map((v) => [v.id, v]));
  const viewsByItem = new Map<string, TestingRecord[]>();
  for (const r of state.records) push(viewsByItem, r.planItemId, r);
  const nodeReview = await presentNodeReview(state.reviews);
  const operatorIds = new Set<number>();
  state.assignments.forEach((a) => operatorIds.add(a.operatorAccountId));
  state.records.forEach((r) => operatorIds.add(r.operatorAccountId));
  const operators = byId(
    operatorIds.size
      ? await Account.findAll({
          where: { id: [...operatorIds] },
          attributes: ['id', 'accountName', 'displayName'],
        })
      : [],
  );
  const progress = state.singles
    .filter((s) => s.inReview)
    .map((s) => {
      const items = s.single.subItems.flatMap((sub) => sub.items.map((i) => i.planItemId));
      const byItem = new Map<string, TestingRecord[]>();
      for (const r of s.records) push(byItem, r.planItemId, r);
      const ids = new Set(
        state.assignments
          .filter((a) => a.planSingleItemId === s.single.planSingleItemId)
          .map((a) => a.operatorAccountId),
      );
      s.records.forEach((r) => ids.add(r.operatorAccountId));
      return {
        planSingleItemId: s.single.planSingleItemId,
        buildingName: s.building.buildingName,
        code: s.single.code,
        name: s.single.name,
        itemCount: items.length,
        recordedItemCount: items.filter((id) => byItem.has(id)).length,
        approvedItemCount: items.filter((id) => byItem.get(id)?.every((r) => r.status === 'approved')).length,
        operators: [...ids].map((id) => {
          const a = operators.get(id);
          return {
            id,
            accountName: a?.accountName ?? '',
            displayName: a?.displayName ?? '',
            recordCount: s.records.filter((r) => r.operatorAccountId === id).length,
          };
        }),
      };
    });
  const abilities = await workflowAbilities(
    actor,
    'testing_review',
    project,
    testingReviewMachine,
    project.testingReviewStatus,
    ['open', 'close', 'approve', 'reopen'],
  );
  // Review opens only on a complete plan (计划完成统计, manual §02 项目负责人审核APP提交结果 2).
  abilities.open = abilities.open && state.planComplete;
  abilities.reviewNode =
    project.testingReviewStatus === 'open' && (await can(actor, 'reviewNode', 'testing_review', project));
  return {
    projectId: project.id,
    siteName: project.siteName,
    planKind: project.parentProjectId ? 'retest' : 'testing',
    planKindLabel: TESTING_PLAN_KIND_LABELS[project.parentProjectId ? 'retest' : 'testing'],
    parentProjectId: project.parentProjectId,
    status: project.testingReviewStatus,
    statusLabel: testingReviewMachine.states[project.testingReviewStatus],
    planComplete: state.planComplete,
    progress,
    singleItems: state.singles.map((s) => ({
      planSingleItemId: s.single.planSingleItemId,
      buildingName: s.building.buildingName,
      code: s.single.code,
      name: s.single.name,
      computedVerdict: s.evaluation.verdict,
      reasons: s.evaluation.reasons,
      tally: s.evaluation.tally,
      review: nodeReview(state.review('single_item', s.single.planSingleItemId)),
      subItems: s.single.subItems.map((sub) => {
        const ev = state.subEvaluation(s, sub.planSubItemId);
        return {
          planSubItemId: sub.planSubItemId,
          name: sub.name,
          computedVerdict: ev.verdict,
          tally: ev.tally,
          review: nodeReview(state.review('sub_item', sub.planSubItemId)),
          items: sub.items.map((item) => ({
            planItemId: item.planItemId,
            name: item.name,
            class: item.class,
            method: item.method,
            requirement: item.requirement,
            records: (viewsByItem.get(item.planItemId) ?? []).map((r) => viewById.get(r.id)!),
          })),
        };
      }),
    })),
    overall: {
      computedVerdict: state.overall.verdict,
      failedSingleItems: state.overall.failedSingleItems,
      review: nodeReview(state.review('overall', OVERALL)),
    },
    abilities,
  };
}
