import type { TableColumnsType } from 'antd';

/** Width given to a column that names none (names, addresses), wide enough for about a dozen characters. */
export const TEXT_COLUMN_WIDTH = 200;

/**
 * A table with a fixed column lays its columns out at their given widths; columns without one share
 * what is left, which on a laptop is next to nothing (names one character per line) and the fixed
 * column covers the last ones. So every column gets a width and the table scrolls sideways instead,
 * with a trailing 操作 column fixed at the right edge so the row's actions stay in reach.
 */
export function fitColumns<T>(columns: TableColumnsType<T>): {
  columns: TableColumnsType<T>;
  scroll: { x: number };
} {
  const last = columns.length - 1;
  const sized = columns.map((c, i) => {
    const width = c.width ?? TEXT_COLUMN_WIDTH;
    const fixed = c.fixed ?? (i === last && c.title === '操作' ? ('right' as const) : undefined);
    return { ...c, width, fixed };
  });
  return { columns: sized, scroll: { x: sized.reduce((sum, c) => sum + Number(c.width), 0) } };
}
