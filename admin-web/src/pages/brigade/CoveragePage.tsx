import { Input, Space, Statistic } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useApiError } from '../../api/errors';
import type { CoverageCounts, CoverageRow } from '../../api/projects';
import { useUser } from '../../auth/AuthContext';
import { PageCard } from '../../components/PageCard';
import { FitTable } from '../../components/FitTable';

type CoverageList = Awaited<ReturnType<typeof api.getCoverage>>;

const countsLabel = (c: CoverageCounts) =>
  c.total ? `${c.linked}/${c.total}（${c.rateLabel}）` : c.rateLabel;

/** 在线执业覆盖率: how many of each institution's 双随机 projects are entered here (brigade: all; detachment: its own). */
export function CoveragePage() {
  const onError = useApiError();
  const user = useUser();
  const [name, setName] = useState('');
  const [data, setData] = useState<CoverageList | null>(null);
  useEffect(() => {
    let cancelled = false;
    api.getCoverage({ name }).then((r) => !cancelled && setData(r), onError);
    return () => {
      cancelled = true;
    };
  }, [name, onError]);
  const s = data?.summary;
  return (
    // The server scopes the list to the account's detachment when it belongs to one.
    <PageCard title={user.detachmentId !== null ? '在线执业覆盖率（本支队）' : '在线执业覆盖率'}>
      <Space size={48} style={{ marginBottom: 16 }}>
        <Statistic title="双随机系统中的项目" value={s?.total ?? 0} />
        <Statistic title="已录入本系统" value={s?.linked ?? 0} />
        <Statistic
          title="覆盖率"
          value={s?.rate == null ? '无双随机项目' : `${(s.rate * 100).toFixed(1)}%`}
          valueStyle={{ fontSize: 24 }}
        />
      </Space>
      <div style={{ marginBottom: 12 }}>
        <Input.Search placeholder="机构名称" allowClear onSearch={setName} style={{ width: 260 }} />
      </div>
      <FitTable<CoverageRow>
        rowKey="institutionId"
        loading={!data}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 条` }}
        columns={[
          { title: '服务机构', dataIndex: 'institutionName' },
          { title: '双随机项目数', dataIndex: 'total', width: 120, sorter: (a, b) => a.total - b.total },
          { title: '已录入', dataIndex: 'linked', width: 90 },
          {
            title: '覆盖率',
            dataIndex: 'rateLabel',
            width: 120,
            sorter: (a, b) => (a.rate ?? -1) - (b.rate ?? -1),
          },
          { title: '维保项目', width: 160, render: (_, r) => countsLabel(r.byKind.maintenance) },
          { title: '检测项目', width: 160, render: (_, r) => countsLabel(r.byKind.testing) },
          { title: '未录入项目数', dataIndex: 'unlinkedCount', width: 120 },
        ]}
      />
    </PageCard>
  );
}
