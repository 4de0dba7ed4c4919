import { Alert, App, Button, DatePicker, Input, Modal, Progress, Space, Table, Tag, Typography } from 'antd';
import type { ProjectRow } from '@xf/domain/api/projects';
import type { ReportView } from '@xf/domain/api/reports';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { PageCard } from '../../components/PageCard';
import { fitColumns } from '../../components/tableWidth';
import { useServerTable } from '../../components/useServerTable';

const newKey = () => `maint-report-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * 生成维保报告 (manual §03 机构管理员在电脑端生成维保报告 1–2): the admin chooses a maintenance project and a month and
 * may write 备注说明; the server refuses a month whose dispatched plans are not complete and approved, or whose
 * tasks were submitted after the month's last day, with its reason shown here. Reports being generated are listed
 * with their progress until they are done.
 */
export function MaintenanceReportGeneratePage() {
  const { message } = App.useApp();
  const { tableProps } = useServerTable(
    (p) => api.getProjects({ ...p, kind: 'maintenance', status: 'in_progress' }),
    { kind: 'maintenance' },
  );
  const [running, setRunning] = useState<ReportView[]>([]);
  const [project, setProject] = useState<ProjectRow | null>(null);
  const [month, setMonth] = useState<Dayjs | null>(dayjs().subtract(1, 'month'));
  const [remarks, setRemarks] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = async () => {
    const page = await api.getReports({ kind: 'maintenance', status: 'generating', page: 1, pageSize: 50 });
    const failed = await api.getReports({ kind: 'maintenance', status: 'failed', page: 1, pageSize: 5 });
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

  const open = (p: ProjectRow) => {
    setProject(p);
    setRefusal(null);
    setRemarks('');
  };
  const submit = async () => {
    if (!project || !month) {
      setRefusal('报告月份：请选择月份');
      return;
    }
    setBusy(true);
    try {
      await api.createProjectMaintenanceReport(project.id, {
        idempotencyKey: newKey(),
        month: month.format('YYYY-MM'),
        remarks,
      });
      message.success('已开始生成，完成后可在“查看维保报告”中下载');
      setProject(null);
      await refresh();
    } catch (e) {
      setRefusal(e instanceof ApiError ? e.message : '生成失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageCard title="生成维保报告">
      {running.length > 0 && (
        <div style={{ marginBottom: 16 }} data-testid="generating">
          {running.map((r) => (
            <Space key={r.id} style={{ width: '100%', marginBottom: 8 }} align="center">
              <Typography.Text strong>{r.reportNo}</Typography.Text>
              <Typography.Text>{r.projectName}</Typography.Text>
              <Typography.Text>{r.planMonth}</Typography.Text>
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
              <Button type="link" size="small" onClick={() => open(p)} data-testid={`generate-${p.id}`}>
                生成报告
              </Button>
            ),
          },
        ])}
      />
      <Modal
        open={project !== null}
        title={project ? `生成维保报告：${project.siteName}` : ''}
        okText="生成报告"
        cancelText="返回"
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={() => setProject(null)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          维保计划全部完成，项目负责人审核通过后，可以生成维保报告（Word和PDF）。请务必在当月完成并提交当月下发的计划任务：任务的提交日期不能晚于报告月份的最后一天，否则将不能生成报告。未解决的故障会在以后各月的报告中继续列出。
        </Typography.Paragraph>
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>
            报告月份：
            <DatePicker
              picker="month"
              value={month}
              onChange={setMonth}
              allowClear={false}
              data-testid="report-month"
            />
          </span>
          <Input.TextArea
            rows={3}
            maxLength={1000}
            placeholder="备注说明（选填，印在报告的“消防技术服务机构备注说明”中）"
            value={remarks}
            onChange={(e) => setRemarks(e.target.value)}
          />
          {refusal && <Alert type="error" showIcon message={refusal} data-testid="refusal" />}
        </Space>
      </Modal>
    </PageCard>
  );
}
