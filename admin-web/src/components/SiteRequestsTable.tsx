import { Space, Tag, Tooltip, Typography, type TablePaginationConfig } from 'antd';
import type { SiteRequestView } from '@xf/domain/api/site-requests';
import { AuthImage } from './AuthImage';
import { FitTable } from './FitTable';
import { fmtDateTime } from './format';

/** Distance → 0–1 score on the fixed scale the server uses for display (face/face-distance.ts). */
const faceScore = (distance: number) => Math.min(1, Math.max(0, 1 - distance / 1.2));

/**
 * Site requests (开始申请 / 提交申请, testing and maintenance alike) with the checks the server ran: location
 * distance, mock location, face score, the live photo and the lead's decision. 查看提交申请处理 lists them all; a
 * maintenance task's detail (查看现场提交记录) shows its own.
 */
export function SiteRequestsTable({
  rows,
  loading = false,
  pagination = false,
  emptyText = '暂无申请',
  showSite = true,
}: {
  rows: SiteRequestView[];
  loading?: boolean;
  pagination?: false | TablePaginationConfig;
  emptyText?: string;
  /** The project column (left out where the page is about one project's task). */
  showSite?: boolean;
}) {
  return (
    <FitTable<SiteRequestView>
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={pagination}
      locale={{ emptyText }}
      columns={[
        ...(showSite ? [{ title: '项目名称', dataIndex: 'siteName' }] : []),
        { title: '申请类型', dataIndex: 'kindLabel', width: 120 },
        {
          title: '操作员',
          width: 110,
          render: (_, r) => r.requestedBy.displayName || r.requestedBy.accountName,
        },
        { title: '申请时间', width: 160, render: (_, r) => fmtDateTime(r.requestedAt) },
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
          width: 110,
          // 未知 (the device could not tell) is shown as such, never as 否 (创新特点5).
          render: (_, r) =>
            r.locationCheck.isMock === false ? (
              r.locationCheck.mockLabel
            ) : (
              <Tag color={r.locationCheck.isMock ? 'error' : 'warning'}>{r.locationCheck.mockLabel}</Tag>
            ),
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
          render: (_, r) => <AuthImage src={r.photoUrl} alt="现场照片" width={48} height={48} />,
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
        { title: '处理时间', width: 160, render: (_, r) => fmtDateTime(r.decidedAt) },
        {
          title: '说明',
          render: (_, r) => <Typography.Text type="secondary">{r.decisionReason ?? ''}</Typography.Text>,
        },
      ]}
    />
  );
}
