import { App, Typography } from 'antd';
import type { ProjectRow } from '@xf/domain/api/projects';
import { api } from '../../api/client';
import { useApiError } from '../../api/errors';
import { PageCard } from '../../components/PageCard';
import { ReportProjectsTable, RunningReports } from '../reports/ReportGenerateParts';
import { useRunningReports } from '../reports/useRunningReports';

const newKey = () => `report-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * 生成检测报告 (manual §02 机构管理员在电脑端生成检测报告 1–4): the admin starts a report of a project whose testing
 * plan the lead approved; the server refuses otherwise (and outside the testing period) with its reason. The
 * reports being generated are shown with their progress until they are done.
 */
export function TestingReportGeneratePage() {
  const onError = useApiError();
  const { message, modal } = App.useApp();
  const { running, refresh } = useRunningReports('testing');

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
      <RunningReports running={running} />
      <ReportProjectsTable kind="testing" onGenerate={start} />
    </PageCard>
  );
}
