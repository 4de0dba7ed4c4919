import { z } from 'zod';
import { isoDate, numeric } from './common';

export const workLogClientIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '客户端编号应为8-64位字母、数字、下划线或连字符' });

export const putWorkLogSchema = z.object({
  date: isoDate,
  content: z
    .string()
    .trim()
    .min(1, { error: '请填写工作内容' })
    .max(5000, { error: '工作内容不能超过5000字' }),
  photoFileIds: z
    .array(numeric(z.number().int().positive()))
    .max(20, { error: '照片不能超过20张' })
    .default([]),
  createdAtClient: z.iso.datetime({ offset: true, error: '记录时间格式不正确' }).optional(),
});
export type PutWorkLogInput = z.infer<typeof putWorkLogSchema>;

export interface WorkLogView {
  id: number;
  clientId: string;
  accountId: number;
  authorName: string;
  date: string;
  content: string;
  photos: { id: number; url: string }[];
  createdAt: string;
  updatedAt: string;
}
