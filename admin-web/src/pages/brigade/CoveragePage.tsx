import { Input, Space, Statistic } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { CoverageCounts, CoverageRow } from '../../api/projects';
import { useUser } from '../../auth/AuthContext';
import { PageCard } from '../../components/PageCard';
import { FitTable } from '../../components/FitTable';
import { useServerTable, type PageLoader } from '../../components/useServerTable';

type CoverageList = Awaited<ReturnType<typeof api.getCoverage>>;

const countsLabel = (c: CoverageCounts) =>
  c.total ? `${c.linked}/${c.total}（${c.rateLabel}）` : c.rateLabel;

/**
 * 在线执业覆盖率: how many of each institution's 双随机 projects are entered here (brigade: all; detachment: its own),
 * a page of institutions at a time; the figures above the table count every institution the search matches.
 */
export function CoveragePage() {
  const user = useUser();
  const [name, setName] = useState('');
  const [summary, setSummary] = useState<CoverageList['summary'] | null>(null);
  const load: PageLoader<CoverageRow> = async (p) => {
    const r = await api.getCoverage({ name: name || undefined, ...p });
    setSummary(r.summary);
    return r;
  };
  const { tableProps } = useServerTable(load, { name });
  return (
    // The server scopes the list to the account's detachment when it belongs to one.
    <PageCard title={user.detachmentId !== null ? '在线执业覆盖率（本支队）' : '在线执业覆盖率'}>
      <Space size={48} style={{ marginBottom: 16 }}>
        <Statistic title="双随机系统中的项目" value={summary?.total ?? 0} />
        <Statistic title="已录入本系统" value={summary?.linked ?? 0} />
        <Statistic
          title="覆盖率"
          value={summary?.rate == null ? '无双随机项目' : `${(summary.rate * 100).toFixed(1)}%`}
          valueStyle={{ fontSize: 24 }}
        />
      </Space>
      <div style={{ marginBottom: 12 }}>
        <Input.Search placeholder="机构名称" allowClear onSearch={setName} style={{ width: 260 }} />
      </div>
      <FitTable<CoverageRow>
        {...tableProps}
        rowKey="institutionId"
        columns={[
          { title: '服务机构', dataIndex: 'institutionName' },
          { title: '双随机项目数', dataIndex: 'total', width: 120 },
          { title: '已录入', dataIndex: 'linked', width: 90 },
          { title: '覆盖率', dataIndex: 'rateLabel', width: 120 },
          { title: '维保项目', width: 160, render: (_, r) => countsLabel(r.byKind.maintenance) },
          { title: '检测项目', width: 160, render: (_, r) => countsLabel(r.byKind.testing) },
          { title: '未录入项目数', dataIndex: 'unlinkedCount', width: 120 },
        ]}
      />
    </PageCard>
  );
}
