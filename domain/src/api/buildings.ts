import { z } from 'zod';
import { abilitiesSchema, numeric } from './common';

export const WATER_SUPPLY_KINDS = ['fire_pool', 'fire_tank'] as const;
export type WaterSupplyKind = (typeof WATER_SUPPLY_KINDS)[number];
export const waterSupplyKindLabels: Record<WaterSupplyKind, string> = {
  fire_pool: '消防水池',
  fire_tank: '消防水箱',
};

const area = (label: string) =>
  numeric(
    z
      .number({ error: `请填写${label}` })
      .min(0, { error: `${label}不能小于0` })
      .max(10_000_000),
  ).meta({ label });
const floors = (label: string) =>
  numeric(
    z
      .number({ error: `请填写${label}` })
      .int({ error: `${label}应为整数` })
      .min(0, { error: `${label}不能小于0` })
      .max(300, { error: `${label}不能超过300` }),
  ).meta({ label });

/**
 * 建筑物信息录入 (manual §03). The area sum (建筑面积 = 地上 + 地下) is checked by the domain rule
 * `checkBuildingArea` on the server, so the message is the same wherever buildings are entered.
 */
export const buildingInputSchema = z.object({
  name: z
    .string({ error: '请填写建筑名称' })
    .trim()
    .min(1, { error: '请填写建筑名称' })
    .max(100, { error: '建筑名称不能超过100个字' })
    .meta({ label: '名称' }),
  aboveGroundArea: area('地上面积'),
  belowGroundArea: area('地下面积'),
  totalArea: area('建筑面积'),
  aboveGroundFloors: floors('地上层数'),
  belowGroundFloors: floors('地下层数'),
  height: numeric(
    z
      .number({ error: '请填写建筑高度' })
      .min(0, { error: '建筑高度不能小于0' })
      .max(1000, { error: '建筑高度不能超过1000米' })
      .meta({ label: '建筑高度' }),
  ),
  useFunction: z
    .string({ error: '请填写使用功能' })
    .trim()
    .min(1, { error: '请填写使用功能' })
    .max(100, { error: '使用功能不能超过100个字' })
    .meta({ label: '使用功能' }),
  waterSupplies: z
    .array(
      z.object({
        kind: z
          .enum(WATER_SUPPLY_KINDS, { error: '供水设施只能是消防水池或消防水箱' })
          .meta({ label: '类别' }),
        location: z
          .string({ error: '请填写供水设施位置' })
          .trim()
          .min(1, { error: '请填写供水设施位置' })
          .max(100)
          .meta({ label: '位置' }),
        capacity: numeric(
          z
            .number({ error: '请填写容量（立方米）' })
            .positive({ error: '容量（立方米）应大于0' })
            .max(100_000),
        ).meta({ label: '容量（立方米）' }),
      }),
    )
    .max(20)
    .default([])
    .meta({ label: '供水设施' }),
  remark: z.string().trim().max(500, { error: '备注不能超过500个字' }).default('').meta({ label: '备注' }),
});
export type BuildingInput = z.infer<typeof buildingInputSchema>;

export const buildingParamsSchema = z.object({
  id: numeric(z.number().int().positive()).meta({ label: '编号' }),
  buildingId: numeric(z.number().int().positive()).meta({ label: '建筑物编号' }),
});

/** A building as shown, with what the actor may do with it. */
export const buildingViewSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  name: z.string(),
  totalArea: z.number(),
  aboveGroundArea: z.number(),
  belowGroundArea: z.number(),
  aboveGroundFloors: z.number().int(),
  belowGroundFloors: z.number().int(),
  height: z.number(),
  useFunction: z.string(),
  waterSupplies: z.array(
    z.object({
      kind: z.enum(WATER_SUPPLY_KINDS),
      kindLabel: z.string(),
      location: z.string(),
      capacity: z.number(),
    }),
  ),
  remark: z.string(),
  abilities: abilitiesSchema,
});
export type BuildingView = z.infer<typeof buildingViewSchema>;

/** 项目的建筑物 and their total area. */
export const buildingListSchema = z.object({
  projectId: z.number().int(),
  siteName: z.string(),
  totalArea: z.number(),
  items: z.array(buildingViewSchema),
  /** create: this account may add buildings to the project (新建), the same rule as changing them. */
  abilities: abilitiesSchema,
});
export type BuildingList = z.infer<typeof buildingListSchema>;
