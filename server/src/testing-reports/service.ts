import {
  checkTestingReportDate,
  testingReviewMachine,
  type GenerateTestingReportInput,
  type TestingReviewStatus,
} from '@xf/domain';
import type { RequestContext } from '../core/command';
import { badRequest, conflict } from '../core/errors';
import { beijingToday } from '../core/time';
import type { Project } from '../projects/models';
import { assertInProgress } from '../projects/state';
import { startGeneration } from '../reports/generation';
import { Report } from '../reports/models';
import { readTestingReviewStatus } from './assemble';

/**
 * 生成检测报告 (manual §02 机构管理员在电脑端生成检测报告 1–4): only once the project lead approved the testing plan's
 * review, only within the project's testing period (超过项目的检测期限，不能生成检测报告。只能在项目列表中注销检测项目，
 * 重新录入检测项目), one generation at a time per project. The row is created 生成中 and a job renders the files.
 */
export async function startTestingReport(
  context: RequestContext,
  project: Project,
  input: GenerateTestingReportInput,
) {
  const { app } = context;
  if (project.kind !== 'testing')
    throw conflict('项目类别：只有检测项目才能生成检测报告，维保项目请生成维保报告', 'kind');
  assertInProgress(project);
  const review = (await readTestingReviewStatus(app.sequelize, project.id)) as TestingReviewStatus;
  if (review !== 'approved')
    throw conflict(
      `项目负责人审核检测计划通过后才能生成检测报告（当前：${testingReviewMachine.states[review] ?? review}）`,
      'testingReviewStatus',
    );
  const today = beijingToday();
  const rule = checkTestingReportDate({
    contractStart: project.contractStart,
    contractEnd: project.contractEnd,
    reportDate: today,
  });
  if (!rule.ok)
    throw badRequest(
      today > project.contractEnd
        ? `超过项目的检测期限（${project.contractEnd}），不能生成检测报告。只能在项目列表中注销检测项目，重新录入检测项目`
        : rule.message,
      'contractEnd',
    );
  return startGeneration(context, {
    project,
    kind: 'testing',
    idempotencyKey: input.idempotencyKey,
    payload: { projectId: project.id },
    fields: {
      planName: project.parentProjectId ? '复检计划' : '检测计划',
      retestOfReportId: project.retestOfReportId ?? null,
    },
    numberPrefix: '消检',
    assertNotRunning: async (transaction) => {
      const running = await Report.count({
        where: { projectId: project.id, kind: 'testing', source: 'generated', status: 'generating' },
        transaction,
      });
      if (running > 0) throw conflict('该项目的检测报告正在生成，请在“查看检测报告”中等待生成完成', 'status');
    },
  });
}
