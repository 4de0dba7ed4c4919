import { z } from 'zod';
import { isValidUscc, MOBILE_PATTERN } from '../rules/forms';
import { isValidDate } from '../rules/dates';
import { DETACHMENT_CODES } from '../reference/index';

/**
 * Records of the two external registries as this system receives them, whatever the source
 * (Excel workbook or JSON feed). Both parsers end in `validateMinistryRows` / `validateInspectionRows`,
 * so a row is judged by the same rules however it arrived.
 */

// ——— Codes and their Chinese labels ———

export const SERVICE_TYPES = ['maintenance_testing', 'safety_assessment'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];
export const serviceTypeLabels: Record<ServiceType, string> = {
  maintenance_testing: '消防设施维护保养检测',
  safety_assessment: '消防安全评估',
};

export const PUBLICITY_STATUSES = ['effective', 'not_effective'] as const;
export type PublicityStatus = (typeof PUBLICITY_STATUSES)[number];
export const publicityStatusLabels: Record<PublicityStatus, string> = {
  effective: '公示生效',
  not_effective: '未生效',
};

export const PERSON_POSTS = ['technical_lead', 'project_lead', 'operator', 'other'] as const;
export type PersonPost = (typeof PERSON_POSTS)[number];
export const personPostLabels: Record<PersonPost, string> = {
  technical_lead: '技术负责人',
  project_lead: '项目负责人',
  operator: '操作员',
  other: '其他',
};

export const OPERATOR_GRADES = [
  'junior',
  'intermediate',
  'senior',
  'technician',
  'senior_technician',
] as const;
export type OperatorGrade = (typeof OPERATOR_GRADES)[number];
export const operatorGradeLabels: Record<OperatorGrade, string> = {
  junior: '初级',
  intermediate: '中级',
  senior: '高级',
  technician: '技师',
  senior_technician: '高级技师',
};

export const engineerLevelLabels: Record<1 | 2, string> = { 1: '一级', 2: '二级' };

export const SAFETY_LEVELS = ['火灾高危单位', '消防安全重点单位', '一般单位', '九小场所'] as const;
export type SafetyLevel = (typeof SAFETY_LEVELS)[number];

export const REGISTRY_PROJECT_KINDS = ['maintenance', 'testing'] as const;
export type RegistryProjectKind = (typeof REGISTRY_PROJECT_KINDS)[number];
export const registryProjectKindLabels: Record<RegistryProjectKind, string> = {
  maintenance: '维保',
  testing: '检测',
};

// ——— 居民身份证号码 (GB 11643-1999) ———

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

export function idNumberCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARS[sum % 11]!;
}

/** 18 characters: 6-digit region, 8-digit birth date (a real date from 1900 on), 3-digit sequence, check character. */
export function isValidIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isValidDate(birth) || birth < '1900-01-01') return false;
  return idNumberCheckChar(value.slice(0, 17)) === value[17];
}

/** Make a valid ID number from its first 17 digits (demo data and tests). */
export function completeIdNumber(first17: string): string {
  const c = idNumberCheckChar(first17);
  if (!c) throw new Error(`invalid ID number prefix ${first17}`);
  return first17 + c;
}

// ——— Schemas ———

/** Absent and wrong-typed values get different messages. */
const textTypeError = (label: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `${label}不能为空` : `${label}必须是文本`;
const text = (label: string, max = 200) =>
  z
    .string({ error: textTypeError(label) })
    .trim()
    .min(1, { error: `${label}不能为空` })
    .max(max, { error: `${label}不能超过${max}个字` });
const optionalText = (label: string, max = 200) =>
  z
    .string({ error: `${label}必须是文本` })
    .trim()
    .max(max, { error: `${label}不能超过${max}个字` })
    .transform((v) => (v ? v : undefined))
    .optional();
const date = (label: string) =>
  z
    .string({ error: textTypeError(label) })
    .refine(isValidDate, { error: `${label}应为有效日期，格式YYYY-MM-DD` });
/** A missing value says so; a wrong one lists what is allowed. */
const choiceError = (label: string, labels: readonly string[]) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `${label}不能为空` : `${label}应为：${labels.join('、')}`;
const oneOf = <T extends readonly [string, ...string[]]>(
  values: T,
  label: string,
  labels: readonly string[],
) => z.enum(values, { error: choiceError(label, labels) });

const uscc = (label: string) =>
  z
    .string({ error: textTypeError(label) })
    .trim()
    .toUpperCase()
    .refine((v) => isValidUscc(v), { error: `${label}应为18位且校验位正确` });
const usccOrNull = (label: string) =>
  z
    .string({ error: textTypeError(label) })
    .trim()
    .toUpperCase()
    .refine((v) => isValidUscc(v, { allowNull: true }), {
      error: `${label}应为18位且校验位正确；民办非企业没有代码时填NULL`,
    });

export const ministryInstitutionSchema = z.object({
  uscc: uscc('统一社会信用代码'),
  name: text('机构名称'),
  registeredAddress: text('工商注册地址', 300),
  province: text('省', 20),
  city: text('市', 20),
  district: text('区', 20),
  serviceTypes: z
    .array(oneOf(SERVICE_TYPES, '服务类型', Object.values(serviceTypeLabels)), { error: '服务类型不能为空' })
    .min(1, { error: '服务类型不能为空' })
    // one canonical order, so that a reordered list is not reported as a change
    .transform((list) => SERVICE_TYPES.filter((t) => list.includes(t))),
  publicityStatus: oneOf(PUBLICITY_STATUSES, '公示状态', Object.values(publicityStatusLabels)),
  legalRepresentative: optionalText('法定代表人', 50),
  premisesArea: z
    .number({ error: '经营场所面积必须是数字' })
    .positive({ error: '经营场所面积应大于0' })
    .max(1_000_000, { error: '经营场所面积不能超过1000000平方米' })
    .optional(),
});
export type MinistryInstitutionRecord = z.output<typeof ministryInstitutionSchema>;

const registeredEngineerSchema = z
  .object({
    level: z.union([z.literal(1), z.literal(2)], {
      error: choiceError('注册级别', Object.values(engineerLevelLabels)),
    }),
    registrationNumber: text('注册号', 40),
    validFrom: date('注册有效期起'),
    validTo: date('注册有效期止'),
  })
  .refine((r) => !isValidDate(r.validFrom) || !isValidDate(r.validTo) || r.validFrom <= r.validTo, {
    error: '注册有效期止不能早于注册有效期起',
    path: ['validTo'],
  });

const operatorCertificateSchema = z.object({
  number: text('操作员证书编号', 40),
  grade: oneOf(OPERATOR_GRADES, '操作员证书等级', Object.values(operatorGradeLabels)),
  validTo: date('操作员证书有效期至').optional(),
});

export const ministryPersonSchema = z.object({
  idNumber: z
    .string({ error: textTypeError('身份证号') })
    .trim()
    .toUpperCase()
    .refine(isValidIdNumber, { error: '身份证号应为18位，出生日期有效且校验位正确' }),
  name: text('姓名', 50),
  institutionUscc: uscc('所属机构统一社会信用代码'),
  post: oneOf(PERSON_POSTS, '岗位', Object.values(personPostLabels)),
  mobile: z
    .string({ error: '手机号码必须是文本' })
    .trim()
    .regex(MOBILE_PATTERN, { error: '手机号码应为11位中国大陆手机号' })
    .optional(),
  registeredEngineer: registeredEngineerSchema.optional(),
  operatorCertificate: operatorCertificateSchema.optional(),
});
export type MinistryPersonRecord = z.output<typeof ministryPersonSchema>;

export interface MinistrySnapshot {
  institutions: MinistryInstitutionRecord[];
  persons: MinistryPersonRecord[];
}

export const socialUnitSchema = z.object({
  uscc: usccOrNull('统一社会信用代码'),
  name: text('单位名称'),
  address: text('地址', 300),
  district: text('所属区', 20),
  safetyLevel: oneOf(SAFETY_LEVELS, '消防安全等级标注', SAFETY_LEVELS),
  detachmentCode: z.string({ error: textTypeError('管辖支队') }).refine((v) => DETACHMENT_CODES.includes(v), {
    error: '管辖支队不是北京市消防救援总队的支队',
  }),
  unitType: text('单位类型', 60),
});
export type SocialUnitRecord = z.output<typeof socialUnitSchema>;

export const registryProjectSchema = z
  .object({
    externalId: text('项目编号', 60),
    kind: oneOf(REGISTRY_PROJECT_KINDS, '项目类型', Object.values(registryProjectKindLabels)),
    institutionUscc: uscc('机构统一社会信用代码'),
    socialUnitUscc: usccOrNull('社会单位统一社会信用代码'),
    socialUnitName: text('社会单位名称'),
    startDate: date('开始日期'),
    endDate: date('结束日期'),
  })
  .refine((p) => !isValidDate(p.startDate) || !isValidDate(p.endDate) || p.startDate <= p.endDate, {
    error: '结束日期不能早于开始日期',
    path: ['endDate'],
  });
export type RegistryProjectRecord = z.output<typeof registryProjectSchema>;

export interface InspectionSnapshot {
  socialUnits: SocialUnitRecord[];
  registryProjects: RegistryProjectRecord[];
}

// ——— Keys ———

export const institutionKey = (r: Pick<MinistryInstitutionRecord, 'uscc'>) => r.uscc;
export const personKey = (r: Pick<MinistryPersonRecord, 'idNumber'>) => r.idNumber;
/** 民办非企业 units have no USCC (NULL); they are told apart by name. */
export const socialUnitKey = (r: Pick<SocialUnitRecord, 'uscc' | 'name'>) =>
  r.uscc === 'NULL' ? `NULL:${r.name}` : r.uscc;
export const registryProjectKey = (r: Pick<RegistryProjectRecord, 'externalId'>) => r.externalId;

// ——— Row validation shared by the workbook and the feed parsers ———

export interface RowError {
  sheet: string;
  row: number;
  field: string;
  reason: string;
  /** Registry key of the broken row when it could be read, so the import never reports it as left. */
  key?: string;
  /** For a person listed twice: the institutions (USCC) of the first and of this row. */
  institutions?: [string, string];
}

export interface ParseResult<S> {
  snapshot: S;
  rowErrors: RowError[];
}

/** The file as a whole cannot be used (missing sheet or columns, not a workbook, not the feed format). */
export class RegistryFileError extends Error {
  override name = 'RegistryFileError';
}

/** Keys of rows that were skipped; pass to diffMinistry / diffInspection. */
export function brokenKeysOf(rowErrors: readonly RowError[]): Set<string> {
  return new Set(rowErrors.flatMap((e) => (e.key ? [e.key] : [])));
}

/** A row as read from a source, before validation. `preErrors` are conversion errors found by the reader. */
export interface RawRow {
  sheet: string;
  row: number;
  data: Record<string, unknown>;
  preErrors?: { field: string; reason: string }[];
}

/** Field name of a reader error about the row as a whole (e.g. a feed item that is not an object). */
export const WHOLE_ROW = '整行';

/** Names a zod issue path in the terms of the source (Excel column header or JSON path). */
export type FieldNamer = (path: string) => string;

function rawKey(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim().toUpperCase() : undefined;
}

function validateRows<T>(
  rows: readonly RawRow[],
  schema: z.ZodType<T>,
  fieldName: FieldNamer,
  keyOfRaw: (data: Record<string, unknown>) => string | undefined,
  errors: RowError[],
): { row: RawRow; record: T }[] {
  const valid: { row: RawRow; record: T }[] = [];
  for (const row of rows) {
    const key = keyOfRaw(row.data);
    const pre = row.preErrors ?? [];
    const result = schema.safeParse(row.data);
    const issues = result.success
      ? []
      : result.error.issues.map((i) => ({
          field: fieldName(i.path.map(String).join('.')),
          reason: i.message,
        }));
    const preFields = new Set(pre.map((e) => e.field));
    // a value the reader could not convert also fails the schema; report it once, in the reader's words
    const all = preFields.has(WHOLE_ROW) ? pre : [...pre, ...issues.filter((i) => !preFields.has(i.field))];
    if (all.length > 0 || !result.success) {
      for (const e of all) errors.push({ sheet: row.sheet, row: row.row, ...e, ...(key ? { key } : {}) });
      continue;
    }
    valid.push({ row, record: result.data });
  }
  return valid;
}

function dropDuplicates<T>(
  rows: { row: RawRow; record: T }[],
  keyOf: (r: T) => string,
  fieldName: string,
  errors: RowError[],
  describe?: (first: T, again: T) => string,
  conflictOf?: (first: T, again: T) => Pick<RowError, 'institutions'>,
): { row: RawRow; record: T }[] {
  const seen = new Map<string, { row: RawRow; record: T }>();
  const kept: { row: RawRow; record: T }[] = [];
  for (const r of rows) {
    const key = keyOf(r.record);
    const first = seen.get(key);
    if (first) {
      const extra = describe ? describe(first.record, r.record) : '';
      errors.push({
        sheet: r.row.sheet,
        row: r.row.row,
        field: fieldName,
        reason: `与${first.row.sheet}第${first.row.row}行重复${extra}，本行未导入`,
        key,
        ...(conflictOf ? conflictOf(first.record, r.record) : {}),
      });
      continue;
    }
    seen.set(key, r);
    kept.push(r);
  }
  return kept;
}

export function validateMinistryRows(
  institutionRows: readonly RawRow[],
  personRows: readonly RawRow[],
  names: { institution: FieldNamer; person: FieldNamer },
): ParseResult<MinistrySnapshot> {
  const rowErrors: RowError[] = [];
  const institutions = dropDuplicates(
    validateRows(
      institutionRows,
      ministryInstitutionSchema,
      names.institution,
      (d) => rawKey(d.uscc),
      rowErrors,
    ),
    institutionKey,
    names.institution('uscc'),
    rowErrors,
  );
  const known = new Set(institutions.map((i) => i.record.uscc));
  const brokenInstitutions = new Set(rowErrors.map((e) => e.key));
  const persons = dropDuplicates(
    validateRows(personRows, ministryPersonSchema, names.person, (d) => rawKey(d.idNumber), rowErrors),
    personKey,
    names.person('idNumber'),
    rowErrors,
    (a, b) =>
      a.institutionUscc !== b.institutionUscc
        ? `（同一人员登记在两个机构：${a.institutionUscc}、${b.institutionUscc}）`
        : '',
    (a, b) =>
      a.institutionUscc !== b.institutionUscc ? { institutions: [a.institutionUscc, b.institutionUscc] } : {},
  ).filter(({ row, record }) => {
    if (known.has(record.institutionUscc)) return true;
    rowErrors.push({
      sheet: row.sheet,
      row: row.row,
      field: names.person('institutionUscc'),
      reason: brokenInstitutions.has(record.institutionUscc)
        ? '所属机构的行有错误未导入，本行一并未导入'
        : '所属机构不在机构表中',
      key: record.idNumber,
    });
    return false;
  });
  return {
    snapshot: { institutions: institutions.map((r) => r.record), persons: persons.map((r) => r.record) },
    rowErrors: sortErrors(rowErrors),
  };
}

export function validateInspectionRows(
  unitRows: readonly RawRow[],
  projectRows: readonly RawRow[],
  names: { socialUnit: FieldNamer; registryProject: FieldNamer },
): ParseResult<InspectionSnapshot> {
  const rowErrors: RowError[] = [];
  const unitRawKey = (d: Record<string, unknown>) => {
    const u = rawKey(d.uscc);
    if (u !== 'NULL') return u;
    return typeof d.name === 'string' && d.name.trim() ? `NULL:${d.name.trim()}` : undefined;
  };
  const socialUnits = dropDuplicates(
    validateRows(unitRows, socialUnitSchema, names.socialUnit, unitRawKey, rowErrors),
    socialUnitKey,
    names.socialUnit('uscc'),
    rowErrors,
  );
  const registryProjects = dropDuplicates(
    validateRows(
      projectRows,
      registryProjectSchema,
      names.registryProject,
      (d) => (typeof d.externalId === 'string' && d.externalId.trim() ? d.externalId.trim() : undefined),
      rowErrors,
    ),
    registryProjectKey,
    names.registryProject('externalId'),
    rowErrors,
  );
  return {
    snapshot: {
      socialUnits: socialUnits.map((r) => r.record),
      registryProjects: registryProjects.map((r) => r.record),
    },
    rowErrors: sortErrors(rowErrors),
  };
}

/** Sheets in the order they were first reported (the order of the source), rows ascending within each. */
function sortErrors(errors: RowError[]): RowError[] {
  const sheetOrder = [...new Set(errors.map((e) => e.sheet))];
  return errors.sort((a, b) => sheetOrder.indexOf(a.sheet) - sheetOrder.indexOf(b.sheet) || a.row - b.row);
}
