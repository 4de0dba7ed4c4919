import { Op, UniqueConstraintError } from 'sequelize';
import {
  checkTestingReportDate,
  projectMachine,
  testingPlanItems,
  testingReviewMachine,
  TESTING_PLAN_KIND_LABELS,
  type CreateRetestPlanInput,
  type RetestPlanView,
  type TestResult,
} from '@xf/domain';
import { actorOf, type RequestContext } from '../core/command';
import { badRequest, conflict } from '../core/errors';
import { createOnce } from '../core/idempotent';
import { beijingToday } from '../core/time';
import { Project } from '../projects/models';
import { Report } from '../reports/models';
import { TestingRecord } from '../testing-records/models';
import { projectTestingPlan } from './plan';

export const RETEST_ONLY_ONCE = '复检计划只能进行一次';
const RETEST_SUFFIX = '（复检）';

/** The project's generated testing report the retest follows: the latest one whose files exist. */
export const originalReportOf = (projectId: number) =>
  Report.findOne({
    where: { projectId, kind: 'testing', source: 'generated', reportFileId: { [Op.ne]: null } },
    order: [['id', 'DESC']],
  });

/**
 * The test items a retest covers: those whose result in the report is 不合格 (the lead's reviewed result where
 * the lead changed it). 不具备测试条件 and 现场无此设备 are not retested: the manual retests 针对不合格项, and an item
 * that could not be tested is not a finding the institution can have put right.
 */
export async function failedPlanItemIds(project: Project): Promise<string[]> {
  const [plan, records] = await Promise.all([
    projectTestingPlan(project),
    TestingRecord.findAll({
      where: { projectId: project.id },
      attributes: ['planItemId', 'result', 'reviewedResult'],
    }),
  ]);
  const failed = new Set(
    records.filter((r) => ((r.reviewedResult ?? r.result) as TestResult) === 'fail').map((r) => r.planItemId),
  );
  // In plan order, and only items the plan still has.
  return testingPlanItems(plan)
    .map((i) => i.planItemId)
    .filter((id) => failed.has(id));
}

const view = async (child: Project, original: Report | null): Promise<RetestPlanView> => {
  const plan = await projectTestingPlan(child);
  return {
    projectId: child.id,
    parentProjectId: child.parentProjectId!,
    siteName: child.siteName,
    retestOfReportId: child.retestOfReportId!,
    retestOfReportNo: original?.reportNo ?? null,
    planKindLabel: TESTING_PLAN_KIND_LABELS.retest,
    singleItemCodes: plan.singleItemCodes,
    itemCount: plan.itemCount,
  };
};

/**
 * 建立复检计划 (manual §02 机构管理员在电脑端生成检测报告 5: 如果针对不合格项进行复检，可以建立复检计划，复检计划只能进行一次).
 * The retest plan is its own testing project (名称后加“（复检）”) made from the original: same client, site, lead,
 * jurisdiction, location and period; the original's buildings; only the failed items of the original's generated
 * report. It then follows the normal flow (下发, tasks, records, review) and gets its own report (复检报告); the
 * original report is not touched. Refused before a report exists, with no failed item, a second time, and outside
 * the testing period.
 */
export async function createRetestPlan(
  context: RequestContext,
  parent: Project,
  input: CreateRetestPlanInput,
): Promise<{ plan: RetestPlanView; replayed: boolean }> {
  actorOf(context);
  if (parent.kind !== 'testing') throw conflict('项目类别：只有检测项目才能建立复检计划', 'kind');
  if (parent.parentProjectId) throw conflict(`该项目已是复检计划，${RETEST_ONLY_ONCE}`, 'parentProjectId');
  if (parent.status !== 'in_progress' && parent.status !== 'completed')
    throw conflict(`该项目${projectMachine.states[parent.status]}，不能建立复检计划`, 'status');
  const existing = await Project.findOne({ where: { parentProjectId: parent.id } });
  const replayOf = async (id: string) => {
    const child = (await Project.findByPk(Number(id)))!;
    return view(child, await Report.findByPk(child.retestOfReportId!));
  };
  const original = await originalReportOf(parent.id);
  if (!original) throw conflict('请先生成检测报告，再针对报告中的不合格项建立复检计划', 'report');
  if (parent.testingReviewStatus !== 'approved')
    throw conflict(
      `项目负责人审核检测计划通过后才能建立复检计划（当前：${testingReviewMachine.states[parent.testingReviewStatus] ?? parent.testingReviewStatus}）`,
      'testingReviewStatus',
    );
  const today = beijingToday();
  const rule = checkTestingReportDate({
    contractStart: parent.contractStart,
    contractEnd: parent.contractEnd,
    reportDate: today,
  });
  if (!rule.ok)
    throw badRequest(
      today > parent.contractEnd
        ? `超过项目的检测期限（${parent.contractEnd}），不能建立复检计划。只能在项目列表中注销检测项目，重新录入检测项目`
        : `未到项目的检测期限（${parent.contractStart}起），不能建立复检计划`,
      'contractEnd',
    );
  const failed = await failedPlanItemIds(parent);
  if (failed.length === 0) throw conflict('检测报告中没有不合格项，不需要建立复检计划', 'report');

  const { result, replayed } = await createOnce(context, {
    kind: 'retest_plan',
    key: input.idempotencyKey,
    payload: { projectId: parent.id },
    action: 'testing_plan.retest_created',
    create: async ({ transaction }) => {
      // A replay is answered by createOnce before this; anything else finding a retest is the second one.
      if (existing || (await Project.count({ where: { parentProjectId: parent.id }, transaction })))
        throw conflict(RETEST_ONLY_ONCE, 'parentProjectId');
      const fields = { ...(parent.get({ plain: true }) as Record<string, unknown>) };
      for (const k of ['id', 'createdAt', 'updatedAt']) delete fields[k];
      const child = await Project.create(
        {
          ...fields,
          siteName: `${parent.siteName.slice(0, 200 - RETEST_SUFFIX.length)}${RETEST_SUFFIX}`,
          // The registry project stays linked to the original alone (在线执业覆盖率 counts it once).
          registryProjectId: null,
          status: 'in_progress',
          endedReason: null,
          endedBy: null,
          endedByName: null,
          endedAt: null,
          testingReviewStatus: 'closed',
          parentProjectId: parent.id,
          retestOfReportId: original.id,
          retestPlanItemIds: failed,
          createdBy: actorOf(context).id,
        },
        { transaction },
      ).catch((e) => {
        if (e instanceof UniqueConstraintError) throw conflict(RETEST_ONLY_ONCE, 'parentProjectId');
        throw e;
      });
      return {
        id: child.id,
        result: await view(child, original),
        audit: {
          entityType: 'project',
          entityId: child.id,
          institutionId: parent.institutionId,
          after: {
            parentProjectId: parent.id,
            retestOfReportId: original.id,
            planItemIds: failed,
          },
        },
      };
    },
    replay: replayOf,
  });
  return { plan: result, replayed };
}
