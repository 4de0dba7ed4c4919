import { App, Button, Popover, Progress, Space, Tag, Typography } from 'antd';
import type { ReportView } from '@xf/domain/api/reports';
import { api } from '../../api/client';
import { useApiError } from '../../api/errors';
import { FitTable } from '../../components/FitTable';
import { PageCard } from '../../components/PageCard';
import { useServerTable } from '../../components/useServerTable';
import { openApiFile } from '../special/openFile';

const statusColor: Record<ReportView['status'], string> = {
  generating: 'processing',
  failed: 'error',
  uploaded: 'warning',
  filed: 'success',
};

const newKey = () => `retest-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * 查看检测报告 (manual §02) and 查看维保报告 (§03): generated and uploaded reports of one kind, their files, hashes
 * and filing state; a maintenance report shows its month. From a generated testing report with failed items the
 * admin makes the one 复检计划 (生成检测报告 5, 复检计划只能进行一次).
 */
export function ReportFilesPage({ kind, title }: { kind: 'testing' | 'maintenance'; title: string }) {
  const onError = useApiError();
  const { message, modal } = App.useApp();
  const { tableProps, reload } = useServerTable((p) => api.getReports({ ...p, kind }), { kind });
  const createRetest = (r: ReportView) =>
    modal.confirm({
      title: '建立复检计划',
      content: `针对报告${r.reportNo ?? ''}中的不合格项建立复检计划（“${r.projectName ?? ''}（复检）”），由项目负责人下发、操作员复检，完成后生成复检报告。原检测报告不变。复检计划只能进行一次，确定建立吗？`,
      okText: '建立',
      cancelText: '取消',
      onOk: async () => {
        try {
          const plan = await api.postProjectRetestPlan(r.projectId, { idempotencyKey: newKey() });
          message.success(
            `已建立复检计划“${plan.siteName}”：${plan.singleItemCodes.length}个单项、${plan.itemCount}个检测项，请项目负责人下发`,
          );
          reload();
        } catch (e) {
          onError(e);
        }
      },
    });
  const file = (url: string | null, label: string) =>
    url && (
      <Button type="link" size="small" onClick={() => void openApiFile(url).catch(onError)}>
        {label}
      </Button>
    );

  return (
    <PageCard title={title}>
      <FitTable<ReportView>
        {...tableProps}
        columns={[
          {
            title: '报告编号',
            width: 170,
            render: (_, r) => (
              <>
                {r.reportNo ?? '—'}
                {r.retestOfReportId && (
                  <div>
                    <Tag color="purple">复检报告</Tag>
                    <Typography.Text type="secondary">原报告{r.retestOfReportNo ?? ''}</Typography.Text>
                  </div>
                )}
              </>
            ),
          },
          { title: '项目名称', dataIndex: 'projectName' },
          ...(kind === 'maintenance'
            ? [{ title: '报告月份', width: 90, render: (_: unknown, r: ReportView) => r.planMonth ?? '—' }]
            : []),
          { title: '报告生成形式', dataIndex: 'sourceLabel', width: 110 },
          { title: '报告完成日期', dataIndex: 'completedOn', width: 120 },
          {
            title: '状态',
            width: 170,
            render: (_, r) =>
              r.status === 'generating' ? (
                <Progress percent={r.progress} size="small" />
              ) : (
                <Tag color={statusColor[r.status]}>{r.statusLabel}</Tag>
              ),
          },
          { title: '结论', dataIndex: 'conclusion' },
          {
            title: '文件',
            width: 300,
            render: (_, r) => (
              <Space size={0} wrap>
                {file(r.reportFileUrl, '报告PDF')}
                {file(r.reportDocxUrl, '报告Word')}
                {file(r.rawRecordFileUrl, '原始记录PDF')}
                {file(r.rawRecordDocxUrl, '原始记录Word')}
                {r.abilities?.createRetest && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => createRetest(r)}
                    data-testid={`retest-${r.id}`}
                  >
                    建立复检计划
                  </Button>
                )}
                {r.retestProjectId && <Tag color="purple">已建立复检计划</Tag>}
                {r.hashes.length > 0 && (
                  <Popover
                    title="SHA-256"
                    content={
                      <div style={{ maxWidth: 560 }}>
                        {r.hashes.map((h) => (
                          <div key={h.label}>
                            {h.label}：
                            <Typography.Text code copyable>
                              {h.sha256}
                            </Typography.Text>
                          </div>
                        ))}
                        {r.verifyUrl && (
                          <div>
                            核验页面：
                            <a href={r.verifyUrl} target="_blank" rel="noreferrer">
                              {r.verifyUrl}
                            </a>
                          </div>
                        )}
                      </div>
                    }
                  >
                    <Button type="link" size="small">
                      哈希
                    </Button>
                  </Popover>
                )}
              </Space>
            ),
          },
        ]}
      />
    </PageCard>
  );
}
