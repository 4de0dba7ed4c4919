import ExcelJS from 'exceljs';
import {
  RegistryFileError,
  validateInspectionRows,
  validateMinistryRows,
  type InspectionSnapshot,
  type MinistrySnapshot,
  type ParseResult,
  type RawRow,
} from '@xf/domain/registries/records';
import { cellText, isEmpty, type Cell } from './cells';
import { INSPECTION_SHEETS, MINISTRY_SHEETS, type SheetLayout } from './sheets';

// ——— Parsing ———

async function loadWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new RegistryFileError('无法读取文件，请上传Excel（.xlsx）格式的文件');
  }
  return wb;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split('.');
  let obj = target;
  for (const p of parts.slice(0, -1)) obj = (obj[p] ??= {}) as Record<string, unknown>;
  obj[parts.at(-1)!] = value;
}

function readSheet<R>(wb: ExcelJS.Workbook, layout: SheetLayout<R>): RawRow[] {
  const ws = wb.getWorksheet(layout.name);
  if (!ws) throw new RegistryFileError(`文件缺少“${layout.name}”工作表，请使用系统提供的模板`);
  const headerIndex = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => headerIndex.set(cellText(cell.value).replace(/^\*/, ''), col));
  const missing = layout.columns.filter((c) => !headerIndex.has(c.header)).map((c) => c.header);
  if (missing.length > 0) {
    throw new RegistryFileError(`“${layout.name}”工作表缺少列：${missing.join('、')}，请使用系统提供的模板`);
  }
  const cols = layout.columns.map((c) => ({ c, index: headerIndex.get(c.header)! }));
  const rows: RawRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    // row.values is one sparse array, 1-based; much cheaper than a getCell per column on large files
    const values = row.values as Cell[];
    const cells = cols.map(({ c, index }) => ({ c, value: values[index] ?? null }));
    if (cells.every(({ value }) => isEmpty(value))) return;
    const data: Record<string, unknown> = {};
    const preErrors: { field: string; reason: string }[] = [];
    for (const { c, value } of cells) {
      if (isEmpty(value)) continue;
      const r = c.read(value, c.header);
      if (r.error) preErrors.push({ field: c.header, reason: r.error });
      else setPath(data, c.path, r.value);
    }
    rows.push({ sheet: layout.name, row: rowNumber, data, preErrors });
  });
  return rows;
}

/** Names a schema path by its column header: `serviceTypes.0` → 服务类型. */
function headerNamer<R>(layout: SheetLayout<R>) {
  const byPath = new Map(layout.columns.map((c) => [c.path, c.header]));
  return (path: string) => {
    const clean = path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .join('.');
    return byPath.get(clean) ?? byPath.get(`${clean}.number`) ?? byPath.get(`${clean}.level`) ?? clean;
  };
}

export async function parseMinistryWorkbook(buf: Buffer): Promise<ParseResult<MinistrySnapshot>> {
  const wb = await loadWorkbook(buf);
  const institutionRows = readSheet(wb, MINISTRY_SHEETS.institutions);
  const personRows = readSheet(wb, MINISTRY_SHEETS.persons);
  return validateMinistryRows(institutionRows, personRows, {
    institution: headerNamer(MINISTRY_SHEETS.institutions),
    person: headerNamer(MINISTRY_SHEETS.persons),
  });
}

export async function parseInspectionWorkbook(buf: Buffer): Promise<ParseResult<InspectionSnapshot>> {
  const wb = await loadWorkbook(buf);
  const unitRows = readSheet(wb, INSPECTION_SHEETS.socialUnits);
  const projectRows = readSheet(wb, INSPECTION_SHEETS.registryProjects);
  return validateInspectionRows(unitRows, projectRows, {
    socialUnit: headerNamer(INSPECTION_SHEETS.socialUnits),
    registryProject: headerNamer(INSPECTION_SHEETS.registryProjects),
  });
}
