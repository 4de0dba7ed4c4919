import { Descriptions, Empty, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { MaintenanceRecordView } from '@xf/domain/api/maintenance-records';
import type { MaintenanceTaskDetail as Detail } from '@xf/domain/api/maintenance-tasks';
import { api } from '../../api/client';
import { useApiError } from '../../api/errors';
import { AuthImage } from '../../components/AuthImage';
import { FitTable } from '../../components/FitTable';
import { fmtDateTime } from '../../components/format';
import { SiteRequestsTable } from '../../components/SiteRequestsTable';
import { FaultTimeline } from './FaultTimeline';
import { faultStatusTag, taskStatusTag } from './maintenanceTags';

const CONFORMITY_COLORS = {
  conforming: 'success',
  nonconforming: 'error',
  not_applicable: 'default',
} as const;

/** What the operator entered on a line besides 符合/不符合: the prompts' answers, or why it could not be checked. */
function LineEntry({ r }: { r: MaintenanceRecordView }) {
  if (r.checkable)
    return (
      <Space direction="vertical" size={0}>
        {r.answers.map((a) => (
          <Typography.Text key={a.promptId} type={a.conforming ? undefined : 'danger'}>
            {a.text}：{a.answer}
          </Typography.Text>
        ))}
      </Space>
    );
  return (
    <Space direction="vertical" size={0}>
      <Typography.Text>{r.notCheckableReasonLabel}</Typography.Text>
      {r.explanation && <Typography.Text type="secondary">说明：{r.explanation}</Typography.Text>}
      {r.mismatch && (
        <Typography.Text type="secondary">
          {`测试项：${r.mismatch.itemName}；位置：${r.mismatch.location}；测试过程：${r.mismatch.process}；测试结果：${r.mismatch.result}`}
        </Typography.Text>
      )}
    </Space>
  );
}

/** Photos of a line: the "+" photos and, for 不具备测试条件, the client's signature (each opens full size). */
function LinePhotos({ r }: { r: MaintenanceRecordView }) {
  if (!r.photoUrls.length && !r.signaturePhotoUrl && !r.videoUrls.length) return null;
  return (
    <Space wrap size={4}>
      {r.photoUrls.map((url) => (
        <AuthImage key={url} src={url} alt="维保照片" width={56} height={56} />
      ))}
      {r.signaturePhotoUrl && (
        <Space direction="vertical" size={0}>
          <AuthImage src={r.signaturePhotoUrl} alt="甲方签字照片" width={56} height={56} />
          <Typography.Text type="secondary">甲方签字</Typography.Text>
        </Space>
      )}
      {r.videoUrls.length > 0 && <Tag>视频{r.videoUrls.length}段</Tag>}
    </Space>
  );
}

/**
 * One maintenance task as submitted from the site: its 开始申请 and 提交申请 with the checks the server ran, every
 * line per facility (能检查/不能检查, the answers, 符合/不符合, the reason, the "+" text and photos, the signature),
 * and the faults its 不符合 lines opened with their handling so far.
 */
export function MaintenanceTaskDetail({ id }: { id: number }) {
  const onError = useApiError();
  const [task, setTask] = useState<Detail | null>(null);
  useEffect(() => {
    let cancelled = false;
    api.getMaintenanceTask(id).then((t) => !cancelled && setTask(t), onError);
    return () => {
      cancelled = true;
    };
  }, [id, onError]);
  if (!task) return <Spin />;
  const requests = [task.startRequest, task.submitRequest].filter((r) => r !== null);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="maintenance-task-detail">
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label="项目名称">{task.siteName}</Descriptions.Item>
        <Descriptions.Item label="维保计划">{`${task.planMonth} ${task.planKindLabel}`}</Descriptions.Item>
        <Descriptions.Item label="状态">{taskStatusTag(task.status, task.statusLabel)}</Descriptions.Item>
        <Descriptions.Item label="操作员">
          {task.operator.displayName || task.operator.accountName}
        </Descriptions.Item>
        <Descriptions.Item label="开始时间">{fmtDateTime(task.startedAt)}</Descriptions.Item>
        <Descriptions.Item label="提交时间">{fmtDateTime(task.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label="审核人">
          {task.reviewedBy ? task.reviewedBy.displayName || task.reviewedBy.accountName : ''}
        </Descriptions.Item>
        <Descriptions.Item label="审核时间">{fmtDateTime(task.reviewedAt)}</Descriptions.Item>
        <Descriptions.Item label="审核意见">{task.reviewReason ?? ''}</Descriptions.Item>
        <Descriptions.Item label="消防设施" span={3}>
          {task.facilities.map((f) => `${f.systemName}／${f.name}`).join('；')}
        </Descriptions.Item>
      </Descriptions>

      <div>
        <Typography.Title level={5}>开始申请与提交申请</Typography.Title>
        <SiteRequestsTable rows={requests} showSite={false} emptyText="暂无申请" />
      </div>

      <div>
        <Typography.Title level={5}>维保记录</Typography.Title>
        <FitTable<MaintenanceRecordView>
          rowKey="id"
          size="small"
          bordered
          pagination={false}
          dataSource={task.records}
          locale={{ emptyText: <Empty description="操作员尚未提交维保结果" /> }}
          columns={[
            {
              title: '消防设施',
              width: 180,
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <span>{`${r.facilityName}（${r.facilityIndex}）`}</span>
                  <Typography.Text type="secondary">{r.facilityLocation || r.systemName}</Typography.Text>
                </Space>
              ),
            },
            { title: '维保内容', width: 220, render: (_, r) => `${r.lineLetter}. ${r.lineText}` },
            {
              title: '能否检查',
              width: 80,
              render: (_, r) => (r.checkable ? '能检查' : <Tag>不能检查</Tag>),
            },
            { title: '检查情况', width: 220, render: (_, r) => <LineEntry r={r} /> },
            {
              title: '测试结果',
              width: 80,
              render: (_, r) => <Tag color={CONFORMITY_COLORS[r.conformity]}>{r.conformityLabel}</Tag>,
            },
            { title: '备注', width: 140, render: (_, r) => r.note },
            { title: '照片', width: 200, render: (_, r) => <LinePhotos r={r} /> },
          ]}
        />
      </div>

      {task.faults.length > 0 && (
        <div>
          <Typography.Title level={5}>设施故障及处理</Typography.Title>
          <Space direction="vertical" style={{ width: '100%' }}>
            {task.faults.map((f) => (
              <div key={f.id}>
                <Typography.Text
                  strong
                >{`${f.systemName}：${f.facilityName}（${f.facilityIndex}）—${f.lineLetter}. ${f.lineText}：${f.description}`}</Typography.Text>{' '}
                {faultStatusTag(f.status, f.statusLabel)}
                <FaultTimeline fault={f} />
              </div>
            ))}
          </Space>
        </div>
      )}
    </Space>
  );
}
