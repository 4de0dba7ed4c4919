import { ArrowLeftOutlined, CloudDownloadOutlined } from '@ant-design/icons';
import { describeSingleItemRule } from '@xf/domain/judgment/single-item-rules';
import { Button, Card, Descriptions, Result, Space, Spin, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useApiError } from '../../../api/errors';
import { standardsApi, type PublishedDiff, type StandardEdition } from '../../../api/standards';
import { PageCard } from '../../../components/PageCard';
import { CatalogTree } from './CatalogTree';
import { EditionDiffView } from './EditionDiffView';

/** One edition's catalog: maintenance systems › categories › facilities › lines, and the testing items. */
export function StandardEditionDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const onError = useApiError();
  const [edition, setEdition] = useState<StandardEdition | null>(null);
  const [diff, setDiff] = useState<PublishedDiff | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setEdition(null);
    setFailed(false);
    Promise.all([standardsApi.get(id), standardsApi.diff(id)]).then(
      ([e, d]) => {
        if (cancelled) return;
        setEdition(e);
        setDiff(d);
      },
      (e) => {
        if (cancelled) return;
        setFailed(true);
        onError(e);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [id, onError]);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/brigade/standard-editions')}>
      返回列表
    </Button>
  );
  if (failed) return <Result status="404" title="未找到该标准版本" extra={back} />;
  if (!edition) return <Spin style={{ display: 'block', marginTop: 80 }} />;

  const lines = edition.maintenance.reduce(
    (n, s) => n + s.categories.reduce((m, c) => m + c.facilities.reduce((k, f) => k + f.lines.length, 0), 0),
    0,
  );
  const items = edition.testing.reduce((n, s) => n + s.subItems.reduce((m, u) => m + u.items.length, 0), 0);

  return (
    <PageCard
      title={`标准版本：${edition.id}`}
      extra={
        <Space>
          {back}
          <Button
            icon={<CloudDownloadOutlined />}
            onClick={() => standardsApi.downloadWorkbook(edition.id).catch(onError)}
          >
            下载Excel
          </Button>
        </Space>
      }
    >
      <Descriptions size="small" bordered column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="标题" span={2}>
          {edition.title}
        </Descriptions.Item>
        <Descriptions.Item label="版本编号">{edition.id}</Descriptions.Item>
        <Descriptions.Item label="生效日期">{edition.effectiveDate}</Descriptions.Item>
        <Descriptions.Item label="依据标准" span={2}>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {edition.sources.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </Descriptions.Item>
        <Descriptions.Item label="默认单项判定规则" span={2}>
          {describeSingleItemRule(edition.defaultSingleItemRule)}（未单独规定判定规则的检测单项采用）
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary">
        项目在创建时锁定当日生效的标准版本；本版本自{edition.effectiveDate}
        起用于新建的项目，已创建的项目仍使用其创建时的版本。
      </Typography.Paragraph>

      {diff?.diff && (
        <Card
          size="small"
          type="inner"
          title={`相对上一版本“${diff.previousEditionId}”的差异`}
          style={{ marginBottom: 16 }}
        >
          <EditionDiffView diff={diff.diff} />
        </Card>
      )}

      <Tabs
        items={[
          {
            key: 'maintenance',
            label: `维保目录（${edition.maintenance.length}个系统，${lines}条内容）`,
            children: <CatalogTree edition={edition} catalog="maintenance" />,
          },
          {
            key: 'testing',
            label: `检测目录（${edition.testing.length}个单项，${items}个检测项）`,
            children: <CatalogTree edition={edition} catalog="testing" />,
          },
        ]}
      />
    </PageCard>
  );
}
