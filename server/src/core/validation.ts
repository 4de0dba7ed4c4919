import { z } from 'zod';
import { fieldName, labelledMessage } from '@xf/domain';
import { badRequest } from './errors';

// zod's own messages (required, wrong type, too short …) in Chinese.
z.config(z.locales.zhCN());

/**
 * `中文名：规则`: the name comes from the schema's `.meta({ label })` (test/core/field-labels.test.ts checks every
 * route's fields have one); the field key is never in the text, only in `field`.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || where;
    const name = fieldName(schema, issue.path) ?? '请求';
    return { field, message: labelledMessage(name, issue.message) };
  });
  throw badRequest(details[0]!.message, details[0]!.field, details);
}
