import { Alert, App, DatePicker, Input, Modal, Space, Typography } from 'antd';
import type { ProjectRow } from '@xf/domain/api/projects';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { PageCard } from '../../components/PageCard';
import { ReportProjectsTable, RunningReports } from '../reports/ReportGenerateParts';
import { useRunningReports } from '../reports/useRunningReports';

const newKey = () => `maint-report-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * 生成维保报告 (manual §03 机构管理员在电脑端生成维保报告 1–2): the admin chooses a maintenance project and a month and
 * may write 备注说明; the server refuses a month whose dispatched plans are not complete and approved, or whose
 * tasks were submitted after the month's last day, with its reason shown here. Reports being generated are listed
 * with their progress until they are done.
 */
export function MaintenanceReportGeneratePage() {
  const { message } = App.useApp();
  const { running, refresh } = useRunningReports('maintenance');
  const [project, setProject] = useState<ProjectRow | null>(null);
  const [month, setMonth] = useState<Dayjs | null>(dayjs().subtract(1, 'month'));
  const [remarks, setRemarks] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
      <RunningReports running={running} showMonth />
      <ReportProjectsTable kind="maintenance" onGenerate={open} />
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
