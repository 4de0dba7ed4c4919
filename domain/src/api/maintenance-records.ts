import { z } from 'zod';
import { MAINTENANCE_CONFORMITIES, NOT_CHECKABLE_REASONS } from '../rules/maintenance-line';
import { idempotencyKeySchema, isoDate, numeric, pageOf, pageQuerySchema, positiveId } from './common';
import { personRefSchema } from './testing-records';

/**
 * 维保记录 (manual §03 APP记录测试结果): one result per facility (and its position, 添加下一个) and content line,
 * kept on the phone offline and submitted with every other result of its maintenance task at once
 * (`POST /maintenance-tasks/:id/submission`, all or nothing, replay-safe by `idempotencyKey`). The rules of a
 * line result (能检查/不能检查, the four reasons, 不适用 judged by the system) are `judgeMaintenanceLine` in
 * domain/src/rules/maintenance-line.ts; the server applies them against the plan's content lines.
 */

export const conformitySchema = z.enum(MAINTENANCE_CONFORMITIES, {
  error: '测试结果是否符合测试要求：只能是符合、不符合或不适用',
});
export const notCheckableReasonSchema = z.enum(NOT_CHECKABLE_REASONS, {
  error: '不能检查原因：只能是消防设施与当前测试规范不匹配、不具备测试条件、不在合同范围内或现场无此设备',
});

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}：请填写` })
    .trim()
    .max(max, { error: `${label}：不能超过${max}个字符` })
    .meta({ label });

/** 消防设施与当前测试规范不匹配: what the operator enters per the applicable standard. */
export const standardMismatchSchema = z.object({
  itemName: text('测试项名称', 100),
  location: text('设施位置', 100),
  process: text('测试过程', 1000),
  result: text('测试结果', 1000),
});
export type StandardMismatch = z.infer<typeof standardMismatchSchema>;

/** One line result as the phone kept it. */
export const maintenanceLineResultInputSchema = z.object({
  /** The phone's key for this result; unique per operator. */
  idempotencyKey: idempotencyKeySchema,
  /** A facility of the task (catalog id, e.g. `M.01.0.01`). */
  facilityId: z
    .string({ error: '消防设施：请选择' })
    .min(1, { error: '消防设施：请选择' })
    .max(60, { error: '消防设施：编号不能超过60个字符' })
    .meta({ label: '消防设施' }),
  /** Which one of several facilities of this kind (添加下一个): 1, 2, 3 … */
  facilityIndex: numeric(
    z
      .number({ error: '设施序号：应为整数' })
      .int({ error: '设施序号：应为整数' })
      .min(1, { error: '设施序号：从1开始' })
      .max(9999, { error: '设施序号：不能超过9999' }),
  )
    .default(1)
    .meta({ label: '设施序号' }),
  /** Where that facility is (e.g. 1号楼地下一层配电室); free text, may be empty. */
  facilityLocation: text('设施位置', 100).default(''),
  /** A content line of that facility in the task's plan (catalog id, e.g. `M.01.0.01.a`). */
  lineId: z
    .string({ error: '维保内容：请选择' })
    .min(1, { error: '维保内容：请选择' })
    .max(80, { error: '维保内容：编号不能超过80个字符' })
    .meta({ label: '维保内容' }),
  /** 能检查 (true) / 不能检查 (false). */
  checkable: z.boolean({ error: '能检查/不能检查：只能是true或false' }).meta({ label: '能检查/不能检查' }),
  /**
   * The answer to every prompt of the line except the final 测试结果是否符合测试要求, keyed by prompt id
   * (e.g. `{"M.01.0.01.a.1": "正常"}`); empty when not checkable.
   */
  answers: z
    .record(
      z.string().max(100, { error: '检查提示：编号不能超过100个字符' }),
      z.string({ error: '检查提示的回答应为文字' }).max(20, { error: '检查提示的回答不能超过20个字符' }),
      { error: '检查提示的回答应为“提示编号: 回答”' },
    )
    .default({})
    .meta({ label: '检查提示' }),
  /**
   * 测试结果是否符合测试要求: required when checkable or 不匹配; for the other three reasons the system judges 不适用
   * (leave it out, or send not_applicable).
   */
  conformity: conformitySchema.optional().meta({ label: '测试结果是否符合测试要求' }),
  notCheckableReason: notCheckableReasonSchema.optional().meta({ label: '不能检查原因' }),
  /** Required with 消防设施与当前测试规范不匹配. */
  mismatch: standardMismatchSchema.optional().meta({ label: '不匹配时的测试记录' }),
  /** 不具备测试条件: the reason (required). */
  explanation: text('说明', 500).optional(),
  /** 不具备测试条件: photo of the client's signature (甲方签字), uploaded by `POST /files` first (required). */
  signaturePhotoFileId: positiveId().optional().meta({ label: '甲方签字照片' }),
  /** "+" 文本: goes into the report. */
  note: text('备注', 500).default(''),
  /** "+" 图片 (into the report), uploaded by `POST /files` first. */
  photoFileIds: z
    .array(positiveId(), { error: '现场照片：应为文件编号列表' })
    .max(20, { error: '现场照片：每条记录最多20张' })
    .default([])
    .meta({ label: '现场照片' }),
  /** "+" 视频, uploaded by `POST /files` first (kept, not printed). */
  videoFileIds: z
    .array(positiveId(), { error: '现场视频：应为文件编号列表' })
    .max(5, { error: '现场视频：每条记录最多5段' })
    .default([])
    .meta({ label: '现场视频' }),
  /** When the operator saved it on the phone (may be hours before the submission). */
  recordedAt: z.coerce.date({ error: '记录时间：应为ISO日期时间' }).meta({ label: '记录时间' }),
});
export type MaintenanceLineResultInput = z.infer<typeof maintenanceLineResultInputSchema>;

/**
 * 提交维保结果: every line result of the task in one request (needs the approved 提交申请), or, for a task the
 * lead rejected, the corrected results (they replace the task's previous results; no new 提交申请 needed).
 */
export const maintenanceSubmissionSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  records: z
    .array(maintenanceLineResultInputSchema, { error: '维保记录：应为列表' })
    .min(1, { error: '维保记录：请至少记录一条维保内容' })
    .max(5000, { error: '维保记录：一次最多提交5000条，请分成多个维保任务' })
    .meta({ label: '维保记录' }),
});
export type MaintenanceSubmissionInput = z.infer<typeof maintenanceSubmissionSchema>;

export const maintenanceSubmissionResultSchema = z.object({
  maintenanceTaskId: z.number().int(),
  recordCount: z.number().int(),
  /** Faults opened or joined by this submission's 不符合 results. */
  faultCount: z.number().int(),
  /** True when this key had been submitted before: nothing new was written. */
  replayed: z.boolean(),
});
export type MaintenanceSubmissionResult = z.infer<typeof maintenanceSubmissionResultSchema>;

export const maintenanceAnswerViewSchema = z.object({
  promptId: z.string(),
  text: z.string(),
  answer: z.string(),
  /** The answer is the prompt's conforming option. */
  conforming: z.boolean(),
});

export const maintenanceRecordViewSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  siteName: z.string(),
  maintenanceTaskId: z.number().int(),
  planId: z.number().int(),
  idempotencyKey: z.string(),
  facilityId: z.string(),
  facilityName: z.string(),
  systemName: z.string(),
  categoryName: z.string(),
  facilityIndex: z.number().int(),
  facilityLocation: z.string(),
  lineId: z.string(),
  lineLetter: z.string(),
  lineText: z.string(),
  /** 合格标准, shown to the reviewing lead. */
  conformityStandard: z.string(),
  checkable: z.boolean(),
  answers: z.array(maintenanceAnswerViewSchema),
  conformity: conformitySchema,
  conformityLabel: z.string(),
  notCheckableReason: notCheckableReasonSchema.nullable(),
  notCheckableReasonLabel: z.string().nullable(),
  mismatch: standardMismatchSchema.nullable(),
  explanation: z.string().nullable(),
  signaturePhotoUrl: z.string().nullable(),
  note: z.string(),
  photoUrls: z.array(z.string()),
  videoUrls: z.array(z.string()),
  /** The fault this 不符合 result opened or joined. */
  faultId: z.number().int().nullable(),
  operator: personRefSchema,
  recordedAt: z.string(),
  submittedAt: z.string(),
});
export type MaintenanceRecordView = z.infer<typeof maintenanceRecordViewSchema>;

/**
 * 查看现场提交记录 (admin), 查询历史记录 (operator: own), the lead's and regulators' reads: filters by project, task,
 * plan, facility, conformity, operator and submission date (Beijing, inclusive).
 */
export const maintenanceRecordListQuerySchema = pageQuerySchema.extend({
  projectId: positiveId().optional().meta({ label: '项目' }),
  maintenanceTaskId: positiveId().optional().meta({ label: '维保任务' }),
  planId: positiveId().optional().meta({ label: '维保计划' }),
  operatorAccountId: positiveId().optional().meta({ label: '操作员' }),
  facilityId: z.string().max(60).optional().meta({ label: '消防设施' }),
  conformity: conformitySchema.optional().meta({ label: '测试结果' }),
  submittedFrom: isoDate.optional().meta({ label: '提交起始日期' }),
  submittedTo: isoDate.optional().meta({ label: '提交截止日期' }),
});
export type MaintenanceRecordListQuery = z.infer<typeof maintenanceRecordListQuerySchema>;
export const maintenanceRecordPageSchema = pageOf(maintenanceRecordViewSchema);
