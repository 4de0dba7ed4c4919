import { DatePicker, Select, Space, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { WorkLogView } from '@xf/domain/api/work-logs';
import type { Query } from '../../api/client';
import { AuthImage } from '../../components/AuthImage';
import { ExportExcelButton, type ExportColumn } from '../../components/ExportExcelButton';
import { fmtDateTime } from '../../components/format';
import { PageCard } from '../../components/PageCard';
import { useOperatorOptions } from '../../components/useOperatorOptions';
import { useServerTable } from '../../components/useServerTable';
import { FitTable } from '../../components/FitTable';

/**
 * 查看工作日志: the operators' daily logs written in the app (offline first, synced when online), by date and, where
 * the account may list accounts, by operator. The institution opens it under 管理维保服务活动, the regulators from
 * their own menu entry; the server scopes the rows.
 */
export function WorkLogsPage() {
  const operators = useOperatorOptions();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [accountId, setAccountId] = useState<number>();
  const filters: Query = {
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
    accountId,
  };
  const { tableProps } = useServerTable<WorkLogView>('/work-logs', filters);

  const columns: TableColumnsType<WorkLogView> = [
    { title: '日期', dataIndex: 'date', width: 110 },
    { title: '操作员', dataIndex: 'authorName', width: 120 },
    {
      title: '工作内容',
      dataIndex: 'content',
      render: (v: string) => <div style={{ whiteSpace: 'pre-wrap' }}>{v}</div>,
    },
    {
      title: '现场照片',
      dataIndex: 'photos',
      width: 260,
      render: (photos: WorkLogView['photos']) => (
        <Space wrap size={4}>
          {photos.map((p) => (
            <AuthImage key={p.id} src={p.url} alt="工作日志照片" width={72} height={72} />
          ))}
        </Space>
      ),
    },
    { title: '上传时间', dataIndex: 'createdAt', width: 170, render: (v: string) => fmtDateTime(v) },
  ];

  const exportColumns: ExportColumn<WorkLogView>[] = [
    { title: '日期', value: (l) => l.date },
    { title: '操作员', value: (l) => l.authorName },
    { title: '工作内容', value: (l) => l.content },
    { title: '照片数', value: (l) => l.photos.length },
    { title: '上传时间', value: (l) => fmtDateTime(l.createdAt) },
  ];

  return (
    <PageCard title="查看工作日志">
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          value={range}
          onChange={(v) => setRange(v)}
          placeholder={['开始日期', '结束日期']}
        />
        {operators.length > 0 && (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="操作员"
            style={{ width: 140 }}
            options={operators}
            onChange={setAccountId}
          />
        )}
        <ExportExcelButton path="/work-logs" filters={filters} columns={exportColumns} fileName="工作日志" />
      </Space>
      <FitTable<WorkLogView> {...tableProps} size="small" bordered columns={columns} />
    </PageCard>
  );
}
