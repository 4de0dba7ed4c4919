import { z } from 'zod';
import { fieldName, labelledMessage } from '@xf/domain';
import { badRequest } from './errors';

// zod's own messages (required, wrong type, too short …) in Chinese. zod's zh-CN locale leaves type names,
// origins and regular expressions in English ("期望 数字，实际接收 string", "期望 number >0"), so the server
// words them itself; a schema's own `error` still comes first.
z.config({ localeError: chineseMessage });

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '是或否',
  array: '列表',
  object: '一组字段',
  date: '日期',
  file: '文件',
};
const SIZE_UNITS: Record<string, string> = { string: '个字符', array: '项', set: '项', file: '字节' };

type Issue = Parameters<NonNullable<z.core.$ZodConfig['localeError']>>[0];

/** One Chinese sentence per zod issue, without English type names, values or patterns. */
export function chineseMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return '必填';
      return `应为${TYPE_NAMES[issue.expected] ?? '正确的类型'}`;
    case 'too_small': {
      const min = Number(issue.minimum);
      const unit = SIZE_UNITS[issue.origin];
      if (unit && min === 1 && issue.inclusive !== false) return '不能为空';
      if (unit) return `至少${min}${unit}`;
      if (issue.origin === 'date') return `不能早于${new Date(min).toISOString().slice(0, 10)}`;
      return issue.inclusive ? `不能小于${min}` : `应大于${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      const unit = SIZE_UNITS[issue.origin];
      if (unit) return `不能超过${max}${unit}`;
      if (issue.origin === 'date') return `不能晚于${new Date(max).toISOString().slice(0, 10)}`;
      return issue.inclusive ? `不能大于${max}` : `应小于${max}`;
    }
    case 'not_multiple_of':
      return `应为${String(issue.divisor)}的倍数`;
    case 'invalid_format':
      return issue.format === 'email' ? '电子邮箱格式不正确' : '格式不正确';
    case 'invalid_value':
      return '取值不在允许的范围内';
    case 'unrecognized_keys':
      return '含有不允许的字段';
    default:
      return '内容无效';
  }
}

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
