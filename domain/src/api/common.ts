import { z } from 'zod';
import { isValidDate } from '../rules/dates';

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const idParamSchema = z.object({ id: z.coerce.number().int().positive() });

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const booleanQuery = z
  .enum(['true', 'false'], { error: '只能是true或false' })
  .transform((v) => v === 'true');

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为YYYY-MM-DD' })
  .refine(isValidDate, { error: '日期不存在' });
