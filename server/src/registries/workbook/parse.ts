import { Readable } from 'node:stream';
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

/** A workbook to read: the uploaded temporary file's path (streamed from disk) or its bytes (tests, the feed). */
export type WorkbookInput = string | Buffer;

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split('.');
  let obj = target;
  for (const p of parts.slice(0, -1)) obj = (obj[p] ??= {}) as Record<string, unknown>;
  obj[parts.at(-1)!] = value;
}

interface SheetRow {
  number: number;
  values: Cell[] | Record<string, Cell>;
}

/** One sheet's rows as they stream by; a sheet without its columns is an error, its rows are still consumed. */
async function readSheet<R>(
  rows: AsyncIterable<SheetRow>,
  layout: SheetLayout<R>,
): Promise<{ rows: RawRow[] } | { error: string }> {
  let cols: { c: SheetLayout<R>['columns'][number]; index: number }[] | null = null;
  let error: string | null = null;
  const out: RawRow[] = [];
  for await (const row of rows) {
    if (error) continue;
    // row.values is one sparse array, 1-based; much cheaper than a getCell per column on large files
    const values = row.values as Cell[];
    if (!cols) {
      const headerIndex = new Map<string, number>();
      if (row.number === 1)
        values.forEach((v, col) => {
          if (!isEmpty(v)) headerIndex.set(cellText(v).replace(/^\*/, ''), col);
        });
      const missing = layout.columns.filter((c) => !headerIndex.has(c.header)).map((c) => c.header);
      if (missing.length > 0) {
        error = `“${layout.name}”工作表缺少列：${missing.join('、')}，请使用系统提供的模板`;
        continue;
      }
      cols = layout.columns.map((c) => ({ c, index: headerIndex.get(c.header)! }));
      if (row.number === 1) continue;
    }
    const cells = cols.map(({ c, index }) => ({ c, value: values[index] ?? null }));
    if (cells.every(({ value }) => isEmpty(value))) continue;
    const data: Record<string, unknown> = {};
    const preErrors: { field: string; reason: string }[] = [];
    for (const { c, value } of cells) {
      if (isEmpty(value)) continue;
      const r = c.read(value, c.header);
      if (r.error) preErrors.push({ field: c.header, reason: r.error });
      else setPath(data, c.path, r.value);
    }
    out.push({ sheet: layout.name, row: row.number, data, preErrors });
  }
  if (error) return { error };
  if (!cols)
    return {
      error: `“${layout.name}”工作表缺少列：${layout.columns.map((c) => c.header).join('、')}，请使用系统提供的模板`,
    };
  return { rows: out };
}

/**
 * The rows of the layouts' sheets, read as the workbook streams by (exceljs' WorkbookReader: one row at a time,
 * never the whole workbook in memory; the upload check has already bounded the zip's entries and sizes).
 * Errors name the first layout that is missing or lacks columns, in the layouts' order.
 */
async function readWorkbook(input: WorkbookInput, layouts: SheetLayout<any>[]): Promise<RawRow[][]> {
  const found = new Map<string, Awaited<ReturnType<typeof readSheet>>>();
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(
      typeof input === 'string' ? input : Readable.from([input]),
      {
        sharedStrings: 'cache',
        styles: 'cache',
        hyperlinks: 'ignore',
        worksheets: 'emit',
        entries: 'ignore',
      },
    );
    for await (const sheet of reader as AsyncIterable<AsyncIterable<SheetRow> & { name: string }>) {
      const layout = layouts.find((l) => l.name === sheet.name);
      if (!layout || found.has(layout.name)) {
        for await (const _ of sheet) void _; // the zip entry is read through either way
        continue;
      }
      found.set(layout.name, await readSheet(sheet, layout));
    }
  } catch {
    throw new RegistryFileError('无法读取文件，请上传Excel（.xlsx）格式的文件');
  }
  return layouts.map((layout) => {
    const sheet = found.get(layout.name);
    if (!sheet) throw new RegistryFileError(`文件缺少“${layout.name}”工作表，请使用系统提供的模板`);
    if ('error' in sheet) throw new RegistryFileError(sheet.error);
    return sheet.rows;
  });
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

export async function parseMinistryWorkbook(input: WorkbookInput): Promise<ParseResult<MinistrySnapshot>> {
  const [institutionRows, personRows] = await readWorkbook(input, [
    MINISTRY_SHEETS.institutions,
    MINISTRY_SHEETS.persons,
  ]);
  return validateMinistryRows(institutionRows, personRows, {
    institution: headerNamer(MINISTRY_SHEETS.institutions),
    person: headerNamer(MINISTRY_SHEETS.persons),
  });
}

export async function parseInspectionWorkbook(
  input: WorkbookInput,
): Promise<ParseResult<InspectionSnapshot>> {
  const [unitRows, projectRows] = await readWorkbook(input, [
    INSPECTION_SHEETS.socialUnits,
    INSPECTION_SHEETS.registryProjects,
  ]);
  return validateInspectionRows(unitRows, projectRows, {
    socialUnit: headerNamer(INSPECTION_SHEETS.socialUnits),
    registryProject: headerNamer(INSPECTION_SHEETS.registryProjects),
  });
}
