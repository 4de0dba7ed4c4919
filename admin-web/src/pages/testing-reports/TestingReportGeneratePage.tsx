import { App, Button, Progress, Space, Table, Tag, Typography } from 'antd';
import type { ProjectRow } from '@xf/domain/api/projects';
import type { ReportView } from '@xf/domain/api/reports';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useApiError } from '../../api/errors';
import { PageCard } from '../../components/PageCard';
import { fitColumns } from '../../components/tableWidth';
import { useServerTable } from '../../components/useServerTable';

const newKey = () => `report-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * 生成检测报告 (manual §02 机构管理员在电脑端生成检测报告 1–4): the admin starts a report of a project whose testing
 * plan the lead approved; the server refuses otherwise (and outside the testing period) with its reason. The
 * reports being generated are shown with their progress until they are done.
 */
export function TestingReportGeneratePage() {
  const onError = useApiError();
  const { message, modal } = App.useApp();
  const { tableProps } = useServerTable(
    (p) => api.getProjects({ ...p, kind: 'testing', status: 'in_progress' }),
    { kind: 'testing' },
  );
  const [running, setRunning] = useState<ReportView[]>([]);

  const refresh = async () => {
    const page = await api.getReports({ kind: 'testing', status: 'generating', page: 1, pageSize: 50 });
    const failed = await api.getReports({ kind: 'testing', status: 'failed', page: 1, pageSize: 5 });
    setRunning([...page.items, ...failed.items]);
    return page.items.length;
  };
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const tick = async () => {
      const n = await refresh().catch(() => 0);
      if (!stopped) timer = setTimeout(() => void tick(), n > 0 ? 1500 : 8000);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  const start = (p: ProjectRow) =>
    modal.confirm({
      title: `生成检测报告：${p.siteName}`,
      content: (
        <Typography.Paragraph>
          根据检测APP上传并经项目负责人审核通过的结果生成检测报告和原始记录（Word和PDF）。不合格项和不能测试项会显示在报告里，
          报告生成后不能删除。超过项目的检测期限，不能生成检测报告。
        </Typography.Paragraph>
      ),
      okText: '生成报告',
      cancelText: '返回',
      onOk: async () => {
        try {
          await api.createProjectTestingReport(p.id, { idempotencyKey: newKey() });
          message.success('已开始生成，完成后可在“查看检测报告”中下载');
          await refresh();
        } catch (e) {
          onError(e);
        }
      },
    });

  return (
    <PageCard title="生成检测报告">
      {running.length > 0 && (
        <div style={{ marginBottom: 16 }} data-testid="generating">
          {running.map((r) => (
            <Space key={r.id} style={{ width: '100%', marginBottom: 8 }} align="center">
              <Typography.Text strong>{r.reportNo}</Typography.Text>
              <Typography.Text>{r.projectName}</Typography.Text>
              {r.status === 'failed' ? (
                <Tag color="error">{r.statusLabel}</Tag>
              ) : (
                <Progress percent={r.progress} size="small" style={{ width: 240 }} />
              )}
              <Typography.Text type="secondary">{r.progressText}</Typography.Text>
            </Space>
          ))}
        </div>
      )}
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
              <Button type="link" size="small" onClick={() => start(p)} data-testid={`generate-${p.id}`}>
                生成报告
              </Button>
            ),
          },
        ])}
      />
    </PageCard>
  );
}
