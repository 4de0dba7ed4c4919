import { z } from 'zod';
import { TEST_RESULTS } from '../judgment/results';
import { testingRecordMachine, testingReviewMachine } from '../workflow/testing-record';
import type { StateOf } from '../workflow/machine';
import { abilitiesSchema, idempotencyKeySchema, positiveId } from './common';
import { locationFixSchema, siteRequestViewSchema } from './site-requests';
import { TESTING_PLAN_KINDS } from './testing-plans';

/**
 * The testing workflow after dispatch (manual §02 操作员使用APP记录测试结果 … 项目负责人退回已审核通过的记录), as one
 * contract for the server, the operator's app (H5), the lead's mini-program and the admin web.
 *
 * Flow: 建立测试任务 + 开始申请 (testing-tasks.ts) → lead approves (site-requests.ts) → records kept on the phone
 * offline → 提交申请 `POST /testing-tasks/:id/submit-requests` (fix + live photo) → lead approves → photos uploaded
 * one by one (`POST /files`, each with its own Idempotency-Key) → `POST /testing-tasks/:id/submission` with every
 * record at once (all or nothing, replay-safe by `idempotencyKey`) → records 待审核 → the lead opens review and
 * reviews item → sub-item → single item → 综合评定 → plan → the admin generates the report.
 */

export const TEST_RESULT_VALUES = TEST_RESULTS as unknown as ['pass', 'fail', 'not_testable', 'not_present'];
const testResultSchema = z.enum(TEST_RESULT_VALUES, {
  error: '检测结果：只能是合格、不合格、不具备测试条件或现场无此设备',
});

export type TestingRecordStatus = StateOf<typeof testingRecordMachine>;
export const TESTING_RECORD_STATUSES = Object.keys(testingRecordMachine.states) as [
  TestingRecordStatus,
  ...TestingRecordStatus[],
];
export type TestingReviewStatus = StateOf<typeof testingReviewMachine>;
export const TESTING_REVIEW_STATUSES = Object.keys(testingReviewMachine.states) as [
  TestingReviewStatus,
  ...TestingReviewStatus[],
];

/** 位置: the label of one checked position of a sub-item (位置数量 on the phone numbers them 1…n by default). */
export const positionSchema = z
  .string({ error: '位置：请填写' })
  .trim()
  .min(1, { error: '位置：不能为空' })
  .max(50, { error: '位置：不能超过50个字符' })
  .meta({ label: '位置' });

/** One record as the phone kept it: one test item at one position. */
export const testingRecordInputSchema = z.object({
  /** The phone's key for this record; a second submission of the same key is the same record. */
  idempotencyKey: idempotencyKeySchema.meta({ label: '请求编号' }),
  planItemId: z
    .string({ error: '检测项：请选择' })
    .min(1, { error: '检测项：请选择' })
    .max(150, { error: '检测项：编号不能超过150个字符' })
    .meta({ label: '检测项' }),
  position: positionSchema.meta({ label: '位置' }),
  result: testResultSchema.meta({ label: '检测结果' }),
  measuredValue: z
    .number({ error: '测量值：应为数字' })
    .finite({ error: '测量值：应为数字' })
    .nullable()
    .default(null)
    .meta({ label: '测量值' }),
  /** Photo ids returned by `POST /files` (uploaded before the submission); none only for 现场无此设备. */
  photoFileIds: z
    .array(positiveId(), { error: '现场照片：应为文件编号列表' })
    .max(20, { error: '现场照片：每条记录最多20张' })
    .default([])
    .meta({ label: '照片' }),
  note: z.string().trim().max(500, { error: '备注：不能超过500个字符' }).default('').meta({ label: '备注' }),
  /** When the operator saved it on the phone (may be hours before the submission). */
  recordedAt: z.coerce.date({ error: '记录时间：应为ISO日期时间' }).meta({ label: '记录时间' }),
});
export type TestingRecordInput = z.infer<typeof testingRecordInputSchema>;

/** 提交检测结果: every record of the task in one request. */
export const testingSubmissionSchema = z.object({
  idempotencyKey: idempotencyKeySchema.meta({ label: '请求编号' }),
  records: z
    .array(testingRecordInputSchema, { error: '检测记录：应为列表' })
    .min(1, { error: '检测记录：请至少记录一个检测项' })
    .max(5000, { error: '检测记录：一次最多提交5000条，请分成多个测试任务' })
    .meta({ label: '检测记录' }),
});
export type TestingSubmissionInput = z.infer<typeof testingSubmissionSchema>;

export const testingSubmissionResultSchema = z.object({
  testingTaskId: z.number().int(),
  recordCount: z.number().int(),
  /** True when this key had been submitted before: nothing new was written. */
  replayed: z.boolean(),
});

export const personRefSchema = z.object({
  id: z.number().int(),
  accountName: z.string(),
  displayName: z.string(),
});

export const testingRecordViewSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  siteName: z.string(),
  testingTaskId: z.number().int(),
  planItemId: z.string(),
  planSubItemId: z.string(),
  planSingleItemId: z.string(),
  buildingName: z.string(),
  singleItemName: z.string(),
  subItemName: z.string(),
  itemName: z.string(),
  itemClass: z.enum(['A', 'B', 'C']),
  position: z.string(),
  result: testResultSchema,
  resultLabel: z.string(),
  measuredValue: z.number().nullable(),
  /** What the standard gives from the measured value; differs from `result` when `mismatch`. */
  computedResult: testResultSchema,
  mismatch: z.boolean(),
  /** The lead's changed result at item level, with the reason (红色标记 when it differs from the computed one). */
  reviewedResult: testResultSchema.nullable(),
  reviewReason: z.string().nullable(),
  photoUrls: z.array(z.string()),
  note: z.string(),
  status: z.enum(TESTING_RECORD_STATUSES),
  statusLabel: z.string(),
  operator: personRefSchema,
  recordedAt: z.string(),
  submittedAt: z.string(),
  /** delete (operator), approve / return (lead). */
  abilities: abilitiesSchema,
});
export type TestingRecordView = z.infer<typeof testingRecordViewSchema>;

/** 查询历史记录 (operator: own records) and the lead's/admin's record lists. */
export const testingRecordListQuerySchema = z.object({
  projectId: positiveId().optional().meta({ label: '项目' }),
  testingTaskId: positiveId().optional().meta({ label: '测试任务' }),
  status: z
    .enum(TESTING_RECORD_STATUSES, { error: '状态：只能是待审核或已审核' })
    .optional()
    .meta({ label: '状态' }),
});
export const testingRecordListSchema = z.object({ items: z.array(testingRecordViewSchema) });

/** 审核检测项: approve, optionally with a changed result (a reason is required when it differs from the computed one). */
export const approveTestingRecordSchema = z.object({
  result: testResultSchema.optional().meta({ label: '检测结果' }),
  reason: z.string().trim().max(500, { error: '原因：不能超过500个字符' }).optional().meta({ label: '原因' }),
});
/** Approve many at once (审核本子项全部检测项), each as the computed result. */
export const approveTestingRecordsSchema = z.object({
  recordIds: z
    .array(positiveId(), { error: '检测记录：应为编号列表' })
    .min(1, { error: '检测记录：请至少选择一条' })
    .max(5000, { error: '检测记录：一次最多5000条' })
    .meta({ label: '检测记录' }),
});

export const REVIEW_LEVELS = ['sub_item', 'single_item', 'overall'] as const;
export type ReviewLevel = (typeof REVIEW_LEVELS)[number];
export const reviewLevelLabels: Record<ReviewLevel, string> = {
  sub_item: '子项',
  single_item: '单项',
  overall: '综合评定',
};
export const VERDICT_VALUES = ['pass', 'fail', 'not_applicable'] as const;

/** 审核子项/单项/综合评定: confirm the computed verdict, or change it with a reason (红色标记 with before/after). */
export const reviewNodeSchema = z.object({
  level: z.enum(REVIEW_LEVELS, { error: '审核层级：只能是子项、单项或综合评定' }).meta({ label: '审核层级' }),
  /** planSubItemId, planSingleItemId, or `overall`. */
  nodeId: z
    .string({ error: '审核对象：请选择' })
    .min(1, { error: '审核对象：请选择' })
    .max(150)
    .meta({ label: '审核对象' }),
  verdict: z.enum(VERDICT_VALUES, { error: '评定：只能是合格、不合格或不适用' }).meta({ label: '评定' }),
  reason: z.string().trim().max(500, { error: '原因：不能超过500个字符' }).optional().meta({ label: '原因' }),
});
export type ReviewNodeInput = z.infer<typeof reviewNodeSchema>;

const verdictSchema = z.enum(VERDICT_VALUES);
const nodeReviewSchema = z
  .object({
    verdict: verdictSchema,
    verdictLabel: z.string(),
    reason: z.string().nullable(),
    /** The lead's verdict differs from the computed one. */
    flagged: z.boolean(),
    reviewedAt: z.string(),
    reviewedBy: z.string(),
  })
  .nullable();
const tallySchema = z.object({
  total: z.number().int(),
  checked: z.number().int(),
  failed: z.object({ A: z.number().int(), B: z.number().int(), C: z.number().int() }),
});

/** 计划完成统计 per single item (and per operator assigned to it). */
export const singleItemProgressSchema = z.object({
  planSingleItemId: z.string(),
  buildingName: z.string(),
  code: z.string(),
  name: z.string(),
  itemCount: z.number().int(),
  /** Plan items with at least one live record. */
  recordedItemCount: z.number().int(),
  approvedItemCount: z.number().int(),
  operators: z.array(personRefSchema.extend({ recordCount: z.number().int() })),
});

/**
 * The review tree of a project (lead: 待审核; admin: 查看检测服务计划): progress, then single items → sub-items →
 * items with their records, the computed verdict and the review at every level.
 */
export const testingReviewViewSchema = z.object({
  projectId: z.number().int(),
  siteName: z.string(),
  /** 检测计划, or 复检计划 for a retest project (its original: parentProjectId), as on the plan page. */
  planKind: z.enum(TESTING_PLAN_KINDS),
  planKindLabel: z.string(),
  parentProjectId: z.number().int().nullable(),
  status: z.enum(TESTING_REVIEW_STATUSES),
  statusLabel: z.string(),
  /** Every assigned plan item has a record. */
  planComplete: z.boolean(),
  progress: z.array(singleItemProgressSchema),
  singleItems: z.array(
    z.object({
      planSingleItemId: z.string(),
      buildingName: z.string(),
      code: z.string(),
      name: z.string(),
      computedVerdict: verdictSchema,
      reasons: z.array(z.string()),
      tally: tallySchema,
      review: nodeReviewSchema,
      subItems: z.array(
        z.object({
          planSubItemId: z.string(),
          name: z.string(),
          computedVerdict: verdictSchema,
          tally: tallySchema,
          review: nodeReviewSchema,
          items: z.array(
            z.object({
              planItemId: z.string(),
              name: z.string(),
              class: z.enum(['A', 'B', 'C']),
              method: z.string(),
              requirement: z.string(),
              records: z.array(testingRecordViewSchema),
            }),
          ),
        }),
      ),
    }),
  ),
  overall: z.object({
    computedVerdict: verdictSchema,
    failedSingleItems: z.array(z.object({ code: z.string(), name: z.string() })),
    review: nodeReviewSchema,
  }),
  /** open / close / approve / reopen, for the signed-in account. */
  abilities: abilitiesSchema,
});
export type TestingReviewView = z.infer<typeof testingReviewViewSchema>;

/**
 * 提交检测结果申请 (and 开始申请 again after a refusal): the operator's fix and the phone's key, as multipart next to
 * the live photo (like the first start request).
 */
export const taskSiteRequestSchema = locationFixSchema.extend({ idempotencyKey: idempotencyKeySchema });
export type TaskSiteRequestInput = z.infer<typeof taskSiteRequestSchema>;
/** The filed request; `replayed` when the key had been used (200 instead of 201). */
export const filedTaskSiteRequestSchema = siteRequestViewSchema.extend({ replayed: z.boolean() });
