import type { Rule } from 'antd/es/form';
// The sub-path import keeps the bundle to the form rules (the package index also pulls server-side API schemas).
import { accountNameSchema, passwordSchema } from '@xf/domain/rules/forms';
import type { ZodType } from 'zod';

/** antd Form rule that reports the shared zod schema's Chinese message. */
export function zodRule(schema: ZodType): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const r = schema.safeParse(value);
      if (!r.success) throw new Error(r.error.issues[0]?.message ?? '格式不正确');
    },
  };
}

export const accountNameRules: Rule[] = [
  { required: true, message: '请输入账号' },
  zodRule(accountNameSchema),
];
export const passwordRules: Rule[] = [{ required: true, message: '请输入密码' }, zodRule(passwordSchema)];
