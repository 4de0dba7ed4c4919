import { Table, type TableProps } from 'antd';
import { fitColumns } from './tableWidth';

/** An antd table whose columns all get a width (see `fitColumns`), so it stays readable at 1366 px. */
export function FitTable<T extends object>(props: TableProps<T>) {
  return <Table<T> {...props} {...fitColumns<T>(props.columns ?? [])} />;
}
