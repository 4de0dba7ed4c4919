import {
  approveMaintenanceTaskSchema,
  completeFaultTaskSchema,
  createdMaintenanceTaskSchema,
  createMaintenanceTaskSchema,
  dispatchFaultTaskSchema,
  faultTaskListSchema,
  faultTaskViewSchema,
  idParamSchema,
  maintenanceFaultListQuerySchema,
  maintenanceFaultPageSchema,
  maintenanceFaultViewSchema,
  maintenanceRecordListQuerySchema,
  maintenanceRecordPageSchema,
  maintenanceSubmissionResultSchema,
  maintenanceSubmissionSchema,
  maintenanceTaskDetailSchema,
  maintenanceTaskListQuerySchema,
  maintenanceTaskListSchema,
  maintenanceTaskPageSchema,
  maintenanceTaskViewSchema,
  negotiateFaultSchema,
  operatorMaintenanceTaskQuerySchema,
  rejectMaintenanceTaskSchema,
  resolveFaultSchema,
  returnMaintenanceTaskSchema,
} from '@xf/domain';
import { Op, type WhereOptions } from 'sequelize';
import type { Actor } from '../core/actor';
import { findPage, listPage } from '../core/page';
import { listScope, scopeWhere } from '../core/policy';
import { route } from '../core/route';
import { MaintenanceFault, MaintenanceFaultTask } from '../maintenance-faults/models';
import '../maintenance-faults/policies';
import { presentFaults, presentFaultTasks } from '../maintenance-faults/present';
import {
  completeFaultTask,
  dispatchFaultTask,
  loadFault,
  loadFaultTask,
  negotiateFault,
  resolveFault,
} from '../maintenance-faults/service';
import { MaintenancePlanRecord } from '../maintenance-plans/models';
import { MaintenanceRecord } from '../maintenance-records/models';
import { presentMaintenanceRecords } from '../maintenance-records/present';
import { submitMaintenanceRecords } from '../maintenance-records/submission';
import { taskRequestRoutes } from '../site-requests/task-routes';
import { MaintenanceTask } from './models';
import './policies';
import { presentMaintenanceTaskDetail, presentMaintenanceTasks } from './present';
import { approveMaintenanceTask, decideMaintenanceTask } from './review';
import {
  createMaintenanceTask,
  deleteMaintenanceTask,
  fileMaintenanceTaskRequest,
  loadMaintenanceTask,
} from './service';

const tag = '维保任务';
const faultTag = '维保故障';
const load = (params: { id: number }) => loadMaintenanceTask(params.id);
const fault = (params: { id: number }) => loadFault(params.id);
const faultTask = (params: { id: number }) => loadFaultTask(params.id);
const taskView = async (actor: Actor, task: MaintenanceTask) =>
  (await presentMaintenanceTasks([task], actor))[0]!;
const faultView = async (actor: Actor, id: number) =>
  (await presentFaults([(await MaintenanceFault.findByPk(id))!], { actor }))[0]!;

/** Beijing calendar dates as instants: [from 00:00, to 24:00). */
const dateRange = (column: string, from?: string, to?: string): WhereOptions =>
  from || to
    ? {
        [column]: {
          ...(from ? { [Op.gte]: new Date(`${from}T00:00:00+08:00`) } : {}),
          ...(to ? { [Op.lt]: new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000) } : {}),
        },
      }
    : {};
const defined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
/** The rows of a resource this actor lists, narrowed by the query's filters (those not given are ignored). */
const scoped = async (
  actor: Actor,
  resource: string,
  filters: Record<string, unknown>,
  ...more: WhereOptions[]
): Promise<WhereOptions> => ({
  [Op.and]: [scopeWhere(await listScope(actor, resource)), defined(filters), ...more],
});

/** 审核不通过 and 退回 take a reason and answer the task as it now stands. */
const decision = (action: 'reject' | 'return', summary: string) =>
  route({
    method: 'post',
    path: `/maintenance-tasks/:id/${action}`,
    summary,
    tag,
    params: idParamSchema,
    policy: { action, resource: 'maintenance_task', load },
    body: action === 'reject' ? rejectMaintenanceTaskSchema : returnMaintenanceTaskSchema,
    response: maintenanceTaskViewSchema,
    handler: async ({ subject, body, context, actor }) =>
      taskView(actor, await decideMaintenanceTask(context, subject, action, body.reason)),
  });

export const maintenanceTaskRoutes = [
  route({
    method: 'post',
    path: '/maintenance-tasks',
    summary:
      '建立维保任务并提交开始申请：操作员从已下发给自己的维保计划中选择一个、多个或全部消防设施，附现场定位与现场照片；服务器进行位置校验和人脸比对，模拟定位直接拒绝；同一请求编号重放返回原任务，内容不同则拒绝',
    tag,
    policy: { action: 'create', resource: 'maintenance_task' },
    guards: ['approvedFace'],
    upload: { field: 'photo', accept: ['image'] },
    body: createMaintenanceTaskSchema,
    response: createdMaintenanceTaskSchema,
    handler: async ({ body, context, file, ctx, actor }) => {
      const { result, replayed } = await createMaintenanceTask(context, body, file!);
      ctx.status = replayed ? 200 : 201;
      return { ...(await taskView(actor, result)), replayed };
    },
  }),
  ...taskRequestRoutes({
    path: '/maintenance-tasks',
    resource: 'maintenance_task',
    tag,
    load,
    file: (context, subject, kind, input, photo) =>
      fileMaintenanceTaskRequest(context, subject.task, kind, input, photo),
    summaries: {
      start: '重新提交维保任务的开始申请：上一次开始申请被驳回后，操作员再次附现场定位与现场照片申请',
      submit:
        '提交维保结果申请：已开始的维保任务，操作员附现场定位与现场照片申请提交，由项目负责人在现场同意或驳回；驳回后可再次申请',
    },
  }),
  route({
    method: 'post',
    path: '/maintenance-tasks/:id/submission',
    summary:
      '提交维保结果：提交申请已同意后，一次提交维保任务的全部维保记录（照片、视频须先上传），全部保存或全部不保存；审核不通过的任务修改后重新提交（替换原记录）；不符合项生成故障；同一请求编号重放返回原结果，内容不同则拒绝',
    tag,
    params: idParamSchema,
    policy: { action: 'submit', resource: 'maintenance_task', load },
    body: maintenanceSubmissionSchema,
    response: maintenanceSubmissionResultSchema,
    handler: async ({ subject, body, context, ctx }) => {
      const result = await submitMaintenanceRecords(context, subject, body);
      ctx.status = result.replayed ? 200 : 201;
      return result;
    },
  }),
  route({
    method: 'delete',
    path: '/maintenance-tasks/:id',
    summary:
      '删除维保任务：操作员在提交前可删除自己的维保任务，其消防设施回到待开始，项目负责人随后可删除派发',
    tag,
    params: idParamSchema,
    policy: { action: 'delete', resource: 'maintenance_task', load },
    handler: async ({ subject, context, ctx }) => {
      await deleteMaintenanceTask(context, subject);
      ctx.status = 204;
    },
  }),
  route({
    method: 'get',
    path: '/operators/me/maintenance-tasks',
    summary: '我的维保任务（待开始工作、继续记录、查询历史记录），含开始申请、提交申请及审核结果',
    tag,
    policy: { action: 'listOwn', resource: 'maintenance_task' },
    query: operatorMaintenanceTaskQuerySchema,
    response: maintenanceTaskListSchema,
    handler: async ({ actor, query }) => {
      const rows = await MaintenanceTask.findAll({
        where: { operatorAccountId: actor.id, ...defined({ status: query.status }) },
        order: [['id', 'DESC']],
      });
      return { items: await presentMaintenanceTasks(rows, actor) };
    },
  }),
  route({
    method: 'get',
    path: '/maintenance-tasks',
    summary:
      '维保任务列表：项目负责人看所负责项目的（status=submitted 为消防维保-待审核）；机构管理员看本机构的（查看现场提交记录）；支队看管辖归属内的、总队看全部',
    tag,
    policy: { action: 'list', resource: 'maintenance_task' },
    query: maintenanceTaskListQuerySchema,
    response: maintenanceTaskPageSchema,
    handler: async ({ actor, query }) => {
      // A task's month is its plan's: the ids of that month's plans (of the project, when one is asked for).
      const monthPlans = query.month
        ? (
            await MaintenancePlanRecord.findAll({
              where: { month: query.month, ...defined({ projectId: query.projectId }) },
              attributes: ['id'],
            })
          ).map((p) => p.id)
        : undefined;
      const where = await scoped(
        actor,
        'maintenance_task',
        {
          projectId: query.projectId,
          planId: query.planId,
          operatorAccountId: query.operatorAccountId,
          status: query.status,
        },
        monthPlans ? { planId: { [Op.in]: monthPlans } } : {},
      );
      return listPage(
        query,
        () => findPage(MaintenanceTask, { where, order: [['id', 'DESC']] }, query.page, query.pageSize),
        (rows) => presentMaintenanceTasks(rows, actor),
      );
    },
  }),
  route({
    method: 'get',
    path: '/maintenance-tasks/:id',
    summary: '维保任务详情：每条维保记录及其合格标准、照片，以及故障和处理过程（审核页）',
    tag,
    params: idParamSchema,
    policy: { action: 'read', resource: 'maintenance_task', load },
    response: maintenanceTaskDetailSchema,
    handler: async ({ subject, actor }) => presentMaintenanceTaskDetail(subject.task, actor),
  }),
  route({
    method: 'post',
    path: '/maintenance-tasks/:id/approve',
    summary: '审核通过维保任务：每项故障（不符合项）都须先给出处理方式（与业主沟通中、排查、维修或处理结果）',
    tag,
    params: idParamSchema,
    policy: { action: 'approve', resource: 'maintenance_task', load },
    body: approveMaintenanceTaskSchema,
    response: maintenanceTaskViewSchema,
    handler: async ({ subject, body, context, actor }) =>
      taskView(actor, await approveMaintenanceTask(context, subject, body.note)),
  }),
  decision('reject', '审核不通过：操作员在查询历史记录中修改后重新提交；已审核通过的任务须先退回'),
  decision('return', '退回已审核通过的维保任务到待审核（之后可审核不通过，让操作员修改）'),
  route({
    method: 'get',
    path: '/maintenance-records',
    summary:
      '维保记录列表：操作员看自己的（查询历史记录），项目负责人看所负责项目的，机构管理员看本机构的（查看现场提交记录），支队看管辖归属内的、总队看全部；按项目、任务、计划、操作员、设施、结果、提交日期筛选',
    tag,
    policy: { action: 'list', resource: 'maintenance_record' },
    query: maintenanceRecordListQuerySchema,
    response: maintenanceRecordPageSchema,
    handler: async ({ actor, query }) => {
      const where = await scoped(
        actor,
        'maintenance_record',
        {
          projectId: query.projectId,
          maintenanceTaskId: query.maintenanceTaskId,
          planId: query.planId,
          operatorAccountId: query.operatorAccountId,
          facilityId: query.facilityId,
          conformity: query.conformity,
        },
        dateRange('submittedAt', query.submittedFrom, query.submittedTo),
      );
      return listPage(
        query,
        () => findPage(MaintenanceRecord, { where, order: [['id', 'DESC']] }, query.page, query.pageSize),
        presentMaintenanceRecords,
      );
    },
  }),
  route({
    method: 'get',
    path: '/maintenance-faults',
    summary:
      '故障列表（管理测试故障）：每项故障及其完整处理过程；项目负责人看所负责项目的，机构管理员看本机构的，支队看管辖归属内的、总队看全部',
    tag: faultTag,
    policy: { action: 'list', resource: 'maintenance_fault' },
    query: maintenanceFaultListQuerySchema,
    response: maintenanceFaultPageSchema,
    handler: async ({ actor, query }) => {
      let taskFaults: number[] | undefined;
      if (query.maintenanceTaskId)
        taskFaults = (
          await MaintenanceRecord.findAll({
            where: { maintenanceTaskId: query.maintenanceTaskId, faultId: { [Op.ne]: null } },
            attributes: ['faultId'],
          })
        ).map((r) => r.faultId!);
      const where = await scoped(
        actor,
        'maintenance_fault',
        { projectId: query.projectId, status: query.status },
        query.open === undefined
          ? {}
          : query.open
            ? { status: { [Op.ne]: 'resolved' } }
            : { status: 'resolved' },
        taskFaults ? { id: { [Op.in]: taskFaults } } : {},
        dateRange('detectedAt', query.detectedFrom, query.detectedTo),
      );
      return listPage(
        query,
        () => findPage(MaintenanceFault, { where, order: [['id', 'DESC']] }, query.page, query.pageSize),
        (rows) => presentFaults(rows, { actor }),
      );
    },
  }),
  route({
    method: 'get',
    path: '/maintenance-faults/:id',
    summary: '故障详情及处理过程',
    tag: faultTag,
    params: idParamSchema,
    policy: { action: 'read', resource: 'maintenance_fault', load: fault },
    response: maintenanceFaultViewSchema,
    handler: async ({ subject, actor }) => faultView(actor, subject.fault.id),
  }),
  route({
    method: 'post',
    path: '/maintenance-faults/:id/negotiate',
    summary: '故障处理：与业主沟通中（记入处理过程“与业主协商中”）',
    tag: faultTag,
    params: idParamSchema,
    policy: { action: 'negotiate', resource: 'maintenance_fault', load: fault },
    body: negotiateFaultSchema,
    response: maintenanceFaultViewSchema,
    handler: async ({ subject, body, context, actor }) =>
      faultView(actor, (await negotiateFault(context, subject, body.note ?? '')).id),
  }),
  route({
    method: 'post',
    path: '/maintenance-faults/:id/dispatch',
    summary: '故障处理：下发排查或维修任务给本机构的消防设施操作员（记入处理过程“由操作员排查中/维修中”）',
    tag: faultTag,
    params: idParamSchema,
    policy: { action: 'dispatch', resource: 'maintenance_fault', load: fault },
    body: dispatchFaultTaskSchema,
    response: maintenanceFaultViewSchema,
    handler: async ({ subject, body, context, actor, ctx }) => {
      await dispatchFaultTask(context, subject, body);
      ctx.status = 201;
      return faultView(actor, subject.fault.id);
    },
  }),
  route({
    method: 'post',
    path: '/maintenance-faults/:id/resolve',
    summary: '故障处理：填写处理结果，故障已解决，不再体现在后续的维保报告中',
    tag: faultTag,
    params: idParamSchema,
    policy: { action: 'resolve', resource: 'maintenance_fault', load: fault },
    body: resolveFaultSchema,
    response: maintenanceFaultViewSchema,
    handler: async ({ subject, body, context, actor }) =>
      faultView(actor, (await resolveFault(context, subject, body.outcome)).id),
  }),
  route({
    method: 'get',
    path: '/operators/me/maintenance-fault-tasks',
    summary: '排查维修：下发给我的排查和维修任务',
    tag: faultTag,
    policy: { action: 'listOwn', resource: 'maintenance_fault_task' },
    response: faultTaskListSchema,
    handler: async ({ actor }) => {
      const rows = await MaintenanceFaultTask.findAll({
        where: { operatorAccountId: actor.id },
        order: [['id', 'DESC']],
      });
      return { items: await presentFaultTasks(rows, actor) };
    },
  }),
  route({
    method: 'post',
    path: '/maintenance-fault-tasks/:id/complete',
    summary:
      '排查维修结果：选择“解决”关闭此设施故障（不再体现在后续的维保报告中），“未解决”记录进展；同一请求编号重放返回原结果',
    tag: faultTag,
    params: idParamSchema,
    policy: { action: 'complete', resource: 'maintenance_fault_task', load: faultTask },
    body: completeFaultTaskSchema,
    response: faultTaskViewSchema,
    handler: async ({ subject, body, context, actor }) =>
      (await presentFaultTasks([await completeFaultTask(context, subject, body)], actor))[0]!,
  }),
];
