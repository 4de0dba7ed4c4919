import { Op } from 'sequelize';
import {
  approveTestingRecordSchema,
  approveTestingRecordsSchema,
  idParamSchema,
  reviewNodeSchema,
  testingRecordListQuerySchema,
  testingRecordListSchema,
  testingRecordViewSchema,
  testingReviewViewSchema,
} from '@xf/domain';
import type { Actor } from '../core/actor';
import { listScope, scopeWhere } from '../core/policy';
import { route } from '../core/route';
import { findProject } from '../projects/find';
import { TestingRecord } from './models';
import './policies';
import { presentRecords } from './present';
import { reviewView } from './review';
import {
  approveTestingRecord,
  approveTestingRecords,
  changeReview,
  deleteTestingRecord,
  loadRecord,
  returnTestingRecord,
  reviewNode,
} from './service';

const tag = '检测记录';
const loadOne = (params: { id: number }) => loadRecord(params.id);
const loadProject = (params: { id: number }) => findProject(params.id);
const one = async (actor: Actor, row: TestingRecord) => (await presentRecords(actor, [row]))[0]!;

const reviewActions = [
  ['open', '开启审核：开启后APP不能提交或删除检测记录，项目负责人逐一审核'],
  ['close', '关闭审核：重新允许操作员使用APP提交或删除检测记录'],
  ['approve', '审核计划：计划已完成，全部检测项、子项、单项和综合评定均已审核'],
  ['reopen', '退回计划：已审核通过的检测计划回到审核中'],
] as const;

export const testingRecordRoutes = [
  route({
    method: 'get',
    path: '/testing-records',
    summary:
      '查询历史记录：操作员看本人提交的检测记录，项目负责人看所负责项目的，机构管理员看本机构的，总队、支队按项目管辖范围',
    tag,
    policy: { action: 'list', resource: 'testing_record' },
    query: testingRecordListQuerySchema,
    response: testingRecordListSchema,
    handler: async ({ actor, query }) => {
      const rows = await TestingRecord.findAll({
        where: {
          [Op.and]: [
            scopeWhere(await listScope(actor, 'testing_record')),
            query.projectId ? { projectId: query.projectId } : {},
            query.testingTaskId ? { testingTaskId: query.testingTaskId } : {},
            query.status ? { status: query.status } : {},
          ],
        },
        order: [['id', 'DESC']],
      });
      return { items: await presentRecords(actor, rows) };
    },
  }),
  route({
    method: 'delete',
    path: '/testing-records/:id',
    summary:
      'APP删除已提交记录：操作员本人的待审核记录，且项目负责人未开启审核；已审核通过的记录须项目负责人先退回并关闭审核',
    tag,
    params: idParamSchema,
    policy: { action: 'delete', resource: 'testing_record', load: loadOne },
    handler: async ({ subject, context, ctx }) => {
      await deleteTestingRecord(context, subject);
      ctx.status = 204;
      return undefined;
    },
  }),
  route({
    method: 'post',
    path: '/testing-records/approve',
    summary: '批量审核检测项：项目负责人在审核中将多条待审核记录按系统判定结果审核通过',
    tag,
    policy: { action: 'approveMany', resource: 'testing_record' },
    body: approveTestingRecordsSchema,
    response: testingRecordListSchema,
    handler: async ({ body, actor, context }) => ({
      items: await presentRecords(actor, await approveTestingRecords(context, body.recordIds)),
    }),
  }),
  route({
    method: 'post',
    path: '/testing-records/:id/approve',
    summary:
      '审核检测项：项目负责人在审核中审核通过一条记录，可修改检测结果；与系统判定不同时须填写原因，并记入跟踪标红',
    tag,
    params: idParamSchema,
    policy: { action: 'approve', resource: 'testing_record', load: loadOne },
    body: approveTestingRecordSchema,
    response: testingRecordViewSchema,
    handler: async ({ subject, body, actor, context }) =>
      one(actor, await approveTestingRecord(context, subject, body)),
  }),
  route({
    method: 'post',
    path: '/testing-records/:id/return',
    summary:
      '退回已审核通过的记录：回到待审核，其子项、单项和综合评定的审核随之清除，已审核通过的检测计划回到审核中',
    tag,
    params: idParamSchema,
    policy: { action: 'return', resource: 'testing_record', load: loadOne },
    response: testingRecordViewSchema,
    handler: async ({ subject, actor, context }) => one(actor, await returnTestingRecord(context, subject)),
  }),
  route({
    method: 'get',
    path: '/projects/:id/testing-review',
    summary:
      '检测审核：计划完成统计（按单项和操作员），单项→子项→检测项→检测记录，各层系统判定与审核结果；项目负责人审核，机构管理员、总队、支队查看',
    tag,
    params: idParamSchema,
    policy: { action: 'read', resource: 'testing_review', load: loadProject },
    response: testingReviewViewSchema,
    handler: async ({ subject, actor }) => reviewView(actor, subject),
  }),
  ...reviewActions.map(([action, summary]) =>
    route({
      method: 'post',
      path: `/projects/:id/testing-review/${action}`,
      summary,
      tag,
      params: idParamSchema,
      policy: { action, resource: 'testing_review', load: loadProject },
      response: testingReviewViewSchema,
      handler: async ({ subject, actor, context }) =>
        reviewView(actor, await changeReview(context, subject, action)),
    }),
  ),
  route({
    method: 'put',
    path: '/projects/:id/testing-review/nodes',
    summary:
      '审核子项、单项、综合评定：按顺序审核（子项的检测记录全部审核后审核子项，全部子项后审核单项，全部单项后审核综合评定）；与系统判定不同时须填写原因，并记入跟踪标红',
    tag,
    params: idParamSchema,
    policy: { action: 'reviewNode', resource: 'testing_review', load: loadProject },
    body: reviewNodeSchema,
    response: testingReviewViewSchema,
    handler: async ({ subject, body, actor, context }) =>
      reviewView(actor, await reviewNode(context, subject, body)),
  }),
];
