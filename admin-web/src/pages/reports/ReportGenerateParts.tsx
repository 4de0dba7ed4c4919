import { Button, Progress, Space, Table, Tag, Typography } from 'antd';
import type { ProjectRow } from '@xf/domain/api/projects';
import type { ReportView } from '@xf/domain/api/reports';
import { api } from '../../api/client';
import { fitColumns } from '../../components/tableWidth';
import { useServerTable } from '../../components/useServerTable';

/** The reports being generated with their progress (or failure), above the 生成检测报告/生成维保报告 list. */
export function RunningReports({
  running,
  showMonth = false,
}: {
  running: ReportView[];
  showMonth?: boolean;
}) {
  if (running.length === 0) return null;
  return (
    <div style={{ marginBottom: 16 }} data-testid="generating">
      {running.map((r) => (
        <Space key={r.id} style={{ width: '100%', marginBottom: 8 }} align="center">
          <Typography.Text strong>{r.reportNo}</Typography.Text>
          <Typography.Text>{r.projectName}</Typography.Text>
          {showMonth && <Typography.Text>{r.planMonth}</Typography.Text>}
          {r.status === 'failed' ? (
            <Tag color="error">{r.statusLabel}</Tag>
          ) : (
            <Progress percent={r.progress} size="small" style={{ width: 240 }} />
          )}
          <Typography.Text type="secondary">{r.progressText}</Typography.Text>
        </Space>
      ))}
    </div>
  );
}

/** The institution's projects in progress of one kind, each with 生成报告. */
export function ReportProjectsTable({
  kind,
  onGenerate,
}: {
  kind: 'testing' | 'maintenance';
  onGenerate: (p: ProjectRow) => void;
}) {
  const { tableProps } = useServerTable((p) => api.getProjects({ ...p, kind, status: 'in_progress' }), {
    kind,
  });
  return (
    <Table<ProjectRow>
      {...tableProps}
      {...fitColumns<ProjectRow>([
        { title: 'ID', dataIndex: 'id', width: 70 },
        { title: '项目名称', dataIndex: 'siteName' },
        { title: '甲方名称', render: (_, p) => p.clientName ?? '' },
        { title: '签订日期', dataIndex: 'signedOn', width: 110 },
        { title: '项目负责人', render: (_, p) => p.projectLeadName ?? '', width: 110 },
        {
          title: '操作',
          width: 110,
          render: (_, p) => (
            <Button type="link" size="small" onClick={() => onGenerate(p)} data-testid={`generate-${p.id}`}>
              生成报告
            </Button>
          ),
        },
      ])}
    />
  );
}
