import { z } from 'zod';
import { isValidDate } from '../rules/dates';
import type { StandardEdition } from './types';

/** Zod schema of a brigade-uploaded edition (JSON); messages are Chinese and name the rule. */

const text = (label: string) =>
  z
    .string({ error: `${label}必须是文本` })
    .trim()
    .min(1, { error: `${label}不能为空` });

const strict = <T extends z.ZodRawShape>(shape: T, label: string) =>
  z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `${label}含有不认识的字段：${(iss as { keys: string[] }).keys.join('、')}`
        : `${label}应为对象`,
  });

const confidence = z.enum(['H', 'M', 'L'], { error: '可信度应为 H、M 或 L' });

export const sourceRefSchema = strict(
  {
    standard: text('依据标准'),
    clause: z.string({ error: '条款必须是文本' }).optional(),
    confidence,
    note: z.string({ error: '说明必须是文本' }).optional(),
  },
  '依据',
);

const periodSchema = z.enum(['month', 'quarter', 'year'], {
  error: '周期应为 month、quarter 或 year（月、季、年）',
});

export const checkPromptSchema = strict(
  {
    id: text('提示编号'),
    text: text('提示内容'),
    options: z
      .array(text('选项'), { error: '选项应为文本列表' })
      .min(2, { error: '选项至少需要2个（例如 能/不能）' }),
    conformingOption: z.string({ error: '符合选项必须是文本' }).optional(),
  },
  '检查提示',
).refine((p) => p.conformingOption === undefined || p.options.includes(p.conformingOption), {
  error: '符合选项必须是选项之一',
  path: ['conformingOption'],
});

export const maintenanceContentLineSchema = strict(
  {
    id: text('内容编号'),
    letter: text('序号字母'),
    text: text('维保内容'),
    period: periodSchema,
    prompts: z.array(checkPromptSchema, { error: '检查提示应为列表' }),
    conformityStandard: text('合格标准'),
    source: sourceRefSchema,
  },
  '维保内容',
);

export const maintenanceFacilitySchema = strict(
  {
    id: text('设施编号'),
    name: text('设施名称'),
    lines: z
      .array(maintenanceContentLineSchema, { error: '维保内容应为列表' })
      .min(1, { error: '设施至少需要一条维保内容' }),
  },
  '设施',
);

export const maintenanceCategorySchema = strict(
  {
    id: text('分类编号'),
    name: text('分类名称'),
    facilities: z
      .array(maintenanceFacilitySchema, { error: '设施应为列表' })
      .min(1, { error: '分类至少需要一个设施' }),
  },
  '分类',
);

export const maintenanceSystemSchema = strict(
  {
    id: text('系统编号'),
    name: text('系统名称'),
    gb25201Code: z
      .string({ error: 'GB 25201 系统编号必须是文本' })
      .regex(/^(0[1-9]|1[0-8])$/, { error: 'GB 25201 系统编号应为01–18' })
      .optional(),
    categories: z
      .array(maintenanceCategorySchema, { error: '分类应为列表' })
      .min(1, { error: '系统至少需要一个分类' }),
  },
  '维保系统',
);

const finite = (label: string) =>
  z.number({ error: `${label}必须是数字` }).refine(Number.isFinite, { error: `${label}必须是有限数字` });

export const measuredLimitSchema = strict(
  {
    quantity: text('测量量'),
    unit: text('单位'),
    min: finite('下限').optional(),
    max: finite('上限').optional(),
  },
  '测量要求',
)
  .refine((m) => m.min !== undefined || m.max !== undefined, {
    error: '测量要求至少需要下限或上限之一',
    path: ['max'],
  })
  .refine((m) => m.min === undefined || m.max === undefined || m.min <= m.max, {
    error: '下限不能大于上限',
    path: ['min'],
  });

export const testItemSchema = strict(
  {
    id: text('检测项编号'),
    name: text('检测项名称'),
    class: z.enum(['A', 'B', 'C'], { error: '类别应为 A、B 或 C' }),
    method: text('检测方法'),
    requirement: text('技术要求'),
    measured: measuredLimitSchema.optional(),
    source: sourceRefSchema,
  },
  '检测项',
);

export const testSubItemSchema = strict(
  {
    id: text('子项编号'),
    name: text('子项名称'),
    items: z.array(testItemSchema, { error: '检测项应为列表' }).min(1, { error: '子项至少需要一个检测项' }),
  },
  '子项',
);

const countLimit = (label: string) =>
  z
    .number({ error: `${label}必须是数字或 null` })
    .int({ error: `${label}必须是整数` })
    .min(0, { error: `${label}不能为负数` });

export const singleItemRuleSchema = strict(
  {
    aMax: countLimit('A类上限'),
    bMax: countLimit('B类上限').nullable(),
    cMax: countLimit('C类上限').nullable(),
    bcMax: countLimit('B+C上限').nullable(),
    bcShareMax: z
      .number({ error: 'B+C占比上限必须是数字或 null' })
      .gt(0, { error: 'B+C占比上限应大于0' })
      .lt(1, { error: 'B+C占比上限应小于1（例如 0.05 表示5%）' })
      .nullable(),
    source: sourceRefSchema,
  },
  '单项判定规则',
);

export const testSingleItemSchema = strict(
  {
    code: text('单项编号'),
    name: text('单项名称'),
    systems: z.array(text('对应维保系统'), { error: '对应维保系统应为文本列表' }),
    rule: singleItemRuleSchema.optional(),
    subItems: z.array(testSubItemSchema, { error: '子项应为列表' }).min(1, { error: '单项至少需要一个子项' }),
  },
  '检测单项',
);

export const standardEditionSchema = strict(
  {
    id: text('版本编号'),
    title: text('版本标题'),
    effectiveDate: z
      .string({ error: '生效日期必须是文本' })
      .refine(isValidDate, { error: '生效日期应为有效的YYYY-MM-DD日期' }),
    sources: z
      .array(text('依据标准'), { error: '依据标准应为文本列表' })
      .min(1, { error: '至少需要一项依据标准' }),
    maintenance: z.array(maintenanceSystemSchema, { error: '维保系统应为列表' }),
    testing: z.array(testSingleItemSchema, { error: '检测单项应为列表' }),
    defaultSingleItemRule: singleItemRuleSchema,
  },
  '版本',
);

// Compile-time guarantee that the schema produces the catalog types.
type Parsed = z.output<typeof standardEditionSchema>;
const _sameShape: (p: Parsed) => StandardEdition = (p) => p;
void _sameShape;
