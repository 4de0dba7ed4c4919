import { Alert, App, Button, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, downloadFile, http, type Query } from '../../api/client';
import { LiveCamera } from '../../components/LiveCamera';
import { useApiError } from '../../api/errors';
import { useUser } from '../../auth/AuthContext';
import { PageCard } from '../../components/PageCard';
import { useServerTable } from '../../components/useServerTable';
import { openApiFile } from './openFile';
import type { ReportRow } from './types';
import { FitTable } from '../../components/FitTable';

/**
 * 备案报告 (manual §02/§04): the technical lead reviews an uploaded report and files it with a live face
 * check; 备案检测报告 is the same list kept to testing reports (its filing status); a detachment receives the
 * filed reports of its jurisdiction (已接收报告) with their SHA-256, to download and check.
 */
export function ReportsPage({ kind, title }: { kind?: 'testing' | 'maintenance'; title?: string }) {
  const user = useUser();
  const onError = useApiError();
  const { message, modal } = App.useApp();
  const [filters, setFilters] = useState<Query>(kind ? { kind } : {});
  const [filing, setFiling] = useState<ReportRow | null>(null);
  const [checking, setChecking] = useState<ReportRow | null>(null);
  const { tableProps, reload } = useServerTable<ReportRow>('/reports', filters);
  // The detachment receives filed reports and checks their SHA-256 (the session's `report.verify` ability).
  const isDetachment = !!user.abilities['report.verify'];

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
      title={title ?? (isDetachment ? '已接收报告' : '备案报告')}
      extra={
        !kind && (
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
        )
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
          ...(isDetachment
            ? [
                {
                  title: '报告SHA-256',
                  width: 150,
                  render: (_: unknown, r: ReportRow) => (
                    <Typography.Text copyable={{ text: r.hashes[0]?.sha256 ?? '' }} code>
                      {r.hashes[0]?.sha256.slice(0, 12)}…
                    </Typography.Text>
                  ),
                },
              ]
            : []),
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
                {r.reportFileUrl && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() =>
                      void downloadFile(
                        r.reportFileUrl!.replace(/^\/api/, ''),
                        `${r.projectName ?? '报告'}-${r.kind === 'testing' ? '检测报告' : '维保报告'}.pdf`,
                      ).catch(onError)
                    }
                  >
                    下载
                  </Button>
                )}
                {isDetachment && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setChecking(r)}
                    data-testid={`verify-${r.id}`}
                  >
                    校验文件
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
      {checking && <HashCheckModal report={checking} onClose={() => setChecking(null)} />}
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

/**
 * 校验文件: the SHA-256 of a downloaded file, computed in the browser (crypto.subtle), against the report's.
 * The same file gives the same hash; any change to it gives another.
 */
function HashCheckModal({ report, onClose }: { report: ReportRow; onClose: () => void }) {
  const [result, setResult] = useState<{ name: string; hash: string } | null>(null);
  const check = async (file: File) => {
    const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
    const hash = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    setResult({ name: file.name, hash });
  };
  const expected = report.hashes.map((h) => h.sha256);
  const same = result && expected.includes(result.hash);
  return (
    <Modal open title={`校验文件：${report.projectName}`} footer={null} onCancel={onClose} destroyOnHidden>
      {report.hashes.map((h, i) => (
        <Typography.Paragraph key={h.label}>
          {h.label} SHA-256：
          <Typography.Text code copyable data-testid={i === 0 ? 'expected-hash' : undefined}>
            {h.sha256}
          </Typography.Text>
        </Typography.Paragraph>
      ))}
      <Typography.Paragraph type="secondary">
        选择已下载的报告文件，在本机浏览器中计算SHA-256（文件不会上传），与备案时的值比对。
      </Typography.Paragraph>
      <input
        type="file"
        data-testid="verify-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void check(f);
        }}
      />
      {result && (
        <Alert
          style={{ marginTop: 12 }}
          type={same ? 'success' : 'error'}
          showIcon
          data-testid="verify-result"
          title={
            same
              ? `校验通过：${result.name} 与备案的文件一致`
              : `校验不通过：${result.name} 与备案的文件不一致`
          }
          description={`本地计算的SHA-256：${result.hash}`}
        />
      )}
    </Modal>
  );
}

/** The face check: a live photo from the camera (never a file from disk) against the approved profile. */
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
  const [photo, setPhoto] = useState<Blob | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    if (!photo) return onError(new Error('请先对准摄像头拍摄本人现场照片'));
    setSaving(true);
    try {
      await api.postReportFile(report.id, new File([photo], 'live.jpg', { type: 'image/jpeg' }));
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
      okButtonProps={{ disabled: !photo }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="warning">注意：备案后的报告不能被删除和修改！</Typography.Paragraph>
      <Typography.Paragraph>报告结论：{report.conclusion}</Typography.Paragraph>
      <Typography.Paragraph strong>人脸比对：请本人正对摄像头拍摄现场照片</Typography.Paragraph>
      <LiveCamera onCapture={setPhoto} />
    </Modal>
  );
}
