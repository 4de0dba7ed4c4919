import { Button, Input, Select, Space, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { OperationLogView as OperationLog } from '@xf/domain/api/operation-log';
import { api, type ApiQuery } from '../../api/client';
import { ExportExcelButton, type ExportColumn } from '../../components/ExportExcelButton';
import { fmtDateTime } from '../../components/format';
import { ACTION_LABELS, actionLabel, ENTITY_LABELS, entityLabel } from '../../components/operationLabels';
import { PageCard } from '../../components/PageCard';
import { useServerTable, type PageLoader } from '../../components/useServerTable';
import { FitTable } from '../../components/FitTable';

// The server names actions and entities; the local map covers logs from a server that does not yet.
const actionText = (l: OperationLog) => l.actionLabel ?? actionLabel(l.action);
const entityText = (l: OperationLog) => l.entityTypeLabel ?? entityLabel(l.entityType);

const json = (v: unknown) => (v === null || v === undefined ? '（无）' : JSON.stringify(v, null, 2));

/** 操作日志: who changed what, with the record before and after. */
export function OperationLogPage() {
  const [filters, setFilters] = useState<ApiQuery<'getOperationLogs'>>({});
  const [action, setAction] = useState<string | undefined>();
  const [entityType, setEntityType] = useState<string | undefined>();
  const [entityId, setEntityId] = useState('');
  const [actorId, setActorId] = useState('');
  const load: PageLoader<OperationLog> = (p) => api.getOperationLogs({ ...filters, ...p });
  const { tableProps } = useServerTable(load, filters);

  const columns: TableColumnsType<OperationLog> = [
    { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => fmtDateTime(v) },
    { title: '操作人', render: (_v, l) => l.actorName ?? (l.actorId != null ? `#${l.actorId}` : '系统') },
    { title: '操作', dataIndex: 'action', render: (v: string, l) => <span title={v}>{actionText(l)}</span> },
    {
      title: '对象类型',
      dataIndex: 'entityType',
      render: (v: string, l) => <span title={v}>{entityText(l)}</span>,
    },
    { title: '对象编号', dataIndex: 'entityId' },
    {
      title: '请求编号',
      dataIndex: 'requestId',
      render: (v: string | null) => <Typography.Text type="secondary">{v}</Typography.Text>,
    },
  ];

  const exportColumns: ExportColumn<OperationLog>[] = [
    { title: '时间', value: (l) => fmtDateTime(l.at) },
    { title: '操作人', value: (l) => l.actorName ?? '' },
    { title: '操作', value: actionText },
    { title: '对象类型', value: entityText },
    { title: '对象编号', value: (l) => (l.entityId == null ? '' : String(l.entityId)) },
    { title: '变更前', value: (l) => (l.before == null ? '' : JSON.stringify(l.before)) },
    { title: '变更后', value: (l) => (l.after == null ? '' : JSON.stringify(l.after)) },
    { title: '请求编号', value: (l) => l.requestId ?? '' },
  ];

  return (
    <PageCard title="操作日志">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input
          placeholder="操作人编号"
          value={actorId}
          onChange={(e) => setActorId(e.target.value)}
          allowClear
          style={{ width: 140 }}
        />
        <Select
          placeholder="操作"
          allowClear
          value={action}
          onChange={setAction}
          style={{ width: 220 }}
          options={Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Select
          placeholder="对象类型"
          allowClear
          value={entityType}
          onChange={setEntityType}
          style={{ width: 140 }}
          options={Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Input
          placeholder="对象编号"
          value={entityId}
          onChange={(e) => setEntityId(e.target.value)}
          allowClear
          style={{ width: 140 }}
        />
        <Button
          type="primary"
          onClick={() =>
            setFilters({
              actorId: actorId.trim() || undefined,
              action,
              entityType,
              entityId: entityId.trim() || undefined,
            })
          }
        >
          搜索
        </Button>
        <ExportExcelButton path={load} filters={filters} columns={exportColumns} fileName="操作日志" />
      </Space>
      <FitTable<OperationLog>
        {...tableProps}
        size="small"
        bordered
        columns={columns}
        expandable={{
          expandedRowRender: (l) => (
            <div style={{ display: 'flex', gap: 16 }}>
              <div style={{ flex: 1 }}>
                <b>变更前</b>
                <pre style={{ background: '#fff7e6', padding: 8, margin: 0, whiteSpace: 'pre-wrap' }}>
                  {json(l.before)}
                </pre>
              </div>
              <div style={{ flex: 1 }}>
                <b>变更后</b>
                <pre style={{ background: '#f6ffed', padding: 8, margin: 0, whiteSpace: 'pre-wrap' }}>
                  {json(l.after)}
                </pre>
              </div>
            </div>
          ),
        }}
      />
    </PageCard>
  );
}
