import { CloudDownloadOutlined, DiffOutlined, EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Spin, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useApiError } from '../../../api/errors';
import {
  EDITION_SOURCE_LABELS,
  standardsApi,
  type EditionSummary,
  type PublishedDiff,
} from '../../../api/standards';
import { fmtDateTime } from '../../../components/format';
import { PageCard } from '../../../components/PageCard';
import { EditionDiffView } from './EditionDiffView';
import { EditionUploadPanel } from './EditionUploadPanel';
import { FitTable } from '../../../components/FitTable';

export const editionPath = (id: string) => `/brigade/standard-editions/${encodeURIComponent(id)}`;

/** 标准版本管理: the built-in and published editions; upload a corrected edition as Excel or JSON. */
export function StandardEditionsPage() {
  const navigate = useNavigate();
  const onError = useApiError();
  const [editions, setEditions] = useState<EditionSummary[] | null>(null);
  const [inForceId, setInForceId] = useState<string | null>(null);
  const [justPublished, setJustPublished] = useState<string | null>(null);
  const [diffOf, setDiffOf] = useState<{ id: string; data: PublishedDiff | null } | null>(null);

  const load = useCallback(() => {
    Promise.all([standardsApi.list(), standardsApi.inForce().catch(() => null)]).then(([list, inForce]) => {
      setEditions(list);
      setInForceId(inForce?.id ?? null);
    }, onError);
  }, [onError]);
  useEffect(load, [load]);

  const showDiff = (id: string) => {
    setDiffOf({ id, data: null });
    standardsApi.diff(id).then(
      (data) => setDiffOf((cur) => (cur?.id === id ? { id, data } : cur)),
      (e) => {
        setDiffOf(null);
        onError(e);
      },
    );
  };

  const columns: TableColumnsType<EditionSummary> = [
    {
      title: '版本编号',
      dataIndex: 'id',
      render: (id: string) => (
        <Space size={4} wrap>
          <Typography.Link onClick={() => navigate(editionPath(id))}>{id}</Typography.Link>
          {id === inForceId && <Tag color="green">现行</Tag>}
          {id === justPublished && <Tag color="blue">刚发布</Tag>}
        </Space>
      ),
    },
    { title: '标题', dataIndex: 'title', width: 420 },
    { title: '生效日期', dataIndex: 'effectiveDate', width: 110 },
    {
      title: '来源',
      dataIndex: 'source',
      width: 120,
      render: (v: EditionSummary['source']) => (
        <Tag color={v === 'built_in' ? 'default' : 'purple'}>{EDITION_SOURCE_LABELS[v] ?? v}</Tag>
      ),
    },
    {
      title: '维保目录',
      render: (_v, e) => `${e.counts.maintenanceSystems}个系统 / ${e.counts.maintenanceLines}条内容`,
    },
    {
      title: '检测目录',
      render: (_v, e) => `${e.counts.singleItems}个单项 / ${e.counts.testItems}个检测项`,
    },
    {
      title: '发布时间',
      dataIndex: 'publishedAt',
      width: 170,
      render: (v: string | null) => (v ? fmtDateTime(v) : '—'),
    },
    {
      title: '操作',
      width: 260,
      render: (_v, e) => (
        <Space size={0} wrap>
          <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => navigate(editionPath(e.id))}>
            查看目录
          </Button>
          <Button
            type="link"
            size="small"
            icon={<CloudDownloadOutlined />}
            onClick={() => standardsApi.downloadWorkbook(e.id).catch(onError)}
          >
            下载Excel
          </Button>
          {e.source !== 'built_in' && (
            <Button type="link" size="small" icon={<DiffOutlined />} onClick={() => showDiff(e.id)}>
              查看差异
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageCard title="标准版本管理">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="标准版本决定维保计划和检测计划的内容（维保内容、周期、检查提示、合格标准，检测项、类别、检测方法与技术要求）。"
        description={
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            <li>
              项目在创建时锁定当日生效的标准版本，并一直使用该版本；之后发布的版本不会改变已创建项目的计划和判定。
            </li>
            <li>新版本自其生效日期起用于新建的维保项目和检测项目。</li>
            <li>
              已发布的版本不能修改或删除。需要更正时，下载现行版本的Excel（或JSON），修改后填写新的版本编号和生效日期，上传校验并确认发布。
            </li>
          </ul>
        }
      />
      <EditionUploadPanel
        onPublished={(id) => {
          setJustPublished(id);
          load();
        }}
      />
      <FitTable<EditionSummary>
        data-testid="edition-list"
        rowKey="id"
        size="small"
        bordered
        loading={editions === null}
        dataSource={editions ?? []}
        columns={columns}
        pagination={false}
      />
      <Modal
        open={diffOf !== null}
        title={`版本差异：${diffOf?.id ?? ''}`}
        width={960}
        footer={null}
        onCancel={() => setDiffOf(null)}
        destroyOnHidden
      >
        {!diffOf?.data ? (
          <Spin />
        ) : diffOf.data.diff ? (
          <>
            <Typography.Paragraph>相对上一版本“{diffOf.data.previousEditionId}”的差异：</Typography.Paragraph>
            <EditionDiffView diff={diffOf.data.diff} />
          </>
        ) : (
          <Typography.Text type="secondary">该版本发布时没有可比对的上一版本。</Typography.Text>
        )}
      </Modal>
    </PageCard>
  );
}
