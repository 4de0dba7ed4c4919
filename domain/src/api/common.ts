import { z } from 'zod';
import { isValidDate } from '../rules/dates';

/**
 * A number as text in the form `String(n)` writes it: no hex (`0x10`), no exponent (`1e3`), no blanks, no
 * leading or trailing zeros (`016`, `16.0` are not the id 16).
 */
const DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$/;

/**
 * A number field that also takes its decimal text (paths, queries, forms), and nothing else: unlike
 * `z.coerce.number()`, `true` is not 1 and `null`, `""` or `[]` are not 0. `schema` holds the number's rules.
 */
export const numeric = <T extends z.ZodType<number, number>>(schema: T) =>
  z
    .union([z.number(), z.string().regex(DECIMAL).transform(Number)], {
      // A refused value gets the field's own message (e.g. 请填写建筑高度), as the number schema words it.
      error: (issue) => schema.safeParse(issue.input).error?.issues[0]?.message ?? '应为数字',
    })
    .pipe(schema);

/** A row id in a path or a body: a positive decimal integer. */
export const positiveId = () => numeric(z.number().int().positive());

export const pageQuerySchema = z.object({
  page: numeric(z.number().int().min(1)).default(1).meta({ label: '页码' }),
  pageSize: numeric(z.number().int().min(1).max(200)).default(20).meta({ label: '每页条数' }),
});

export const idParamSchema = z.object({ id: positiveId().meta({ label: '编号' }) });

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The response schema of a paged list of `item`. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

/**
 * What the signed-in account may do with a returned row (`{ update: true, delete: false }`), computed by the
 * server from the feature's policies: the clients show buttons by these, never by account kind.
 */
export const abilitiesSchema = z.record(z.string(), z.boolean());
export type Abilities = z.infer<typeof abilitiesSchema>;

export const booleanQuery = z
  .enum(['true', 'false'], { error: '只能是true或false' })
  .transform((v) => v === 'true');

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为YYYY-MM-DD' })
  .refine(isValidDate, { error: '日期不存在' });

/**
 * 请求编号: the key a device generates for everything it creates in the field (work logs, photos, tasks,
 * records, submissions, faults), so a retry never creates a second copy. One name everywhere:
 * `idempotencyKey` in bodies and paths, `Idempotency-Key` as a header on uploads.
 */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,80}$/;
export const idempotencyKeySchema = z
  .string({ error: '请填写请求编号' })
  .regex(IDEMPOTENCY_KEY_PATTERN, { error: '请求编号应为8-80位字母、数字、下划线或连字符' })
  .meta({ label: '请求编号' });
