import { z } from 'zod';
import { projectMachine } from '../workflow/project';
import type { StateOf } from '../workflow/machine';
import { usccOrNullSchema } from '../rules/forms';
import { abilitiesSchema, isoDate, pageOf, pageQuerySchema, numeric } from './common';
import { COORDINATE_SYSTEMS, latSchema, lngSchema } from './institutions';

export const PROJECT_KINDS = ['testing', 'maintenance'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];
export const projectKindLabels: Record<ProjectKind, string> = { testing: '检测', maintenance: '维保' };

/** 进行中 / 已完成 / 已注销 (testing) / 已终止 (maintenance). */
export const PROJECT_STATUSES = [
  'in_progress',
  'completed',
  'cancelled',
  'terminated',
] as const satisfies readonly ProjectStatus[];
export type ProjectStatus = StateOf<typeof projectMachine>;
export const projectStatusLabels: Record<ProjectStatus, string> = projectMachine.states;

/** 检测类型 as printed on the testing report. */
export const TESTING_TYPES = ['annual', 'other_testing', 'completion', 'other'] as const;
export type TestingType = (typeof TESTING_TYPES)[number];
export const testingTypeLabels: Record<TestingType, string> = {
  annual: '年度检测',
  other_testing: '其他检测',
  completion: '竣工检测',
  other: '其他',
};

/** Contract attachments: the scope page (检测/维保范围页) is the one the manual requires. */
export const ATTACHMENT_KINDS = ['testing_scope', 'maintenance_scope', 'contract', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export const attachmentKindLabels: Record<AttachmentKind, string> = {
  testing_scope: '检测范围页',
  maintenance_scope: '维保范围页',
  contract: '合同正文',
  other: '其他',
};

const id = (what: string) =>
  numeric(
    z
      .number({ error: `请选择${what}` })
      .int({ error: `请选择${what}` })
      .positive({ error: `请选择${what}` }),
  ).meta({ label: what });
/** Labelled on the schema: the shared fallback map names another `clientId` (the work log's). */
const clientIdField = id('甲方单位').meta({ label: '甲方单位' });
const optionalId = numeric(z.number().int().positive()).nullable().optional();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为YYYY-MM' });

export const attachmentsSchema = z
  .array(
    z.object({
      fileId: id('附件文件'),
      kind: z
        .enum(ATTACHMENT_KINDS, { error: '附件类别只能是检测范围页、维保范围页、合同正文或其他' })
        .meta({ label: '类别' }),
    }),
    { error: '请上传合同附件' },
  )
  .max(30, { error: '合同附件不能超过30个' });

/**
 * The site fields shared by testing and maintenance projects (manual §02/§03 录入项目). Jurisdiction and
 * address may be left out when a social unit is chosen: the server fills them from the unit.
 */
const siteFields = {
  siteName: z
    .string({ error: '请填写项目场所名称' })
    .trim()
    .min(2, { error: '项目场所名称至少2个字' })
    .max(200, { error: '项目场所名称不能超过200个字' })
    .meta({ label: '项目场所名称' }),
  socialUnitId: optionalId.meta({ label: '项目场所消防安全等级标注' }),
  registryProjectId: optionalId.meta({ label: '关联双随机项目' }),
  siteUscc: usccOrNullSchema.optional().meta({ label: '项目场所统一社会信用代码' }),
  detachmentId: optionalId.meta({ label: '支队' }),
  province: z.string().trim().max(40).optional().meta({ label: '省' }),
  city: z.string().trim().max(40).optional().meta({ label: '市' }),
  district: z.string().trim().max(40).optional().meta({ label: '区' }),
  address: z
    .string()
    .trim()
    .max(300, { error: '详细地址不能超过300个字' })
    .optional()
    .meta({ label: '地址' }),
  projectLeadAccountId: id('项目负责人'),
};

export const testingProjectInputSchema = z.object({
  ...siteFields,
  clientId: clientIdField,
  contactId: id('甲方联系人').meta({ label: '甲方联系人' }),
  signedOn: isoDate.meta({ label: '签订日期' }),
  contractStart: isoDate.meta({ label: '合同开始日期' }),
  contractEnd: isoDate.meta({ label: '合同结束日期' }),
  testingType: z
    .enum(TESTING_TYPES, { error: '检测类型只能是年度检测、其他检测、竣工检测或其他' })
    .meta({ label: '检测类型' }),
  scope: z
    .array(z.string().trim().min(1).max(100), { error: '请选择检测范围（合同约定的消防系统）' })
    .min(1, { error: '请选择检测范围（合同约定的消防系统）' })
    .max(60)
    .meta({ label: '检测范围' }),
  attachments: attachmentsSchema.meta({ label: '合同附件' }),
});
export type TestingProjectInput = z.infer<typeof testingProjectInputSchema>;

export const maintenanceContractInputSchema = z.object({
  clientId: clientIdField,
  contactId: id('甲方联系人').meta({ label: '甲方联系人' }),
  signedOn: isoDate.meta({ label: '签订日期' }),
  contractStart: isoDate.meta({ label: '合同开始日期' }),
  contractEnd: isoDate.meta({ label: '合同结束日期' }),
  attachments: attachmentsSchema.meta({ label: '合同附件' }),
});
export type MaintenanceContractInput = z.infer<typeof maintenanceContractInputSchema>;

export const maintenanceProjectInputSchema = z.object({
  ...siteFields,
  contractId: id('维保合同').meta({ label: '维保合同' }),
  firstMonth: month.meta({ label: '首次维保月份' }),
  lastMonth: month.meta({ label: '末次维保月份' }),
  maintenanceCount: numeric(
    z
      .number({ error: '请填写维保总次数' })
      .int({ error: '维保总次数应为整数' })
      .min(1, { error: '维保总次数至少为1' })
      .meta({ label: '维保总次数' }),
  ),
});
export type MaintenanceProjectInput = z.infer<typeof maintenanceProjectInputSchema>;

/** 注销 / 终止: irreversible, with the reason. */
export const endProjectSchema = z.object({
  reason: z
    .string({ error: '请填写原因' })
    .trim()
    .min(2, { error: '原因至少2个字' })
    .max(500, { error: '原因不能超过500个字' })
    .meta({ label: '原因' }),
});

export const projectListQuerySchema = pageQuerySchema.extend({
  name: z.string().max(200).optional().meta({ label: '名称' }),
  clientName: z.string().max(200).optional().meta({ label: '甲方名称' }),
  province: z.string().max(40).optional().meta({ label: '省' }),
  city: z.string().max(40).optional().meta({ label: '市' }),
  status: z.enum(PROJECT_STATUSES).optional().meta({ label: '状态' }),
  kind: z.enum(PROJECT_KINDS).optional().meta({ label: '类别' }),
  detachmentId: numeric(z.number().int().positive()).optional().meta({ label: '支队' }),
  institutionId: numeric(z.number().int().positive()).optional().meta({ label: '机构' }),
  contractId: numeric(z.number().int().positive()).optional().meta({ label: '维保合同' }),
});

export const maintenanceContractListQuerySchema = pageQuerySchema.extend({
  clientName: z.string().max(200).optional().meta({ label: '甲方名称' }),
  institutionId: numeric(z.number().int().positive()).optional().meta({ label: '机构' }),
});

/** 项目位置 (地理围栏): the centre and a radius of 50–2000 m, 300 m unless given. */
export const GEOFENCE_RADIUS_MIN = 50;
export const GEOFENCE_RADIUS_MAX = 2000;
export const GEOFENCE_RADIUS_DEFAULT = 300;
/** Moving a marked centre further than this raises a red flag (manual 创新特点 5). */
export const GEOFENCE_MOVE_FLAG_METRES = 500;

export const geofenceInputSchema = z.object({
  lng: lngSchema.meta({ label: '经度' }),
  lat: latSchema.meta({ label: '纬度' }),
  crs: z
    .enum(COORDINATE_SYSTEMS, { error: '坐标系只能是GCJ02或WGS84' })
    .default('GCJ02')
    .meta({ label: '坐标系' }),
  radius: numeric(
    z
      .number({ error: '围栏半径应为数字' })
      .int({ error: '围栏半径应为整数米' })
      .min(GEOFENCE_RADIUS_MIN, { error: `围栏半径应为${GEOFENCE_RADIUS_MIN}～${GEOFENCE_RADIUS_MAX}米` })
      .max(GEOFENCE_RADIUS_MAX, { error: `围栏半径应为${GEOFENCE_RADIUS_MIN}～${GEOFENCE_RADIUS_MAX}米` })
      .meta({ label: '围栏半径' }),
  ).default(GEOFENCE_RADIUS_DEFAULT),
});
export type GeofenceInput = z.infer<typeof geofenceInputSchema>;

/** 消防系统 of a maintenance project: facilities of the pinned edition's maintenance catalog. */
export const fireSystemSelectionSchema = z.object({
  facilityIds: z
    .array(z.string().trim().min(1).max(60), { error: '请勾选合同约定需要维保的消防设施' })
    .min(1, { error: '请勾选合同约定需要维保的消防设施' })
    .max(500)
    .meta({ label: '消防设施' }),
});

/** 在线执业覆盖率 by institution, a page at a time like the other lists (500 institutions do not fit one answer). */
export const coverageListQuerySchema = pageQuerySchema.extend({
  name: z.string().max(200).optional().meta({ label: '名称' }),
});

// ---- responses -----------------------------------------------------------------------------------------

const idNum = z.number().int();
const nullableId = idNum.nullable();

export const attachmentViewSchema = z.object({
  fileId: idNum,
  kind: z.enum(ATTACHMENT_KINDS),
  kindLabel: z.string(),
  url: z.string(),
});

export const geofenceViewSchema = z.object({
  lng: z.number(),
  lat: z.number(),
  crs: z.string().nullable(),
  radius: z.number().nullable(),
  input: z.object({ lng: z.number().nullable(), lat: z.number().nullable(), crs: z.string().nullable() }),
  markedAt: z.string(),
});
export type GeofenceView = z.infer<typeof geofenceViewSchema>;

/** A project row of the lists (项目列表, 合同对应项目), with what the actor may do with it. */
export const projectRowSchema = z.object({
  id: idNum,
  kind: z.enum(PROJECT_KINDS),
  kindLabel: z.string(),
  siteName: z.string(),
  institutionId: idNum,
  institutionName: z.string().nullable(),
  contractId: nullableId,
  clientId: idNum,
  clientName: z.string().nullable(),
  contact: z.object({ id: idNum, name: z.string(), mobile: z.string(), position: z.string() }).nullable(),
  province: z.string(),
  city: z.string(),
  district: z.string(),
  cityLabel: z.string(),
  address: z.string(),
  detachmentId: idNum,
  detachmentName: z.string().nullable(),
  signedOn: z.string(),
  contractStart: z.string(),
  contractEnd: z.string(),
  directReportUpload: z.boolean(),
  directReportUploadLabel: z.string(),
  projectLeadAccountId: idNum,
  projectLeadName: z.string().nullable(),
  buildingCount: idNum,
  buildingsAdded: z.boolean(),
  buildingsAddedLabel: z.string(),
  fireSystemsAdded: z.boolean(),
  fireSystemsAddedLabel: z.string(),
  geofenceMarked: z.boolean(),
  geofenceMarkedLabel: z.string(),
  status: z.enum(PROJECT_STATUSES),
  statusLabel: z.string(),
  editionId: z.string(),
  abilities: abilitiesSchema,
});
export type ProjectRow = z.infer<typeof projectRowSchema>;
export const projectListSchema = pageOf(projectRowSchema);

/** One project with everything the edit form and later modules need. */
export const projectDetailSchema = projectRowSchema.extend({
  siteUscc: z.string(),
  socialUnit: z
    .object({ id: idNum, name: z.string(), safetyLevel: z.string(), address: z.string() })
    .nullable(),
  socialUnitLabel: z.string(),
  registryProject: z.object({ id: idNum, externalId: z.string(), socialUnitName: z.string() }).nullable(),
  registryProjectLabel: z.string(),
  testingType: z.enum(TESTING_TYPES).nullable(),
  testingTypeLabel: z.string().nullable(),
  scope: z.array(z.string()).nullable(),
  attachments: z.array(attachmentViewSchema),
  firstMonth: z.string().nullable(),
  lastMonth: z.string().nullable(),
  maintenanceCount: z.number().int().nullable(),
  fireSystemFacilityIds: z.array(z.string()),
  geofence: geofenceViewSchema.nullable(),
  ended: z
    .object({
      reason: z.string().nullable(),
      byAccountId: nullableId,
      byName: z.string().nullable(),
      at: z.string(),
    })
    .nullable(),
  createdAt: z.string(),
});
export type ProjectDetail = z.infer<typeof projectDetailSchema>;

export const geofenceResultSchema = z.object({
  geofence: geofenceViewSchema.nullable(),
  movedMetres: z.number().int(),
  flagged: z.boolean(),
});
export type GeofenceResult = z.infer<typeof geofenceResultSchema>;

const selectable = { id: z.string(), name: z.string(), selected: z.boolean() };
/** 消防系统录入: the pinned edition's 系统 › 分类 › 设施 with the selection marked. */
export const fireSystemsViewSchema = z.object({
  editionId: z.string(),
  added: z.boolean(),
  systems: z.array(
    z.object({
      ...selectable,
      categories: z.array(z.object({ ...selectable, facilities: z.array(z.object(selectable)) })),
    }),
  ),
});
export type FireSystemsView = z.infer<typeof fireSystemsViewSchema>;

/** 维保合同 as listed, with what the actor may do with it. */
export const maintenanceContractViewSchema = z.object({
  id: idNum,
  institutionId: idNum,
  clientId: idNum,
  clientName: z.string().nullable(),
  contact: z.object({ id: idNum, name: z.string(), mobile: z.string() }).nullable(),
  signedOn: z.string(),
  contractStart: z.string(),
  contractEnd: z.string(),
  attachments: z.array(attachmentViewSchema),
  projectCount: idNum,
  abilities: abilitiesSchema,
});
export type MaintenanceContractView = z.infer<typeof maintenanceContractViewSchema>;
export const maintenanceContractListSchema = pageOf(maintenanceContractViewSchema);
export const maintenanceContractDetailSchema = maintenanceContractViewSchema.extend({
  projects: z.array(projectRowSchema),
});
export type MaintenanceContractDetail = z.infer<typeof maintenanceContractDetailSchema>;

const coverageCountsSchema = z.object({
  total: idNum,
  linked: idNum,
  rate: z.number().nullable(),
  rateLabel: z.string(),
});

/** 在线执业覆盖率 of one institution, with the registry projects not yet linked. */
export const institutionCoverageSchema = z.object({
  institutionId: idNum,
  institutionName: z.string(),
  ...coverageCountsSchema.shape,
  byKind: z.object({ maintenance: coverageCountsSchema, testing: coverageCountsSchema }),
  unlinked: z.array(
    z.object({
      id: idNum,
      externalId: z.string(),
      kind: z.enum(PROJECT_KINDS),
      kindLabel: z.string(),
      socialUnitName: z.string(),
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
    }),
  ),
});
export type InstitutionCoverage = z.infer<typeof institutionCoverageSchema>;

/** One page of institutions; the summary counts every institution the search matches, not only this page's. */
export const coverageListSchema = pageOf(
  institutionCoverageSchema.omit({ unlinked: true }).extend({ unlinkedCount: idNum }),
).extend({
  summary: z.object({ total: idNum, linked: idNum, rate: z.number().nullable() }),
});
