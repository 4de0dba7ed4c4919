import type ExcelJS from 'exceljs';
import { findDetachment } from '@xf/domain/reference/index';
import { serviceTypeLabels } from '@xf/domain/registries/records';

/**
 * Excel exchange with the two registries.
 *
 * Import policy: a file is read as the complete current list of its registry.
 * - A broken row (a value that breaks a rule) is reported with its Excel row number, the column and the
 *   reason, and is skipped; every other row imports. The keys of skipped rows are returned with the
 *   errors so the import never treats them as having left.
 * - A broken file (not an .xlsx workbook, a sheet missing, a column header missing) refuses the whole
 *   import with a RegistryFileError: importing it would make everyone in it look as if they had left.
 */

export type Cell = ExcelJS.CellValue;
export type Read = { value?: unknown; error?: string };

export interface Column<R> {
  /** Path of the value in the record, e.g. `registeredEngineer.level`. */
  path: string;
  header: string;
  required: boolean;
  width: number;
  /** Allowed values and format, for the 说明 sheet. */
  note: string;
  /** Values that Excel would mangle as numbers (long codes) are stored as text. */
  asText?: boolean;
  read: (cell: Cell, header: string) => Read;
  write: (record: R) => string | number | undefined;
}

// ——— Reading cells ———

export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'object') {
    if ('richText' in cell)
      return cell.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('text' in cell && typeof cell.text === 'string') return cell.text.trim();
    if ('result' in cell) return cellText(cell.result as Cell);
  }
  return '';
}

export const isEmpty = (cell: Cell) => cellText(cell) === '';

export const readText: Column<unknown>['read'] = (cell) => ({ value: cellText(cell) });

/** USCC and ID numbers typed as numbers lose digits in Excel; say so instead of "check digit wrong". */
export const readCode: Column<unknown>['read'] = (cell, header) =>
  typeof cell === 'number' && !Number.isSafeInteger(cell)
    ? { error: `${header}应以文本格式填写（长数字在Excel中会丢失精度）` }
    : { value: cellText(cell) };

export function readLabel<C extends string | number>(
  labels: Record<C, string>,
  extra: Record<string, C> = {},
) {
  const byLabel = new Map<string, C>();
  for (const [code, label] of Object.entries(labels) as [string, string][]) {
    const value = (/^\d+$/.test(code) ? Number(code) : code) as C;
    byLabel.set(label, value);
    byLabel.set(code, value);
  }
  for (const [label, code] of Object.entries(extra)) byLabel.set(label, code);
  return (cell: Cell, header: string): Read => {
    const v = cellText(cell);
    const code = byLabel.get(v);
    return code === undefined
      ? { error: `${header}“${v}”无效，应为：${Object.values<string>(labels).join('、')}` }
      : { value: code };
  };
}

export function readServiceTypes(cell: Cell, header: string): Read {
  const parts = cellText(cell)
    .split(/[/／、,，;；\s]+/)
    .filter(Boolean);
  const one = readLabel(serviceTypeLabels, {
    维护保养检测: 'maintenance_testing',
    维保检测: 'maintenance_testing',
    安全评估: 'safety_assessment',
  });
  const values: unknown[] = [];
  for (const p of parts) {
    const r = one(p, header);
    if (r.error) return r;
    values.push(r.value);
  }
  return { value: values };
}

export const pad2 = (n: number) => String(n).padStart(2, '0');

/** Excel dates arrive as Date (UTC midnight of the written day), serial numbers or text in several styles. */
export function readDate(cell: Cell, header: string): Read {
  if (cell instanceof Date) return { value: cell.toISOString().slice(0, 10) };
  if (typeof cell === 'number' && cell > 20000 && cell < 80000) {
    return { value: new Date(Math.round((cell - 25569) * 86_400_000)).toISOString().slice(0, 10) };
  }
  const v = cellText(cell);
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(v);
  if (!m) return { error: `${header}“${v}”不是日期，格式应为YYYY-MM-DD` };
  return { value: `${m[1]}-${pad2(Number(m[2]))}-${pad2(Number(m[3]))}` };
}

export function readNumber(cell: Cell, header: string): Read {
  if (typeof cell === 'number') return { value: cell };
  const v = cellText(cell);
  return /^\d+(\.\d+)?$/.test(v) ? { value: Number(v) } : { error: `${header}“${v}”不是数字` };
}

export function readDetachment(cell: Cell, header: string): Read {
  const d = findDetachment(cellText(cell));
  return d ? { value: d.code } : { error: `${header}“${cellText(cell)}”不是北京市消防救援总队的支队` };
}
