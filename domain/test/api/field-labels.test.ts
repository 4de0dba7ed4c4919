import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldName, labelledMessage, schemaLabel } from '../../src/api/field-labels';

const schema = z.object({
  clientName: z.string().meta({ label: '甲方名称' }),
  totalArea: z.coerce.number().min(0).optional().meta({ label: '建筑面积' }),
  area: z.number().meta({ label: '面积' }).nullable().default(null),
  buildings: z
    .array(z.object({ name: z.string().meta({ label: '名称' }), height: z.number() }))
    .meta({ label: '建筑物' }),
  address: z.object({
    city: z
      .string()
      .transform((s) => s.trim())
      .meta({ label: '市' }),
  }),
  either: z.union([z.object({ a: z.string().meta({ label: '甲' }) }), z.object({ b: z.string() })]),
});

describe('field labels on the schemas', () => {
  it('reads the label through wrappers, nesting, lists and unions', () => {
    expect(schemaLabel(schema, ['clientName'])).toBe('甲方名称');
    expect(schemaLabel(schema, ['totalArea'])).toBe('建筑面积');
    expect(schemaLabel(schema, ['area'])).toBe('面积');
    expect(schemaLabel(schema, ['address', 'city'])).toBe('市');
    expect(schemaLabel(schema, ['either', 'a'])).toBe('甲');
    expect(schemaLabel(schema, ['either', 'b'])).toBeUndefined();
  });

  it('names list items by position and falls back to the map, then the key', () => {
    expect(fieldName(schema, ['buildings', 1, 'name'])).toBe('建筑物第2项的名称');
    expect(fieldName(schema, ['buildings', 0, 'height'], (k) => ({ height: '高度' })[k])).toBe(
      '建筑物第1项的高度',
    );
    expect(fieldName(schema, ['buildings', 0, 'height'])).toBe('建筑物第1项的height');
    expect(fieldName(schema, [])).toBeUndefined();
  });

  it('writes 中文名：规则 without the key and without repeating the name', () => {
    expect(labelledMessage('建筑面积', '不能小于0')).toBe('建筑面积：不能小于0');
    expect(labelledMessage('计划对应日期', '计划对应日期：月份格式应为YYYY-MM')).toBe(
      '计划对应日期：月份格式应为YYYY-MM',
    );
    const issue = schema
      .safeParse({ clientName: 'x', totalArea: -1 })
      .error!.issues.find((i) => i.path[0] === 'totalArea')!;
    expect(labelledMessage(fieldName(schema, issue.path), issue.message)).toMatch(/^建筑面积：/);
    expect(labelledMessage(fieldName(schema, issue.path), issue.message)).not.toContain('totalArea');
  });
});
