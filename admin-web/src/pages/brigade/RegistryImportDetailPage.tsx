import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Result, Segmented, Spin, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type {
  RegistryChangeView as RegistryChange,
  RegistryImportDetail,
  RegistryRowError as RowError,
} from '@xf/domain/api/registries';
import { api } from '../../api/client';
import { useApiError } from '../../api/errors';
import { CHANGE_LABELS, fmtDateTime, registryFieldLabel } from '../../components/format';
import { PageCard } from '../../components/PageCard';
import { IMPORT_STATUS, REGISTRY_LABELS } from './RegistryImportPage';
import { FitTable } from '../../components/FitTable';

const PAGE_SIZE = 20;

/** What one registry import changed (joined / changed / left) and which rows were refused. */
export function RegistryImportDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const onError = useApiError();
  const [detail, setDetail] = useState<RegistryImportDetail | null>(null);
  const [failed, setFailed] = useState(false);
  const [change, setChange] = useState<string>('all');
  const [page, setPage] = useState(1);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    const load = () => {
      setLoading(true);
      api
        .getRegistryImport(id!, {
          change: change === 'all' ? undefined : (change as RegistryChange['change']),
          page,
          pageSize: PAGE_SIZE,
        })
        .then(
          (d) => {
            if (cancelled) return;
            setDetail(d);
            // Imports may still be running in the background: keep polling until they finish.
            if (d.status === 'running') timer = setTimeout(load, 2000);
          },
          (e) => {
            if (cancelled) return;
            setFailed(true);
            onError(e);
          },
        )
        .finally(() => !cancelled && setLoading(false));
    };
    load();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [id, change, page, onError]);

  if (failed) return <Result status="404" title="未找到该导入记录" />;
  if (!detail) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  const s = detail.summary;
  const running = detail.status === 'running';
  const status = IMPORT_STATUS[detail.status];

  return (
    <PageCard
      title={
        <span>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate(`/brigade/imports/${detail.registry}`)}
          />
          导入详情
        </span>
      }
    >
      {detail.message && (
        <Alert
          type={detail.status === 'completed' ? 'info' : 'error'}
          showIcon
          title={detail.message}
          style={{ marginBottom: 12 }}
        />
      )}
      <Descriptions bordered size="small" column={3} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="登记系统">
          {detail.registryLabel ?? REGISTRY_LABELS[detail.registry]}
        </Descriptions.Item>
        <Descriptions.Item label="来源">
          {detail.sourceLabel ?? detail.source}
          {detail.fileName && detail.fileName !== detail.sourceLabel ? `（${detail.fileName}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag color={status?.color}>{detail.statusLabel ?? status?.text ?? detail.status}</Tag>
          {running && <Spin size="small" />}
        </Descriptions.Item>
        <Descriptions.Item label="开始时间">{fmtDateTime(detail.startedAt)}</Descriptions.Item>
        <Descriptions.Item label="完成时间" span={2}>
          {fmtDateTime(detail.finishedAt)}
        </Descriptions.Item>
        <Descriptions.Item label="加入">{s?.joined ?? 0}</Descriptions.Item>
        <Descriptions.Item label="变更">{s?.changed ?? 0}</Descriptions.Item>
        <Descriptions.Item label="离开">{s?.left ?? 0}</Descriptions.Item>
      </Descriptions>
      <Tabs
        items={[
          {
            key: 'changes',
            label: `数据差异（${(s?.joined ?? 0) + (s?.changed ?? 0) + (s?.left ?? 0)}）`,
            children: (
              <>
                <Segmented
                  style={{ marginBottom: 12 }}
                  value={change}
                  onChange={(v) => {
                    setChange(String(v));
                    setPage(1);
                  }}
                  options={[
                    { value: 'all', label: '全部' },
                    { value: 'joined', label: `加入 ${s?.joined ?? 0}` },
                    { value: 'changed', label: `变更 ${s?.changed ?? 0}` },
                    { value: 'left', label: `离开 ${s?.left ?? 0}` },
                  ]}
                />
                <FitTable<RegistryChange>
                  size="small"
                  bordered
                  loading={loading}
                  rowKey={(c) => `${c.entity}-${c.key}-${c.change}`}
                  dataSource={detail.changes.items}
                  pagination={{
                    current: page,
                    pageSize: PAGE_SIZE,
                    total: detail.changes.total,
                    showSizeChanger: false,
                    showTotal: (t) => `共 ${t} 条`,
                    onChange: setPage,
                  }}
                  columns={[
                    { title: '类型', dataIndex: 'entity', render: (v: string, c) => c.entityLabel ?? v },
                    { title: '标识', dataIndex: 'key' },
                    { title: '名称', dataIndex: 'name' },
                    {
                      title: '变动',
                      dataIndex: 'change',
                      render: (v: string, c) => (
                        <Tag color={CHANGE_LABELS[v]?.color}>
                          {c.changeLabel ?? CHANGE_LABELS[v]?.text ?? v}
                        </Tag>
                      ),
                    },
                    {
                      title: '变更字段',
                      dataIndex: 'fields',
                      render: (v: string[] | null) => (v ?? []).map(registryFieldLabel).join('、'),
                    },
                    { title: '日期', dataIndex: 'on' },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'errors',
            label: (
              <span>
                错误行（
                <Typography.Text type={detail.rowErrors.length ? 'danger' : undefined}>
                  {detail.rowErrors.length}
                </Typography.Text>
                ）
              </span>
            ),
            children: (
              <FitTable<RowError>
                size="small"
                bordered
                rowKey={(r) => `${r.sheet}-${r.row}-${r.field}-${r.reason}`}
                dataSource={detail.rowErrors}
                pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 条` }}
                columns={[
                  { title: '工作表', dataIndex: 'sheet' },
                  { title: '行号', dataIndex: 'row', width: 80 },
                  { title: '字段', dataIndex: 'field' },
                  {
                    title: '原因',
                    dataIndex: 'reason',
                    render: (v: string) => <span className="text-danger">{v}</span>,
                  },
                ]}
              />
            ),
          },
        ]}
      />
    </PageCard>
  );
}
