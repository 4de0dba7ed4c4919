import { z } from 'zod';
import { pageOf } from './common';
import { PROJECT_ACTION_LABELS, PROJECT_ENTITY_LABELS } from './project-labels';
import { SPECIAL_ACTION_LABELS, SPECIAL_ENTITY_LABELS } from './special-labels';

/** Chinese names of operation-log actions and entities, shared by the server's presenter and the admin web. */
export const ACTION_LABELS: Record<string, string> = {
  'account.created': '创建账号',
  'account.password_reset': '重置密码',
  'account.password_changed': '修改密码',
  'account.disabled': '停用账号',
  'account.enabled': '启用账号',
  'account.locked': '账号锁定',
  'account.closed_automatically': '自动关闭账号（不符合从业条件）',
  'account.closure_updated': '更新账号关闭原因',
  'account.reopened_automatically': '自动恢复账号',
  'account.wechat_bound': '绑定微信',
  'account.wechat_unbound': '解绑微信',
  'compliance.run': '执行合规检查',
  'face_profile.submitted': '提交人脸底图',
  'face_profile.approved': '人脸底图审核通过',
  'face_profile.rejected': '人脸底图驳回',
  'institution.office_marked': '标注实际办公地址',
  'institution.registration_confirmed': '确认工商注册信息',
  'registry.imported': '登记系统导入',
  'work_log.created': '新增工作日志',
  'work_log.updated': '修改工作日志',
  'standard_edition.published': '发布标准版本',
  ...PROJECT_ACTION_LABELS,
  ...SPECIAL_ACTION_LABELS,
};

export const ENTITY_LABELS: Record<string, string> = {
  account: '账号',
  compliance: '合规检查',
  face_profile: '人脸底图',
  institution: '服务机构',
  registry_import: '登记系统导入',
  work_log: '工作日志',
  standard_edition: '标准版本',
  ...PROJECT_ENTITY_LABELS,
  ...SPECIAL_ENTITY_LABELS,
};

export const actionLabel = (code: string) => ACTION_LABELS[code] ?? code;
export const entityLabel = (code: string) => ENTITY_LABELS[code] ?? code;

/** One operation-log entry: who did what to which row, with the row before and after. */
export const operationLogViewSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  entityType: z.string(),
  entityTypeLabel: z.string(),
  entityId: z.string().nullable(),
  institutionId: z.number().int().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});
export type OperationLogView = z.infer<typeof operationLogViewSchema>;
export const operationLogListSchema = pageOf(operationLogViewSchema);
