import { Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { SiteRequestStatus, SiteRequestView } from '@xf/domain/api/site-requests';
import { api } from '../../api/client';
import { useApiError } from '../../api/errors';
import { AuthImage } from '../../components/AuthImage';
import { FitTable } from '../../components/FitTable';
import { PageCard } from '../../components/PageCard';

/** Distance → 0–1 score on the fixed scale the server uses for display (face/face-distance.ts). */
const faceScore = (distance: number) => Math.min(1, Math.max(0, 1 - distance / 1.2));
const time = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '');

/**
 * 查看提交申请处理 (manual §02): every start/submit request of the institution's projects with the checks the
 * server ran (location distance, mock location, face score) and the lead's decision.
 */
export function SiteRequestsPage() {
  const onError = useApiError();
  const [status, setStatus] = useState<SiteRequestStatus | undefined>();
  const [rows, setRows] = useState<SiteRequestView[] | null>(null);
  useEffect(() => {
    setRows(null);
    api.getSiteRequests(status ? { status } : {}).then((r) => setRows(r.items), onError);
  }, [status, onError]);

  return (
    <PageCard
      title="查看提交申请处理"
      extra={
        <Select
          allowClear
          placeholder="处理状态"
          style={{ width: 140 }}
          onChange={setStatus}
          options={[
            { value: 'pending', label: '待审批' },
            { value: 'approved', label: '已同意' },
            { value: 'rejected', label: '已驳回' },
          ]}
        />
      }
    >
      <FitTable<SiteRequestView>
        rowKey="id"
        loading={rows === null}
        dataSource={rows ?? []}
        pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 条` }}
        locale={{ emptyText: '暂无申请：操作员在APP提交开始检测或提交检测结果申请后显示在这里' }}
        columns={[
          { title: '项目名称', dataIndex: 'siteName' },
          { title: '申请类型', dataIndex: 'kindLabel', width: 120 },
          {
            title: '操作员',
            width: 110,
            render: (_, r) => r.requestedBy.displayName || r.requestedBy.accountName,
          },
          { title: '申请时间', width: 140, render: (_, r) => time(r.requestedAt) },
          {
            title: '位置校验',
            width: 170,
            render: (_, r) => (
              <Tooltip title={r.locationCheck.message}>
                <Space size={4}>
                  <Tag color={r.locationCheck.inside ? 'success' : 'error'}>
                    {r.locationCheck.inside ? '在范围内' : '不通过'}
                  </Tag>
                  {r.locationCheck.distanceM != null && `${Math.round(r.locationCheck.distanceM)} 米`}
                </Space>
              </Tooltip>
            ),
          },
          {
            title: '模拟定位',
            width: 90,
            render: (_, r) => (r.locationCheck.isMock ? <Tag color="error">是</Tag> : '否'),
          },
          {
            title: '人脸比对',
            width: 130,
            render: (_, r) => (
              <Space size={4}>
                <Tag color={r.faceCheck.accepted ? 'success' : 'error'}>
                  {r.faceCheck.accepted ? '通过' : '不通过'}
                </Tag>
                {`${Math.round(faceScore(r.faceCheck.distance) * 100)}分`}
              </Space>
            ),
          },
          {
            title: '现场照片',
            width: 90,
            render: (_, r) => (
              <AuthImage src={r.photoUrl.replace(/^\/api/, '')} alt="现场照片" width={48} height={48} />
            ),
          },
          {
            title: '处理结果',
            width: 110,
            render: (_, r) => (
              <Space size={4}>
                <Tag color={{ pending: 'processing', approved: 'success', rejected: 'error' }[r.status]}>
                  {r.statusLabel}
                </Tag>
                {r.forcedOverride && <Tag color="red">强行同意</Tag>}
              </Space>
            ),
          },
          { title: '处理时间', width: 140, render: (_, r) => time(r.decidedAt) },
          {
            title: '说明',
            render: (_, r) => <Typography.Text type="secondary">{r.decisionReason ?? ''}</Typography.Text>,
          },
        ]}
      />
    </PageCard>
  );
}
