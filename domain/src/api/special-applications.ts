import { z } from 'zod';
import { specialApplicationMachine } from '../workflow/special-application';
import type { ActionOf, StateOf } from '../workflow/machine';
import { PROJECT_KINDS } from './projects';
import { storedFileViewSchema } from './files';
import { abilitiesSchema, pageOf, pageQuerySchema, numeric } from './common';

/** What an institution may apply for (manual §04 特殊申请 → 选择申请). */
export const SPECIAL_APPLICATION_KINDS = ['direct_report_upload'] as const;
export type SpecialApplicationKind = (typeof SPECIAL_APPLICATION_KINDS)[number];
export const specialApplicationKindLabels: Record<SpecialApplicationKind, string> = {
  direct_report_upload: '直接上传本公司自行编制的报告',
};

export const SPECIAL_APPLICATION_STATUSES = [
  'pending',
  'approved',
  'rejected',
] as const satisfies readonly SpecialApplicationStatus[];
export type SpecialApplicationStatus = StateOf<typeof specialApplicationMachine>;
export type SpecialApplicationDecision = ActionOf<typeof specialApplicationMachine>;
export const specialApplicationStatusLabels: Record<SpecialApplicationStatus, string> =
  specialApplicationMachine.states;

export const createSpecialApplicationSchema = z.object({
  kind: z
    .enum(SPECIAL_APPLICATION_KINDS, { error: '选择申请：只能是直接上传本公司自行编制的报告' })
    .meta({ label: '类别' }),
  reason: z
    .string({ error: '原因：请填写申请原因' })
    .trim()
    .min(2, { error: '原因：至少2个字' })
    .max(500, { error: '原因：不能超过500个字' })
    .meta({ label: '原因' }),
  /** 说明材料: files uploaded first through POST /api/files. */
  fileIds: z
    .array(numeric(z.number().int().positive({ error: '说明材料：文件编号无效' })), {
      error: '说明材料：应为文件编号列表',
    })
    .max(10, { error: '说明材料：最多10个文件' })
    .default([])
    .meta({ label: '文件' }),
});
export type CreateSpecialApplicationInput = z.infer<typeof createSpecialApplicationSchema>;

export const rejectSpecialApplicationSchema = z.object({
  reason: z
    .string({ error: '驳回原因：请填写驳回原因' })
    .trim()
    .min(2, { error: '驳回原因：至少2个字' })
    .max(500, { error: '驳回原因：不能超过500个字' })
    .meta({ label: '原因' }),
});

export const specialApplicationListQuerySchema = pageQuerySchema.extend({
  status: z
    .enum(SPECIAL_APPLICATION_STATUSES, { error: '状态：只能是待审核、已通过或已驳回' })
    .optional()
    .meta({ label: '状态' }),
  projectId: numeric(z.number().int().positive()).optional().meta({ label: '项目' }),
});

export const specialApplicationViewSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  projectName: z.string().nullable(),
  projectKind: z.enum(PROJECT_KINDS).nullable(),
  projectKindLabel: z.string().nullable(),
  institutionId: z.number().int(),
  institutionName: z.string().nullable(),
  kind: z.enum(SPECIAL_APPLICATION_KINDS),
  kindLabel: z.string(),
  reason: z.string(),
  files: z.array(storedFileViewSchema),
  status: z.enum(SPECIAL_APPLICATION_STATUSES),
  statusLabel: z.string(),
  appliedByName: z.string(),
  appliedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  /** approve / reject, for the brigade. */
  abilities: abilitiesSchema.optional(),
});
export type SpecialApplicationView = z.infer<typeof specialApplicationViewSchema>;
export const specialApplicationListSchema = z.object({ items: z.array(specialApplicationViewSchema) });
export const specialApplicationPageSchema = pageOf(specialApplicationViewSchema);
