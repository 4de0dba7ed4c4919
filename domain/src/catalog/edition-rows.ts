import { CONFIDENCES, ITEM_CLASSES, parsePeriod, PERIOD_LABELS } from './labels';
import { parseEdition, type EditionError, type ParseEditionResult } from './parse-edition';
import type {
  CheckPrompt,
  Confidence,
  ItemClass,
  MaintenancePeriod,
  MaintenanceSystem,
  SingleItemRule,
  SourceRef,
  StandardEdition,
  TestSingleItem,
} from './types';

/**
 * Building an edition from a workbook. The server reads the Excel file and hands over one array of
 * rows per sheet; a row is keyed by the English column keys below (use `rowsFromTable` to map a sheet
 * whose first row holds the Chinese headers). Parent columns (system, category, facility, single item,
 * sub-item) repeat on every row and must agree wherever the same id appears.
 */

/** A cell as a spreadsheet reader returns it (ExcelJS gives Date objects for date cells). */
export type Cell = string | number | boolean | Date | null | undefined;

export interface ColumnSpec {
  key: string;
  header: string;
  required: boolean;
  description: string;
}

export interface SheetSpec {
  key: SheetKey;
  name: string;
  columns: ColumnSpec[];
}

export type SheetKey = 'info' | 'maintenance' | 'prompts' | 'testing' | 'rules';

const col = (key: string, header: string, required: boolean, description: string): ColumnSpec => ({
  key,
  header,
  required,
  description,
});

const sourceColumns = [
  col('sourceStandard', '依据标准', true, '例如 GB 25201-2010'),
  col('sourceClause', '条款', false, '例如 附录C 或 4.2.3'),
  col('confidence', '可信度', true, 'H（已核对原文）、M 或 L'),
  col('sourceNote', '依据说明', false, '需要说明的情况'),
];

/** The workbook's sheets and columns, in order. */
export const EDITION_SHEETS: readonly SheetSpec[] = [
  {
    key: 'info',
    name: '版本信息',
    columns: [
      col('id', '版本编号', true, '例如 GB25201-2010+京检测评定'),
      col('title', '标题', true, '版本的中文标题'),
      col('effectiveDate', '生效日期', true, 'YYYY-MM-DD'),
      col('sources', '依据标准', true, '多项用换行或“；”分隔'),
    ],
  },
  {
    key: 'maintenance',
    name: '维保内容',
    columns: [
      col('systemId', '系统编号', true, '例如 M.01'),
      col('systemName', '系统名称', true, '例如 消防供电配电'),
      col('gb25201Code', 'GB25201系统编号', false, '01–18'),
      col('categoryId', '分类编号', true, '例如 M.01.C0'),
      col('categoryName', '分类名称', true, '例如 无分类'),
      col('facilityId', '设施编号', true, '例如 M.01.01'),
      col('facilityName', '设施名称', true, '例如 消防配电柜（箱）'),
      col('lineId', '内容编号', true, '例如 M.01.01.b，整个版本内唯一'),
      col('letter', '序号', true, 'a、b、c…'),
      col('text', '维保内容', true, '内容原文'),
      col('period', '周期', true, '月、季、年'),
      col('conformityStandard', '合格标准', true, '审核时显示给项目负责人'),
      ...sourceColumns,
    ],
  },
  {
    key: 'prompts',
    name: '检查提示',
    columns: [
      col('lineId', '内容编号', true, '对应“维保内容”表的内容编号'),
      col('promptId', '提示编号', true, '在同一条维保内容内唯一'),
      col('text', '提示内容', true, '例如 关闭主电源，备电能否自动投入'),
      col('options', '选项', true, '用“/”分隔，例如 能/不能'),
      col('conformingOption', '符合选项', false, '表示符合的选项，例如 能'),
    ],
  },
  {
    key: 'testing',
    name: '检测项',
    columns: [
      col('singleItemCode', '单项编号', true, '例如 A.8'),
      col('singleItemName', '单项名称', true, '例如 消防电梯'),
      col('systems', '对应维保系统', false, '维保系统名称，多项用“、”分隔'),
      col('subItemId', '子项编号', true, '例如 A.8.1'),
      col('subItemName', '子项名称', true, '例如 消防电梯'),
      col('itemId', '检测项编号', true, '例如 A.8.1.1，整个版本内唯一'),
      col('itemName', '检测项名称', true, '例如 回首层功能'),
      col('class', '类别', true, 'A、B 或 C'),
      col('method', '检测方法', true, ''),
      col('requirement', '技术要求', true, ''),
      col('quantity', '测量量', false, '有测量要求时填写，例如 启动时间'),
      col('unit', '单位', false, '例如 s'),
      col('min', '下限', false, '数字，含等于'),
      col('max', '上限', false, '数字，含等于'),
      ...sourceColumns,
    ],
  },
  {
    key: 'rules',
    name: '单项判定规则',
    columns: [
      col('singleItemCode', '单项编号', true, '“默认”表示未单独规定的单项所用的规则'),
      col('aMax', 'A类上限', true, '不合格A类项允许的最多项数，通常为0'),
      col('bMax', 'B类上限', false, '空表示不限'),
      col('cMax', 'C类上限', false, '空表示不限'),
      col('bcMax', 'B+C上限', false, '空表示不限'),
      col('bcSharePercent', 'B+C占比上限(%)', false, '占已检测项的百分比，例如 5；空表示不限'),
      ...sourceColumns,
    ],
  },
];

export type Row = Record<string, Cell>;

export interface EditionRows {
  info: Row;
  maintenance: Row[];
  prompts: Row[];
  testing: Row[];
  rules: Row[];
  /** Row numbers as printed in the workbook; defaults to index + 2 (header in row 1). */
  firstDataRow?: number;
}

export const DEFAULT_RULE_KEY = '默认';

const sheet = (key: SheetKey) => EDITION_SHEETS.find((s) => s.key === key)!;

/** Map a sheet (first row = Chinese headers) to rows keyed by column key. Unknown headers are errors. */
export function rowsFromTable(
  key: SheetKey,
  table: readonly (readonly Cell[])[],
): { rows: Row[]; errors: EditionError[] } {
  const spec = sheet(key);
  const [header = [], ...body] = table;
  const errors: EditionError[] = [];
  const keys = header.map((h, i) => {
    const name = String(h ?? '').trim();
    const column = spec.columns.find((c) => c.header === name || c.key === name);
    if (!column && name) {
      errors.push({
        path: `${key}[header][${i}]`,
        location: `工作表“${spec.name}”第1行`,
        message: `不认识的列“${name}”`,
      });
    }
    return column?.key;
  });
  for (const c of spec.columns) {
    if (c.required && !keys.includes(c.key)) {
      errors.push({
        path: `${key}[header]`,
        location: `工作表“${spec.name}”第1行`,
        message: `缺少必填列“${c.header}”`,
      });
    }
  }
  const rows = body
    .filter((cells) => cells.some((c) => String(c ?? '').trim() !== ''))
    .map((cells) => {
      const row: Row = {};
      keys.forEach((k, i) => {
        if (k) row[k] = cells[i];
      });
      return row;
    });
  return { rows, errors };
}

/** Build and validate an edition from workbook rows. Errors name the sheet, row and column in Chinese. */
export function editionFromRows(rows: EditionRows): ParseEditionResult {
  const firstRow = rows.firstDataRow ?? 2;
  const errors: EditionError[] = [];
  const reader = (key: SheetKey, row: Row, index: number) => {
    const spec = sheet(key);
    const where = (k: string) => {
      const header = spec.columns.find((c) => c.key === k)?.header ?? k;
      return key === 'info'
        ? `工作表“${spec.name}”“${header}”`
        : `工作表“${spec.name}”第${index + firstRow}行“${header}”列`;
    };
    const fail = (k: string, message: string) =>
      errors.push({
        path: key === 'info' ? `info.${k}` : `${key}[${index}].${k}`,
        location: where(k),
        message,
      });
    const str = (k: string): string => {
      const v = row[k];
      const s = v === null || v === undefined ? '' : String(v).trim();
      if (!s && spec.columns.find((c) => c.key === k)?.required) fail(k, '不能为空');
      return s;
    };
    const num = (k: string): number | undefined => {
      const v = row[k];
      if (v === null || v === undefined || String(v).trim() === '') {
        if (spec.columns.find((c) => c.key === k)?.required) fail(k, '不能为空');
        return undefined;
      }
      const n = typeof v === 'number' ? v : Number(String(v).trim());
      if (!Number.isFinite(n)) {
        fail(k, `应为数字，实际为“${String(v)}”`);
        return undefined;
      }
      return n;
    };
    const source = (): SourceRef => {
      const confidence = str('confidence').toUpperCase();
      if (confidence && !CONFIDENCES.includes(confidence as Confidence)) fail('confidence', '应为 H、M 或 L');
      const clause = str('sourceClause');
      const note = str('sourceNote');
      return {
        standard: str('sourceStandard'),
        ...(clause ? { clause } : {}),
        confidence: confidence as Confidence,
        ...(note ? { note } : {}),
      };
    };
    const same = (k: string, label: string, seen: Map<string, string>, id: string, value: string) => {
      const prev = seen.get(id);
      if (prev === undefined) seen.set(id, value);
      else if (prev !== value) fail(k, `${label}“${id}”在前面的行中写作“${prev}”，此处为“${value}”，应一致`);
    };
    return { str, num, source, same, fail };
  };

  const info = reader('info', rows.info ?? {}, 0);
  let defaultRule: SingleItemRule | undefined;
  const edition: Omit<StandardEdition, 'defaultSingleItemRule'> = {
    id: info.str('id'),
    title: info.str('title'),
    effectiveDate: normaliseDate(rows.info?.effectiveDate) ?? info.str('effectiveDate'),
    sources: info
      .str('sources')
      .split(/[\n；;]+/)
      .map((s) => s.trim())
      .filter(Boolean),
    maintenance: [],
    testing: [],
  };

  const prompts = new Map<string, CheckPrompt[]>();
  rows.prompts.forEach((row, i) => {
    const r = reader('prompts', row, i);
    const lineId = r.str('lineId');
    const options = r
      .str('options')
      .split(/[/／]/)
      .map((o) => o.trim())
      .filter(Boolean);
    const conformingOption = r.str('conformingOption');
    const list = prompts.get(lineId) ?? [];
    list.push({
      id: r.str('promptId'),
      text: r.str('text'),
      options,
      ...(conformingOption ? { conformingOption } : {}),
    });
    prompts.set(lineId, list);
  });

  const systems = new Map<string, MaintenanceSystem>();
  const names = {
    system: new Map<string, string>(),
    category: new Map<string, string>(),
    facility: new Map<string, string>(),
  };
  const lineIds = new Set<string>();
  rows.maintenance.forEach((row, i) => {
    const r = reader('maintenance', row, i);
    const systemId = r.str('systemId');
    const systemName = r.str('systemName');
    const gb = r.str('gb25201Code');
    const categoryId = r.str('categoryId');
    const categoryName = r.str('categoryName');
    const facilityId = r.str('facilityId');
    const facilityName = r.str('facilityName');
    r.same('systemName', '系统编号', names.system, systemId, systemName);
    r.same('categoryName', '分类编号', names.category, categoryId, `${systemId}/${categoryName}`);
    r.same('facilityName', '设施编号', names.facility, facilityId, `${categoryId}/${facilityName}`);
    const periodText = r.str('period');
    const period = parsePeriod(periodText);
    if (periodText && !period) r.fail('period', `应为 月、季 或 年，实际为“${periodText}”`);
    let system = systems.get(systemId);
    if (!system) {
      system = {
        id: systemId,
        name: systemName,
        ...(gb ? { gb25201Code: gb.padStart(2, '0') } : {}),
        categories: [],
      };
      systems.set(systemId, system);
    }
    let category = system.categories.find((c) => c.id === categoryId);
    if (!category)
      system.categories.push((category = { id: categoryId, name: categoryName, facilities: [] }));
    let facility = category.facilities.find((f) => f.id === facilityId);
    if (!facility) category.facilities.push((facility = { id: facilityId, name: facilityName, lines: [] }));
    const lineId = r.str('lineId');
    lineIds.add(lineId);
    facility.lines.push({
      id: lineId,
      letter: r.str('letter'),
      text: r.str('text'),
      period: period as MaintenancePeriod,
      prompts: prompts.get(lineId) ?? [],
      conformityStandard: r.str('conformityStandard'),
      source: r.source(),
    });
  });
  rows.prompts.forEach((row, i) => {
    const id = String(row.lineId ?? '').trim();
    if (id && !lineIds.has(id))
      reader('prompts', row, i).fail('lineId', `内容编号“${id}”在“维保内容”表中不存在`);
  });
  edition.maintenance = [...systems.values()];

  const singles = new Map<string, TestSingleItem>();
  const testNames = { single: new Map<string, string>(), sub: new Map<string, string>() };
  rows.testing.forEach((row, i) => {
    const r = reader('testing', row, i);
    const code = r.str('singleItemCode');
    const singleName = r.str('singleItemName');
    const systemsText = r.str('systems');
    const subId = r.str('subItemId');
    const subName = r.str('subItemName');
    r.same('singleItemName', '单项编号', testNames.single, code, `${singleName}|${systemsText}`);
    r.same('subItemName', '子项编号', testNames.sub, subId, `${code}/${subName}`);
    const cls = r.str('class').toUpperCase();
    if (cls && !ITEM_CLASSES.includes(cls as ItemClass)) r.fail('class', `应为 A、B 或 C，实际为“${cls}”`);
    let single = singles.get(code);
    if (!single) {
      const systemNames = systemsText
        .split(/[、,，\n]+/)
        .map((s) => s.trim())
        .filter(Boolean);
      singles.set(code, (single = { code, name: singleName, systems: systemNames, subItems: [] }));
    }
    let sub = single.subItems.find((s) => s.id === subId);
    if (!sub) single.subItems.push((sub = { id: subId, name: subName, items: [] }));
    const quantity = r.str('quantity');
    const unit = r.str('unit');
    const min = r.num('min');
    const max = r.num('max');
    const hasMeasured = quantity || unit || min !== undefined || max !== undefined;
    sub.items.push({
      id: r.str('itemId'),
      name: r.str('itemName'),
      class: cls as ItemClass,
      method: r.str('method'),
      requirement: r.str('requirement'),
      ...(hasMeasured
        ? {
            measured: {
              quantity,
              unit,
              ...(min !== undefined ? { min } : {}),
              ...(max !== undefined ? { max } : {}),
            },
          }
        : {}),
      source: r.source(),
    });
  });
  edition.testing = [...singles.values()];

  rows.rules.forEach((row, i) => {
    const r = reader('rules', row, i);
    const code = r.str('singleItemCode');
    const nullable = (k: string) => r.num(k) ?? null;
    const share = r.num('bcSharePercent');
    const rule: SingleItemRule = {
      aMax: r.num('aMax') ?? 0,
      bMax: nullable('bMax'),
      cMax: nullable('cMax'),
      bcMax: nullable('bcMax'),
      bcShareMax: share === undefined ? null : share / 100,
      source: r.source(),
    };
    if (code === DEFAULT_RULE_KEY) {
      if (defaultRule) r.fail('singleItemCode', '“默认”规则只能有一行');
      defaultRule = rule;
    } else {
      const single = singles.get(code);
      if (!single) r.fail('singleItemCode', `单项编号“${code}”在“检测项”表中不存在`);
      else if (single.rule) r.fail('singleItemCode', `单项“${code}”的判定规则重复`);
      else single.rule = rule;
    }
  });
  if (!defaultRule) {
    errors.push({ path: 'rules', location: '工作表“单项判定规则”', message: '缺少单项编号为“默认”的规则行' });
  }

  if (errors.length || !defaultRule) return { ok: false, errors };
  return parseEdition({ ...edition, defaultSingleItemRule: defaultRule });
}

/** Excel dates arrive as Date objects or serial numbers; turn them into `YYYY-MM-DD`. */
function normaliseDate(v: unknown): string | undefined {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v === 'number' && v > 20000 && v < 80000) {
    // Excel serial day 25569 is 1970-01-01.
    return new Date(Math.round((v - 25569) * 86_400_000)).toISOString().slice(0, 10);
  }
  return undefined;
}

/** Flatten an edition into workbook rows (the inverse of `editionFromRows`), e.g. to export a template. */
export function editionToRows(edition: StandardEdition): EditionRows {
  const sourceCells = (s: SourceRef): Row => ({
    sourceStandard: s.standard,
    sourceClause: s.clause ?? null,
    confidence: s.confidence,
    sourceNote: s.note ?? null,
  });
  const ruleRow = (code: string, r: SingleItemRule): Row => ({
    singleItemCode: code,
    aMax: r.aMax,
    bMax: r.bMax,
    cMax: r.cMax,
    bcMax: r.bcMax,
    bcSharePercent: r.bcShareMax === null ? null : +(r.bcShareMax * 100).toFixed(6),
    ...sourceCells(r.source),
  });
  const maintenance: Row[] = [];
  const prompts: Row[] = [];
  for (const system of edition.maintenance) {
    for (const category of system.categories) {
      for (const facility of category.facilities) {
        for (const line of facility.lines) {
          maintenance.push({
            systemId: system.id,
            systemName: system.name,
            gb25201Code: system.gb25201Code ?? null,
            categoryId: category.id,
            categoryName: category.name,
            facilityId: facility.id,
            facilityName: facility.name,
            lineId: line.id,
            letter: line.letter,
            text: line.text,
            period: PERIOD_LABELS[line.period],
            conformityStandard: line.conformityStandard,
            ...sourceCells(line.source),
          });
          for (const p of line.prompts) {
            prompts.push({
              lineId: line.id,
              promptId: p.id,
              text: p.text,
              options: p.options.join('/'),
              conformingOption: p.conformingOption ?? null,
            });
          }
        }
      }
    }
  }
  const testing: Row[] = [];
  const rules: Row[] = [ruleRow(DEFAULT_RULE_KEY, edition.defaultSingleItemRule)];
  for (const single of edition.testing) {
    if (single.rule) rules.push(ruleRow(single.code, single.rule));
    for (const sub of single.subItems) {
      for (const item of sub.items) {
        testing.push({
          singleItemCode: single.code,
          singleItemName: single.name,
          systems: single.systems.join('、'),
          subItemId: sub.id,
          subItemName: sub.name,
          itemId: item.id,
          itemName: item.name,
          class: item.class,
          method: item.method,
          requirement: item.requirement,
          quantity: item.measured?.quantity ?? null,
          unit: item.measured?.unit ?? null,
          min: item.measured?.min ?? null,
          max: item.measured?.max ?? null,
          ...sourceCells(item.source),
        });
      }
    }
  }
  return {
    info: {
      id: edition.id,
      title: edition.title,
      effectiveDate: edition.effectiveDate,
      sources: edition.sources.join('\n'),
    },
    maintenance,
    prompts,
    testing,
    rules,
  };
}

/** A sheet as a table whose first row holds the Chinese headers, e.g. to write with ExcelJS. */
export function tableFromRows(key: SheetKey, rows: readonly Row[]): Cell[][] {
  const spec = sheet(key);
  return [spec.columns.map((c) => c.header), ...rows.map((r) => spec.columns.map((c) => r[c.key] ?? null))];
}
