import { z } from 'zod';
import { badRequest } from './errors';
import { labelFor } from './field-labels';

// zod's own messages (required, wrong type, too short …) in Chinese.
z.config(z.locales.zhCN());

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || where;
    return { field, message: `${labelFor(issue.path)}：${issue.message}` };
  });
  throw badRequest(details[0]!.message, details[0]!.field, details);
}
