import { z } from 'zod';
import { isKnownRegion } from '../reference/regions';
import { mobileSchema } from '../rules/forms';
import { abilitiesSchema, pageOf, pageQuerySchema, numeric } from './common';

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, { error: min > 1 ? `${label}至少${min}个字` : `请填写${label}` })
    .max(max, { error: `${label}不能超过${max}个字` })
    .meta({ label });

/** 甲方单位 (manual §02 添加甲方: 甲方名称, 所属城市 省/市/区, 详细地址). */
export const clientInputSchema = z
  .object({
    name: text('甲方名称', 2, 200),
    province: text('省', 1, 40),
    city: text('市', 1, 40),
    district: text('区', 1, 40),
    address: text('详细地址', 2, 300),
  })
  .superRefine((v, ctx) => {
    if (!isKnownRegion(v.province, v.city, v.district))
      ctx.addIssue({
        code: 'custom',
        path: ['district'],
        message: '所属城市的省、市、区不匹配，请从列表中选择',
      });
  });
export type ClientInput = z.infer<typeof clientInputSchema>;

/** 甲方联系人: name, mobile (validated), position. */
export const clientContactInputSchema = z.object({
  name: text('联系人姓名', 1, 60),
  mobile: mobileSchema.meta({ label: '手机号码' }),
  position: z.string().trim().max(60, { error: '职务不能超过60个字' }).default('').meta({ label: '职务' }),
});
export type ClientContactInput = z.infer<typeof clientContactInputSchema>;

export const clientListQuerySchema = pageQuerySchema.extend({
  name: z.string().max(200).optional().meta({ label: '名称' }),
  institutionId: numeric(z.number().int().positive()).optional().meta({ label: '机构' }),
});

export const clientContactParamsSchema = z.object({
  id: numeric(z.number().int().positive()).meta({ label: '编号' }),
  contactId: numeric(z.number().int().positive()).meta({ label: '甲方联系人' }),
});

export const clientContactViewSchema = z.object({
  id: z.number().int(),
  clientId: z.number().int(),
  name: z.string(),
  mobile: z.string(),
  position: z.string(),
});
export type ClientContactView = z.infer<typeof clientContactViewSchema>;

export const clientViewSchema = z.object({
  id: z.number().int(),
  institutionId: z.number().int(),
  name: z.string(),
  province: z.string(),
  city: z.string(),
  district: z.string(),
  cityLabel: z.string(),
  address: z.string(),
  contacts: z.array(clientContactViewSchema).optional(),
  abilities: abilitiesSchema.optional(),
});
export type ClientView = z.infer<typeof clientViewSchema>;
export const clientListSchema = pageOf(clientViewSchema);
