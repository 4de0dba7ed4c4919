import {
  RegistryFileError,
  validateInspectionRows,
  validateMinistryRows,
  WHOLE_ROW,
  type InspectionSnapshot,
  type MinistrySnapshot,
  type ParseResult,
  type RawRow,
} from '@xf/domain/registries/records';

/**
 * The JSON feed pulled from a registry URL. It carries the record shapes of records.ts, with codes
 * (not Chinese labels) for enumerations:
 *   ministry:   { "institutions": MinistryInstitutionRecord[], "persons": MinistryPersonRecord[] }
 *   inspection: { "socialUnits": SocialUnitRecord[], "registryProjects": RegistryProjectRecord[] }
 * The policy is the workbook's: a broken item is reported (sheet = the array's name, row = index + 1)
 * and skipped; a body without the two arrays refuses the whole import.
 */

/** Feeds send null for absent values; the schemas use absent keys. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = withoutNulls(v);
    return out;
  }
  return value;
}

function readArray(body: unknown, name: string, registry: string): RawRow[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new RegistryFileError(`${registry}数据源返回的内容不是JSON对象`);
  }
  const list = (body as Record<string, unknown>)[name];
  if (!Array.isArray(list)) throw new RegistryFileError(`${registry}数据源缺少“${name}”数组`);
  return list.map((item, i) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? { sheet: name, row: i + 1, data: withoutNulls(item) as Record<string, unknown> }
      : {
          sheet: name,
          row: i + 1,
          data: {},
          preErrors: [{ field: WHOLE_ROW, reason: `第${i + 1}项应为对象` }],
        },
  );
}

const jsonPath = (path: string) => path || WHOLE_ROW;

export function parseMinistryFeed(json: unknown): ParseResult<MinistrySnapshot> {
  const registry = '部局社会消防技术服务信息系统';
  return validateMinistryRows(
    readArray(json, 'institutions', registry),
    readArray(json, 'persons', registry),
    {
      institution: jsonPath,
      person: jsonPath,
    },
  );
}

export function parseInspectionFeed(json: unknown): ParseResult<InspectionSnapshot> {
  const registry = '双随机一公开监督检查系统';
  return validateInspectionRows(
    readArray(json, 'socialUnits', registry),
    readArray(json, 'registryProjects', registry),
    {
      socialUnit: jsonPath,
      registryProject: jsonPath,
    },
  );
}
