import { App, Button, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { http, type Query } from '../../api/client';
import { useApiError } from '../../api/errors';
import { useUser } from '../../auth/AuthContext';
import { PageCard } from '../../components/PageCard';
import { useServerTable } from '../../components/useServerTable';
import { openApiFile } from './openFile';
import type { ReportRow } from './types';
import { FitTable } from '../../components/FitTable';

/**
 * 备案报告 (manual §04): the technical lead reviews an uploaded report and files it with a face check;
 * a detachment sees the filed reports of its jurisdiction (已备案报告).
 */
export function ReportsPage() {
  const user = useUser();
  const onError = useApiError();
  const { message, modal } = App.useApp();
  const [filters, setFilters] = useState<Query>({});
  const [filing, setFiling] = useState<ReportRow | null>(null);
  const { tableProps, reload } = useServerTable<ReportRow>('/reports', filters);
  const isDetachment = user.kind === 'detachment';

  const remove = (r: ReportRow) =>
    modal.confirm({
      title: `删除报告：${r.projectName}`,
      content: '未备案的报告可以删除，删除后需重新上传。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '返回',
      onOk: async () => {
        try {
          await http.del(`/reports/${r.id}`);
          message.success('报告已删除');
          reload();
        } catch (e) {
          onError(e);
        }
      },
    });

  return (
    <PageCard
      title={isDetachment ? '已备案报告' : '备案报告'}
      extra={
        <Select
          allowClear
          placeholder="报告类别"
          style={{ width: 120 }}
          onChange={(kind) => setFilters((f) => ({ ...f, kind }))}
          options={[
            { value: 'maintenance', label: '维保' },
            { value: 'testing', label: '检测' },
          ]}
        />
      }
    >
      <FitTable<ReportRow>
        {...tableProps}
        columns={[
          { title: '项目名称', render: (_, r) => `${r.projectName} (项目id: ${r.projectId})` },
          { title: '机构名称', dataIndex: 'institutionName' },
          { title: '类别', dataIndex: 'kindLabel', width: 70 },
          {
            title: '报告属性',
            render: (_, r) => (r.planMonth ? `${r.attributeLabel}（${r.planMonth}）` : r.attributeLabel),
          },
          { title: '报告生成形式', dataIndex: 'sourceLabel', width: 110 },
          { title: '报告完成日期', dataIndex: 'completedOn', width: 120 },
          { title: '实际备案日期', width: 120, render: (_, r) => r.filedOn ?? '' },
          {
            title: '状态',
            width: 90,
            render: (_, r) => (
              <Tag color={r.status === 'filed' ? 'success' : 'processing'}>{r.statusLabel}</Tag>
            ),
          },
          {
            title: '操作',
            width: 260,
            fixed: 'right',
            render: (_, r) => (
              <Space size={0} wrap>
                {r.reportFileUrl && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => void openApiFile(r.reportFileUrl!).catch(onError)}
                  >
                    {r.kind === 'testing' ? '检测报告' : '查看报告'}
                  </Button>
                )}
                {r.rawRecordFileUrl && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => void openApiFile(r.rawRecordFileUrl!).catch(onError)}
                  >
                    原始记录
                  </Button>
                )}
                {r.abilities?.file && (
                  <Button type="link" size="small" onClick={() => setFiling(r)} data-testid={`file-${r.id}`}>
                    备案报告
                  </Button>
                )}
                {r.abilities?.delete && (
                  <Button type="link" size="small" danger onClick={() => remove(r)}>
                    删除
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {filing && (
        <FilingModal
          report={filing}
          onClose={() => setFiling(null)}
          onDone={() => {
            setFiling(null);
            reload();
          }}
        />
      )}
    </PageCard>
  );
}

/** The face check: a live photo (the phone's front camera, or a file on a PC) against the approved profile. */
function FilingModal({
  report,
  onClose,
  onDone,
}: {
  report: ReportRow;
  onClose: () => void;
  onDone: () => void;
}) {
  const onError = useApiError();
  const { message } = App.useApp();
  const [photo, setPhoto] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    if (!photo) return onError(new Error('请先拍摄本人人脸照片'));
    setSaving(true);
    try {
      const fd = new FormData();
      fd.append('photo', photo);
      await http.upload(`/reports/${report.id}/file`, fd);
      message.success('人脸比对通过，报告已备案并推送给管辖支队');
      onDone();
    } catch (e) {
      onError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={`备案报告：${report.projectName}`}
      okText="人脸比对并备案"
      cancelText="返回"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="warning">注意：备案后的报告不能被删除和修改！</Typography.Paragraph>
      <Typography.Paragraph>报告结论：{report.conclusion}</Typography.Paragraph>
      <label>
        <Typography.Text strong>人脸比对：</Typography.Text>
        <input
          type="file"
          accept="image/*"
          capture="user"
          data-testid="face-photo"
          onChange={(e) => {
            const f = e.target.files?.[0] ?? null;
            setPhoto(f);
            setPreview(f ? URL.createObjectURL(f) : null);
          }}
        />
      </label>
      {preview && (
        <img src={preview} alt="人脸照片" style={{ display: 'block', marginTop: 12, maxWidth: 200 }} />
      )}
    </Modal>
  );
}
