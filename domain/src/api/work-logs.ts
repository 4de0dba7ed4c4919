import { z } from 'zod';
import { idempotencyKeySchema, isoDate, pageOf, pageQuerySchema, numeric } from './common';

/** PUT /work-logs/:idempotencyKey: the key the phone generated for the entry (created once, edited after). */
export const workLogParamsSchema = z.object({ idempotencyKey: idempotencyKeySchema });

export const putWorkLogSchema = z.object({
  date: isoDate.meta({ label: '日期' }),
  content: z
    .string()
    .trim()
    .min(1, { error: '请填写工作内容' })
    .max(5000, { error: '工作内容不能超过5000字' })
    .meta({ label: '内容' }),
  photoFileIds: z
    .array(numeric(z.number().int().positive()))
    .max(20, { error: '照片不能超过20张' })
    .default([])
    .meta({ label: '照片' }),
  createdAtClient: z.iso
    .datetime({ offset: true, error: '记录时间格式不正确' })
    .optional()
    .meta({ label: '记录时间' }),
});
export type PutWorkLogInput = z.infer<typeof putWorkLogSchema>;

export const workLogListQuerySchema = pageQuerySchema.extend({
  accountId: numeric(z.number().int().positive()).optional().meta({ label: '账号' }),
  institutionId: numeric(z.number().int().positive()).optional().meta({ label: '机构' }),
  from: isoDate.optional().meta({ label: '起始日期' }),
  to: isoDate.optional().meta({ label: '截止日期' }),
});

export const workLogViewSchema = z.object({
  id: z.number().int(),
  idempotencyKey: z.string(),
  accountId: z.number().int(),
  authorName: z.string(),
  date: z.string(),
  content: z.string(),
  photos: z.array(z.object({ id: z.number().int(), url: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WorkLogView = z.infer<typeof workLogViewSchema>;
export const workLogListSchema = pageOf(workLogViewSchema);
