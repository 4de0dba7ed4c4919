import { FileExcelOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { saveBlob, type Query } from '../api/client';
import { useApiError } from '../api/errors';
import { buildXlsx, XLSX_MIME, type CellValue } from '../export/xlsx';
import { fetchAllPages, type PageLoader } from './useServerTable';

export interface ExportColumn<T> {
  title: string;
  value: (row: T, index: number) => CellValue;
}

/** 导出Excel: exports every row of the current filtered list, not just the visible page. */
export function ExportExcelButton<T>(props: {
  /** The list's path, or its loader over the typed API (the same one the table reads). */
  path: string | PageLoader<T>;
  filters: Query;
  columns: ExportColumn<T>[];
  fileName: string;
}) {
  const onError = useApiError();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const rows = await fetchAllPages<T>(props.path, props.filters);
      const bytes = buildXlsx(
        props.fileName,
        props.columns.map((c) => c.title),
        rows.map((row, i) => props.columns.map((c) => c.value(row, i))),
      );
      saveBlob(
        new Blob([bytes as BlobPart], { type: XLSX_MIME }),
        `${props.fileName}_${dayjs().format('YYYYMMDD')}.xlsx`,
      );
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<FileExcelOutlined />} loading={busy} onClick={() => void run()}>
      导出Excel
    </Button>
  );
}
