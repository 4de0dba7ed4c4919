import { CloudDownloadOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Space, Spin, Tag, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { RegistryImportView as RegistryImport, RegistryName } from '@xf/domain/api/registries';
import { api, downloadFile } from '../../api/client';
import { useApiError } from '../../api/errors';
import { fmtDateTime } from '../../components/format';
import { PageCard } from '../../components/PageCard';
import { useServerTable } from '../../components/useServerTable';
import { FitTable } from '../../components/FitTable';
import { FileDropZone } from '../../components/FileDropZone';

export const REGISTRY_LABELS: Record<RegistryName, string> = {
  ministry: '部局社会消防技术服务信息系统',
  inspection: '消防"双随机、一公开"监督检查系统',
};

export const IMPORT_STATUS: Record<string, { text: string; color: string }> = {
  pending: { text: '排队中', color: 'default' },
  running: { text: '导入中', color: 'processing' },
  completed: { text: '已完成', color: 'success' },
  refused: { text: '已拒绝', color: 'error' },
  failed: { text: '失败', color: 'error' },
  interrupted: { text: '已中断', color: 'warning' },
};

const isRunning = (s: string) => s === 'pending' || s === 'running';

/** 登记系统导入: upload the registry's xlsx (or pull the feed) and review what changed. */
export function RegistryImportPage({ registry }: { registry: RegistryName }) {
  const navigate = useNavigate();
  const onError = useApiError();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<null | 'upload' | 'pull'>(null);
  const { tableProps, reload, data } = useServerTable((p) => api.getRegistryImports({ ...p, registry }), {
    registry,
  });
  const anyRunning = data?.items.some((i) => isRunning(i.status)) ?? false;

  // Imports may finish in the background: poll while one is still running.
  useEffect(() => {
    if (!anyRunning) return;
    const t = setInterval(reload, 2000);
    return () => clearInterval(t);
  }, [anyRunning, reload]);

  const finished = (imp: RegistryImport) => {
    if (isRunning(imp.status)) message.info('导入已开始，完成后列表将自动刷新');
    else if (imp.status === 'failed' || imp.status === 'refused')
      message.error(imp.message ?? '导入失败，请查看详情');
    else message.success('导入完成');
    reload();
    navigate(`/brigade/imports/detail/${imp.id}`);
  };

  const upload = async (file: File) => {
    setBusy('upload');
    try {
      finished(
        await (registry === 'ministry'
          ? api.createRegistryMinistryImport(file)
          : api.createRegistryInspectionImport(file)),
      );
    } catch (e) {
      onError(e);
    } finally {
      setBusy(null);
    }
  };

  const pull = async () => {
    setBusy('pull');
    try {
      finished(
        await (registry === 'ministry' ? api.postRegistryMinistryPull() : api.postRegistryInspectionPull()),
      );
    } catch (e) {
      onError(e);
    } finally {
      setBusy(null);
    }
  };

  const columns: TableColumnsType<RegistryImport> = [
    { title: '开始时间', dataIndex: 'startedAt', render: (v: string) => fmtDateTime(v) },
    { title: '完成时间', dataIndex: 'finishedAt', render: (v: string | null) => fmtDateTime(v) },
    {
      title: '来源',
      render: (_v, i) => {
        const source = i.sourceLabel ?? i.source;
        return i.fileName && i.fileName !== source ? `${source}（${i.fileName}）` : source;
      },
    },
    {
      title: '状态',
      dataIndex: 'status',
      render: (v: string, i) => (
        <Tag color={IMPORT_STATUS[v]?.color}>{i.statusLabel ?? IMPORT_STATUS[v]?.text ?? v}</Tag>
      ),
    },
    { title: '加入', render: (_v, i) => i.summary?.joined ?? '' },
    { title: '变更', render: (_v, i) => i.summary?.changed ?? '' },
    { title: '离开', render: (_v, i) => i.summary?.left ?? '' },
    {
      title: '错误行',
      render: (_v, i) =>
        i.summary?.errors ? (
          <span className="text-danger">{i.summary.errors}</span>
        ) : (
          (i.summary?.errors ?? '')
        ),
    },
    {
      title: '操作',
      render: (_v, i) => (
        <Button type="link" size="small" onClick={() => navigate(`/brigade/imports/detail/${i.id}`)}>
          查看差异
        </Button>
      ),
    },
  ];

  return (
    <PageCard
      title={`${registry === 'ministry' ? '部局系统导入' : '双随机系统导入'}（${REGISTRY_LABELS[registry]}）`}
      extra={
        <Space>
          <Button
            icon={<CloudDownloadOutlined />}
            onClick={() =>
              downloadFile(
                `/registry/${registry}/template`,
                `${registry === 'ministry' ? '部局' : '双随机'}导入模板.xlsx`,
              ).catch(onError)
            }
          >
            下载模板
          </Button>
          <Popconfirm title="从登记系统接口同步最新数据？" onConfirm={pull}>
            <Button icon={<SyncOutlined />} loading={busy === 'pull'}>
              接口同步
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      <Spin spinning={busy === 'upload'} tip="正在上传并导入，请稍候…">
        <FileDropZone
          accept=".xlsx"
          disabled={busy !== null}
          onFile={upload}
          text="点击或拖拽 Excel 文件（.xlsx）到此处导入"
          hint="请使用“下载模板”中的格式；导入后可查看加入、变更、离开的机构和人员以及错误行。"
        />
      </Spin>
      {anyRunning && (
        <Alert type="info" showIcon style={{ marginTop: 12 }} title="有导入正在进行，列表每2秒自动刷新" />
      )}
      <FitTable<RegistryImport>
        {...tableProps}
        size="small"
        bordered
        columns={columns}
        style={{ marginTop: 16 }}
      />
    </PageCard>
  );
}
