import { faceProfileStatusLabels } from '@xf/domain/api/accounts';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Segmented,
  Space,
  Tag,
} from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useApiError } from '../../api/errors';
import { operatorGradeLabels } from '@xf/domain/api/institutions';
import type { FaceProfileView as FaceProfileListItem } from '@xf/domain/api/accounts';
import { ACCOUNT_KIND_LABELS } from '../../api/types';
import { AuthImage } from '../../components/AuthImage';
import { fmtDateTime } from '../../components/format';
import { PageCard } from '../../components/PageCard';
import { useServerTable } from '../../components/useServerTable';

/** Tag colours by state; the labels come with each row (statusLabel, from the face-profile machine). */
const STATUS_COLOR: Record<string, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
};

const certificateLines = (p: FaceProfileListItem): [string, string][] => {
  const c = p.certificate;
  const lines: [string, string][] = [];
  if (p.accountKind) lines.push(['账号类别', ACCOUNT_KIND_LABELS[p.accountKind]]);
  if (p.idNumberMasked) lines.push(['身份证号', p.idNumberMasked]);
  if (c) {
    lines.push(['证书', `${c.type}${c.level ? `（${operatorGradeLabels[c.level] ?? c.level}）` : ''}`]);
    if (c.number) lines.push([c.type === '注册消防工程师' ? '注册号' : '证书编号', c.number]);
    if (c.validTo) lines.push(['有效期至', c.validTo]);
  }
  return lines;
};

type ReviewStatus = 'pending' | 'approved' | 'rejected';

/** 人脸底图审核: the submitted photo next to the person's certificate data; approve or reject with a reason. */
export function FaceReviewPage() {
  const onError = useApiError();
  const { message } = App.useApp();
  const [status, setStatus] = useState<ReviewStatus>('pending');
  const { tableProps, reload } = useServerTable((p) => api.getFaceProfiles({ ...p, status }), { status }, 10);
  const [rejecting, setRejecting] = useState<FaceProfileListItem | null>(null);
  const [busyId, setBusyId] = useState<FaceProfileListItem['id'] | null>(null);
  const [form] = Form.useForm<{ reason: string }>();

  const approve = async (p: FaceProfileListItem) => {
    setBusyId(p.id);
    try {
      await api.postFaceProfileApprove(p.id);
      message.success(`已通过 ${p.personName} 的人脸底图`);
      reload();
    } catch (e) {
      onError(e);
    } finally {
      setBusyId(null);
    }
  };

  const reject = async ({ reason }: { reason: string }) => {
    if (!rejecting) return;
    try {
      await api.postFaceProfileReject(rejecting.id, { reason: reason.trim() });
      message.success(`已驳回 ${rejecting.personName} 的人脸底图`);
      setRejecting(null);
      form.resetFields();
      reload();
    } catch (e) {
      onError(e, form);
    }
  };

  return (
    <PageCard
      title="人脸底图审核"
      extra={
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as ReviewStatus)}
          options={Object.keys(STATUS_COLOR).map((value) => ({
            value,
            label: faceProfileStatusLabels[value as ReviewStatus],
          }))}
        />
      }
    >
      <List<FaceProfileListItem>
        loading={tableProps.loading}
        dataSource={tableProps.dataSource}
        rowKey="id"
        locale={{
          emptyText: <Empty description={status === 'pending' ? '没有待审核的人脸底图' : '暂无记录'} />,
        }}
        pagination={
          tableProps.pagination.total
            ? {
                current: tableProps.pagination.current,
                pageSize: tableProps.pagination.pageSize,
                total: tableProps.pagination.total,
                onChange: tableProps.pagination.onChange,
              }
            : false
        }
        renderItem={(p) => (
          <List.Item key={String(p.id)}>
            <Card size="small" style={{ width: '100%' }} data-testid={`face-profile-${p.id}`}>
              <Space align="start" size="large" wrap>
                <div style={{ textAlign: 'center' }}>
                  <AuthImage src={p.photoUrl} alt="人脸底图" width={180} height={220} />
                  <div>提交的人脸底图</div>
                </div>
                <Descriptions size="small" column={1} bordered style={{ minWidth: 360 }}>
                  <Descriptions.Item label="姓名">{p.personName}</Descriptions.Item>
                  <Descriptions.Item label="账号">{p.accountName}</Descriptions.Item>
                  <Descriptions.Item label="所属机构">{p.institutionName}</Descriptions.Item>
                  {certificateLines(p).map(([label, v]) => (
                    <Descriptions.Item key={label} label={label}>
                      {v}
                    </Descriptions.Item>
                  ))}
                  <Descriptions.Item label="提交时间">{fmtDateTime(p.submittedAt)}</Descriptions.Item>
                  <Descriptions.Item label="状态">
                    <Tag color={STATUS_COLOR[p.status]}>{p.statusLabel}</Tag>
                    {p.rejectReason && <span>驳回原因：{p.rejectReason}</span>}
                  </Descriptions.Item>
                </Descriptions>
                {p.status === 'pending' && (
                  <Space direction="vertical">
                    <Popconfirm
                      title={`通过 ${p.personName} 的人脸底图？`}
                      description="通过后即用于现场和备案时的人脸比对，不能撤回。"
                      okText="确认通过"
                      cancelText="返回"
                      onConfirm={() => approve(p)}
                    >
                      <Button type="primary" loading={busyId === p.id}>
                        通过
                      </Button>
                    </Popconfirm>
                    <Button danger onClick={() => setRejecting(p)}>
                      驳回
                    </Button>
                  </Space>
                )}
              </Space>
            </Card>
          </List.Item>
        )}
      />
      <Modal
        open={rejecting !== null}
        title={`驳回人脸底图：${rejecting?.personName ?? ''}`}
        okText="驳回"
        okButtonProps={{ danger: true }}
        onOk={() => form.submit()}
        onCancel={() => {
          setRejecting(null);
          form.resetFields();
        }}
        destroyOnHidden
      >
        <Alert
          type="warning"
          showIcon
          title="驳回后不能撤回：该人员需要重新上传人脸底图，审核通过前不能使用APP和微信端。"
          style={{ marginBottom: 16 }}
        />
        <Form form={form} layout="vertical" onFinish={reject} preserve={false}>
          <Form.Item
            label="驳回原因"
            name="reason"
            rules={[
              { required: true, whitespace: true, message: '请填写驳回原因' },
              // Same limits as the server, so the reviewer learns them before sending.
              {
                validator: (_r, v: string | undefined) =>
                  !v?.trim() || v.trim().length >= 2
                    ? Promise.resolve()
                    : Promise.reject(new Error('请填写驳回原因（至少2个字）')),
              },
            ]}
          >
            <Input.TextArea
              rows={3}
              maxLength={300}
              showCount
              placeholder="如：照片模糊、非本人正面免冠照片"
            />
          </Form.Item>
        </Form>
      </Modal>
    </PageCard>
  );
}
